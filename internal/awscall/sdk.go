package awscall

import (
	"context"
	"fmt"
	"net/url"
	"reflect"
	"slices"

	smithyendpoints "github.com/aws/smithy-go/endpoints"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// sdkService builds the typed SDK client of one service.
type sdkService struct {
	// clientType is the *Client type, whose methods are the operations.
	clientType reflect.Type
	// build returns a client for cfg; customEndpoint says cfg points at an
	// endpoint other than AWS's.
	build func(cfg aws.Config, customEndpoint bool) any
}

// sdkServices are the services compiled in, by boto3 client name. Adding
// one is one line and a `go get` of its module.
var sdkServices = map[string]sdkService{
	"cloudtrail": client(cloudtrail.NewFromConfig),
	"config":     client(configservice.NewFromConfig),
	"ec2":        client(ec2.NewFromConfig),
	"iam":        client(iam.NewFromConfig),
	"kms":        client(kms.NewFromConfig),
	"lambda":     client(lambda.NewFromConfig),
	"logs":       client(cloudwatchlogs.NewFromConfig),
	"s3":         {clientType: reflect.TypeFor[*s3.Client](), build: newS3},
	"s3control":  {clientType: reflect.TypeFor[*s3control.Client](), build: newS3Control},
	"sns":        client(sns.NewFromConfig),
	"ssm":        client(ssm.NewFromConfig),
	"sts":        client(sts.NewFromConfig),
}

// client adapts a service's NewFromConfig to sdkService.
func client[C, O any](newFromConfig func(aws.Config, ...func(*O)) *C) sdkService {
	return sdkService{
		clientType: reflect.TypeFor[*C](),
		build:      func(cfg aws.Config, _ bool) any { return newFromConfig(cfg) },
	}
}

// newS3 builds an S3 client. Custom endpoints (moto, LocalStack, MinIO)
// rarely resolve virtual-hosted bucket names, so they get path-style
// addressing.
func newS3(cfg aws.Config, customEndpoint bool) any {
	return s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = customEndpoint })
}

// newS3Control builds an S3 Control client. Its endpoint rules put the
// account id in front of the host ("123456789012.<host>"), which a custom
// endpoint on an IP address or localhost cannot resolve; custom endpoints
// are called as given instead.
func newS3Control(cfg aws.Config, customEndpoint bool) any {
	return s3control.NewFromConfig(cfg, func(o *s3control.Options) {
		if customEndpoint && cfg.BaseEndpoint != nil {
			o.EndpointResolverV2 = asGiven{url: *cfg.BaseEndpoint}
		}
	})
}

// asGiven resolves every S3 Control request to one URL, unchanged.
type asGiven struct{ url string }

// ResolveEndpoint implements s3control.EndpointResolverV2.
func (r asGiven) ResolveEndpoint(context.Context, s3control.EndpointParameters) (smithyendpoints.Endpoint, error) {
	u, err := url.Parse(r.url)
	if err != nil {
		return smithyendpoints.Endpoint{}, fmt.Errorf("parse endpoint %q: %w", r.url, err)
	}
	return smithyendpoints.Endpoint{URI: *u}, nil
}

// SDKServices lists the boto3 client names Remote can call, sorted.
func SDKServices() []string {
	out := make([]string, 0, len(sdkServices))
	for name := range sdkServices {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}
