package cloudtrail

import (
	"context"
	"log/slog"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
)

// DefaultMaxTrailsPerRegion is how many trails a region of an account may
// see (its own and the shadows of multi-region trails), as on AWS.
const DefaultMaxTrailsPerRegion = 5

// Params are the dependencies of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// Sink receives the trails' configuration items; nil records nothing.
	Sink configitem.Sink
	// BucketExists reports whether an S3 bucket exists for the account, so
	// CreateTrail and UpdateTrail can answer S3BucketDoesNotExistException;
	// nil skips the check.
	BucketExists func(ctx context.Context, accountID, bucket string) (bool, error)
	// TopicExists reports whether an SNS topic (by ARN) exists, so a trail
	// naming a missing topic is refused with
	// InsufficientSnsTopicPolicyException, as AWS does; nil skips the check.
	TopicExists func(ctx context.Context, topicARN string) (bool, error)
	// MaxTrailsPerRegion caps the trails a region sees; 0 means
	// DefaultMaxTrailsPerRegion.
	MaxTrailsPerRegion int
}

// Service manages trails: their settings, logging state, event selectors
// and tags.
type Service struct {
	store        store.Store
	clock        clock.Clock
	logger       *slog.Logger
	sink         configitem.Sink
	bucketExists func(ctx context.Context, accountID, bucket string) (bool, error)
	topicExists  func(ctx context.Context, topicARN string) (bool, error)
	maxTrails    int
}

// New returns a Service.
func New(p Params) *Service {
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.Sink == nil {
		p.Sink = configitem.Discard{}
	}
	if p.MaxTrailsPerRegion <= 0 {
		p.MaxTrailsPerRegion = DefaultMaxTrailsPerRegion
	}
	return &Service{store: p.Store, clock: p.Clock, logger: p.Logger.With("component", "cloudtrail"),
		sink: p.Sink, bucketExists: p.BucketExists, topicExists: p.TopicExists, maxTrails: p.MaxTrailsPerRegion}
}
