package s3_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/require"

	sandbox "github.com/salvehq/salve/internal/sandbox/s3"
)

const allUsers = "http://acs.amazonaws.com/groups/global/AllUsers"

// itemACL decodes the AccessControlList string of the bucket's last item.
func (e *env) itemACL(t *testing.T, name string) map[string]any {
	t.Helper()
	s, ok := e.lastItem(t, name).SupplementaryConfiguration["AccessControlList"].(string)
	require.True(t, ok, "AccessControlList is a JSON string")
	var acl map[string]any
	require.NoError(t, json.Unmarshal([]byte(s), &acl))
	return acl
}

func TestBucketACL_Canned(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	_, err := e.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("canned"), ACL: types.BucketCannedACLPublicRead})
	require.NoError(t, err)
	ownerID := sandbox.CanonicalUserID(account)

	out, err := e.s3.GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: aws.String("canned")})
	require.NoError(t, err)
	require.Equal(t, ownerID, aws.ToString(out.Owner.ID))
	require.Len(t, out.Grants, 2)
	require.Equal(t, types.TypeCanonicalUser, out.Grants[0].Grantee.Type)
	require.Equal(t, ownerID, aws.ToString(out.Grants[0].Grantee.ID))
	require.Equal(t, types.PermissionFullControl, out.Grants[0].Permission)
	require.Equal(t, types.TypeGroup, out.Grants[1].Grantee.Type)
	require.Equal(t, allUsers, aws.ToString(out.Grants[1].Grantee.URI))
	require.Equal(t, types.PermissionRead, out.Grants[1].Permission)
	require.Equal(t, map[string]any{
		"grantSet": nil,
		"grantList": []any{
			map[string]any{"grantee": map[string]any{"id": ownerID, "displayName": nil}, "permission": "FullControl"},
			map[string]any{"grantee": "AllUsers", "permission": "Read"},
		},
		"owner":              map[string]any{"displayName": nil, "id": ownerID},
		"isRequesterCharged": false,
	}, e.itemACL(t, "canned"))

	_, err = e.s3.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: aws.String("canned"), ACL: types.BucketCannedACLPrivate})
	require.NoError(t, err)
	out, err = e.s3.GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: aws.String("canned")})
	require.NoError(t, err)
	require.Len(t, out.Grants, 1)
	require.Len(t, e.itemACL(t, "canned")["grantList"], 1)
}

func TestBucketACL_GrantsAndPolicy(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "grants")
	ownerID := sandbox.CanonicalUserID(account)
	otherID := sandbox.CanonicalUserID(other)

	_, err := e.s3.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: aws.String("grants"),
		GrantRead:        aws.String(`uri="` + allUsers + `", id="` + otherID + `"`),
		GrantFullControl: aws.String(`id="` + ownerID + `"`)})
	require.NoError(t, err)
	out, err := e.s3.GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: aws.String("grants")})
	require.NoError(t, err)
	require.Len(t, out.Grants, 3)

	policy := &types.AccessControlPolicy{Owner: &types.Owner{ID: aws.String(ownerID)}, Grants: []types.Grant{
		{Grantee: &types.Grantee{Type: types.TypeCanonicalUser, ID: aws.String(ownerID)}, Permission: types.PermissionFullControl},
		{Grantee: &types.Grantee{Type: types.TypeGroup, URI: aws.String("http://acs.amazonaws.com/groups/s3/LogDelivery")}, Permission: types.PermissionWrite},
	}}
	_, err = e.s3.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: aws.String("grants"), AccessControlPolicy: policy})
	require.NoError(t, err)
	out, err = e.s3.GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: aws.String("grants")})
	require.NoError(t, err)
	require.Len(t, out.Grants, 2)
	require.Equal(t, "http://acs.amazonaws.com/groups/s3/LogDelivery", aws.ToString(out.Grants[1].Grantee.URI))
	require.Equal(t, "LogDelivery", e.itemACL(t, "grants")["grantList"].([]any)[1].(map[string]any)["grantee"])
}

func TestPutBucketACL_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "acl-bad")
	ownerID := sandbox.CanonicalUserID(account)
	grant := func(g *types.Grantee, p types.Permission) *types.AccessControlPolicy {
		return &types.AccessControlPolicy{Owner: &types.Owner{ID: aws.String(ownerID)},
			Grants: []types.Grant{{Grantee: g, Permission: p}}}
	}
	cases := map[string]struct {
		in   s3.PutBucketAclInput
		code string
	}{
		"Nothing":         {s3.PutBucketAclInput{}, "MissingSecurityHeader"},
		"BadCanned":       {s3.PutBucketAclInput{ACL: "bucket-owner-read"}, "InvalidArgument"},
		"CannedAndGrants": {s3.PutBucketAclInput{ACL: "private", GrantRead: aws.String(`uri="` + allUsers + `"`)}, "InvalidRequest"},
		"CannedAndBody":   {s3.PutBucketAclInput{ACL: "private", AccessControlPolicy: grant(&types.Grantee{Type: types.TypeCanonicalUser, ID: aws.String(ownerID)}, "READ")}, "UnexpectedContent"},
		"BadGrantHeader":  {s3.PutBucketAclInput{GrantRead: aws.String(`account="1"`)}, "InvalidArgument"},
		"BadGroup":        {s3.PutBucketAclInput{GrantRead: aws.String(`uri="http://acs.amazonaws.com/groups/global/Everyone"`)}, "InvalidArgument"},
		"BadID":           {s3.PutBucketAclInput{GrantRead: aws.String(`id="not-hex"`)}, "InvalidArgument"},
		"Email":           {s3.PutBucketAclInput{GrantRead: aws.String(`emailAddress="a@example.com"`)}, "UnresolvableGrantByEmailAddress"},
		"BadPermission":   {s3.PutBucketAclInput{AccessControlPolicy: grant(&types.Grantee{Type: types.TypeCanonicalUser, ID: aws.String(ownerID)}, "EVERYTHING")}, "MalformedACLError"},
		"NoOwner":         {s3.PutBucketAclInput{AccessControlPolicy: &types.AccessControlPolicy{}}, "MalformedACLError"},
		"OtherOwner": {s3.PutBucketAclInput{AccessControlPolicy: &types.AccessControlPolicy{
			Owner: &types.Owner{ID: aws.String(sandbox.CanonicalUserID(other))}}}, "AccessDenied"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			in := tc.in
			in.Bucket = aws.String("acl-bad")
			_, err := e.s3.PutBucketAcl(ctx, &in)
			requireCode(t, err, tc.code)
		})
	}
}

func TestBucketACL_BlockedAndEnforced(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "blocked")
	_, err := e.s3.PutPublicAccessBlock(ctx, &s3.PutPublicAccessBlockInput{Bucket: aws.String("blocked"),
		PublicAccessBlockConfiguration: &types.PublicAccessBlockConfiguration{BlockPublicAcls: aws.Bool(true)}})
	require.NoError(t, err)
	_, err = e.s3.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: aws.String("blocked"), ACL: types.BucketCannedACLPublicRead})
	requireCode(t, err, "AccessDenied")
	_, err = e.s3.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: aws.String("blocked"), ACL: types.BucketCannedACLPrivate})
	require.NoError(t, err, "a private ACL is not blocked")

	_, err = e.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("enforced"),
		ObjectOwnership: types.ObjectOwnershipBucketOwnerEnforced, ACL: types.BucketCannedACLPublicRead})
	requireCode(t, err, "InvalidBucketAclWithObjectOwnership")
	_, err = e.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("enforced"),
		ObjectOwnership: types.ObjectOwnershipBucketOwnerEnforced})
	require.NoError(t, err)
	_, err = e.s3.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: aws.String("enforced"), ACL: types.BucketCannedACLPublicRead})
	requireCode(t, err, "AccessControlListNotSupported")
	_, err = e.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("owner-odd"), ObjectOwnership: "Nobody"})
	requireCode(t, err, "InvalidArgument")
}
