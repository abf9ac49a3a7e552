package ec2_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ec2/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
)

func tag(k, v string) types.Tag { return types.Tag{Key: aws.String(k), Value: aws.String(v)} }

func TestTags(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	inst := aws.ToString(run(t, e, 1, nil)[0].InstanceId)
	_, err := e.EC2.CreateTags(ctx, &ec2.CreateTagsInput{Resources: []string{vpc, inst},
		Tags: []types.Tag{tag("env", "prod"), tag("team", "blue")}})
	require.NoError(t, err)
	it := e.Items.Last("AWS::EC2::Instance", inst)
	require.Equal(t, configitem.StatusOK, it.Status)
	require.Equal(t, map[string]string{"env": "prod", "team": "blue"}, it.Tags)

	out, err := e.EC2.DescribeTags(ctx, &ec2.DescribeTagsInput{Filters: []types.Filter{
		{Name: aws.String("resource-type"), Values: []string{"instance"}}}})
	require.NoError(t, err)
	require.Len(t, out.Tags, 2)
	require.Equal(t, inst, aws.ToString(out.Tags[0].ResourceId))
	require.Equal(t, types.ResourceTypeInstance, out.Tags[0].ResourceType)

	// Overwrite one value; delete by key with a wrong value (kept) and by key alone.
	_, err = e.EC2.CreateTags(ctx, &ec2.CreateTagsInput{Resources: []string{vpc}, Tags: []types.Tag{tag("env", "dev")}})
	require.NoError(t, err)
	_, err = e.EC2.DeleteTags(ctx, &ec2.DeleteTagsInput{Resources: []string{vpc}, Tags: []types.Tag{tag("team", "red")}})
	require.NoError(t, err)
	vpcs, err := e.EC2.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{VpcIds: []string{vpc}})
	require.NoError(t, err)
	require.ElementsMatch(t, []types.Tag{tag("env", "dev"), tag("team", "blue")}, vpcs.Vpcs[0].Tags)
	_, err = e.EC2.DeleteTags(ctx, &ec2.DeleteTagsInput{Resources: []string{vpc}, Tags: []types.Tag{{Key: aws.String("team")}}})
	require.NoError(t, err)
	_, err = e.EC2.DeleteTags(ctx, &ec2.DeleteTagsInput{Resources: []string{inst}})
	require.NoError(t, err, "no tags deletes them all")

	out, err = e.EC2.DescribeTags(ctx, &ec2.DescribeTagsInput{})
	require.NoError(t, err)
	require.Len(t, out.Tags, 1)
	require.Equal(t, "env", aws.ToString(out.Tags[0].Key))
	require.Equal(t, "dev", aws.ToString(out.Tags[0].Value))
	require.Empty(t, e.Items.Last("AWS::EC2::Instance", inst).Tags)
}

func TestTags_Errors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	vpc := createVPC(t, e, "10.0.0.0/16")
	many := make([]types.Tag, 51)
	for i := range many {
		many[i] = tag(fmt.Sprintf("k%d", i), "v")
	}
	long := make([]byte, 128)
	for i := range long {
		long[i] = 'k'
	}
	cases := map[string]struct {
		ids  []string
		tags []types.Tag
		code string
	}{
		"UnknownVPC":   {[]string{"vpc-0123456789abcdef0"}, []types.Tag{tag("a", "b")}, "InvalidVpcID.NotFound"},
		"UnknownKind":  {[]string{"ami-0123456789abcdef0"}, []types.Tag{tag("a", "b")}, "InvalidID"},
		"NotAnID":      {[]string{"hello"}, []types.Tag{tag("a", "b")}, "InvalidID"},
		"Reserved":     {[]string{vpc}, []types.Tag{tag("aws:cloudformation", "b")}, "InvalidParameterValue"},
		"LongKey":      {[]string{vpc}, []types.Tag{tag(string(long), "b")}, "InvalidParameterValue"},
		"TooMany":      {[]string{vpc}, many, "TagLimitExceeded"},
		"OneBadOfMany": {[]string{vpc, "i-0123456789abcdef0"}, []types.Tag{tag("a", "b")}, "InvalidInstanceID.NotFound"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.EC2.CreateTags(ctx, &ec2.CreateTagsInput{Resources: tc.ids, Tags: tc.tags})
			requireCode(t, err, tc.code)
		})
	}
	vpcs, err := e.EC2.DescribeVpcs(ctx, &ec2.DescribeVpcsInput{VpcIds: []string{vpc}})
	require.NoError(t, err)
	require.Empty(t, vpcs.Vpcs[0].Tags, "a failed call tags nothing")
	_, err = e.EC2.DescribeTags(ctx, &ec2.DescribeTagsInput{Filters: []types.Filter{{Name: aws.String("owner"), Values: []string{"x"}}}})
	requireCode(t, err, "InvalidParameterValue")
}
