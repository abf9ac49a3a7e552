package awscall

import (
	"context"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awserr"
)

var (
	_ Backend          = (*Local)(nil)
	_ Backend          = (*Remote)(nil)
	_ Backend          = (*Sandbox)(nil)
	_ engine.AWSCaller = (*Router)(nil)
)

// Backend is one way of reaching services: Local, Remote, or an
// in-process sandbox of other services.
type Backend interface {
	engine.AWSCaller
	// Services lists the boto3 client names the backend reaches.
	Services() []string
}

// Router is the engine's AWSCaller: it sends each call to the first
// in-process backend serving the service (Salve's own config, ssm and sts
// first), else to Remote when one is configured, else fails with an error
// saying how to reach the service.
type Router struct {
	// InProcess are tried in order; Local is normally the first.
	InProcess []Backend
	// Remote reaches real endpoints; nil when none is configured.
	Remote Backend
}

// NewRouter returns a Router over local and, when cfg is not nil, a Remote
// built from cfg.
func NewRouter(local *Local, cfg *RemoteConfig) (*Router, error) {
	r := &Router{InProcess: []Backend{local}}
	if cfg != nil {
		remote, err := NewRemote(*cfg)
		if err != nil {
			return nil, err
		}
		r.Remote = remote
	}
	return r, nil
}

// Call implements engine.AWSCaller.
func (r *Router) Call(ctx context.Context, req engine.CallRequest) (map[string]any, error) {
	service := ServiceName(req.Service)
	for _, b := range r.InProcess {
		if slices.Contains(b.Services(), service) {
			return b.Call(ctx, req)
		}
	}
	if r.Remote != nil {
		return r.Remote.Call(ctx, req)
	}
	return nil, awserr.New(awserr.UnknownOperationException,
		"service %s is not available: Salve serves %s; configure a real endpoint with --aws-endpoint to reach others",
		req.Service, strings.Join(r.served(), ", "))
}

// served lists the services the in-process backends serve, sorted.
func (r *Router) served() []string {
	var out []string
	for _, b := range r.InProcess {
		out = append(out, b.Services()...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
