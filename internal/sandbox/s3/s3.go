package s3

import (
	"context"
	"log/slog"
	"reflect"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
)

// Params are the dependencies of a Service.
type Params struct {
	Store store.Store
	Clock clock.Clock
	// Logger may be nil (nothing is logged).
	Logger *slog.Logger
	// Sink receives the AWS::S3::Bucket configuration items; nil discards
	// them.
	Sink configitem.Sink
}

// Service manages buckets.
type Service struct {
	store  store.Store
	clock  clock.Clock
	logger *slog.Logger
	sink   configitem.Sink
}

// New returns a Service.
func New(p Params) *Service {
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.Sink == nil {
		p.Sink = configitem.Discard{}
	}
	return &Service{store: p.Store, clock: p.Clock, logger: p.Logger.With("component", "s3"), sink: p.Sink}
}

// Ref names the bucket a request addresses and who asks for it.
type Ref struct {
	// AccountID is the caller's account; only the owner may use a bucket.
	AccountID string
	// Name is the bucket name.
	Name string
	// ExpectedOwner is the x-amz-expected-bucket-owner header ("" when not
	// sent): a bucket owned by another account is then AccessDenied.
	ExpectedOwner string
}

// Bucket returns the bucket ref names, as its owner sees it.
func (s *Service) Bucket(ctx context.Context, ref Ref) (*Bucket, error) {
	var b *Bucket
	err := s.store.View(ctx, func(tx store.Tx) error {
		var err error
		b, err = load(tx, ref)
		return err
	})
	return b, err
}

// BucketExists reports whether a bucket named name exists and is owned by
// accountID.
func (s *Service) BucketExists(ctx context.Context, accountID, name string) (bool, error) {
	b, err := s.Lookup(ctx, name)
	if err != nil || b == nil {
		return false, err
	}
	return b.AccountID == accountID, nil
}

// Lookup returns the bucket named name whoever owns it, or nil when there
// is none (CloudTrail checks a trail's bucket and its policy with it).
func (s *Service) Lookup(ctx context.Context, name string) (*Bucket, error) {
	var b *Bucket
	err := s.store.View(ctx, func(tx store.Tx) error {
		var err error
		b, err = lookup(tx, name)
		return err
	})
	return b, err
}

// mutate runs fn on the bucket ref names in one transaction and stores
// the result; a change is recorded as a configuration item and reported
// to the sink once committed.
func (s *Service) mutate(ctx context.Context, ref Ref, fn func(tx store.Tx, b *Bucket) error) error {
	changed := false
	err := s.store.Update(ctx, func(tx store.Tx) error {
		b, err := load(tx, ref)
		if err != nil {
			return err
		}
		before := b.clone()
		if err := fn(tx, b); err != nil {
			return err
		}
		if changed = !reflect.DeepEqual(before, b); !changed {
			return nil
		}
		return s.save(tx, b, configitem.StatusOK)
	})
	if err == nil && changed {
		s.sink.Changed()
	}
	return err
}

// save stores b and records its configuration item with status.
func (s *Service) save(tx store.Tx, b *Bucket, status string) error {
	if err := putBucket(tx, b); err != nil {
		return err
	}
	item := configItem(b, status, s.clock.Now())
	return s.sink.Record(tx, b.scope(), &item)
}
