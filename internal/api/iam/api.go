// Package iam serves AWS Identity and Access Management (Query protocol,
// signing name "iam") over the IAM sandbox (internal/sandbox/iam): one
// file per operation — decode, validate, call the domain, encode.
package iam

import (
	"context"

	"github.com/salvehq/salve/internal/api/registry"
	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/iam"
	"github.com/salvehq/salve/internal/tenant"
)

// XMLNamespace is the namespace of IAM response documents.
const XMLNamespace = "https://iam.amazonaws.com/doc/2010-05-08/"

// Deps are the domain services the operations call.
type Deps struct {
	IAM *sandbox.Service
}

// api is what every operation method hangs off.
type api struct {
	Deps
}

// operation is one Query operation as a method of api.
type operation = registry.QueryOp[*api]

// operations is filled by each operation file through register.
var operations = registry.New[operation]("iam")

// register adds an operation; each operation file calls it once in a
// package-level var declaration, so files can be added independently.
func register(name string, op operation) struct{} { return operations.Add(name, op) }

// Service returns the IAM Query service.
func Service(d Deps) *awsproto.QueryService {
	ops := registry.Query(operations, &api{Deps: d})
	return &awsproto.QueryService{SigningName: "iam", XMLNamespace: XMLNamespace, Operations: ops}
}

// OperationNames lists the operations served, sorted.
func OperationNames() []string { return operations.Names() }

// scope returns the caller's (account, region); the domain keeps IAM in
// the account's global scope and records items in this one.
func scope(ctx context.Context) tenant.Scope {
	c := awsproto.CallerFrom(ctx)
	return tenant.Scope{AccountID: c.AccountID, Region: c.Region}
}

// empty is the result of operations that return nothing.
type empty struct{}
