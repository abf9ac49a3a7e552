package s3_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/require"
)

const sslOnly = `{"Version":"2012-10-17","Statement":[{"Sid":"SSL","Effect":"Deny","Principal":"*","Action":"s3:*",` +
	`"Resource":["arn:aws:s3:::pol","arn:aws:s3:::pol/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`

const publicRead = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},` +
	`"Action":"s3:GetObject","Resource":"arn:aws:s3:::pol/*"}]}`

func TestBucketPolicy(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "pol")
	bucket := aws.String("pol")

	_, err := e.s3.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: bucket})
	requireCode(t, err, "NoSuchBucketPolicy")
	require.Equal(t, map[string]any{"policyText": nil}, e.lastItem(t, "pol").SupplementaryConfiguration["BucketPolicy"])

	_, err = e.s3.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: bucket, Policy: aws.String(sslOnly)})
	require.NoError(t, err)
	out, err := e.s3.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: bucket})
	require.NoError(t, err)
	require.Equal(t, sslOnly, aws.ToString(out.Policy))
	require.Equal(t, map[string]any{"policyText": sslOnly}, e.lastItem(t, "pol").SupplementaryConfiguration["BucketPolicy"])

	_, err = e.s3.DeleteBucketPolicy(ctx, &s3.DeleteBucketPolicyInput{Bucket: bucket})
	require.NoError(t, err)
	_, err = e.s3.GetBucketPolicy(ctx, &s3.GetBucketPolicyInput{Bucket: bucket})
	requireCode(t, err, "NoSuchBucketPolicy")
}

func TestBucketPolicy_BlockPublicPolicy(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "pol")
	_, err := e.s3.PutPublicAccessBlock(ctx, &s3.PutPublicAccessBlockInput{Bucket: aws.String("pol"),
		PublicAccessBlockConfiguration: &types.PublicAccessBlockConfiguration{BlockPublicPolicy: aws.Bool(true)}})
	require.NoError(t, err)
	_, err = e.s3.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String("pol"), Policy: aws.String(publicRead)})
	requireCode(t, err, "AccessDenied")
	_, err = e.s3.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String("pol"), Policy: aws.String(sslOnly)})
	require.NoError(t, err, "a Deny statement is not public")
}

func TestPutBucketPolicy_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	e.createBucket(t, "pol")
	stmt := func(s string) string { return `{"Version":"2012-10-17","Statement":[` + s + `]}` }
	cases := map[string]string{
		"NotJSON":          `Version: 2012-10-17`,
		"NotAnObject":      `["Statement"]`,
		"BadJSON":          `{"Statement":`,
		"BadVersion":       `{"Version":"2020-01-01","Statement":[]}`,
		"NoStatement":      `{"Version":"2012-10-17"}`,
		"EmptyStatement":   stmt(``),
		"NoEffect":         stmt(`{"Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::pol/*"}`),
		"BadEffect":        stmt(`{"Effect":"Maybe","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::pol/*"}`),
		"NoPrincipal":      stmt(`{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::pol/*"}`),
		"BadPrincipal":     stmt(`{"Effect":"Allow","Principal":{"AWS":"bob"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::pol/*"}`),
		"BadPrincipalKind": stmt(`{"Effect":"Allow","Principal":{"User":"x"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::pol/*"}`),
		"NoAction":         stmt(`{"Effect":"Allow","Principal":"*","Resource":"arn:aws:s3:::pol/*"}`),
		"BadAction":        stmt(`{"Effect":"Allow","Principal":"*","Action":"ec2:RunInstances","Resource":"arn:aws:s3:::pol/*"}`),
		"NoResource":       stmt(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}`),
		"OtherBucket":      stmt(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::other/*"}`),
		"NotAnARN":         stmt(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"pol/*"}`),
		"BadCondition":     stmt(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::pol/*","Condition":"x"}`),
	}
	for name, policy := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.s3.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String("pol"), Policy: aws.String(policy)})
			requireCode(t, err, "MalformedPolicy")
		})
	}
	valid := stmt(`{"Effect":"Allow","Principal":{"AWS":["111122223333","arn:aws:iam::444455556666:root"],` +
		`"Service":"cloudtrail.amazonaws.com"},"Action":["s3:GetBucketAcl","s3:PutObject"],"Resource":["arn:aws:s3:::po*","arn:aws:s3:::pol/AWSLogs/*"]}`)
	_, err := e.s3.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String("pol"), Policy: aws.String(valid)})
	require.NoError(t, err)
}
