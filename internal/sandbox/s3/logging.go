package s3

import (
	"context"

	"github.com/salvehq/salve/internal/store"
)

// PutLogging sets the bucket's server access logging; nil turns it off.
// The target bucket must exist, belong to the same owner and live in the
// same region.
func (s *Service) PutLogging(ctx context.Context, ref Ref, l *Logging) error {
	return s.mutate(ctx, ref, func(tx store.Tx, b *Bucket) error {
		if l == nil {
			b.Logging = nil
			return nil
		}
		if err := checkLoggingTarget(tx, b, l.TargetBucket); err != nil {
			return err
		}
		cp := *l
		b.Logging = &cp
		return nil
	})
}

// checkLoggingTarget checks the target bucket of b's access logs.
func checkLoggingTarget(tx store.Tx, b *Bucket, name string) error {
	if name == "" {
		return Err(CodeMalformedXML)
	}
	target := b
	if name != b.Name {
		var err error
		if target, err = lookup(tx, name); err != nil {
			return err
		}
	}
	switch {
	case target == nil:
		return &ArgumentError{Err: Err(CodeInvalidTargetBucketForLogging), Name: "TargetBucket", Value: name}
	case target.AccountID != b.AccountID:
		return &ArgumentError{Err: Errf(CodeInvalidTargetBucketForLogging,
			"The owner for the bucket to be logged and the target bucket must be the same."), Name: "TargetBucket", Value: name}
	case target.Region != b.Region:
		return Err(CodeCrossLocationLoggingProhibited)
	}
	return nil
}
