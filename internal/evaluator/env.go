package evaluator

import (
	"context"
	"time"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/rules/managed"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// historyLimit bounds the items History returns.
const historyLimit = 100

// env is the managed.Env of one account and region.
type env struct {
	s     *Service
	scope tenant.Scope
}

var _ managed.Env = env{}

func (s *Service) env(scope tenant.Scope) env { return env{s: s, scope: scope} }

// AccountID implements managed.Env.
func (e env) AccountID() string { return e.scope.AccountID }

// Region implements managed.Env.
func (e env) Region() string { return e.scope.Region }

// Now implements managed.Env.
func (e env) Now() time.Time { return e.s.p.Clock.Now() }

// Call implements managed.Env through the AWS caller, as the account.
func (e env) Call(ctx context.Context, service, operation string, input map[string]any) (map[string]any, error) {
	return e.s.p.Caller.Call(ctx, engine.CallRequest{Service: service, API: operation, Input: input,
		AccountID: e.scope.AccountID, Region: e.scope.Region})
}

// Items implements managed.Env.
func (e env) Items(ctx context.Context, resourceType string) ([]configitem.Item, error) {
	var out []configitem.Item
	err := e.s.p.Store.View(ctx, func(tx store.Tx) (err error) {
		out, err = e.s.p.Recorder.CurrentItems(tx, e.scope, resourceType)
		return err
	})
	return out, err
}

// History implements managed.Env.
func (e env) History(ctx context.Context, resourceType, resourceID string) ([]configitem.Item, error) {
	var out []configitem.Item
	err := e.s.p.Store.View(ctx, func(tx store.Tx) (err error) {
		out, err = e.s.p.Recorder.History(tx, e.scope, resourceType, resourceID, historyLimit)
		return err
	})
	return out, err
}
