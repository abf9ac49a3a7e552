package s3_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
)

func TestCreateBucket_ListHeadLocation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()

	out, err := e.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("alpha")})
	require.NoError(t, err)
	require.Equal(t, "/alpha", aws.ToString(out.Location))
	eu := e.client(account, "eu-west-1")
	out, err = eu.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("beta"),
		CreateBucketConfiguration: &types.CreateBucketConfiguration{LocationConstraint: types.BucketLocationConstraintEuWest1}})
	require.NoError(t, err)
	require.Equal(t, "http://beta.s3.amazonaws.com/", aws.ToString(out.Location))

	list, err := e.s3.ListBuckets(ctx, &s3.ListBucketsInput{})
	require.NoError(t, err)
	require.Len(t, list.Buckets, 2, "ListBuckets lists every region's buckets")
	require.Equal(t, "alpha", aws.ToString(list.Buckets[0].Name))
	require.Equal(t, start, aws.ToTime(list.Buckets[0].CreationDate))
	require.Nil(t, list.Buckets[0].BucketRegion, "no listing parameter, no BucketRegion")
	require.Len(t, aws.ToString(list.Owner.ID), 64)

	head, err := e.s3.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String("beta")})
	require.NoError(t, err)
	require.Equal(t, "eu-west-1", aws.ToString(head.BucketRegion))

	loc, err := e.s3.GetBucketLocation(ctx, &s3.GetBucketLocationInput{Bucket: aws.String("alpha")})
	require.NoError(t, err)
	require.Empty(t, loc.LocationConstraint, "us-east-1 has no location constraint")
	loc, err = e.s3.GetBucketLocation(ctx, &s3.GetBucketLocationInput{Bucket: aws.String("beta")})
	require.NoError(t, err)
	require.Equal(t, types.BucketLocationConstraintEuWest1, loc.LocationConstraint)

	it := e.lastItem(t, "beta")
	require.Equal(t, configitem.StatusResourceDiscovered, it.Status)
	require.Equal(t, "arn:aws:s3:::beta", it.ARN)
	require.Equal(t, 2, e.sink.ChangedCalls())
}

func TestCreateBucket_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	cases := map[string]struct {
		region, name, constraint, code string
	}{
		"TooShort":             {"us-east-1", "ab", "", "InvalidBucketName"},
		"Uppercase":            {"us-east-1", "MyBucket", "", "InvalidBucketName"},
		"Underscore":           {"us-east-1", "my_bucket", "", "InvalidBucketName"},
		"DoubleDot":            {"us-east-1", "my..bucket", "", "InvalidBucketName"},
		"IPAddress":            {"us-east-1", "192.168.5.4", "", "InvalidBucketName"},
		"Punycode":             {"us-east-1", "xn--bucket", "", "InvalidBucketName"},
		"AliasSuffix":          {"us-east-1", "bucket-s3alias", "", "InvalidBucketName"},
		"EndsWithHyphen":       {"us-east-1", "bucket-", "", "InvalidBucketName"},
		"RegionalNoConstraint": {"eu-west-1", "regional", "", "IllegalLocationConstraintException"},
		"OtherRegion":          {"eu-west-1", "regional", "us-west-2", "IllegalLocationConstraintException"},
		"UsEast1Explicit":      {"us-east-1", "explicit", "us-east-1", "InvalidLocationConstraint"},
		"UnknownRegion":        {"us-east-1", "unknown", "mars-north-1", "InvalidLocationConstraint"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			in := &s3.CreateBucketInput{Bucket: aws.String(tc.name)}
			if tc.constraint != "" {
				in.CreateBucketConfiguration = &types.CreateBucketConfiguration{
					LocationConstraint: types.BucketLocationConstraint(tc.constraint)}
			}
			_, err := e.client(account, tc.region).CreateBucket(ctx, in)
			requireCode(t, err, tc.code)
		})
	}
	require.Empty(t, e.sink.Items(), "nothing was created")
}

func TestCreateBucket_GlobalFromUsEast1(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	_, err := e.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("far-away"),
		CreateBucketConfiguration: &types.CreateBucketConfiguration{LocationConstraint: types.BucketLocationConstraintApSoutheast2}})
	require.NoError(t, err, "the us-east-1 endpoint creates buckets in any region")
	head, err := e.s3.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String("far-away")})
	require.NoError(t, err)
	require.Equal(t, "ap-southeast-2", aws.ToString(head.BucketRegion))
	require.Equal(t, "arn:aws:s3:::far-away", e.lastItem(t, "far-away").ARN)
}

func TestCreateBucket_AlreadyExists(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "taken")
	_, err := e.s3.PutBucketAcl(ctx, &s3.PutBucketAclInput{Bucket: aws.String("taken"), ACL: types.BucketCannedACLPublicRead})
	require.NoError(t, err)

	_, err = e.s3.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("taken")})
	require.NoError(t, err, "us-east-1 answers 200 to its owner")
	acl, err := e.s3.GetBucketAcl(ctx, &s3.GetBucketAclInput{Bucket: aws.String("taken")})
	require.NoError(t, err)
	require.Len(t, acl.Grants, 1, "re-creating resets the ACL to private")

	_, err = e.client(other, "us-east-1").CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("taken")})
	requireCode(t, err, "BucketAlreadyExists")

	eu := e.client(account, "eu-west-1")
	in := &s3.CreateBucketInput{Bucket: aws.String("taken-eu"),
		CreateBucketConfiguration: &types.CreateBucketConfiguration{LocationConstraint: types.BucketLocationConstraintEuWest1}}
	_, err = eu.CreateBucket(ctx, in)
	require.NoError(t, err)
	_, err = eu.CreateBucket(ctx, in)
	requireCode(t, err, "BucketAlreadyOwnedByYou")
	_, err = e.client(other, "eu-west-1").CreateBucket(ctx, in)
	requireCode(t, err, "BucketAlreadyExists")
}

func TestDeleteBucket(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "doomed")

	_, err := e.client(other, "us-east-1").DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String("doomed")})
	requireCode(t, err, "AccessDenied")
	_, err = e.s3.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String("doomed")})
	require.NoError(t, err)
	it := e.lastItem(t, "doomed")
	require.Equal(t, configitem.StatusResourceDeleted, it.Status)
	require.Nil(t, it.Configuration)

	_, err = e.s3.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String("doomed")})
	requireCode(t, err, "NoSuchBucket")
	_, err = e.s3.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String("doomed")})
	requireCode(t, err, "NotFound")

	e.createBucket(t, "doomed")
	require.Equal(t, configitem.StatusResourceDiscovered, e.lastItem(t, "doomed").Status, "the name is free again")
}

func TestHeadBucket_OtherAccount(t *testing.T) {
	t.Parallel()
	e := setup(t)
	e.createBucket(t, "private-one")
	_, err := e.client(other, "us-east-1").HeadBucket(context.Background(), &s3.HeadBucketInput{Bucket: aws.String("private-one")})
	requireCode(t, err, "Forbidden")
	_, err = e.s3.HeadBucket(context.Background(), &s3.HeadBucketInput{Bucket: aws.String("private-one"),
		ExpectedBucketOwner: aws.String(other)})
	requireCode(t, err, "Forbidden")
}

func TestListBuckets_Paging(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	for _, n := range []string{"page-c", "page-a", "page-b", "other-x"} {
		e.createBucket(t, n)
	}
	_, err := e.client(other, "us-east-1").CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("page-z")})
	require.NoError(t, err)

	var names []string
	in := &s3.ListBucketsInput{Prefix: aws.String("page-"), MaxBuckets: aws.Int32(2)}
	for {
		out, err := e.s3.ListBuckets(ctx, in)
		require.NoError(t, err)
		for _, b := range out.Buckets {
			names = append(names, aws.ToString(b.Name))
			require.Equal(t, "us-east-1", aws.ToString(b.BucketRegion))
		}
		if out.ContinuationToken == nil {
			break
		}
		in.ContinuationToken = out.ContinuationToken
	}
	require.Equal(t, []string{"page-a", "page-b", "page-c"}, names, "another account's bucket is not listed")

	_, err = e.s3.ListBuckets(ctx, &s3.ListBucketsInput{MaxBuckets: aws.Int32(0)})
	requireCode(t, err, "InvalidArgument")
	_, err = e.s3.ListBuckets(ctx, &s3.ListBucketsInput{ContinuationToken: aws.String("forged")})
	requireCode(t, err, "InvalidArgument")
	out, err := e.s3.ListBuckets(ctx, &s3.ListBucketsInput{BucketRegion: aws.String("eu-west-1")})
	require.NoError(t, err)
	require.Empty(t, out.Buckets)
}
