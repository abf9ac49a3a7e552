package s3

import (
	"context"
	"strings"

	"github.com/salvehq/salve/internal/store"
)

// PutVersioningParams is one PutBucketVersioning request.
type PutVersioningParams struct {
	Ref
	// Status and MFADelete are the VersioningConfiguration's ("" when
	// absent).
	Status    string
	MFADelete string
	// MFA is the x-amz-mfa header: "SERIAL CODE".
	MFA string
}

// PutVersioning sets the bucket's versioning state. Changing MFA delete,
// or changing anything while MFA delete is enabled, needs the x-amz-mfa
// header (whose code Salve cannot check, so any "serial code" pair passes).
func (s *Service) PutVersioning(ctx context.Context, p PutVersioningParams) error {
	return s.mutate(ctx, p.Ref, func(_ store.Tx, b *Bucket) error {
		switch {
		case p.Status == "":
			return Err(CodeIllegalVersioningConfiguration)
		case p.Status != VersioningEnabled && p.Status != VersioningSuspended:
			return Err(CodeMalformedXML)
		case p.MFADelete != "" && p.MFADelete != MFADeleteEnabled && p.MFADelete != MFADeleteDisabled:
			return Err(CodeMalformedXML)
		}
		if needsMFA(b.Versioning, p.MFADelete) && len(strings.Fields(p.MFA)) != 2 {
			return Errf(CodeAccessDenied, "Mfa Authentication must be used for this request")
		}
		b.Versioning.Status = p.Status
		if p.MFADelete != "" {
			b.Versioning.MFADelete = p.MFADelete
		}
		return nil
	})
}

// needsMFA reports whether a versioning change needs MFA: MFA delete is
// on, or the request turns it on.
func needsMFA(cur Versioning, mfaDelete string) bool {
	return cur.MFADelete == MFADeleteEnabled || mfaDelete == MFADeleteEnabled
}
