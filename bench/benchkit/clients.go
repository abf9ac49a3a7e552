package benchkit

import (
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// Account is the account the benchmarks' access key id names.
const Account = "123456789012"

// Region is the region of every benchmark client.
const Region = "us-east-1"

// Clients is the aws.Config of clients for a Salve endpoint: static
// credentials for Account in Region, an HTTP client keeping conns
// keep-alive connections, and retryer.
func Clients(endpoint string, conns int, retryer aws.Retryer) aws.Config {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = conns, conns
	return aws.Config{
		Region:       Region,
		BaseEndpoint: aws.String(endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider(Account, "secret", ""),
		HTTPClient:   &http.Client{Transport: tr},
		Retryer:      func() aws.Retryer { return retryer },
	}
}

// NoRetries takes every failed call as an error of the run.
func NoRetries() aws.Retryer { return aws.NopRetryer{} }

// ConnRetries retries only broken connections (a keep-alive connection
// the server closed as the request went out); every answer the server
// gave is taken as given.
func ConnRetries() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) {
		o.Retryables = []retry.IsErrorRetryable{retry.RetryableConnectionError{}}
		o.RateLimiter = ratelimit.None
	})
}
