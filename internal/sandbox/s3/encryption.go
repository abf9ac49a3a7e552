package s3

import (
	"context"

	"github.com/salvehq/salve/internal/store"
)

// PutEncryption sets the bucket's default encryption. S3 takes exactly one
// rule, with an ApplyServerSideEncryptionByDefault (an Encryption whose
// SSEAlgorithm is "" stands for a rule without one).
func (s *Service) PutEncryption(ctx context.Context, ref Ref, rules []Encryption) error {
	return s.mutate(ctx, ref, func(_ store.Tx, b *Bucket) error {
		if len(rules) != 1 {
			return Err(CodeMalformedXML)
		}
		e := rules[0]
		switch e.SSEAlgorithm {
		case SSEAES256:
			if e.KMSMasterKeyID != "" {
				return invalidArgument("ApplyServerSideEncryptionByDefault", "",
					"a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse")
			}
		case SSEKMS, SSEKMSDSSE:
		default:
			return Err(CodeMalformedXML)
		}
		b.Encryption = &e
		return nil
	})
}

// Encryption returns the bucket's default encryption, or
// ServerSideEncryptionConfigurationNotFoundError.
func (s *Service) Encryption(ctx context.Context, ref Ref) (*Encryption, error) {
	b, err := s.Bucket(ctx, ref)
	if err != nil {
		return nil, err
	}
	if b.Encryption == nil {
		return nil, Err(CodeNoSuchEncryptionConfiguration)
	}
	return b.Encryption, nil
}

// DeleteEncryption removes the bucket's default encryption (none is fine).
func (s *Service) DeleteEncryption(ctx context.Context, ref Ref) error {
	return s.mutate(ctx, ref, func(_ store.Tx, b *Bucket) error {
		b.Encryption = nil
		return nil
	})
}
