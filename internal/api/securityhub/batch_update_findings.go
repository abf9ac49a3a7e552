package securityhub

import (
	"context"
	"net/http"

	shdomain "github.com/salvehq/salve/internal/securityhub"
)

var _ = register(http.MethodPatch, "/findings/batchupdate", "BatchUpdateFindings", (*api).batchUpdateFindings)

type findingIdentifier struct {
	ID         string `json:"Id"`
	ProductArn string `json:"ProductArn"`
}

type batchUpdateFindingsInput struct {
	FindingIdentifiers []findingIdentifier       `json:"FindingIdentifiers"`
	Note               *noteUpdate               `json:"Note"`
	Severity           *severityUpdate           `json:"Severity"`
	VerificationState  *string                   `json:"VerificationState"`
	Confidence         *int                      `json:"Confidence"`
	Criticality        *int                      `json:"Criticality"`
	Types              []string                  `json:"Types"`
	UserDefinedFields  map[string]string         `json:"UserDefinedFields"`
	Workflow           *workflowUpdate           `json:"Workflow"`
	RelatedFindings    []shdomain.RelatedFinding `json:"RelatedFindings"`
}

type noteUpdate struct {
	Text      *string `json:"Text"`
	UpdatedBy *string `json:"UpdatedBy"`
}

type severityUpdate struct {
	Normalized *int     `json:"Normalized"`
	Product    *float64 `json:"Product"`
	Label      *string  `json:"Label"`
}

type workflowUpdate struct {
	Status *string `json:"Status"`
}

type unprocessedFinding struct {
	FindingIdentifier findingIdentifier `json:"FindingIdentifier"`
	ErrorCode         string            `json:"ErrorCode"`
	ErrorMessage      string            `json:"ErrorMessage"`
}

type batchUpdateFindingsOutput struct {
	ProcessedFindings   []findingIdentifier  `json:"ProcessedFindings"`
	UnprocessedFindings []unprocessedFinding `json:"UnprocessedFindings"`
}

func (a *api) batchUpdateFindings(ctx context.Context, q *request) (any, error) {
	var in batchUpdateFindingsInput
	if err := decode(q, &in); err != nil {
		return nil, err
	}
	res, err := a.Hub.BatchUpdateFindings(ctx, q.scope, updateParams(&in))
	if err != nil {
		return nil, err
	}
	out := batchUpdateFindingsOutput{ProcessedFindings: []findingIdentifier{}, UnprocessedFindings: []unprocessedFinding{}}
	for _, id := range res.Processed {
		out.ProcessedFindings = append(out.ProcessedFindings, findingIdentifier(id))
	}
	for _, u := range res.Unprocessed {
		out.UnprocessedFindings = append(out.UnprocessedFindings, unprocessedFinding{
			FindingIdentifier: findingIdentifier(u.Identifier), ErrorCode: u.ErrorCode, ErrorMessage: u.ErrorMessage})
	}
	return out, nil
}

// updateParams converts the request to the domain's update.
func updateParams(in *batchUpdateFindingsInput) shdomain.UpdateParams {
	p := shdomain.UpdateParams{VerificationState: deref(in.VerificationState), Confidence: in.Confidence,
		Criticality: in.Criticality, Types: in.Types, UserDefinedFields: in.UserDefinedFields, RelatedFindings: in.RelatedFindings}
	for _, id := range in.FindingIdentifiers {
		p.Identifiers = append(p.Identifiers, shdomain.Identifier(id))
	}
	if in.Note != nil {
		p.Note = &shdomain.NoteUpdate{Text: deref(in.Note.Text), UpdatedBy: deref(in.Note.UpdatedBy)}
	}
	if in.Severity != nil {
		p.Severity = &shdomain.SeverityUpdate{Label: deref(in.Severity.Label), Normalized: in.Severity.Normalized, Product: in.Severity.Product}
	}
	if in.Workflow != nil {
		p.Workflow = deref(in.Workflow.Status)
	}
	return p
}
