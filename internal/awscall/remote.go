package awscall

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/smithy-go"
	smithymiddleware "github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awserr"
)

// RemoteConfig configures calls to real endpoints. It is what the
// --aws-endpoint family of flags fills.
type RemoteConfig struct {
	// Endpoint is the URL every service is called at ("" means AWS's own
	// endpoints), e.g. a moto or LocalStack URL.
	Endpoint string
	// Endpoints overrides Endpoint per service, by boto3 client name.
	Endpoints map[string]string
	// Region is used when a call names none.
	Region string
	// AccessKeyID, SecretAccessKey and SessionToken sign every call.
	AccessKeyID, SecretAccessKey, SessionToken string
	// HTTPClient sends the requests (nil means the SDK's default).
	HTTPClient *http.Client
	// MaxAttempts bounds retries of throttled or failed calls (0 means
	// the SDK's default of 3).
	MaxAttempts int
}

// Remote calls real endpoints through the typed aws-sdk-go-v2 clients.
type Remote struct {
	cfg     RemoteConfig
	mu      sync.Mutex
	clients map[clientKey]any
}

type clientKey struct{ service, region string }

// NewRemote returns a Remote for cfg; it needs static credentials.
func NewRemote(cfg RemoteConfig) (*Remote, error) {
	if cfg.AccessKeyID == "" || cfg.SecretAccessKey == "" {
		return nil, errors.New("remote AWS calls need an access key id and a secret access key")
	}
	if cfg.Region == "" {
		cfg.Region = "us-east-1"
	}
	return &Remote{cfg: cfg, clients: map[clientKey]any{}}, nil
}

// Services implements Backend: the services compiled in.
func (r *Remote) Services() []string { return SDKServices() }

// Call implements engine.AWSCaller.
func (r *Remote) Call(ctx context.Context, req engine.CallRequest) (map[string]any, error) {
	service := ServiceName(req.Service)
	sdk, ok := sdkServices[service]
	if !ok {
		return nil, awserr.New(awserr.UnknownOperationException,
			"Unknown service %q: calls to real endpoints support %s.", req.Service, strings.Join(SDKServices(), ", "))
	}
	op, ok := findOperation(sdk.clientType, req.API)
	if !ok {
		return nil, unknownOperation(service, req.API)
	}
	in, err := decodeInput(req.Input, op.Input)
	if err != nil {
		return nil, err
	}
	client := r.client(service, sdk, req.Region)
	results := reflect.ValueOf(client).MethodByName(op.Name).Call([]reflect.Value{reflect.ValueOf(ctx), in})
	if err, _ := results[1].Interface().(error); err != nil {
		return nil, r.callError(service, op.Name, err)
	}
	out := encodeOutput(results[0])
	renameOutput(service, out)
	out["ResponseMetadata"] = remoteMetadata(results[0])
	return out, nil
}

// unknownOperation is the error for an operation the service lacks.
func unknownOperation(service, api string) error {
	return awserr.New(awserr.UnknownOperationException,
		"Service %s has no operation %q (boto3's %s client has no such method).", service, api, service)
}

// client returns the cached client of service in region.
func (r *Remote) client(service string, sdk sdkService, region string) any {
	if region == "" {
		region = r.cfg.Region
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	key := clientKey{service, region}
	if c, ok := r.clients[key]; ok {
		return c
	}
	endpoint := r.endpoint(service)
	c := sdk.build(r.awsConfig(region, endpoint), endpoint != "")
	r.clients[key] = c
	return c
}

// endpoint returns the configured URL of service ("" for AWS's).
func (r *Remote) endpoint(service string) string {
	if e, ok := r.cfg.Endpoints[service]; ok {
		return e
	}
	return r.cfg.Endpoint
}

// awsConfig is the SDK configuration of one client.
func (r *Remote) awsConfig(region, endpoint string) aws.Config {
	cfg := aws.Config{
		Region: region,
		Credentials: credentials.NewStaticCredentialsProvider(
			r.cfg.AccessKeyID, r.cfg.SecretAccessKey, r.cfg.SessionToken),
		RetryMaxAttempts: r.cfg.MaxAttempts,
	}
	if endpoint != "" {
		cfg.BaseEndpoint = aws.String(endpoint)
	}
	if r.cfg.HTTPClient != nil {
		cfg.HTTPClient = r.cfg.HTTPClient
	}
	return cfg
}

// callError turns an SDK error into an *awserr.Error when the service
// answered with an AWS error, else wraps it with where the call went.
func (r *Remote) callError(service, op string, err error) error {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		out := &awserr.Error{Code: ae.ErrorCode(), Message: ae.ErrorMessage()}
		var re *smithyhttp.ResponseError
		if errors.As(err, &re) {
			out.Status = re.HTTPStatusCode()
		}
		return out
	}
	where := r.endpoint(service)
	if where == "" {
		where = "AWS"
	}
	return fmt.Errorf("call %s %s at %s: %w", service, op, where, err)
}

// remoteMetadata is boto3's ResponseMetadata for an SDK output.
func remoteMetadata(out reflect.Value) map[string]any {
	md := map[string]any{"RequestId": "", "HTTPStatusCode": int64(200), "HTTPHeaders": map[string]any{}, "RetryAttempts": int64(0)}
	meta, ok := out.Elem().FieldByName("ResultMetadata").Interface().(smithymiddleware.Metadata)
	if !ok {
		return md
	}
	if raw, ok := awsmiddleware.GetRawResponse(meta).(*smithyhttp.Response); ok {
		md["HTTPStatusCode"] = int64(raw.StatusCode)
		md["HTTPHeaders"] = headers(raw.Header)
		md["RequestId"] = cmp.Or(raw.Header.Get("X-Amzn-Requestid"), raw.Header.Get("X-Amz-Request-Id"))
	}
	if id, ok := awsmiddleware.GetRequestIDMetadata(meta); ok && id != "" {
		md["RequestId"] = id
	}
	if attempts, ok := retry.GetAttemptResults(meta); ok && len(attempts.Results) > 0 {
		md["RetryAttempts"] = int64(len(attempts.Results) - 1)
	}
	return md
}

// headers renders HTTP headers as boto3 does: lower-case names, repeated
// values joined with ", ".
func headers(h http.Header) map[string]any {
	out := make(map[string]any, len(h))
	for k, v := range h {
		out[strings.ToLower(k)] = strings.Join(v, ", ")
	}
	return out
}
