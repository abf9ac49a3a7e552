package s3

import (
	"context"
	"slices"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/store"
)

// Object ownership settings (x-amz-object-ownership).
const (
	OwnershipBucketOwnerPreferred = "BucketOwnerPreferred"
	OwnershipObjectWriter         = "ObjectWriter"
	OwnershipBucketOwnerEnforced  = "BucketOwnerEnforced"
)

// CreateBucketParams is one CreateBucket request.
type CreateBucketParams struct {
	// AccountID is the caller's account, the new bucket's owner.
	AccountID string
	// Region is the region the request was sent to (its SigV4 scope).
	Region string
	Name   string
	// LocationConstraint is CreateBucketConfiguration's; nil when the
	// request has no configuration.
	LocationConstraint *string
	ACL                ACLInput
	// ObjectOwnership is x-amz-object-ownership ("" when not sent).
	ObjectOwnership string
	// Tags are CreateBucketConfiguration's tags.
	Tags []Tag
}

// CreateBucket creates a bucket. Re-creating a bucket the caller already
// owns is BucketAlreadyOwnedByYou, except in us-east-1, where S3 keeps its
// legacy answer: success, and the bucket's ACL is reset.
func (s *Service) CreateBucket(ctx context.Context, p CreateBucketParams) (*Bucket, error) {
	b, err := s.newBucket(p)
	if err != nil {
		return nil, err
	}
	err = s.store.Update(ctx, func(tx store.Tx) error {
		existing, err := lookup(tx, p.Name)
		if err != nil {
			return err
		}
		if existing == nil {
			return s.save(tx, b, configitem.StatusResourceDiscovered)
		}
		if existing.AccountID != p.AccountID {
			return Err(CodeBucketAlreadyExists)
		}
		if existing.Region != defaultRegion || b.Region != defaultRegion {
			return Err(CodeBucketAlreadyOwnedByYou)
		}
		existing.ACL = b.ACL
		b = existing
		return s.save(tx, b, configitem.StatusOK)
	})
	if err != nil {
		return nil, err
	}
	s.sink.Changed()
	return b, nil
}

// newBucket validates a CreateBucket request and returns the bucket it
// would create.
func (s *Service) newBucket(p CreateBucketParams) (*Bucket, error) {
	if !ValidBucketName(p.Name) {
		return nil, Err(CodeInvalidBucketName)
	}
	region, err := bucketRegion(p.LocationConstraint, p.Region)
	if err != nil {
		return nil, err
	}
	owner := CanonicalUserID(p.AccountID)
	acl, err := p.ACL.resolve(owner)
	if err != nil {
		return nil, err
	}
	if err := checkOwnership(p.ObjectOwnership, acl); err != nil {
		return nil, err
	}
	if err := validateTags(p.Tags); err != nil {
		return nil, err
	}
	b := &Bucket{Name: p.Name, AccountID: p.AccountID, Region: region, CreationDate: s.clock.Now().UTC(),
		ObjectOwnership: p.ObjectOwnership, ACL: acl, Tags: slices.Clone(p.Tags)}
	if p.LocationConstraint != nil {
		b.LocationConstraint = *p.LocationConstraint
	}
	return b, nil
}

// checkOwnership validates x-amz-object-ownership and the ACL it allows.
func checkOwnership(ownership string, acl ACL) error {
	switch ownership {
	case "", OwnershipBucketOwnerPreferred, OwnershipObjectWriter:
		return nil
	case OwnershipBucketOwnerEnforced:
		if acl.nonPrivate() {
			return Err(CodeInvalidBucketACLWithOwnership)
		}
		return nil
	}
	return invalidArgument("x-amz-object-ownership", ownership,
		"Invalid x-amz-object-ownership header: %s", ownership)
}

// DeleteBucket deletes a bucket (the sandbox holds no objects, so every
// bucket is empty).
func (s *Service) DeleteBucket(ctx context.Context, ref Ref) error {
	err := s.store.Update(ctx, func(tx store.Tx) error {
		b, err := load(tx, ref)
		if err != nil {
			return err
		}
		if err := deleteBucket(tx, b); err != nil {
			return err
		}
		item := configItem(b, configitem.StatusResourceDeleted, s.clock.Now())
		return s.sink.Record(tx, b.scope(), &item)
	})
	if err == nil {
		s.sink.Changed()
	}
	return err
}

// ListBucketsParams selects the buckets ListBuckets returns.
type ListBucketsParams struct {
	AccountID string
	// Prefix keeps names that start with it.
	Prefix string
	// BucketRegion keeps the buckets of one region ("" for all).
	BucketRegion string
	// After continues a listing after this name.
	After string
	// Max caps the buckets returned; 0 means no cap.
	Max int
}

// ListBuckets returns the account's buckets in name order, and whether
// more match after the last one returned.
func (s *Service) ListBuckets(ctx context.Context, p ListBucketsParams) ([]Bucket, bool, error) {
	var out []Bucket
	more := false
	err := s.store.View(ctx, func(tx store.Tx) error {
		items, err := tx.Scan(store.ScanParams{Bucket: accountBucket(p.AccountID), Prefix: p.Prefix, After: p.After})
		if err != nil {
			return err
		}
		for _, it := range items {
			var b Bucket
			if err := store.DecodeRecord(accountBucket(p.AccountID), it.Key, it.Value, &b); err != nil {
				return err
			}
			if p.BucketRegion != "" && b.Region != p.BucketRegion {
				continue
			}
			if p.Max > 0 && len(out) == p.Max {
				more = true
				return nil
			}
			out = append(out, b)
		}
		return nil
	})
	return out, more, err
}
