package s3

import (
	"context"
	"net/http"

	"github.com/salvehq/salve/internal/sandbox/s3"
)

var _ = register(http.MethodPut, levelBucket, "encryption", "PutBucketEncryption", (*api).putBucketEncryption)

// encryptionConfiguration is the ServerSideEncryptionConfiguration
// document of requests and responses.
type encryptionConfiguration struct {
	Rules []encryptionRule `xml:"Rule"`
}

type encryptionRule struct {
	Default *struct {
		SSEAlgorithm   string `xml:"SSEAlgorithm"`
		KMSMasterKeyID string `xml:"KMSMasterKeyID,omitempty"`
	} `xml:"ApplyServerSideEncryptionByDefault"`
	BucketKeyEnabled bool `xml:"BucketKeyEnabled"`
}

// putBucketEncryption sets the bucket's default encryption.
func (a *api) putBucketEncryption(ctx context.Context, q *request) (*response, error) {
	var in encryptionConfiguration
	if err := requireBody(q, "ServerSideEncryptionConfiguration", &in); err != nil {
		return nil, err
	}
	rules := make([]s3.Encryption, 0, len(in.Rules))
	for _, r := range in.Rules {
		e := s3.Encryption{BucketKeyEnabled: r.BucketKeyEnabled}
		if r.Default != nil {
			e.SSEAlgorithm, e.KMSMasterKeyID = r.Default.SSEAlgorithm, r.Default.KMSMasterKeyID
		}
		rules = append(rules, e)
	}
	if err := a.S3.PutEncryption(ctx, q.ref(), rules); err != nil {
		return nil, err
	}
	return ok(), nil
}
