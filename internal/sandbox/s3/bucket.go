package s3

import (
	"slices"
	"time"
)

// Bucket is one bucket and its bucket-level configuration, as stored.
type Bucket struct {
	Name string `json:"name"`
	// AccountID owns the bucket.
	AccountID string `json:"accountId"`
	// Region is where the bucket lives.
	Region string `json:"region"`
	// LocationConstraint is what GetBucketLocation answers: "" for
	// us-east-1, "EU" for a bucket created with that legacy constraint,
	// else the region.
	LocationConstraint string    `json:"locationConstraint,omitempty"`
	CreationDate       time.Time `json:"creationDate"`
	// ObjectOwnership is the x-amz-object-ownership the bucket was created
	// with ("" when none was sent: ACLs are then allowed).
	ObjectOwnership string `json:"objectOwnership,omitempty"`
	// Encryption is the default encryption; nil when none is configured.
	Encryption *Encryption `json:"encryption,omitempty"`
	Versioning Versioning  `json:"versioning"`
	// PublicAccessBlock is nil when none is configured.
	PublicAccessBlock *PublicAccessBlock `json:"publicAccessBlock,omitempty"`
	ACL               ACL                `json:"acl"`
	// Policy is the bucket policy document as sent; "" when none.
	Policy string `json:"policy,omitempty"`
	// Logging is nil when server access logging is off.
	Logging *Logging `json:"logging,omitempty"`
	// Tags is the tag set, in the order given; empty when none.
	Tags []Tag `json:"tags,omitempty"`
}

// clone returns a deep copy of b.
func (b *Bucket) clone() *Bucket {
	c := *b
	if b.Encryption != nil {
		e := *b.Encryption
		c.Encryption = &e
	}
	if b.PublicAccessBlock != nil {
		p := *b.PublicAccessBlock
		c.PublicAccessBlock = &p
	}
	if b.Logging != nil {
		l := *b.Logging
		c.Logging = &l
	}
	c.ACL.Grants = slices.Clone(b.ACL.Grants)
	c.Tags = slices.Clone(b.Tags)
	return &c
}

// The default-encryption algorithms of general purpose buckets.
const (
	SSEAES256     = "AES256"
	SSEKMS        = "aws:kms"
	SSEKMSDSSE    = "aws:kms:dsse"
	defaultRegion = "us-east-1"
)

// Encryption is a bucket's default encryption: S3 takes exactly one rule,
// so the rule's members are kept here.
type Encryption struct {
	SSEAlgorithm string `json:"sseAlgorithm"`
	// KMSMasterKeyID is only set with the aws:kms algorithms.
	KMSMasterKeyID   string `json:"kmsMasterKeyId,omitempty"`
	BucketKeyEnabled bool   `json:"bucketKeyEnabled,omitempty"`
}

// Versioning states.
const (
	VersioningEnabled   = "Enabled"
	VersioningSuspended = "Suspended"
	MFADeleteEnabled    = "Enabled"
	MFADeleteDisabled   = "Disabled"
)

// Versioning is a bucket's versioning state.
type Versioning struct {
	// Status is "" for a bucket never versioned, else Enabled or Suspended.
	Status string `json:"status,omitempty"`
	// MFADelete is "" until a PutBucketVersioning sets it.
	MFADelete string `json:"mfaDelete,omitempty"`
}

// PublicAccessBlock is a bucket's public access block configuration.
type PublicAccessBlock struct {
	BlockPublicAcls       bool `json:"blockPublicAcls"`
	IgnorePublicAcls      bool `json:"ignorePublicAcls"`
	BlockPublicPolicy     bool `json:"blockPublicPolicy"`
	RestrictPublicBuckets bool `json:"restrictPublicBuckets"`
}

// Logging is a bucket's server access logging target.
type Logging struct {
	TargetBucket string `json:"targetBucket"`
	TargetPrefix string `json:"targetPrefix"`
}

// Tag is one bucket tag.
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// tagMap returns the tags as a map.
func tagMap(tags []Tag) map[string]string {
	if len(tags) == 0 {
		return nil
	}
	m := make(map[string]string, len(tags))
	for _, t := range tags {
		m[t.Key] = t.Value
	}
	return m
}
