package securityhub

import (
	"context"
	"net/http"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/salvehq/salve/internal/awsproto"
	shdomain "github.com/salvehq/salve/internal/securityhub"
)

var _ = register(http.MethodPost, "/findings", "GetFindings", (*api).getFindings)

type getFindingsInput struct {
	// Filters is AwsSecurityFindingFilters, decoded member by member (see
	// decodeFilters).
	Filters      map[string]jsontext.Value `json:"Filters"`
	SortCriteria []sortCriterion           `json:"SortCriteria"`
	NextToken    *string                   `json:"NextToken"`
	MaxResults   *int                      `json:"MaxResults"`
}

type sortCriterion struct {
	Field     *string `json:"Field"`
	SortOrder *string `json:"SortOrder"`
}

type getFindingsOutput struct {
	Findings  []shdomain.Finding `json:"Findings"`
	NextToken string             `json:"NextToken,omitempty"`
}

func (a *api) getFindings(ctx context.Context, q *request) (any, error) {
	var in getFindingsInput
	if err := decode(q, &in); err != nil {
		return nil, err
	}
	p, err := getFindingsParams(&in)
	if err != nil {
		return nil, err
	}
	page, err := a.Hub.GetFindings(ctx, q.scope, p)
	if err != nil {
		return nil, err
	}
	return getFindingsOutput{Findings: page.Findings, NextToken: page.NextToken}, nil
}

func getFindingsParams(in *getFindingsInput) (shdomain.GetFindingsParams, error) {
	p := shdomain.GetFindingsParams{NextToken: deref(in.NextToken)}
	if in.MaxResults != nil {
		if *in.MaxResults < 1 || *in.MaxResults > shdomain.DefaultMaxResults {
			return p, shdomain.InvalidInput("MaxResults must be between 1 and 100; %d was given.", *in.MaxResults)
		}
		p.MaxResults = *in.MaxResults
	}
	for _, c := range in.SortCriteria {
		p.SortCriteria = append(p.SortCriteria, shdomain.SortCriterion{Field: deref(c.Field), SortOrder: deref(c.SortOrder)})
	}
	var err error
	p.Filters, err = decodeFilters(in.Filters)
	return p, err
}

// decodeFilters reads AwsSecurityFindingFilters: each member is a list of
// the filter type its name takes (the domain's filter types carry the
// model's member names). A name the model does not have is refused.
func decodeFilters(raw map[string]jsontext.Value) (shdomain.Filters, error) {
	var f shdomain.Filters
	for name, v := range raw {
		kind, ok := shdomain.FilterKindOf(name)
		if !ok {
			return f, shdomain.InvalidInput("Unknown filter %q in Filters: see AwsSecurityFindingFilters for the fields you can filter on.", name)
		}
		if err := decodeFilter(&f, kind, name, v); err != nil {
			return f, err
		}
	}
	return f, nil
}

// decodeFilter reads one member's filter list into f.
func decodeFilter(f *shdomain.Filters, kind shdomain.FilterKind, name string, v jsontext.Value) error {
	switch kind {
	case shdomain.FilterString:
		return decodeInto(&f.Strings, name, v)
	case shdomain.FilterDate:
		return decodeInto(&f.Dates, name, v)
	case shdomain.FilterNumber:
		return decodeInto(&f.Numbers, name, v)
	case shdomain.FilterMap:
		return decodeInto(&f.Maps, name, v)
	case shdomain.FilterBoolean:
		return decodeInto(&f.Booleans, name, v)
	case shdomain.FilterIP:
		return decodeInto(&f.IPs, name, v)
	}
	return awsproto.DecodeJSON(v, &f.Keyword)
}

// decodeInto decodes a filter list into (*m)[name].
func decodeInto[T any](m *map[string][]T, name string, v jsontext.Value) error {
	var list []T
	if err := awsproto.DecodeJSON(v, &list); err != nil {
		return shdomain.Errf(shdomain.CodeSerialization, "Filters.%s: %s", name, errMessage(err))
	}
	if *m == nil {
		*m = map[string][]T{}
	}
	(*m)[name] = list
	return nil
}
