package awsproto

import "context"

// DefaultAccount is the account of requests whose access key maps to none.
const DefaultAccount = "123456789012"

// DefaultRegion is the region of requests that carry no SigV4 scope.
const DefaultRegion = "us-east-1"

// Caller is who made a request and where it is addressed.
type Caller struct {
	// AccountID owns every record the request reads or writes.
	AccountID string
	// Region is the SigV4 credential scope's region.
	Region string
	// AccessKeyID is the access key that signed the request ("" if unsigned).
	AccessKeyID string
	// Service is the SigV4 credential scope's service name.
	Service string
	// RequestID is the x-amzn-RequestId of the response.
	RequestID string
	// Principal is the caller's ARN (GetCallerIdentity's Arn).
	Principal string
	// UserID is the caller's unique id (GetCallerIdentity's UserId).
	UserID string
	// AutomationExecutionID is the SSM Automation execution an in-process
	// call was made by ("" otherwise).
	AutomationExecutionID string
}

type callerKey struct{}

// WithCaller returns ctx carrying c.
func WithCaller(ctx context.Context, c *Caller) context.Context {
	return context.WithValue(ctx, callerKey{}, c)
}

// CallerFrom returns the caller of the request in ctx; a request without one
// is treated as the default account in the default region.
func CallerFrom(ctx context.Context) *Caller {
	if c, ok := ctx.Value(callerKey{}).(*Caller); ok {
		return c
	}
	return &Caller{AccountID: DefaultAccount, Region: DefaultRegion}
}

type trustedKey struct{}

// WithTrustedCaller returns ctx carrying c as the identity of an
// in-process request: the server takes it instead of authenticating the
// request's signature. Only code in this process can set a request's
// context, so a request from the network never carries one. (The AWS
// caller uses it to reach Salve's own services through the SDK clients.)
func WithTrustedCaller(ctx context.Context, c *Caller) context.Context {
	return context.WithValue(ctx, trustedKey{}, c)
}

// trustedCaller returns a copy of the trusted caller in ctx, if any.
func trustedCaller(ctx context.Context) *Caller {
	c, ok := ctx.Value(trustedKey{}).(*Caller)
	if !ok || c == nil {
		return nil
	}
	cp := *c
	return &cp
}
