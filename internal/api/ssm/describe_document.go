package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DescribeDocument", func(a *api) awsproto.Handler { return awsproto.JSON(a.describeDocument) })

type describeDocumentInput struct {
	Name            *string `json:"Name,omitempty"`
	DocumentVersion *string `json:"DocumentVersion,omitempty"`
	VersionName     *string `json:"VersionName,omitempty"`
}

type describeDocumentOutput struct {
	Document *documentDescription `json:"Document,omitempty"`
}

func (a *api) describeDocument(ctx context.Context, in *describeDocumentInput) (*describeDocumentOutput, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	d, err := a.Documents.Get(ctx, scope(ctx), documents.Selector{
		Name: *in.Name, Version: docString(in.DocumentVersion), VersionName: docString(in.VersionName)})
	if err != nil {
		return nil, err
	}
	return &describeDocumentOutput{Document: toDocumentDescription(d)}, nil
}

func (in *describeDocumentInput) validate() error {
	var v validate.Errors
	validateDocumentName(&v, in.Name, documentARNPattern)
	validateDocumentSelector(&v, in.DocumentVersion, in.VersionName)
	return v.Err()
}
