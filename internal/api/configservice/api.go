// Package configservice serves AWS Config (StarlingDoveService, JSON 1.1):
// one file per operation — decode, validate, call the domain, encode.
package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/api/registry"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/remediation"
	"github.com/salvehq/salve/internal/rules"
	"github.com/salvehq/salve/internal/tenant"
)

// Deps are the domain services the operations call.
type Deps struct {
	Rules       *rules.Service
	Remediation *remediation.Service
	// Recorder serves the configuration recorder, delivery channel and
	// configuration item operations.
	Recorder *recorder.Service
}

// api is what every operation method hangs off.
type api struct {
	Deps
}

// operations is filled by each operation file through register.
var operations = registry.New[func(*api) awsproto.Handler]("configservice")

// register adds an operation; each operation file calls it once in a
// package-level var declaration, so files can be added independently.
func register(name string, h func(*api) awsproto.Handler) struct{} { return operations.Add(name, h) }

// Service returns the Config JSON service.
func Service(d Deps) *awsproto.JSONService {
	ops := registry.Apply(operations, &api{Deps: d})
	return &awsproto.JSONService{
		TargetPrefix:      "StarlingDoveService",
		SigningName:       "config",
		InternalErrorCode: awserr.InternalFailure,
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
