package cloudtrail_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/aws/aws-sdk-go-v2/service/cloudtrail/types"
	"github.com/stretchr/testify/require"
)

func TestEventSelectors_DefaultsBasicAdvanced(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	arn := aws.ToString(createTrail(t, e.ct, "main").TrailARN)

	def, err := e.ct.GetEventSelectors(ctx, &sdk.GetEventSelectorsInput{TrailName: aws.String("main")})
	require.NoError(t, err)
	require.Equal(t, arn, aws.ToString(def.TrailARN))
	require.Len(t, def.EventSelectors, 1)
	require.Equal(t, types.ReadWriteTypeAll, def.EventSelectors[0].ReadWriteType)
	require.True(t, aws.ToBool(def.EventSelectors[0].IncludeManagementEvents))
	require.Empty(t, def.EventSelectors[0].DataResources)
	require.Empty(t, def.AdvancedEventSelectors)

	put, err := e.ct.PutEventSelectors(ctx, &sdk.PutEventSelectorsInput{TrailName: aws.String("main"),
		EventSelectors: []types.EventSelector{{
			ReadWriteType: types.ReadWriteTypeWriteOnly,
			DataResources: []types.DataResource{{Type: aws.String("AWS::S3::Object"), Values: []string{"arn:aws:s3:::" + bucket + "/"}}},
		}}})
	require.NoError(t, err)
	require.Equal(t, arn, aws.ToString(put.TrailARN))
	require.Equal(t, types.ReadWriteTypeWriteOnly, put.EventSelectors[0].ReadWriteType)
	require.True(t, aws.ToBool(put.EventSelectors[0].IncludeManagementEvents), "IncludeManagementEvents defaults to true")
	require.Equal(t, "AWS::S3::Object", aws.ToString(put.EventSelectors[0].DataResources[0].Type))

	got, err := e.ct.GetTrail(ctx, &sdk.GetTrailInput{Name: aws.String("main")})
	require.NoError(t, err)
	require.True(t, aws.ToBool(got.Trail.HasCustomEventSelectors))
	it := e.sink.Last("AWS::CloudTrail::Trail", arn)
	require.Equal(t, true, it.Configuration["hasCustomEventSelectors"])
	require.Len(t, e.sink.Items(), 2)

	advanced := []types.AdvancedEventSelector{{Name: aws.String("S3 writes"), FieldSelectors: []types.AdvancedFieldSelector{
		{Field: aws.String("eventCategory"), Equals: []string{"Data"}},
		{Field: aws.String("resources.type"), Equals: []string{"AWS::S3::Object"}},
		{Field: aws.String("resources.ARN"), StartsWith: []string{"arn:aws:s3:::" + bucket + "/"}},
	}}}
	_, err = e.ct.PutEventSelectors(ctx, &sdk.PutEventSelectorsInput{TrailName: aws.String(arn), AdvancedEventSelectors: advanced})
	require.NoError(t, err)
	adv, err := e.ct.GetEventSelectors(ctx, &sdk.GetEventSelectorsInput{TrailName: aws.String(arn)})
	require.NoError(t, err)
	require.Empty(t, adv.EventSelectors, "advanced selectors replace basic ones")
	require.Len(t, adv.AdvancedEventSelectors, 1)
	require.Equal(t, "S3 writes", aws.ToString(adv.AdvancedEventSelectors[0].Name))
	require.Equal(t, []string{"arn:aws:s3:::" + bucket + "/"}, adv.AdvancedEventSelectors[0].FieldSelectors[2].StartsWith)
	require.Len(t, e.sink.Items(), 2, "the item changes only when HasCustomEventSelectors does")
}

func TestPutEventSelectors_Validation(t *testing.T) {
	t.Parallel()
	e := setup(t)
	createTrail(t, e.ct, "main")
	basic := func(sels ...types.EventSelector) *sdk.PutEventSelectorsInput {
		return &sdk.PutEventSelectorsInput{TrailName: aws.String("main"), EventSelectors: sels}
	}
	adv := func(fs ...types.AdvancedFieldSelector) *sdk.PutEventSelectorsInput {
		return &sdk.PutEventSelectorsInput{TrailName: aws.String("main"),
			AdvancedEventSelectors: []types.AdvancedEventSelector{{FieldSelectors: fs}}}
	}
	category := types.AdvancedFieldSelector{Field: aws.String("eventCategory"), Equals: []string{"Management"}}
	all := types.EventSelector{ReadWriteType: types.ReadWriteTypeAll}
	s3 := func(values ...string) types.EventSelector {
		return types.EventSelector{DataResources: []types.DataResource{{Type: aws.String("AWS::S3::Object"), Values: values}}}
	}
	many := make([]string, 251)
	for i := range many {
		many[i] = "arn:aws:s3:::b/" + string(rune('a'+i%26))
	}
	cases := map[string]struct {
		in   *sdk.PutEventSelectorsInput
		code string
	}{
		"Neither": {&sdk.PutEventSelectorsInput{TrailName: aws.String("main")}, "InvalidParameterCombinationException"},
		"Both": {&sdk.PutEventSelectorsInput{TrailName: aws.String("main"), EventSelectors: []types.EventSelector{all},
			AdvancedEventSelectors: []types.AdvancedEventSelector{{FieldSelectors: []types.AdvancedFieldSelector{category}}}},
			"InvalidParameterCombinationException"},
		"SixSelectors":       {basic(all, all, all, all, all, all), "InvalidEventSelectorsException"},
		"BadReadWriteType":   {basic(types.EventSelector{ReadWriteType: "read-only"}), "InvalidEventSelectorsException"},
		"BadExcludedSource":  {basic(types.EventSelector{ExcludeManagementEventSources: []string{"s3.amazonaws.com"}}), "InvalidEventSelectorsException"},
		"BadResourceType":    {basic(types.EventSelector{DataResources: []types.DataResource{{Type: aws.String("AWS::EC2::Instance")}}}), "InvalidEventSelectorsException"},
		"ValueNotS3ARN":      {basic(s3("arn:aws:lambda")), "InvalidEventSelectorsException"},
		"TooManyDataValues":  {basic(s3(many...)), "InvalidEventSelectorsException"},
		"NoEventCategory":    {adv(types.AdvancedFieldSelector{Field: aws.String("eventName"), Equals: []string{"PutObject"}}), "InvalidEventSelectorsException"},
		"UnknownField":       {adv(category, types.AdvancedFieldSelector{Field: aws.String("color"), Equals: []string{"x"}}), "InvalidEventSelectorsException"},
		"EqualsOnlyField":    {adv(types.AdvancedFieldSelector{Field: aws.String("eventCategory"), StartsWith: []string{"Man"}}), "InvalidEventSelectorsException"},
		"BadCategory":        {adv(types.AdvancedFieldSelector{Field: aws.String("eventCategory"), Equals: []string{"Everything"}}), "InvalidEventSelectorsException"},
		"NoValues":           {adv(category, types.AdvancedFieldSelector{Field: aws.String("eventName")}), "InvalidEventSelectorsException"},
		"UnknownTrail":       {&sdk.PutEventSelectorsInput{TrailName: aws.String("missing"), EventSelectors: []types.EventSelector{all}}, "TrailNotFoundException"},
		"InvalidTrailName":   {&sdk.PutEventSelectorsInput{TrailName: aws.String("-x-"), EventSelectors: []types.EventSelector{all}}, "InvalidTrailNameException"},
		"EmptySelectorsList": {basic(), "InvalidParameterCombinationException"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := e.ct.PutEventSelectors(context.Background(), tc.in)
			requireCode(t, err, tc.code)
		})
	}
}
