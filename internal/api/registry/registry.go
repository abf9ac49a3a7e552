// Package registry holds the operations of one API package. Each
// operation file adds its own at package initialisation, through the
// package's register in a package-level var declaration, so files can be
// added independently; the package's Service binds them to the protocol's
// handlers.
package registry

import (
	"context"
	"maps"
	"net/url"
	"slices"

	"github.com/salvehq/salve/internal/awsproto"
)

// Ops maps names (operation names, or routes) to one API package's
// operations.
type Ops[Op any] struct {
	service string
	byName  map[string]Op
}

// New returns an empty set; service names the API package in the panic
// of a name added twice.
func New[Op any](service string) *Ops[Op] {
	return &Ops[Op]{service: service, byName: map[string]Op{}}
}

// Add adds op under name. A name added twice panics: two files claim one
// operation, a programming error found as the binary starts. Add returns
// an empty struct so that a file can call it in a var declaration.
func (o *Ops[Op]) Add(name string, op Op) struct{} {
	if _, dup := o.byName[name]; dup {
		panic(o.service + ": operation registered twice: " + name)
	}
	o.byName[name] = op
	return struct{}{}
}

// Names lists the names added, sorted.
func (o *Ops[Op]) Names() []string {
	return slices.Sorted(maps.Keys(o.byName))
}

// Bind returns every operation bound by bind (to the service's handler
// type), under its name.
func Bind[Op, H any](o *Ops[Op], bind func(Op) H) map[string]H {
	out := make(map[string]H, len(o.byName))
	for name, op := range o.byName {
		out[name] = bind(op)
	}
	return out
}

// Apply returns, under its name, the handler each operation makes for a:
// for packages whose operations are func(*api) Handler.
func Apply[A, H any](o *Ops[func(A) H], a A) map[string]H {
	return Bind(o, func(op func(A) H) H { return op(a) })
}

// QueryOp is a Query-protocol operation as a method of a package's api
// value (register("CreateRole", (*api).createRole)).
type QueryOp[A any] func(a A, ctx context.Context, form url.Values) (any, error)

// Query returns, under its name, each operation as a Query handler
// calling it on a.
func Query[A any](o *Ops[QueryOp[A]], a A) map[string]awsproto.QueryHandler {
	return Bind(o, func(op QueryOp[A]) awsproto.QueryHandler {
		return func(ctx context.Context, _ *awsproto.Request, form url.Values) (any, error) {
			return op(a, ctx, form)
		}
	})
}
