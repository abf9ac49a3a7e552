package securityhub

import (
	"slices"
	"strings"
)

// typeNamespaces are the namespaces of ASFF finding types
// (namespace/category/classifier).
var typeNamespaces = []string{"Software and Configuration Checks", "TTPs", "Effects", "Unusual Behaviors",
	"Sensitive Data Identifications"}

// Limits of ASFF members Salve checks.
const (
	maxNoteText        = 512
	maxNoteUpdatedBy   = 512
	maxTypes           = 50
	maxFieldEntries    = 50
	maxFieldKey        = 128
	maxFieldValue      = 1024
	maxProductValue    = 2048
	maxRelatedFindings = 10
	maxTitle           = 256
	maxDescription     = 1024
	maxID              = 512
	maxResources       = 32
)

// checkUpdate validates BatchUpdateFindings' members.
func checkUpdate(p UpdateParams) error {
	if err := checkIdentifiers(p.Identifiers); err != nil {
		return err
	}
	if p.Note == nil && p.Severity == nil && p.VerificationState == "" && p.Confidence == nil &&
		p.Criticality == nil && p.Types == nil && p.UserDefinedFields == nil && p.Workflow == "" && p.RelatedFindings == nil {
		return InvalidInput("Specify at least one finding attribute to update (Workflow, Note, Severity, VerificationState, Confidence, Criticality, Types, UserDefinedFields or RelatedFindings).")
	}
	for _, check := range []func() error{
		func() error { return checkNote(p.Note) },
		func() error { return checkSeverityUpdate(p.Severity) },
		func() error { return checkEnum("VerificationState", p.VerificationState, VerificationStates) },
		func() error { return checkEnum("Workflow.Status", p.Workflow, WorkflowStatuses) },
		func() error { return checkRatio("Confidence", p.Confidence) },
		func() error { return checkRatio("Criticality", p.Criticality) },
		func() error { return checkTypes("Types", p.Types, p.Types != nil) },
		func() error { return checkFields("UserDefinedFields", p.UserDefinedFields, maxFieldValue) },
		func() error { return checkRelated("RelatedFindings", p.RelatedFindings) },
	} {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

func checkIdentifiers(ids []Identifier) error {
	if len(ids) == 0 {
		return InvalidInput("FindingIdentifiers must name at least one finding.")
	}
	if len(ids) > MaxBatch {
		return InvalidInput("FindingIdentifiers names %d findings; the maximum is %d.", len(ids), MaxBatch)
	}
	for _, id := range ids {
		if blank(id.ID) || blank(id.ProductArn) {
			return InvalidInput("Every FindingIdentifier needs an Id and a ProductArn.")
		}
	}
	return nil
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

func checkNote(n *NoteUpdate) error {
	switch {
	case n == nil:
		return nil
	case blank(n.Text) || blank(n.UpdatedBy):
		return InvalidInput("Note needs both Text and UpdatedBy.")
	case len(n.Text) > maxNoteText:
		return InvalidInput("Note.Text is %d characters long; the maximum is %d.", len(n.Text), maxNoteText)
	case len(n.UpdatedBy) > maxNoteUpdatedBy:
		return InvalidInput("Note.UpdatedBy is %d characters long; the maximum is %d.", len(n.UpdatedBy), maxNoteUpdatedBy)
	}
	return nil
}

func checkSeverityUpdate(s *SeverityUpdate) error {
	if s == nil {
		return nil
	}
	if s.Label == "" && s.Normalized == nil && s.Product == nil {
		return InvalidInput("Severity needs a Label, a Normalized score or a Product score.")
	}
	if err := checkEnum("Severity.Label", s.Label, SeverityLabels); err != nil {
		return err
	}
	return checkRatio("Severity.Normalized", s.Normalized)
}

// checkEnum refuses a non-empty value outside the enumeration.
func checkEnum(member, v string, valid []string) error {
	if v == "" || slices.Contains(valid, v) {
		return nil
	}
	return InvalidInput("Invalid %s %q: use one of %s.", member, v, strings.Join(valid, ", "))
}

// checkRatio refuses a score outside 0–100.
func checkRatio(member string, v *int) error {
	if v == nil || (*v >= 0 && *v <= 100) {
		return nil
	}
	return InvalidInput("%s must be between 0 and 100; %d was given.", member, *v)
}

// checkTypes checks finding types: 1 to 50 of namespace/category/classifier
// with a namespace of the ASFF taxonomy.
func checkTypes(member string, types []string, given bool) error {
	if !given {
		return nil
	}
	if len(types) == 0 || len(types) > maxTypes {
		return InvalidInput("%s must hold between 1 and %d finding types; %d were given.", member, maxTypes, len(types))
	}
	for _, t := range types {
		ns, _, _ := strings.Cut(t, "/")
		if !slices.Contains(typeNamespaces, ns) {
			return InvalidInput("Invalid finding type %q in %s: use namespace/category/classifier with the namespace one of %s.",
				t, member, strings.Join(typeNamespaces, ", "))
		}
	}
	return nil
}

// checkFields checks a FieldMap (ProductFields, UserDefinedFields).
func checkFields(member string, m map[string]string, maxValue int) error {
	if len(m) > maxFieldEntries {
		return InvalidInput("%s holds %d entries; the maximum is %d.", member, len(m), maxFieldEntries)
	}
	for k, v := range m {
		if blank(k) || len(k) > maxFieldKey {
			return InvalidInput("Invalid key %q in %s: 1 to %d characters.", k, member, maxFieldKey)
		}
		if blank(v) || len(v) > maxValue {
			return InvalidInput("Invalid value of %q in %s: 1 to %d characters.", k, member, maxValue)
		}
	}
	return nil
}

func checkRelated(member string, related []RelatedFinding) error {
	if len(related) > maxRelatedFindings {
		return InvalidInput("%s holds %d findings; the maximum is %d.", member, len(related), maxRelatedFindings)
	}
	for _, r := range related {
		if blank(r.ID) || blank(r.ProductArn) {
			return InvalidInput("Every entry of %s needs an Id and a ProductArn.", member)
		}
	}
	return nil
}
