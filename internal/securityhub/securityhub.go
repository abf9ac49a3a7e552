package securityhub

import (
	"context"
	"log/slog"

	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// ItemReader reads the recorded configuration item of a resource (the
// Config recorder's CurrentItem); findings take their resource's ARN from it.
type ItemReader interface {
	CurrentItem(tx store.Tx, scope tenant.Scope, resourceType, resourceID string) (*configitem.Item, error)
}

// FindingsHook observes findings after the transaction that created or
// changed them committed (the source of "Security Hub Findings - Imported"
// events). It runs on the caller's goroutine and must be quick.
type FindingsHook func(ctx context.Context, scope tenant.Scope, findings []Finding)

// Params are the dependencies of a Service.
type Params struct {
	Store  store.Store
	Clock  clock.Clock
	Logger *slog.Logger
	// Items gives findings their resources' ARNs; nil derives the ARN from
	// the resource type and id where it can.
	Items ItemReader
	// RequireEnable starts every hub disabled, as on AWS: Config findings
	// and imports wait for EnableSecurityHub. By default a hub is enabled.
	RequireEnable bool
}

// Service keeps hubs and findings.
type Service struct {
	store         store.Store
	clock         clock.Clock
	logger        *slog.Logger
	items         ItemReader
	requireEnable bool
	hooks         []FindingsHook
}

// New returns a Service.
func New(p Params) *Service {
	if p.Logger == nil {
		p.Logger = slog.New(slog.DiscardHandler)
	}
	if p.Clock == nil {
		p.Clock = clock.Real{}
	}
	return &Service{store: p.Store, clock: p.Clock, logger: p.Logger.With("component", "securityhub"),
		items: p.Items, requireEnable: p.RequireEnable}
}

// OnFindings registers a hook that sees every finding created or changed.
// Register hooks while composing the server, before it serves requests.
func (s *Service) OnFindings(h FindingsHook) { s.hooks = append(s.hooks, h) }

// notify runs the findings hooks after a commit.
func (s *Service) notify(ctx context.Context, scope tenant.Scope, findings []Finding) {
	if len(findings) == 0 {
		return
	}
	for _, h := range s.hooks {
		h(ctx, scope, findings)
	}
}

// ConfigProductArn returns the ProductArn of AWS Config's findings in a
// region.
func ConfigProductArn(region string) string {
	return "arn:" + tenant.Partition(region) + ":securityhub:" + region + "::product/aws/config"
}

// DefaultProductArn returns the ProductArn of an account's own findings
// (the default product of a custom integration).
func DefaultProductArn(scope tenant.Scope) string {
	return scope.ARN("securityhub", "product/"+scope.AccountID+"/default")
}

// HubArn returns the ARN of a scope's hub.
func HubArn(scope tenant.Scope) string { return scope.ARN("securityhub", "hub/default") }
