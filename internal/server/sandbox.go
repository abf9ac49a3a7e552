package server

import (
	"context"
	"log/slog"

	apicloudtrail "github.com/salvehq/salve/internal/api/cloudtrail"
	apiec2 "github.com/salvehq/salve/internal/api/ec2"
	apiiam "github.com/salvehq/salve/internal/api/iam"
	apis3 "github.com/salvehq/salve/internal/api/s3"
	apisns "github.com/salvehq/salve/internal/api/sns"
	"github.com/salvehq/salve/internal/audit"
	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/clock"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/sandbox/cloudtrail"
	"github.com/salvehq/salve/internal/sandbox/ec2"
	"github.com/salvehq/salve/internal/sandbox/iam"
	"github.com/salvehq/salve/internal/sandbox/s3"
	"github.com/salvehq/salve/internal/sandbox/sns"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// SandboxServices are the boto3 names of the services the embedded
// sandbox emulates.
var SandboxServices = []string{"cloudtrail", "ec2", "iam", "s3", "sns"}

// Sandbox holds the emulated resources of every account and region.
type Sandbox struct {
	S3         *s3.Service
	EC2        *ec2.Service
	IAM        *iam.Service
	SNS        *sns.Service
	CloudTrail *cloudtrail.Service
}

// newSandbox builds the sandbox services; each reports its configuration
// items to sink. SNS sends its messages through notify.
func newSandbox(st store.Store, clk clock.Clock, logger *slog.Logger, sink configitem.Sink, notify snsNotify) *Sandbox {
	// Each service names its own log component.
	log := func(string) *slog.Logger { return logger }
	sb := &Sandbox{
		S3:  s3.New(s3.Params{Store: st, Clock: clk, Logger: log("s3"), Sink: sink}),
		EC2: ec2.New(ec2.Params{Store: st, Clock: clk, Logger: log("ec2"), Sink: sink}),
		IAM: iam.New(iam.Params{Store: st, Clock: clk, Logger: log("iam"), Sink: sink}),
		SNS: sns.New(sns.Params{Store: st, Clock: clk, Logger: log("sns"), Sink: sink,
			Endpoint: notify.Endpoint, Deliveries: notify.Deliveries}),
	}
	// A trail's bucket may belong to another account (its policy lets
	// CloudTrail write), so any existing bucket will do.
	bucketExists := func(ctx context.Context, _ string, name string) (bool, error) {
		b, err := sb.S3.Lookup(ctx, name)
		return b != nil, err
	}
	sb.CloudTrail = cloudtrail.New(cloudtrail.Params{Store: st, Clock: clk, Logger: log("cloudtrail"),
		Sink: sink, BucketExists: bucketExists})
	return sb
}

// wire returns the sandbox's wire services by protocol; CloudTrail's
// LookupEvents reads trail.
func (sb *Sandbox) wire(trail *audit.Service) (json []*awsproto.JSONService, query []*awsproto.QueryService, rest []*awsproto.RESTService) {
	json = []*awsproto.JSONService{apicloudtrail.Service(apicloudtrail.Deps{Trails: sb.CloudTrail, Audit: trail})}
	query = []*awsproto.QueryService{
		apiec2.Service(apiec2.Deps{EC2: sb.EC2}),
		apiiam.Service(apiiam.Deps{IAM: sb.IAM}),
		apisns.Service(apisns.Deps{SNS: sb.SNS}),
	}
	rest = []*awsproto.RESTService{apis3.Service(apis3.Deps{S3: sb.S3})}
	return json, query, rest
}

// bucketScope is where a bucket's configuration items are recorded: its
// owner's account, in its region (false for a bucket that does not exist).
func (sb *Sandbox) bucketScope(ctx context.Context, name string) (tenant.Scope, bool) {
	b, err := sb.S3.Lookup(ctx, name)
	if err != nil || b == nil {
		return tenant.Scope{}, false
	}
	return tenant.Scope{AccountID: b.AccountID, Region: b.Region}, true
}
