package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("CreateDocument", func(a *api) awsproto.Handler { return awsproto.JSON(a.createDocument) })

type createDocumentInput struct {
	Content        *string             `json:"Content,omitempty"`
	Requires       []documentRequires  `json:"Requires,omitempty"`
	Attachments    []attachmentsSource `json:"Attachments,omitempty"`
	Name           *string             `json:"Name,omitempty"`
	DisplayName    *string             `json:"DisplayName,omitempty"`
	VersionName    *string             `json:"VersionName,omitempty"`
	DocumentType   *string             `json:"DocumentType,omitempty"`
	DocumentFormat *string             `json:"DocumentFormat,omitempty"`
	TargetType     *string             `json:"TargetType,omitempty"`
	Tags           []documentTag       `json:"Tags,omitempty"`
}

type createDocumentOutput struct {
	DocumentDescription *documentDescription `json:"DocumentDescription,omitempty"`
}

func (a *api) createDocument(ctx context.Context, in *createDocumentInput) (*createDocumentOutput, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	d, err := a.Documents.Create(ctx, documents.CreateParams{
		Scope: scope(ctx), Name: *in.Name, Content: *in.Content,
		DocumentType: docString(in.DocumentType), Format: docString(in.DocumentFormat),
		VersionName: docString(in.VersionName), DisplayName: docString(in.DisplayName), TargetType: docString(in.TargetType),
		Tags: fromDocumentTags(in.Tags), Requires: fromDocumentRequires(in.Requires),
		Attachments: fromAttachments(in.Attachments),
	})
	if err != nil {
		return nil, err
	}
	return &createDocumentOutput{DocumentDescription: toDocumentDescription(d)}, nil
}

func (in *createDocumentInput) validate() error {
	var v validate.Errors
	validateContent(&v, in.Content)
	validateDocumentName(&v, in.Name, documentNamePattern)
	validateDocumentMeta(&v, in.DisplayName, in.VersionName, in.TargetType)
	v.OptionalEnum("documentType", in.DocumentType, documentTypeValues...)
	v.OptionalEnum("documentFormat", in.DocumentFormat, documentFormatValues...)
	validateRequires(&v, in.Requires)
	validateAttachments(&v, in.Attachments)
	validateDocumentTags(&v, in.Tags)
	return v.Err()
}
