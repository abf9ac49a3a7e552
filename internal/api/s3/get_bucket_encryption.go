package s3

import (
	"context"
	"net/http"
)

var _ = register(http.MethodGet, levelBucket, "encryption", "GetBucketEncryption", (*api).getBucketEncryption)

// getBucketEncryption answers the bucket's default encryption
// (ServerSideEncryptionConfigurationNotFoundError when none).
func (a *api) getBucketEncryption(ctx context.Context, q *request) (*response, error) {
	e, err := a.S3.Encryption(ctx, q.ref())
	if err != nil {
		return nil, err
	}
	rule := encryptionRule{BucketKeyEnabled: e.BucketKeyEnabled}
	rule.Default = &struct {
		SSEAlgorithm   string `xml:"SSEAlgorithm"`
		KMSMasterKeyID string `xml:"KMSMasterKeyID,omitempty"`
	}{SSEAlgorithm: e.SSEAlgorithm, KMSMasterKeyID: e.KMSMasterKeyID}
	return xmlDoc("ServerSideEncryptionConfiguration", encryptionConfiguration{Rules: []encryptionRule{rule}}), nil
}
