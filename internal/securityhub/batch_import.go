package securityhub

import (
	"context"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// ImportError is a finding BatchImportFindings refused.
type ImportError struct {
	ID, ErrorCode, ErrorMessage string
}

// ImportResult counts the findings imported and lists the refused ones.
type ImportResult struct {
	SuccessCount int
	Failed       []ImportError
}

// BatchImportFindings creates or updates up to 100 findings of a
// provider, in one transaction. A finding that is not valid ASFF, or that
// the account may not import, is reported in Failed; the others are
// stored. An update never changes what a customer owns (Note,
// UserDefinedFields, VerificationState, Workflow, and Severity, Types,
// Confidence, Criticality, RelatedFindings once a customer set them), and
// an update older than the stored finding (by UpdatedAt) is ignored.
func (s *Service) BatchImportFindings(ctx context.Context, scope tenant.Scope, findings []Finding) (*ImportResult, error) {
	if len(findings) == 0 || len(findings) > MaxBatch {
		return nil, InvalidInput("Findings must hold between 1 and %d findings; %d were given.", MaxBatch, len(findings))
	}
	var res *ImportResult
	var changed []Finding
	err := s.store.Update(ctx, func(tx store.Tx) error {
		ok, err := s.useHub(tx, scope)
		if err != nil {
			return err
		}
		if !ok {
			return notSubscribed(scope.AccountID)
		}
		res, changed, err = s.importEach(tx, scope, findings)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.notify(ctx, scope, changed)
	return res, nil
}

// importEach imports the findings one by one.
func (s *Service) importEach(tx store.Tx, scope tenant.Scope, findings []Finding) (*ImportResult, []Finding, error) {
	res := &ImportResult{Failed: []ImportError{}}
	var changed []Finding
	now := s.clock.Now()
	for i := range findings {
		f := findings[i].Clone()
		if code, msg := checkImport(scope, f); code != "" {
			res.Failed = append(res.Failed, ImportError{ID: f.ID, ErrorCode: code, ErrorMessage: msg})
			continue
		}
		rec, err := getFinding(tx, scope, f.Identifier())
		if err != nil {
			return nil, nil, err
		}
		next := importFinding(scope, rec, f, now)
		if next == nil {
			res.SuccessCount++
			continue
		}
		if size(&next.Finding) > MaxFindingBytes {
			res.Failed = append(res.Failed, ImportError{ID: f.ID, ErrorCode: FindingSizeExceeded, ErrorMessage: "Finding size exceeded 240 KB"})
			continue
		}
		if err := putFinding(tx, scope, next); err != nil {
			return nil, nil, err
		}
		res.SuccessCount++
		changed = append(changed, next.Finding)
	}
	return res, changed, nil
}

// importFinding returns the record to store for an imported finding, or
// nil when the import is older than the stored finding.
func importFinding(scope tenant.Scope, old *record, f *Finding, now time.Time) *record {
	completeProvider(f)
	f.ProcessedAt = FormatTime(now)
	if old == nil {
		completeNew(scope, f)
		return &record{Finding: *f}
	}
	oldAt, _ := ParseTime(old.Finding.UpdatedAt)
	newAt, _ := ParseTime(f.UpdatedAt)
	if newAt.Before(oldAt) {
		return nil
	}
	keepCustomer(old, f)
	completeNew(scope, f)
	f.Workflow = &Workflow{Status: reopened(Transition{Workflow: old.Finding.WorkflowStatus(),
		OldCompliance: old.Finding.ComplianceStatus(), NewCompliance: f.ComplianceStatus(),
		OldRecord: old.Finding.RecordState, NewRecord: f.RecordState})}
	return &record{Finding: *f, CustomerSet: old.CustomerSet}
}

// keepCustomer carries over what a provider's update may not change.
func keepCustomer(old *record, f *Finding) {
	o := &old.Finding
	f.Note, f.UserDefinedFields, f.VerificationState = o.Note, o.UserDefinedFields, o.VerificationState
	f.WorkflowState, f.CreatedAt = o.WorkflowState, o.CreatedAt
	if old.customerSet("Severity") {
		f.Severity = o.Severity
	}
	if old.customerSet("Types") {
		f.Types = o.Types
	}
	if old.customerSet("Confidence") {
		f.Confidence = o.Confidence
	}
	if old.customerSet("Criticality") {
		f.Criticality = o.Criticality
	}
	if old.customerSet("RelatedFindings") {
		f.RelatedFindings = o.RelatedFindings
	}
}

// completeNew fills the members Security Hub sets on a finding it stores.
func completeNew(scope tenant.Scope, f *Finding) {
	if f.RecordState == "" {
		f.RecordState = RecordActive
	}
	if f.Workflow == nil || f.Workflow.Status == "" {
		f.Workflow = &Workflow{Status: WorkflowNew}
	}
	if f.WorkflowState == "" {
		f.WorkflowState = "NEW"
	}
	if f.Region == "" {
		f.Region = scope.Region
	}
	company, product := productNames(scope, f.ProductArn)
	if f.CompanyName == "" {
		f.CompanyName = company
	}
	if f.ProductName == "" {
		f.ProductName = product
	}
	if f.Severity != nil {
		f.Severity = completeSeverity(f.Severity)
	}
	f.ProductFields = mergeFields(f.ProductFields, map[string]string{
		"aws/securityhub/FindingId":   f.ProductArn + "/" + f.ID,
		"aws/securityhub/ProductName": f.ProductName,
		"aws/securityhub/CompanyName": f.CompanyName,
	})
}

// completeSeverity derives the label from the score or the score from the
// label, whichever is missing.
func completeSeverity(s *Severity) *Severity {
	out := clonePtr(s)
	switch {
	case out.Label == "" && out.Normalized != nil:
		out.Label = SeverityLabelOf(*out.Normalized)
	case out.Label != "" && out.Normalized == nil:
		n := NormalizedOf(out.Label)
		out.Normalized = &n
	}
	return out
}

// completeProvider keeps FindingProviderFields and the top-level members
// they mirror consistent: each side missing takes the other's values.
func completeProvider(f *Finding) {
	if f.FindingProviderFields == nil {
		f.FindingProviderFields = &FindingProviderFields{}
	}
	p := f.FindingProviderFields
	if p.Severity == nil && f.Severity != nil {
		p.Severity = &ProviderSeverity{Label: completeSeverity(f.Severity).Label, Original: f.Severity.Original}
	}
	if f.Severity == nil && p.Severity != nil {
		n := NormalizedOf(p.Severity.Label)
		f.Severity = &Severity{Label: p.Severity.Label, Normalized: &n, Original: p.Severity.Original}
	}
	p.Types, f.Types = orSlice(p.Types, f.Types), orSlice(f.Types, p.Types)
	p.Confidence, f.Confidence = orPtr(p.Confidence, f.Confidence), orPtr(f.Confidence, p.Confidence)
	p.Criticality, f.Criticality = orPtr(p.Criticality, f.Criticality), orPtr(f.Criticality, p.Criticality)
	p.RelatedFindings, f.RelatedFindings = orSlice(p.RelatedFindings, f.RelatedFindings), orSlice(f.RelatedFindings, p.RelatedFindings)
}

// orSlice returns v, or alt when v is empty.
func orSlice[T any](v, alt []T) []T {
	if len(v) == 0 {
		return alt
	}
	return v
}

// orPtr returns v, or alt when v is nil.
func orPtr[T any](v, alt *T) *T {
	if v == nil {
		return alt
	}
	return v
}
