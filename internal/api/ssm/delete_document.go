package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DeleteDocument", func(a *api) awsproto.Handler { return awsproto.JSON(a.deleteDocument) })

type deleteDocumentInput struct {
	Name            *string `json:"Name,omitempty"`
	DocumentVersion *string `json:"DocumentVersion,omitempty"`
	VersionName     *string `json:"VersionName,omitempty"`
	// Force is accepted and ignored: Salve has no document types that need it.
	Force *bool `json:"Force,omitempty"`
}

type deleteDocumentOutput struct{}

func (a *api) deleteDocument(ctx context.Context, in *deleteDocumentInput) (*deleteDocumentOutput, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	err := a.Documents.Delete(ctx, documents.DeleteParams{Scope: scope(ctx), Name: *in.Name,
		Version: docString(in.DocumentVersion), VersionName: docString(in.VersionName)})
	if err != nil {
		return nil, err
	}
	return &deleteDocumentOutput{}, nil
}

func (in *deleteDocumentInput) validate() error {
	var v validate.Errors
	validateDocumentName(&v, in.Name, documentNamePattern)
	validateDocumentSelector(&v, in.DocumentVersion, in.VersionName)
	return v.Err()
}
