package s3

import (
	"context"

	"github.com/salvehq/salve/internal/store"
)

// PublicAccessBlockInput is a PutPublicAccessBlock request's configuration:
// nil members were absent (and are false).
type PublicAccessBlockInput struct {
	BlockPublicAcls       *bool
	IgnorePublicAcls      *bool
	BlockPublicPolicy     *bool
	RestrictPublicBuckets *bool
}

// PutPublicAccessBlock sets the bucket's public access block; a
// configuration with no member at all is InvalidRequest.
func (s *Service) PutPublicAccessBlock(ctx context.Context, ref Ref, in PublicAccessBlockInput) error {
	return s.mutate(ctx, ref, func(_ store.Tx, b *Bucket) error {
		if in.BlockPublicAcls == nil && in.IgnorePublicAcls == nil && in.BlockPublicPolicy == nil &&
			in.RestrictPublicBuckets == nil {
			return Errf(CodeInvalidRequest, "Must specify at least one configuration.")
		}
		b.PublicAccessBlock = &PublicAccessBlock{
			BlockPublicAcls: isTrue(in.BlockPublicAcls), IgnorePublicAcls: isTrue(in.IgnorePublicAcls),
			BlockPublicPolicy: isTrue(in.BlockPublicPolicy), RestrictPublicBuckets: isTrue(in.RestrictPublicBuckets),
		}
		return nil
	})
}

func isTrue(b *bool) bool { return b != nil && *b }

// PublicAccessBlock returns the bucket's public access block, or
// NoSuchPublicAccessBlockConfiguration.
func (s *Service) PublicAccessBlock(ctx context.Context, ref Ref) (*PublicAccessBlock, error) {
	b, err := s.Bucket(ctx, ref)
	if err != nil {
		return nil, err
	}
	if b.PublicAccessBlock == nil {
		return nil, Err(CodeNoSuchPublicAccessBlock)
	}
	return b.PublicAccessBlock, nil
}

// DeletePublicAccessBlock removes the bucket's public access block.
func (s *Service) DeletePublicAccessBlock(ctx context.Context, ref Ref) error {
	return s.mutate(ctx, ref, func(_ store.Tx, b *Bucket) error {
		b.PublicAccessBlock = nil
		return nil
	})
}
