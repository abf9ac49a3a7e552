package s3

import (
	"context"

	"github.com/salvehq/salve/internal/store"
)

// PutACL replaces the bucket's ACL. A public ACL (a grant to AllUsers or
// AuthenticatedUsers) is AccessDenied while the bucket's public access
// block has BlockPublicAcls; a bucket created with BucketOwnerEnforced
// takes no ACL but the owner's.
func (s *Service) PutACL(ctx context.Context, ref Ref, in ACLInput) error {
	return s.mutate(ctx, ref, func(_ store.Tx, b *Bucket) error {
		if in.empty() {
			return Err(CodeMissingSecurityHeader)
		}
		acl, err := in.resolve(b.ACL.Owner)
		if err != nil {
			return err
		}
		if b.ObjectOwnership == OwnershipBucketOwnerEnforced && acl.nonPrivate() {
			return Err(CodeACLNotSupported)
		}
		if pab := b.PublicAccessBlock; pab != nil && pab.BlockPublicAcls && acl.public() {
			return Err(CodeAccessDenied)
		}
		b.ACL = acl
		return nil
	})
}

// public reports whether the ACL grants anything to everyone or to every
// authenticated AWS user.
func (a ACL) public() bool {
	for _, g := range a.Grants {
		if g.Grantee.Type == GranteeGroup && (g.Grantee.URI == GroupAllUsers || g.Grantee.URI == GroupAuthenticatedUsers) {
			return true
		}
	}
	return false
}
