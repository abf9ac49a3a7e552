package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("UpdateDocumentDefaultVersion", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.updateDocumentDefaultVersion)
})

type updateDocumentDefaultVersionInput struct {
	Name            *string `json:"Name,omitempty"`
	DocumentVersion *string `json:"DocumentVersion,omitempty"`
}

// documentDefaultVersionDescription is the DocumentDefaultVersionDescription shape.
type documentDefaultVersionDescription struct {
	Name               string `json:"Name,omitempty"`
	DefaultVersion     string `json:"DefaultVersion,omitempty"`
	DefaultVersionName string `json:"DefaultVersionName,omitempty"`
}

type updateDocumentDefaultVersionOutput struct {
	Description *documentDefaultVersionDescription `json:"Description,omitempty"`
}

func (a *api) updateDocumentDefaultVersion(ctx context.Context, in *updateDocumentDefaultVersionInput) (*updateDocumentDefaultVersionOutput, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	d, err := a.Documents.SetDefaultVersion(ctx, scope(ctx), *in.Name, *in.DocumentVersion)
	if err != nil {
		return nil, err
	}
	return &updateDocumentDefaultVersionOutput{Description: &documentDefaultVersionDescription{
		Name: d.Name, DefaultVersion: d.DefaultVersion, DefaultVersionName: d.DefaultVersionName}}, nil
}

func (in *updateDocumentDefaultVersionInput) validate() error {
	var v validate.Errors
	validateDocumentName(&v, in.Name, documentNamePattern)
	if v.Required("documentVersion", in.DocumentVersion != nil) {
		v.Pattern("documentVersion", *in.DocumentVersion, documentVersionNumber)
	}
	return v.Err()
}
