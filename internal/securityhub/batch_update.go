package securityhub

import (
	"context"
	"maps"
	"slices"

	"github.com/go-json-experiment/json"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// MaxBatch is how many findings one BatchUpdateFindings or
// BatchImportFindings call takes.
const MaxBatch = 100

// MaxFindingBytes is the largest finding Security Hub keeps (240 KB).
const MaxFindingBytes = 240 * 1024

// NoteUpdate is a new note.
type NoteUpdate struct {
	Text, UpdatedBy string
}

// SeverityUpdate is a customer's severity: a Label, a Normalized score
// (0–100) or both; the one not given is derived from the other.
type SeverityUpdate struct {
	Label      string
	Normalized *int
	Product    *float64
}

// UpdateParams are BatchUpdateFindings' members: the findings and the
// customer-owned members to set (nil or "" leaves a member as it is).
type UpdateParams struct {
	Identifiers       []Identifier
	Note              *NoteUpdate
	Severity          *SeverityUpdate
	VerificationState string
	Confidence        *int
	Criticality       *int
	Types             []string
	UserDefinedFields map[string]string
	// Workflow is the new Workflow.Status.
	Workflow        string
	RelatedFindings []RelatedFinding
}

// Unprocessed is a finding an update or import could not process.
type Unprocessed struct {
	Identifier
	ErrorCode, ErrorMessage string
}

// UpdateResult says which findings were updated.
type UpdateResult struct {
	Processed   []Identifier
	Unprocessed []Unprocessed
}

// BatchUpdateFindings applies a customer's update to up to 100 findings in
// one transaction. A finding that does not exist, or is named twice, is
// reported in Unprocessed; the others are updated. UpdatedAt does not
// change (it is the provider's), as on AWS.
func (s *Service) BatchUpdateFindings(ctx context.Context, scope tenant.Scope, p UpdateParams) (*UpdateResult, error) {
	if err := checkUpdate(p); err != nil {
		return nil, err
	}
	var res *UpdateResult
	var changed []Finding
	err := s.store.Update(ctx, func(tx store.Tx) error {
		if _, err := s.enabledHub(tx, scope); err != nil {
			return err
		}
		var err error
		res, changed, err = s.updateEach(tx, scope, p)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.notify(ctx, scope, changed)
	return res, nil
}

// updateEach updates the named findings.
func (s *Service) updateEach(tx store.Tx, scope tenant.Scope, p UpdateParams) (*UpdateResult, []Finding, error) {
	res := &UpdateResult{Processed: []Identifier{}, Unprocessed: []Unprocessed{}}
	var changed []Finding
	now := FormatTime(s.clock.Now())
	for _, id := range p.Identifiers {
		if count(p.Identifiers, id) > 1 {
			res.Unprocessed = append(res.Unprocessed, Unprocessed{id, DuplicatedFindingIdentifier, "Finding Identifier is duplicated"})
			continue
		}
		rec, err := getFinding(tx, scope, id)
		if err != nil {
			return nil, nil, err
		}
		if rec == nil {
			res.Unprocessed = append(res.Unprocessed, Unprocessed{id, FindingNotFound, "Finding Not Found"})
			continue
		}
		applyUpdate(rec, p, now)
		if size(&rec.Finding) > MaxFindingBytes {
			res.Unprocessed = append(res.Unprocessed, Unprocessed{id, FindingSizeExceeded, "Finding size exceeded 240 KB"})
			continue
		}
		if err := putFinding(tx, scope, rec); err != nil {
			return nil, nil, err
		}
		res.Processed = append(res.Processed, id)
		changed = append(changed, rec.Finding)
	}
	return res, changed, nil
}

func count(ids []Identifier, id Identifier) int {
	n := 0
	for _, x := range ids {
		if x == id {
			n++
		}
	}
	return n
}

// size returns the encoded size of a finding.
func size(f *Finding) int {
	b, _ := json.Marshal(f)
	return len(b)
}

// applyUpdate sets the members an update gives and notes them as the
// customer's.
func applyUpdate(r *record, p UpdateParams, now string) {
	f := &r.Finding
	if p.Note != nil {
		f.Note = &Note{Text: p.Note.Text, UpdatedBy: p.Note.UpdatedBy, UpdatedAt: now}
	}
	if p.Severity != nil {
		f.Severity = mergeSeverity(f.Severity, p.Severity)
		r.markCustomerSet("Severity")
	}
	if p.VerificationState != "" {
		f.VerificationState = p.VerificationState
	}
	if p.Workflow != "" {
		f.Workflow = &Workflow{Status: p.Workflow}
	}
	if p.UserDefinedFields != nil {
		f.UserDefinedFields = mergeFields(f.UserDefinedFields, p.UserDefinedFields)
	}
	applyCustomerOverrides(r, p)
}

// applyCustomerOverrides sets the members a provider also sets.
func applyCustomerOverrides(r *record, p UpdateParams) {
	f := &r.Finding
	if p.Confidence != nil {
		f.Confidence = clonePtr(p.Confidence)
		r.markCustomerSet("Confidence")
	}
	if p.Criticality != nil {
		f.Criticality = clonePtr(p.Criticality)
		r.markCustomerSet("Criticality")
	}
	if p.Types != nil {
		f.Types = slices.Clone(p.Types)
		r.markCustomerSet("Types")
	}
	if p.RelatedFindings != nil {
		f.RelatedFindings = slices.Clone(p.RelatedFindings)
		r.markCustomerSet("RelatedFindings")
	}
}

func mergeFields(old, add map[string]string) map[string]string {
	out := maps.Clone(old)
	if out == nil {
		out = map[string]string{}
	}
	maps.Copy(out, add)
	return out
}

// mergeSeverity returns the severity after a customer's update: a label
// without a score takes the label's score, a score without a label takes
// the score's label.
func mergeSeverity(old *Severity, u *SeverityUpdate) *Severity {
	out := &Severity{}
	if old != nil {
		out = clonePtr(old)
	}
	switch {
	case u.Label != "" && u.Normalized != nil:
		out.Label, out.Normalized = u.Label, clonePtr(u.Normalized)
	case u.Label != "":
		n := NormalizedOf(u.Label)
		out.Label, out.Normalized = u.Label, &n
	case u.Normalized != nil:
		out.Label, out.Normalized = SeverityLabelOf(*u.Normalized), clonePtr(u.Normalized)
	}
	if u.Product != nil {
		out.Product = clonePtr(u.Product)
	}
	return out
}
