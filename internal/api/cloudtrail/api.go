// Package cloudtrail serves AWS CloudTrail (JSON 1.1, target prefix
// com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101): one file per
// operation — decode, check required members, call the sandbox, encode.
package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/api/registry"
	"github.com/salvehq/salve/internal/audit"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/awsproto"
	ctdomain "github.com/salvehq/salve/internal/sandbox/cloudtrail"
	"github.com/salvehq/salve/internal/tenant"
)

// TargetPrefix is CloudTrail's X-Amz-Target prefix as modelled (and sent by
// botocore, so the aws CLI and boto3).
const TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101"

// SDKTargetPrefix is the X-Amz-Target prefix aws-sdk-go-v2 sends instead
// ("CloudTrail_20131101.CreateTrail").
const SDKTargetPrefix = "CloudTrail_20131101"

// Deps are the domain services the operations call.
type Deps struct {
	Trails *ctdomain.Service
	// Audit is the audit trail LookupEvents reads; nil leaves LookupEvents
	// unserved.
	Audit *audit.Service
}

// api is what every operation method hangs off.
type api struct {
	Deps
}

// operations is filled by each operation file through register.
var operations = registry.New[func(*api) awsproto.Handler]("cloudtrail")

// register adds an operation; each operation file calls it once in a
// package-level var declaration, so files can be added independently.
func register(name string, h func(*api) awsproto.Handler) struct{} { return operations.Add(name, h) }

// Service returns the CloudTrail JSON service under its modelled target
// prefix. Compose the server with Services, which also reaches CloudTrail
// the way today's clients address it.
func Service(d Deps) *awsproto.JSONService {
	svc := jsonService(TargetPrefix, "", handlers(d))
	svc.TargetAliases = []string{SDKTargetPrefix}
	return svc
}

func handlers(d Deps) map[string]awsproto.Handler {
	return registry.Apply(operations, &api{Deps: d})
}

// jsonService serves the handlers under prefix, each operation named with
// opPrefix before it.
func jsonService(prefix, opPrefix string, h map[string]awsproto.Handler) *awsproto.JSONService {
	ops := make(map[string]awsproto.Handler, len(h))
	for name, fn := range h {
		ops[opPrefix+name] = fn
	}
	return &awsproto.JSONService{
		TargetPrefix:      prefix,
		SigningName:       "cloudtrail",
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

// trailRef returns the trail name or ARN a request gives; a missing one is
// an InvalidTrailNameException, as AWS answers.
func trailRef(member string, v *string) (string, error) {
	if v == nil || *v == "" {
		return "", ctdomain.InvalidTrailName("%s is required: give a trail name or ARN.", member)
	}
	return *v, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
