package securityhub

import (
	"context"
	"net/http"

	shdomain "github.com/salvehq/salve/internal/securityhub"
)

var _ = register(http.MethodPost, "/findings/import", "BatchImportFindings", (*api).batchImportFindings)

// batchImportFindingsInput takes the findings in ASFF, whose members the
// domain's Finding carries (and keeps those it does not interpret).
type batchImportFindingsInput struct {
	Findings []shdomain.Finding `json:"Findings"`
}

type importFindingsError struct {
	ID           string `json:"Id"`
	ErrorCode    string `json:"ErrorCode"`
	ErrorMessage string `json:"ErrorMessage"`
}

type batchImportFindingsOutput struct {
	FailedCount    int                   `json:"FailedCount"`
	SuccessCount   int                   `json:"SuccessCount"`
	FailedFindings []importFindingsError `json:"FailedFindings"`
}

func (a *api) batchImportFindings(ctx context.Context, q *request) (any, error) {
	var in batchImportFindingsInput
	if err := decode(q, &in); err != nil {
		return nil, err
	}
	res, err := a.Hub.BatchImportFindings(ctx, q.scope, in.Findings)
	if err != nil {
		return nil, err
	}
	out := batchImportFindingsOutput{SuccessCount: res.SuccessCount, FailedCount: len(res.Failed),
		FailedFindings: []importFindingsError{}}
	for _, f := range res.Failed {
		out.FailedFindings = append(out.FailedFindings, importFindingsError(f))
	}
	return out, nil
}
