package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("UpdateDocument", func(a *api) awsproto.Handler { return awsproto.JSON(a.updateDocument) })

type updateDocumentInput struct {
	Content         *string             `json:"Content,omitempty"`
	Attachments     []attachmentsSource `json:"Attachments,omitempty"`
	Name            *string             `json:"Name,omitempty"`
	DisplayName     *string             `json:"DisplayName,omitempty"`
	VersionName     *string             `json:"VersionName,omitempty"`
	DocumentVersion *string             `json:"DocumentVersion,omitempty"`
	DocumentFormat  *string             `json:"DocumentFormat,omitempty"`
	TargetType      *string             `json:"TargetType,omitempty"`
}

type updateDocumentOutput struct {
	DocumentDescription *documentDescription `json:"DocumentDescription,omitempty"`
}

func (a *api) updateDocument(ctx context.Context, in *updateDocumentInput) (*updateDocumentOutput, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	d, err := a.Documents.Update(ctx, documents.UpdateParams{
		Scope: scope(ctx), Name: *in.Name, DocumentVersion: docString(in.DocumentVersion),
		Content: *in.Content, Format: docString(in.DocumentFormat), VersionName: docString(in.VersionName),
		DisplayName: in.DisplayName, TargetType: in.TargetType, Attachments: fromAttachments(in.Attachments),
	})
	if err != nil {
		return nil, err
	}
	return &updateDocumentOutput{DocumentDescription: toDocumentDescription(d)}, nil
}

func (in *updateDocumentInput) validate() error {
	var v validate.Errors
	validateContent(&v, in.Content)
	validateDocumentName(&v, in.Name, documentNamePattern)
	validateDocumentMeta(&v, in.DisplayName, in.VersionName, in.TargetType)
	validateDocumentSelector(&v, in.DocumentVersion, nil)
	v.OptionalEnum("documentFormat", in.DocumentFormat, documentFormatValues...)
	validateAttachments(&v, in.Attachments)
	return v.Err()
}
