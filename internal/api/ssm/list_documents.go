package ssm

import (
	"context"
	"errors"
	"strconv"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("ListDocuments", func(a *api) awsproto.Handler { return awsproto.JSON(a.listDocuments) })

// listDocumentsPage is the page size when MaxResults is absent.
const listDocumentsPage = 50

type listDocumentsInput struct {
	DocumentFilterList []documentFilter          `json:"DocumentFilterList,omitempty"`
	Filters            []documentKeyValuesFilter `json:"Filters,omitempty"`
	MaxResults         *int32                    `json:"MaxResults,omitempty"`
	NextToken          *string                   `json:"NextToken,omitempty"`
}

// documentFilter is the deprecated DocumentFilter shape (lowerCamel).
type documentFilter struct {
	Key   *string `json:"key,omitempty"`
	Value *string `json:"value,omitempty"`
}

// documentKeyValuesFilter is the DocumentKeyValuesFilter shape.
type documentKeyValuesFilter struct {
	Key    *string  `json:"Key,omitempty"`
	Values []string `json:"Values,omitempty"`
}

type listDocumentsOutput struct {
	DocumentIdentifiers []documentIdentifier `json:"DocumentIdentifiers"`
	NextToken           *string              `json:"NextToken,omitempty"`
}

func (a *api) listDocuments(ctx context.Context, in *listDocumentsInput) (*listDocumentsOutput, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	after, err := decodeDocumentsToken(in.NextToken)
	if err != nil {
		return nil, err
	}
	limit := listDocumentsPage
	if in.MaxResults != nil {
		limit = int(*in.MaxResults)
	}
	res, err := a.Documents.List(ctx, documents.ListParams{Scope: scope(ctx), Filters: in.filters(), After: after, Limit: limit})
	if err != nil {
		return nil, err
	}
	out := &listDocumentsOutput{DocumentIdentifiers: make([]documentIdentifier, len(res.Documents))}
	for i, d := range res.Documents {
		out.DocumentIdentifiers[i] = toDocumentIdentifier(d)
	}
	if res.More {
		tok := pagetoken.Encode("ListDocuments", res.Documents[len(res.Documents)-1].Name)
		out.NextToken = &tok
	}
	return out, nil
}

func (in *listDocumentsInput) validate() error {
	var v validate.Errors
	if in.DocumentFilterList != nil {
		v.Items("documentFilterList", len(in.DocumentFilterList), 1, -1, "[]")
	}
	for i, f := range in.DocumentFilterList {
		if key := validate.Member("documentFilterList", i, "key"); v.Required(key, f.Key != nil) {
			v.Enum(key, *f.Key, documentFilterKeyValues...)
		}
		if val := validate.Member("documentFilterList", i, "value"); v.Required(val, f.Value != nil) {
			v.Len(val, *f.Value, 1, -1)
		}
	}
	v.Items("filters", len(in.Filters), 0, 6, strconv.Itoa(len(in.Filters))+" filters")
	for i, f := range in.Filters {
		if f.Key != nil {
			v.Len(validate.Member("filters", i, "key"), *f.Key, 1, 128)
		}
		for j, s := range f.Values {
			v.Len(validate.Member("filters", i, "values")+"."+strconv.Itoa(j+1)+".member", s, 1, 256)
		}
	}
	v.RangeInt("maxResults", in.MaxResults, 1, 50)
	return v.Err()
}

// filters merges Filters and the deprecated DocumentFilterList.
func (in *listDocumentsInput) filters() []documents.Filter {
	var out []documents.Filter
	for _, f := range in.Filters {
		out = append(out, documents.Filter{Key: docString(f.Key), Values: f.Values})
	}
	for _, f := range in.DocumentFilterList {
		out = append(out, documents.Filter{Key: *f.Key, Values: []string{*f.Value}})
	}
	return out
}

// decodeDocumentsToken reads a ListDocuments NextToken.
func decodeDocumentsToken(tok *string) (string, error) {
	if tok == nil || *tok == "" {
		return "", nil
	}
	after, err := pagetoken.Decode("ListDocuments", *tok)
	if errors.Is(err, pagetoken.ErrInvalid) {
		return "", awserr.New(awserr.InvalidNextToken, "The NextToken is not valid; pass the NextToken of the previous ListDocuments response.")
	}
	return after, err
}
