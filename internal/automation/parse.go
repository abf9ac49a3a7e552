package automation

import (
	"gopkg.in/yaml.v3"

	"github.com/salvehq/salve/internal/automation/syntax"
	"github.com/salvehq/salve/internal/awserr"
)

// topLevelKeys are the members of a schema 0.3 document. The last three
// belong to Change Manager templates (Automation.ChangeTemplate).
var topLevelKeys = []string{"schemaVersion", "description", "assumeRole", "parameters",
	"variables", "mainSteps", "outputs", "files",
	"templateInformation", "executableRunBooks", "emergencyChange"}

// Parse reads a schema 0.3 runbook written in format ("JSON", the default
// when empty, or "YAML") and validates it. Every failure is an awserr
// InvalidDocumentContent naming the offending member, except a
// schemaVersion other than "0.3" (InvalidDocumentSchemaVersion).
func Parse(content []byte, format string) (*Document, error) {
	root, err := ParseTree(content, format)
	if err != nil {
		return nil, err
	}
	return fromTree(root)
}

// ParseTree reads content in format into an order-preserving tree without
// checking the schema; syntax errors are InvalidDocumentContent naming the
// line.
func ParseTree(content []byte, format string) (*yaml.Node, error) {
	if format == "" {
		format = syntax.JSON
	}
	if format != syntax.JSON && format != syntax.YAML {
		return nil, awserr.New(awserr.InvalidDocumentContent,
			"Automation documents must be written in JSON or YAML, not %s.", format)
	}
	root, err := syntax.Parse(content, format)
	if err != nil {
		return nil, awserr.New(awserr.InvalidDocumentContent, "%v", err)
	}
	return root, nil
}

// parser carries what the checks of one document share.
type parser struct {
	doc *Document
}

// fromTree builds and validates a Document from a parsed tree.
func fromTree(root *yaml.Node) (*Document, error) {
	fs, err := fields(root, "document")
	if err != nil {
		return nil, err
	}
	if err := checkKeys(fs, "", topLevelKeys...); err != nil {
		return nil, err
	}
	p := &parser{doc: &Document{}}
	if err := p.topLevel(fs); err != nil {
		return nil, err
	}
	if err := p.required(fs); err != nil {
		return nil, err
	}
	if err := checkReferences(p.doc); err != nil {
		return nil, err
	}
	return p.doc, nil
}

// topLevel reads every top-level member.
func (p *parser) topLevel(fs []field) error {
	for _, f := range fs {
		if err := p.member(f); err != nil {
			return err
		}
	}
	return nil
}

// member reads one top-level member.
func (p *parser) member(f field) error {
	var err error
	d := p.doc
	switch f.key {
	case "schemaVersion":
		d.SchemaVersion, err = schemaVersion(f.node)
	case "description":
		d.Description, err = str(f.node, f.key)
	case "assumeRole":
		d.AssumeRole, err = str(f.node, f.key)
	case "parameters":
		d.Parameters, err = parameters(f.node, f.key)
	case "variables":
		d.Variables, err = variables(f.node, f.key)
	case "mainSteps":
		d.MainSteps, err = steps(f.node, f.key)
	case "outputs":
		d.Outputs, err = stringList(f.node, f.key)
	case "files":
		err = p.files(f.node)
	}
	return err
}

// required checks the members every runbook must have.
func (p *parser) required(fs []field) error {
	has := map[string]bool{}
	for _, f := range fs {
		has[f.key] = true
	}
	if !has["schemaVersion"] {
		return invalid("", "schemaVersion is required; Automation documents use schemaVersion \"0.3\"")
	}
	if !has["mainSteps"] {
		return invalid("", "mainSteps is required: a runbook needs at least one step")
	}
	return nil
}

// schemaVersion reads the schema version, written as a string or a bare
// number in YAML.
func schemaVersion(n *yaml.Node) (string, error) {
	n = syntax.Resolve(n)
	if n.Kind != yaml.ScalarNode || (n.ShortTag() != "!!str" && n.ShortTag() != "!!float") {
		return "", invalid("schemaVersion", "must be a string such as \"0.3\", not %s", kindName(n))
	}
	if n.Value != SchemaVersion {
		return "", awserr.New(awserr.InvalidDocumentSchemaVersion,
			"schemaVersion %q is not supported by Automation documents; use \"0.3\".", n.Value)
	}
	return n.Value, nil
}

// files reads the attachment declarations.
func (p *parser) files(n *yaml.Node) error {
	fs, err := fields(n, "files")
	if err != nil {
		return err
	}
	p.doc.Files = make(map[string]any, len(fs))
	for _, f := range fs {
		v, err := value(f.node, join("files", f.key))
		if err != nil {
			return err
		}
		p.doc.Files[f.key] = v
	}
	return nil
}

// stringList reads a list of strings.
func stringList(n *yaml.Node, path string) ([]string, error) {
	ns, err := items(n, path)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(ns))
	for i, c := range ns {
		if out[i], err = str(c, index(path, i)); err != nil {
			return nil, err
		}
	}
	return out, nil
}
