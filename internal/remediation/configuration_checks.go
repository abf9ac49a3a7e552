package remediation

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// automationDocumentType is the SSM DocumentType remediation can run.
const automationDocumentType = "Automation"

// checkConfiguration returns why a Put item cannot be stored ("" if it
// can): its rule and target document must exist, the rule must not be
// service-linked, and its parameters must fit the document.
func checkConfiguration(tx store.Tx, scope tenant.Scope, c *Configuration) (string, error) {
	if msg, err := checkRule(tx, scope, c.ConfigRuleName); msg != "" || err != nil {
		return msg, err
	}
	doc, msg, err := checkDocument(tx, scope, c.TargetID, c.TargetVersion)
	if msg != "" || err != nil {
		return msg, err
	}
	return checkParameters(c, doc), nil
}

// checkRule requires an existing rule that is not service-linked.
func checkRule(tx store.Tx, scope tenant.Scope, name string) (string, error) {
	r, err := rules.GetRule(tx, scope, name)
	if awserr.Is(err, awserr.NoSuchConfigRuleException) {
		return fmt.Sprintf("The rule %s does not exist. Create it with PutConfigRule before attaching a remediation action.", name), nil
	}
	if err != nil {
		return "", err
	}
	if r.CreatedBy != "" {
		return fmt.Sprintf("The rule %s is a service-linked rule created by %s; remediation cannot be configured for service-linked rules.", name, r.CreatedBy), nil
	}
	return "", nil
}

// checkDocument requires an existing Automation document version.
func checkDocument(tx store.Tx, scope tenant.Scope, name, version string) (*documents.Document, string, error) {
	doc, err := documents.Resolve(tx, scope, name, version)
	switch {
	case awserr.Is(err, awserr.InvalidDocument):
		return nil, fmt.Sprintf("The SSM document %s does not exist in this account and region, and no Amazon-owned runbook has that name.", name), nil
	case awserr.Is(err, awserr.InvalidDocumentVersion):
		return nil, fmt.Sprintf("Version %s of the SSM document %s does not exist.", version, name), nil
	case err != nil:
		return nil, "", fmt.Errorf("resolve document %q: %w", name, err)
	}
	if doc.DocumentType != automationDocumentType {
		return nil, fmt.Sprintf("The SSM document %s is a %s document; remediation actions run Automation documents only.", name, doc.DocumentType), nil
	}
	return doc, "", nil
}

// checkParameters matches the configuration's parameters to the
// document's declarations.
func checkParameters(c *Configuration, doc *documents.Document) string {
	if msg := checkApproval(c); msg != "" {
		return msg
	}
	if c.Automatic && !hasAssumeRole(c) {
		return "Automatic remediation needs the AutomationAssumeRole parameter with a StaticValue holding the ARN of the role SSM Automation assumes."
	}
	if extra := undeclared(c, doc); len(extra) > 0 {
		return fmt.Sprintf("The SSM document %s does not declare the parameter(s) %s.", doc.Name, strings.Join(extra, ", "))
	}
	if missing := missingRequired(c, doc); len(missing) > 0 {
		return fmt.Sprintf("The SSM document %s requires the parameter(s) %s, which have no default: give each a StaticValue or a ResourceValue.",
			doc.Name, strings.Join(missing, ", "))
	}
	return ""
}

// hasAssumeRole reports whether AutomationAssumeRole has a static value.
func hasAssumeRole(c *Configuration) bool {
	v, ok := c.Parameters[AssumeRoleParameter]
	return ok && !v.IsResource() && slices.ContainsFunc(v.StaticValues, func(s string) bool { return s != "" })
}

// undeclared lists the configuration's parameters the document lacks.
func undeclared(c *Configuration, doc *documents.Document) []string {
	var out []string
	for name := range c.Parameters {
		if name != ApprovalParameter && !slices.ContainsFunc(doc.Parameters, func(p documents.Parameter) bool { return p.Name == name }) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// missingRequired lists the document's parameters without a default that
// the configuration gives no value (an empty StaticValue is no value).
func missingRequired(c *Configuration, doc *documents.Document) []string {
	var out []string
	for _, p := range doc.Parameters {
		v, ok := c.Parameters[p.Name]
		if !p.HasDefault && (!ok || (!v.IsResource() && len(v.StaticValues) == 0)) {
			out = append(out, p.Name)
		}
	}
	return out
}
