package documents

import (
	"context"
	"fmt"
	"strings"

	"github.com/salvehq/salve/internal/automation/syntax"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Get returns the version sel picks of a document visible to scope.
func (s *Service) Get(ctx context.Context, scope tenant.Scope, sel Selector) (*Document, error) {
	var d *Document
	err := s.store.View(ctx, func(tx store.Tx) error {
		var err error
		d, err = resolve(tx, scope, sel)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("get document %q: %w", sel.Name, err)
	}
	return d, nil
}

// plainName turns a document ARN (arn:aws:ssm:region:account:document/Name)
// into the name it stands for in scope. ARNs of other accounts name nothing
// Salve can show (documents are not shared), so they report ok=false.
func plainName(scope tenant.Scope, name string) (string, bool) {
	if !strings.HasPrefix(name, "arn:") {
		return name, true
	}
	parts := strings.SplitN(name, ":", 6)
	if len(parts) != 6 || parts[2] != "ssm" {
		return "", false
	}
	doc, ok := strings.CutPrefix(parts[5], "document/")
	if !ok {
		return "", false
	}
	if parts[4] == "" || parts[4] == scope.AccountID {
		return doc, true
	}
	return "", false
}

// ContentAs returns the content in format ("JSON" or "YAML"), converting
// between the two; "" or any other request returns the stored content and
// format unchanged (TEXT content is never converted).
func (d *Document) ContentAs(format string) (content, actual string, err error) {
	if format == "" || format == d.Format || d.Format == FormatText || format == FormatText {
		return d.Content, d.Format, nil
	}
	b, err := syntax.Convert([]byte(d.Content), d.Format, format)
	if err != nil {
		return "", "", fmt.Errorf("convert document %q to %s: %w", d.Name, format, err)
	}
	return string(b), format, nil
}
