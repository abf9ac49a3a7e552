package ec2

import (
	"context"
	"net/url"

	"github.com/salvehq/salve/internal/api/registry"
	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
	"github.com/salvehq/salve/internal/tenant"
)

// XMLNamespace is the namespace of EC2 response documents.
const XMLNamespace = "http://ec2.amazonaws.com/doc/2016-11-15/"

// Deps are the domain services the operations call.
type Deps struct {
	EC2 *sandbox.Service
}

// api is what every operation method hangs off.
type api struct {
	Deps
}

// operations is filled by each operation file through register.
var operations = registry.New[func(*api) awsproto.QueryHandler]("ec2")

// register adds an operation; each operation file calls it once in a
// package-level var declaration, so files can be added independently.
func register(name string, h func(*api) awsproto.QueryHandler) struct{} {
	return operations.Add(name, h)
}

// Service returns the EC2 Query service.
func Service(d Deps) *awsproto.QueryService {
	ops := registry.Apply(operations, &api{Deps: d})
	return &awsproto.QueryService{SigningName: "ec2", XMLNamespace: XMLNamespace, EC2: true, Operations: ops}
}

// OperationNames lists the operations served, sorted.
func OperationNames() []string { return operations.Names() }

// scope returns the (account, region) of the request in ctx.
func scope(ctx context.Context) tenant.Scope {
	c := awsproto.CallerFrom(ctx)
	return tenant.Scope{AccountID: c.AccountID, Region: c.Region}
}

// common are the members every EC2 request may carry.
type common struct {
	DryRun bool `ec2:"DryRun"`
}

func (c *common) dryRun() bool { return c.DryRun }

// request is what every input type is: it embeds common.
type request interface {
	dryRun() bool
}

// validator is an input that checks itself after decoding.
type validator interface {
	validate() error
}

// handler adapts a typed operation: decode the form into In, validate it,
// answer DryRunOperation for a dry run, else call fn.
func handler[In any, PIn interface {
	*In
	request
}](fn func(ctx context.Context, in *In) (any, error)) awsproto.QueryHandler {
	return func(ctx context.Context, _ *awsproto.Request, form url.Values) (any, error) {
		in := PIn(new(In))
		if err := decode(form, in); err != nil {
			return nil, err
		}
		if v, ok := any(in).(validator); ok {
			if err := v.validate(); err != nil {
				return nil, err
			}
		}
		if in.dryRun() {
			return nil, sandbox.DryRun()
		}
		return fn(ctx, (*In)(in))
	}
}
