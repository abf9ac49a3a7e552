// Package events serves Amazon EventBridge (AWSEvents, JSON 1.1): one file
// per operation — decode, validate against the model, call the domain
// (internal/events), encode.
package events

import (
	"context"

	"github.com/salvehq/salve/internal/api/registry"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/tenant"
)

// Deps are the domain services the operations call.
type Deps struct {
	Events *events.Service
}

// api is what every operation method hangs off.
type api struct {
	Deps
}

// operations is filled by each operation file through register.
var operations = registry.New[func(*api) awsproto.Handler]("events")

// register adds an operation; each operation file calls it once in a
// package-level var declaration, so files can be added independently.
func register(name string, h func(*api) awsproto.Handler) struct{} { return operations.Add(name, h) }

// Service returns the EventBridge JSON service.
func Service(d Deps) *awsproto.JSONService {
	ops := registry.Apply(operations, &api{Deps: d})
	return &awsproto.JSONService{
		TargetPrefix:      "AWSEvents",
		SigningName:       "events",
		InternalErrorCode: events.CodeInternal,
		Operations:        ops,
	}
}

// OperationNames lists the operations served, sorted.
func OperationNames() []string { return operations.Names() }

// scope returns the (account, region) of the request in ctx.
func scope(ctx context.Context) tenant.Scope {
	c := awsproto.CallerFrom(ctx)
	return tenant.Scope{AccountID: c.AccountID, Region: c.Region}
}

// value returns *s, or "" for nil.
func value(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// intValue returns *n, or 0 for nil.
func intValue(n *int32) int {
	if n == nil {
		return 0
	}
	return int(*n)
}
