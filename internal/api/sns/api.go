// Package sns serves Amazon Simple Notification Service (Query protocol,
// signing name "sns") over the SNS sandbox (internal/sandbox/sns): one file
// per operation — decode, validate, call the domain, encode.
package sns

import (
	"context"

	"github.com/salvehq/salve/internal/api/registry"
	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/sns"
	"github.com/salvehq/salve/internal/tenant"
)

// XMLNamespace is the namespace of SNS response documents.
const XMLNamespace = "http://sns.amazonaws.com/doc/2010-03-31/"

// Deps are the domain services the operations call.
type Deps struct {
	SNS *sandbox.Service
}

// api is what every operation method hangs off.
type api struct {
	Deps
}

// operation is one Query operation as a method of api.
type operation = registry.QueryOp[*api]

// operations is filled by each operation file through register.
var operations = registry.New[operation]("sns")

// register adds an operation; each operation file calls it once in a
// package-level var declaration, so files can be added independently.
func register(name string, op operation) struct{} { return operations.Add(name, op) }

// Service returns the SNS Query service.
func Service(d Deps) *awsproto.QueryService {
	ops := registry.Query(operations, &api{Deps: d})
	return &awsproto.QueryService{SigningName: "sns", XMLNamespace: XMLNamespace, Operations: ops}
}

// OperationNames lists the operations served, sorted.
func OperationNames() []string { return operations.Names() }

// scope returns the caller's (account, region).
func scope(ctx context.Context) tenant.Scope {
	c := awsproto.CallerFrom(ctx)
	return tenant.Scope{AccountID: c.AccountID, Region: c.Region}
}

// empty is the result of operations that return nothing.
type empty struct{}
