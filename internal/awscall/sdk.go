package awscall

import (
	"reflect"
	"slices"

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
	"s3control":  client(s3control.NewFromConfig),
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

// SDKServices lists the boto3 client names Remote can call, sorted.
func SDKServices() []string {
	out := make([]string, 0, len(sdkServices))
	for name := range sdkServices {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}
