package documents

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/salvehq/salve/internal/automation"
	"github.com/salvehq/salve/internal/automation/syntax"
	"github.com/salvehq/salve/internal/awserr"
)

// Document types and formats Salve gives special treatment.
const (
	TypeAutomation     = "Automation"
	TypeChangeTemplate = "Automation.ChangeTemplate"
	TypeCommand        = "Command"
	FormatJSON         = syntax.JSON
	FormatYAML         = syntax.YAML
	FormatText         = "TEXT"
)

// MaxContentBytes is the largest document content SSM accepts (64 KB).
const MaxContentBytes = 64 * 1024

// textTypes are the document types whose content may be TEXT.
var textTypes = []string{"ChangeCalendar", "ApplicationConfiguration"}

// allPlatforms is what AWS reports for Automation documents.
var allPlatforms = []string{"Windows", "Linux", "MacOS"}

// analysis is what Salve reads out of document content.
type analysis struct {
	SchemaVersion string
	Description   string
	Parameters    []Parameter
	PlatformTypes []string
}

// analyse checks content for a document type and format and reads its
// metadata. Automation content is fully validated as a schema 0.3 runbook;
// other JSON/YAML content must parse and carry a schemaVersion; TEXT is
// stored as it is.
func analyse(content, docType, format string) (*analysis, error) {
	if len(content) > MaxContentBytes {
		return nil, awserr.New(awserr.MaxDocumentSizeExceeded,
			"The document content is %d bytes; the maximum is %d bytes (64 KB).", len(content), MaxContentBytes)
	}
	if format == FormatText {
		return analyseText(docType)
	}
	if isAutomation(docType) {
		return analyseAutomation(content, format)
	}
	return analyseOther(content, docType, format)
}

// isAutomation reports document types that hold schema 0.3 runbooks.
func isAutomation(docType string) bool {
	return docType == TypeAutomation || docType == TypeChangeTemplate
}

// analyseText accepts TEXT content for the types that allow it.
func analyseText(docType string) (*analysis, error) {
	if !slices.Contains(textTypes, docType) {
		return nil, awserr.New(awserr.InvalidDocumentContent,
			"DocumentFormat TEXT is not supported for %s documents; use JSON or YAML.", docType)
	}
	return &analysis{}, nil
}

// analyseAutomation validates a runbook.
func analyseAutomation(content, format string) (*analysis, error) {
	doc, err := automation.Parse([]byte(content), format)
	if err != nil {
		return nil, err
	}
	a := &analysis{SchemaVersion: doc.SchemaVersion, Description: doc.Description, PlatformTypes: allPlatforms}
	for _, p := range doc.Parameters {
		a.Parameters = append(a.Parameters, Parameter{Name: p.Name, Type: p.Type,
			Description: p.Description, HasDefault: p.HasDefault, Default: p.Default})
	}
	return a, nil
}

// analyseOther parses non-Automation content and reads what it can.
func analyseOther(content, docType, format string) (*analysis, error) {
	root, err := automation.ParseTree([]byte(content), format)
	if err != nil {
		return nil, err
	}
	top := mapping(root)
	if top == nil {
		return nil, awserr.New(awserr.InvalidDocumentContent, "The document content must be a JSON or YAML object.")
	}
	sv := scalarValue(top["schemaVersion"])
	if sv == "" {
		return nil, awserr.New(awserr.InvalidDocumentContent, "The document content has no schemaVersion.")
	}
	if sv == automation.SchemaVersion {
		return nil, awserr.New(awserr.InvalidDocumentContent,
			"schemaVersion 0.3 is the Automation runbook schema, but DocumentType is %s: create the document with DocumentType Automation.", docType)
	}
	a := &analysis{SchemaVersion: sv, Description: scalarValue(top["description"])}
	a.Parameters = looseParameters(root)
	a.PlatformTypes = platformsOf(content)
	return a, nil
}

// mapping returns a mapping node's members by key, or nil.
func mapping(n *yaml.Node) map[string]*yaml.Node {
	n = syntax.Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		out[n.Content[i].Value] = n.Content[i+1]
	}
	return out
}

// scalarValue returns a scalar's text, or "".
func scalarValue(n *yaml.Node) string {
	n = syntax.Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		return ""
	}
	return n.Value
}

// looseParameters reads the parameters map of non-Automation content,
// skipping entries that are not objects.
func looseParameters(root *yaml.Node) []Parameter {
	params := syntax.Resolve(mappingNode(root, "parameters"))
	if params == nil || params.Kind != yaml.MappingNode {
		return nil
	}
	var out []Parameter
	for i := 0; i+1 < len(params.Content); i += 2 {
		def := mapping(params.Content[i+1])
		if def == nil {
			continue
		}
		p := Parameter{Name: params.Content[i].Value, Type: scalarValue(def["type"]),
			Description: scalarValue(def["description"])}
		if d, ok := def["default"]; ok && d.Decode(&p.Default) == nil {
			p.HasDefault = true
		}
		out = append(out, p)
	}
	return out
}

// mappingNode returns the member key of a mapping node.
func mappingNode(n *yaml.Node, key string) *yaml.Node {
	return mapping(n)[key]
}

// platformsOf derives platforms from the plugins a Command-style document
// uses; content naming neither shell runs everywhere.
func platformsOf(content string) []string {
	shell := strings.Contains(content, "aws:runShellScript")
	power := strings.Contains(content, "aws:runPowerShellScript")
	switch {
	case shell && power:
		return allPlatforms
	case shell:
		return []string{"Linux", "MacOS"}
	case power:
		return []string{"Windows"}
	}
	return allPlatforms
}

// hashOf returns the SHA-256 of content, hex encoded.
func hashOf(content string) string {
	sum := sha256.Sum256([]byte(content))
	return hex.EncodeToString(sum[:])
}
