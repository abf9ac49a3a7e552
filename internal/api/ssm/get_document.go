package ssm

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/documents"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("GetDocument", func(a *api) awsproto.Handler { return awsproto.JSON(a.getDocument) })

type getDocumentInput struct {
	Name            *string `json:"Name,omitempty"`
	VersionName     *string `json:"VersionName,omitempty"`
	DocumentVersion *string `json:"DocumentVersion,omitempty"`
	DocumentFormat  *string `json:"DocumentFormat,omitempty"`
}

type getDocumentOutput struct {
	Name               string              `json:"Name,omitempty"`
	CreatedDate        *awsproto.Timestamp `json:"CreatedDate,omitempty"`
	DisplayName        string              `json:"DisplayName,omitempty"`
	VersionName        string              `json:"VersionName,omitempty"`
	DocumentVersion    string              `json:"DocumentVersion,omitempty"`
	Status             string              `json:"Status,omitempty"`
	Content            string              `json:"Content,omitempty"`
	DocumentType       string              `json:"DocumentType,omitempty"`
	DocumentFormat     string              `json:"DocumentFormat,omitempty"`
	Requires           []documentRequires  `json:"Requires,omitempty"`
	AttachmentsContent []attachmentContent `json:"AttachmentsContent,omitempty"`
}

func (a *api) getDocument(ctx context.Context, in *getDocumentInput) (*getDocumentOutput, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	d, err := a.Documents.Get(ctx, scope(ctx), documents.Selector{
		Name: *in.Name, Version: docString(in.DocumentVersion), VersionName: docString(in.VersionName)})
	if err != nil {
		return nil, err
	}
	content, format, err := d.ContentAs(docString(in.DocumentFormat))
	if err != nil {
		return nil, err
	}
	return &getDocumentOutput{
		Name: d.Name, CreatedDate: awsproto.NewTimestamp(d.CreatedDate), DisplayName: d.DisplayName,
		VersionName: d.VersionName, DocumentVersion: d.DocumentVersion, Status: d.Status,
		Content: content, DocumentType: d.DocumentType, DocumentFormat: format,
		Requires: toDocumentRequires(d.Requires), AttachmentsContent: toAttachmentContent(d.Attachments),
	}, nil
}

func (in *getDocumentInput) validate() error {
	var v validate.Errors
	validateDocumentName(&v, in.Name, documentARNPattern)
	validateDocumentSelector(&v, in.DocumentVersion, in.VersionName)
	v.OptionalEnum("documentFormat", in.DocumentFormat, documentFormatValues...)
	return v.Err()
}

// toAttachmentContent lists the recorded attachments by name and source;
// Salve never fetches them, so Size and Hash are absent.
func toAttachmentContent(as []documents.Attachment) []attachmentContent {
	var out []attachmentContent
	for _, a := range as {
		if a.Name == "" {
			continue
		}
		c := attachmentContent{Name: a.Name}
		if len(a.Values) > 0 {
			c.Url = a.Values[0]
		}
		out = append(out, c)
	}
	return out
}
