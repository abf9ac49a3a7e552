package cloudtrail_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/configitem"
)

func tagMap(tags []types.Tag) map[string]string {
	out := map[string]string{}
	for _, t := range tags {
		out[aws.ToString(t.Key)] = aws.ToString(t.Value)
	}
	return out
}

func TestTags_AddListRemove(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := aws.ToString(createTrail(t, e.ct, "main", func(in *sdk.CreateTrailInput) {
		in.TagsList = []types.Tag{{Key: aws.String("team"), Value: aws.String("sec")}}
	}).TrailARN)
	second := aws.ToString(createTrail(t, e.ct, "second").TrailARN)

	_, err := e.ct.AddTags(ctx, &sdk.AddTagsInput{ResourceId: aws.String(arn), TagsList: []types.Tag{
		{Key: aws.String("team"), Value: aws.String("platform")}, {Key: aws.String("env"), Value: aws.String("prod")},
		{Key: aws.String("flag")}}})
	require.NoError(t, err)
	list, err := e.ct.ListTags(ctx, &sdk.ListTagsInput{ResourceIdList: []string{arn, second}})
	require.NoError(t, err)
	require.Len(t, list.ResourceTagList, 2)
	require.Equal(t, arn, aws.ToString(list.ResourceTagList[0].ResourceId))
	require.Equal(t, map[string]string{"team": "platform", "env": "prod", "flag": ""}, tagMap(list.ResourceTagList[0].TagsList))
	require.Nil(t, list.ResourceTagList[0].TagsList[2].Value, "a key without a value has none")
	require.Empty(t, list.ResourceTagList[1].TagsList)

	it := e.sink.Last("AWS::CloudTrail::Trail", arn)
	require.Equal(t, configitem.StatusOK, it.Status)
	require.Equal(t, map[string]string{"team": "platform", "env": "prod", "flag": ""}, it.Tags)

	_, err = e.ct.RemoveTags(ctx, &sdk.RemoveTagsInput{ResourceId: aws.String(arn), TagsList: []types.Tag{
		{Key: aws.String("team")}, {Key: aws.String("env"), Value: aws.String("dev")}, {Key: aws.String("absent")}}})
	require.NoError(t, err)
	list, err = e.ct.ListTags(ctx, &sdk.ListTagsInput{ResourceIdList: []string{arn}})
	require.NoError(t, err)
	require.Equal(t, map[string]string{"env": "prod", "flag": ""}, tagMap(list.ResourceTagList[0].TagsList),
		"a key given with another value stays")
	require.Equal(t, map[string]string{"env": "prod", "flag": ""}, e.sink.Last("AWS::CloudTrail::Trail", arn).Tags)

	n := len(e.sink.Items())
	_, err = e.ct.RemoveTags(ctx, &sdk.RemoveTagsInput{ResourceId: aws.String(arn), TagsList: []types.Tag{{Key: aws.String("absent")}}})
	require.NoError(t, err)
	require.Len(t, e.sink.Items(), n, "removing nothing records nothing")
}

func TestTags_Errors(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := aws.ToString(createTrail(t, e.ct, "main").TrailARN)
	fifty := make([]types.Tag, 50)
	for i := range fifty {
		fifty[i] = types.Tag{Key: aws.String("k" + strconv.Itoa(i))}
	}
	_, err := e.ct.AddTags(ctx, &sdk.AddTagsInput{ResourceId: aws.String(arn), TagsList: fifty})
	require.NoError(t, err)
	one := []types.Tag{{Key: aws.String("one-more")}}
	cases := map[string]struct {
		id   string
		tags []types.Tag
		code string
	}{
		"OverLimit":      {arn, one, "TagsLimitExceededException"},
		"NotAnARN":       {"main", one, "CloudTrailARNInvalidException"},
		"UnknownTrail":   {arnOf("us-east-1", account, "missing"), one, "ResourceNotFoundException"},
		"OtherAccount":   {arnOf("us-east-1", other, "main"), one, "ResourceNotFoundException"},
		"EventDataStore": {"arn:aws:cloudtrail:us-east-1:" + account + ":eventdatastore/abc", one, "EventDataStoreNotFoundException"},
		"Channel":        {"arn:aws:cloudtrail:us-east-1:" + account + ":channel/abc", one, "ChannelNotFoundException"},
		"OtherService":   {"arn:aws:s3:::bucket", one, "CloudTrailARNInvalidException"},
		"KeyTooLong":     {arn, []types.Tag{{Key: aws.String(strings.Repeat("k", 129))}}, "InvalidTagParameterException"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.ct.AddTags(ctx, &sdk.AddTagsInput{ResourceId: aws.String(tc.id), TagsList: tc.tags})
			requireCode(t, err, tc.code)
		})
	}

	// Replacing a value is not a new key.
	_, err = e.ct.AddTags(ctx, &sdk.AddTagsInput{ResourceId: aws.String(arn),
		TagsList: []types.Tag{{Key: aws.String("k0"), Value: aws.String("v")}}})
	require.NoError(t, err)

	ids := make([]string, 21)
	for i := range ids {
		ids[i] = arn
	}
	_, err = e.ct.ListTags(ctx, &sdk.ListTagsInput{ResourceIdList: ids})
	requireCode(t, err, "InvalidParameterException")
	_, err = e.ct.ListTags(ctx, &sdk.ListTagsInput{ResourceIdList: []string{arnOf("us-east-1", account, "missing")}})
	requireCode(t, err, "ResourceNotFoundException")
}
