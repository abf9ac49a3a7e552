package cloudtrail_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/stretchr/testify/require"
)

// shadowSetup makes, in the default account, a multi-region trail and a
// single-region trail in us-east-1 and a single-region trail in eu-west-1.
func shadowSetup(t *testing.T) (*env, *sdk.Client) {
	t.Helper()
	e := setup(t)
	eu := e.client(account, "eu-west-1")
	createTrail(t, e.ct, "global", multiRegion)
	createTrail(t, e.ct, "east-only")
	createTrail(t, eu, "eu-only")
	return e, eu
}

func trailNames(list []types.Trail) []string {
	var out []string
	for _, tr := range list {
		out = append(out, aws.ToString(tr.HomeRegion)+"/"+aws.ToString(tr.Name))
	}
	return out
}

func TestDescribeTrails_Shadows(t *testing.T) {
	t.Parallel()
	e, eu := shadowSetup(t)
	ctx := context.Background()
	globalARN := arnOf("us-east-1", account, "global")

	all, err := eu.DescribeTrails(ctx, &sdk.DescribeTrailsInput{})
	require.NoError(t, err)
	require.Equal(t, []string{"eu-west-1/eu-only", "us-east-1/global"}, trailNames(all.TrailList),
		"a region sees its own trails, then the shadows of multi-region trails")
	require.Equal(t, globalARN, aws.ToString(all.TrailList[1].TrailARN), "a shadow keeps its home ARN")

	own, err := eu.DescribeTrails(ctx, &sdk.DescribeTrailsInput{IncludeShadowTrails: aws.Bool(false)})
	require.NoError(t, err)
	require.Equal(t, []string{"eu-west-1/eu-only"}, trailNames(own.TrailList))

	east, err := e.ct.DescribeTrails(ctx, &sdk.DescribeTrailsInput{})
	require.NoError(t, err)
	require.Equal(t, []string{"us-east-1/east-only", "us-east-1/global"}, trailNames(east.TrailList))

	named, err := eu.DescribeTrails(ctx, &sdk.DescribeTrailsInput{
		TrailNameList: []string{"global", "eu-only", "nope-not-here", globalARN, arnOf("us-east-1", account, "east-only")}})
	require.NoError(t, err)
	require.Equal(t, []string{"eu-west-1/eu-only", "us-east-1/global"}, trailNames(named.TrailList),
		"names match only the region's own trails; a shadow is named by its ARN; unknown ones are left out")

	_, err = eu.DescribeTrails(ctx, &sdk.DescribeTrailsInput{TrailNameList: []string{"a b"}})
	requireCode(t, err, "InvalidTrailNameException")
	_, err = eu.DescribeTrails(ctx, &sdk.DescribeTrailsInput{TrailNameList: []string{"arn:aws:cloudtrail:nowhere"}})
	requireCode(t, err, "CloudTrailARNInvalidException")

	otherAcct, err := e.client(other, "eu-west-1").DescribeTrails(ctx, &sdk.DescribeTrailsInput{})
	require.NoError(t, err)
	require.Empty(t, otherAcct.TrailList, "one account never sees another's trails")
}

func TestGetTrail_ByNameOrARN(t *testing.T) {
	t.Parallel()
	e, eu := shadowSetup(t)
	ctx := context.Background()
	globalARN := arnOf("us-east-1", account, "global")

	got, err := eu.GetTrail(ctx, &sdk.GetTrailInput{Name: aws.String(globalARN)})
	require.NoError(t, err)
	require.Equal(t, "us-east-1", aws.ToString(got.Trail.HomeRegion))
	require.True(t, aws.ToBool(got.Trail.IsMultiRegionTrail))

	cases := map[string]struct {
		client *sdk.Client
		name   string
		code   string
	}{
		"ShadowByName":            {eu, "global", "TrailNotFoundException"},
		"OtherRegionSingleByARN":  {e.ct, arnOf("eu-west-1", account, "eu-only"), "TrailNotFoundException"},
		"Unknown":                 {e.ct, "missing", "TrailNotFoundException"},
		"OtherAccountARN":         {e.client(other, "us-east-1"), globalARN, "TrailNotFoundException"},
		"InvalidName":             {e.ct, "x", "InvalidTrailNameException"},
		"MalformedARN":            {e.ct, "arn:aws:cloudtrail:us-east-1:12:trail/x", "CloudTrailARNInvalidException"},
		"NotATrailARN":            {e.ct, "arn:aws:cloudtrail:us-east-1:" + account + ":channel/abc", "CloudTrailARNInvalidException"},
		"PartitionRegionMismatch": {e.ct, "arn:aws-cn:cloudtrail:us-east-1:" + account + ":trail/global", "CloudTrailARNInvalidException"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := tc.client.GetTrail(ctx, &sdk.GetTrailInput{Name: aws.String(tc.name)})
			requireCode(t, err, tc.code)
		})
	}
	_, err = eu.GetTrailStatus(ctx, &sdk.GetTrailStatusInput{Name: aws.String("global")})
	requireCode(t, err, "TrailNotFoundException")
}

func TestShadowTrail_ChangesOnlyFromHome(t *testing.T) {
	t.Parallel()
	_, eu := shadowSetup(t)
	ctx := context.Background()
	globalARN := aws.String(arnOf("us-east-1", account, "global"))
	calls := map[string]func() error{
		"UpdateTrail": func() error {
			_, err := eu.UpdateTrail(ctx, &sdk.UpdateTrailInput{Name: globalARN, S3KeyPrefix: aws.String("x")})
			return err
		},
		"DeleteTrail": func() error { _, err := eu.DeleteTrail(ctx, &sdk.DeleteTrailInput{Name: globalARN}); return err },
		"StartLogging": func() error {
			_, err := eu.StartLogging(ctx, &sdk.StartLoggingInput{Name: globalARN})
			return err
		},
		"StopLogging": func() error { _, err := eu.StopLogging(ctx, &sdk.StopLoggingInput{Name: globalARN}); return err },
		"PutEventSelectors": func() error {
			_, err := eu.PutEventSelectors(ctx, &sdk.PutEventSelectorsInput{TrailName: globalARN,
				EventSelectors: []types.EventSelector{{ReadWriteType: types.ReadWriteTypeAll}}})
			return err
		},
		"AddTags": func() error {
			_, err := eu.AddTags(ctx, &sdk.AddTagsInput{ResourceId: globalARN, TagsList: []types.Tag{{Key: aws.String("k")}}})
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) { requireCode(t, call(), "InvalidHomeRegionException") })
	}

	// Reads of the shadow by ARN work.
	_, err := eu.GetTrailStatus(ctx, &sdk.GetTrailStatusInput{Name: globalARN})
	require.NoError(t, err)
	sel, err := eu.GetEventSelectors(ctx, &sdk.GetEventSelectorsInput{TrailName: globalARN})
	require.NoError(t, err)
	require.Equal(t, *globalARN, aws.ToString(sel.TrailARN))
	tags, err := eu.ListTags(ctx, &sdk.ListTagsInput{ResourceIdList: []string{*globalARN}})
	require.NoError(t, err)
	require.Len(t, tags.ResourceTagList, 1)
}

func TestListTrails(t *testing.T) {
	t.Parallel()
	e, eu := shadowSetup(t)
	ctx := context.Background()
	for _, c := range []*sdk.Client{e.ct, eu} {
		out, err := c.ListTrails(ctx, &sdk.ListTrailsInput{})
		require.NoError(t, err)
		require.Nil(t, out.NextToken)
		var got []string
		for _, tr := range out.Trails {
			got = append(got, aws.ToString(tr.HomeRegion)+"/"+aws.ToString(tr.Name)+"="+aws.ToString(tr.TrailARN))
		}
		require.Equal(t, []string{
			"eu-west-1/eu-only=" + arnOf("eu-west-1", account, "eu-only"),
			"us-east-1/east-only=" + arnOf("us-east-1", account, "east-only"),
			"us-east-1/global=" + arnOf("us-east-1", account, "global"),
		}, got, "ListTrails lists every trail of the account, whatever its region")
	}
	none, err := e.client(other, "us-east-1").ListTrails(ctx, &sdk.ListTrailsInput{})
	require.NoError(t, err)
	require.Empty(t, none.Trails)
}

func TestListTrails_Pages(t *testing.T) {
	t.Parallel()
	e := setup(t, func(o *options) { o.maxTrails = 100 })
	ctx := context.Background()
	for i := range 53 {
		createTrail(t, e.ct, "trail-"+string(rune('a'+i/26))+string(rune('a'+i%26)))
	}
	var names []string
	pages := sdk.NewListTrailsPaginator(e.ct, &sdk.ListTrailsInput{})
	n := 0
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		require.NoError(t, err)
		n++
		for _, tr := range page.Trails {
			names = append(names, aws.ToString(tr.Name))
		}
	}
	require.Equal(t, 2, n)
	require.Len(t, names, 53)
	require.Equal(t, "trail-aa", names[0])
	require.Equal(t, "trail-ca", names[52])

	_, err := e.ct.ListTrails(ctx, &sdk.ListTrailsInput{NextToken: aws.String("forged")})
	requireCode(t, err, "InvalidNextTokenException")
}
