package configservice_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/configservice"
	"github.com/aws/aws-sdk-go-v2/service/configservice/types"
	"github.com/stretchr/testify/require"

	"github.com/salvehq/salve/internal/salvetest"
)

const testRole = "arn:aws:iam::123456789012:role/config-role"

func describeRecorders(t *testing.T, c *configservice.Client) []types.ConfigurationRecorder {
	t.Helper()
	out, err := c.DescribeConfigurationRecorders(context.Background(), &configservice.DescribeConfigurationRecordersInput{})
	require.NoError(t, err)
	return out.ConfigurationRecorders
}

func recorderStatus(t *testing.T, c *configservice.Client) []types.ConfigurationRecorderStatus {
	t.Helper()
	out, err := c.DescribeConfigurationRecorderStatus(context.Background(), &configservice.DescribeConfigurationRecorderStatusInput{})
	require.NoError(t, err)
	return out.ConfigurationRecordersStatus
}

func TestDescribeConfigurationRecorders_ImplicitDefault(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	recs := describeRecorders(t, env.Config)
	require.Len(t, recs, 1)
	r := recs[0]
	require.Equal(t, "default", aws.ToString(r.Name))
	require.True(t, strings.HasPrefix(aws.ToString(r.Arn), "arn:aws:config:us-east-1:123456789012:configuration-recorder/default/"))
	require.Contains(t, aws.ToString(r.RoleARN), "AWSServiceRoleForConfig")
	require.True(t, r.RecordingGroup.AllSupported)
	require.True(t, r.RecordingGroup.IncludeGlobalResourceTypes)
	require.Equal(t, types.RecordingStrategyTypeAllSupportedResourceTypes, r.RecordingGroup.RecordingStrategy.UseOnly)
	require.Equal(t, types.RecordingFrequencyContinuous, r.RecordingMode.RecordingFrequency)

	st := recorderStatus(t, env.Config)
	require.Len(t, st, 1)
	require.True(t, st[0].Recording)
	require.Equal(t, types.RecorderStatus("SUCCESS"), st[0].LastStatus)
	require.Equal(t, aws.ToString(r.Arn), aws.ToString(st[0].Arn))
}

func TestPutConfigurationRecorder_Lifecycle(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	c := env.Config
	_, err := c.PutConfigurationRecorder(ctx, &configservice.PutConfigurationRecorderInput{
		ConfigurationRecorder: &types.ConfigurationRecorder{Name: aws.String("main"), RoleARN: aws.String(testRole),
			RecordingGroup: &types.RecordingGroup{ResourceTypes: []types.ResourceType{types.ResourceTypeBucket}}},
	})
	require.NoError(t, err)
	recs := describeRecorders(t, c)
	require.Len(t, recs, 1, "the first put replaces the implicit recorder")
	require.Equal(t, "main", aws.ToString(recs[0].Name))
	require.Equal(t, testRole, aws.ToString(recs[0].RoleARN))
	require.False(t, recs[0].RecordingGroup.AllSupported)
	require.Equal(t, []types.ResourceType{types.ResourceTypeBucket}, recs[0].RecordingGroup.ResourceTypes)
	require.Equal(t, types.RecordingStrategyTypeInclusionByResourceTypes, recs[0].RecordingGroup.RecordingStrategy.UseOnly)
	require.False(t, recorderStatus(t, c)[0].Recording, "a put recorder waits for StartConfigurationRecorder")

	name := &configservice.StartConfigurationRecorderInput{ConfigurationRecorderName: aws.String("main")}
	_, err = c.StartConfigurationRecorder(ctx, name)
	salvetest.RequireAPIError(t, err, "NoAvailableDeliveryChannelException")
	_, err = c.PutDeliveryChannel(ctx, &configservice.PutDeliveryChannelInput{DeliveryChannel: &types.DeliveryChannel{S3BucketName: aws.String("config-bucket")}})
	require.NoError(t, err)
	env.Clock.Advance(time.Minute)
	_, err = c.StartConfigurationRecorder(ctx, name)
	require.NoError(t, err)
	st := recorderStatus(t, c)[0]
	require.True(t, st.Recording)
	require.True(t, salvetest.Start.Add(time.Minute).Equal(aws.ToTime(st.LastStartTime)))
	require.True(t, salvetest.Start.Add(time.Minute).Equal(aws.ToTime(st.LastStatusChangeTime)))

	_, err = c.DeleteDeliveryChannel(ctx, &configservice.DeleteDeliveryChannelInput{DeliveryChannelName: aws.String("default")})
	salvetest.RequireAPIError(t, err, "LastDeliveryChannelDeleteFailedException")

	env.Clock.Advance(time.Minute)
	_, err = c.StopConfigurationRecorder(ctx, &configservice.StopConfigurationRecorderInput{ConfigurationRecorderName: aws.String("main")})
	require.NoError(t, err)
	st = recorderStatus(t, c)[0]
	require.False(t, st.Recording)
	require.True(t, salvetest.Start.Add(2*time.Minute).Equal(aws.ToTime(st.LastStopTime)))
	_, err = c.DeleteDeliveryChannel(ctx, &configservice.DeleteDeliveryChannelInput{DeliveryChannelName: aws.String("default")})
	require.NoError(t, err)

	_, err = c.DeleteConfigurationRecorder(ctx, &configservice.DeleteConfigurationRecorderInput{ConfigurationRecorderName: aws.String("main")})
	require.NoError(t, err)
	require.Empty(t, describeRecorders(t, c))
	require.Empty(t, recorderStatus(t, c))
	_, err = c.PutDeliveryChannel(ctx, &configservice.PutDeliveryChannelInput{DeliveryChannel: &types.DeliveryChannel{S3BucketName: aws.String("b")}})
	salvetest.RequireAPIError(t, err, "NoAvailableConfigurationRecorderException")
}

func TestPutConfigurationRecorder_UpdateAndLimit(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	put := func(name, role string) error {
		_, err := env.Config.PutConfigurationRecorder(ctx, &configservice.PutConfigurationRecorderInput{
			ConfigurationRecorder: &types.ConfigurationRecorder{Name: aws.String(name), RoleARN: aws.String(role)}})
		return err
	}
	require.NoError(t, put("one", testRole))
	arn := aws.ToString(describeRecorders(t, env.Config)[0].Arn)
	require.NoError(t, put("one", testRole+"-2"))
	recs := describeRecorders(t, env.Config)
	require.Equal(t, testRole+"-2", aws.ToString(recs[0].RoleARN))
	require.Equal(t, arn, aws.ToString(recs[0].Arn), "an update keeps the ARN")
	require.True(t, recs[0].RecordingGroup.AllSupported)
	require.False(t, recs[0].RecordingGroup.IncludeGlobalResourceTypes, "the default group skips the global IAM types")
	salvetest.RequireAPIError(t, put("two", testRole), "MaxNumberOfConfigurationRecordersExceededException", "'two'")

	other, _, _ := env.Clients("210987654321", "secret", "us-east-1")
	require.Equal(t, "default", aws.ToString(describeRecorders(t, other)[0].Name), "another account keeps its implicit recorder")
}

func TestPutConfigurationRecorder_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	rec := func(mod func(*types.ConfigurationRecorder)) *types.ConfigurationRecorder {
		r := &types.ConfigurationRecorder{Name: aws.String("r"), RoleARN: aws.String(testRole)}
		mod(r)
		return r
	}
	tests := []struct {
		name, code, fragment string
		rec                  *types.ConfigurationRecorder
	}{
		{"NoRole", "InvalidRoleException", "role", rec(func(r *types.ConfigurationRecorder) { r.RoleARN = nil })},
		{"BlankName", "InvalidConfigurationRecorderNameException", "' '", rec(func(r *types.ConfigurationRecorder) { r.Name = aws.String(" ") })},
		{"ReservedName", "InvalidConfigurationRecorderNameException", "reserved",
			rec(func(r *types.ConfigurationRecorder) { r.Name = aws.String("AWSConfigurationRecorderForSecurityHub") })},
		{"LongName", "ValidationException", "configurationRecorder.name", rec(func(r *types.ConfigurationRecorder) { r.Name = aws.String(strings.Repeat("n", 257)) })},
		{"AllSupportedWithTypes", "InvalidRecordingGroupException", "allSupported", rec(func(r *types.ConfigurationRecorder) {
			r.RecordingGroup = &types.RecordingGroup{AllSupported: true, ResourceTypes: []types.ResourceType{types.ResourceTypeBucket}}
		})},
		{"EmptyGroup", "InvalidRecordingGroupException", "resourceTypes", rec(func(r *types.ConfigurationRecorder) {
			r.RecordingGroup = &types.RecordingGroup{}
		})},
		{"ExclusionWithAll", "InvalidRecordingGroupException", "", rec(func(r *types.ConfigurationRecorder) {
			r.RecordingGroup = &types.RecordingGroup{AllSupported: true,
				RecordingStrategy: &types.RecordingStrategy{UseOnly: types.RecordingStrategyTypeExclusionByResourceTypes}}
		})},
		{"UnknownType", "ValidationException", "configurationRecorder.recordingGroup.resourceTypes.1.member", rec(func(r *types.ConfigurationRecorder) {
			r.RecordingGroup = &types.RecordingGroup{ResourceTypes: []types.ResourceType{"AWS::Nope::Thing"}}
		})},
		{"UnknownExcludedType", "ValidationException", "exclusionByResourceTypes.resourceTypes.1.member", rec(func(r *types.ConfigurationRecorder) {
			r.RecordingGroup = &types.RecordingGroup{ExclusionByResourceTypes: &types.ExclusionByResourceTypes{
				ResourceTypes: []types.ResourceType{"Acme::Widget::Thing"}}}
		})},
		{"BadStrategy", "ValidationException", "recordingStrategy.useOnly", rec(func(r *types.ConfigurationRecorder) {
			r.RecordingGroup = &types.RecordingGroup{AllSupported: true, RecordingStrategy: &types.RecordingStrategy{UseOnly: "SOME"}}
		})},
		{"BadFrequency", "ValidationException", "recordingMode.recordingFrequency", rec(func(r *types.ConfigurationRecorder) {
			r.RecordingMode = &types.RecordingMode{RecordingFrequency: "HOURLY"}
		})},
		{"ServiceLinked", "UnmodifiableEntityException", "service-linked", rec(func(r *types.ConfigurationRecorder) {
			r.ServicePrincipal = aws.String("securityhub.amazonaws.com")
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := env.Config.PutConfigurationRecorder(context.Background(), &configservice.PutConfigurationRecorderInput{ConfigurationRecorder: tt.rec})
			salvetest.RequireAPIError(t, err, tt.code, tt.fragment)
		})
	}
	require.Equal(t, "default", aws.ToString(describeRecorders(t, env.Config)[0].Name), "no failed put changed the recorder")
}

func TestStartConfigurationRecorder_Errors(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	_, err := env.Config.StartConfigurationRecorder(ctx, &configservice.StartConfigurationRecorderInput{ConfigurationRecorderName: aws.String("nope")})
	salvetest.RequireAPIError(t, err, "NoSuchConfigurationRecorderException", "'nope'")
	_, err = env.Config.StopConfigurationRecorder(ctx, &configservice.StopConfigurationRecorderInput{ConfigurationRecorderName: aws.String("nope")})
	salvetest.RequireAPIError(t, err, "NoSuchConfigurationRecorderException")
	_, err = env.Config.DeleteConfigurationRecorder(ctx, &configservice.DeleteConfigurationRecorderInput{ConfigurationRecorderName: aws.String("nope")})
	salvetest.RequireAPIError(t, err, "NoSuchConfigurationRecorderException")
	_, err = env.Config.DescribeConfigurationRecorders(ctx, &configservice.DescribeConfigurationRecordersInput{ConfigurationRecorderNames: []string{"default", "nope"}})
	salvetest.RequireAPIError(t, err, "NoSuchConfigurationRecorderException")
	_, err = env.Config.DescribeConfigurationRecorderStatus(ctx, &configservice.DescribeConfigurationRecorderStatusInput{Arn: aws.String("arn:aws:config:us-east-1:123456789012:configuration-recorder/x/y")})
	salvetest.RequireAPIError(t, err, "NoSuchConfigurationRecorderException")
	code, _ := rawRulesCall(t, env, "StartConfigurationRecorder", `{}`)
	require.Equal(t, "ValidationException", code)

	// The implicit recorder restarts without a delivery channel.
	stopDefaultRecorder(t, env.Config)
	_, err = env.Config.StartConfigurationRecorder(ctx, &configservice.StartConfigurationRecorderInput{ConfigurationRecorderName: aws.String("default")})
	require.NoError(t, err)
	require.True(t, recorderStatus(t, env.Config)[0].Recording)
}

func TestListConfigurationRecorders(t *testing.T) {
	t.Parallel()
	env := salvetest.Setup(t)
	ctx := context.Background()
	out, err := env.Config.ListConfigurationRecorders(ctx, &configservice.ListConfigurationRecordersInput{})
	require.NoError(t, err)
	require.Len(t, out.ConfigurationRecorderSummaries, 1)
	s := out.ConfigurationRecorderSummaries[0]
	require.Equal(t, "default", aws.ToString(s.Name))
	require.Equal(t, types.RecordingScopePaid, s.RecordingScope)
	require.Equal(t, types.RecordingScopePaid, describeRecorders(t, env.Config)[0].RecordingScope)

	out, err = env.Config.ListConfigurationRecorders(ctx, &configservice.ListConfigurationRecordersInput{Filters: []types.ConfigurationRecorderFilter{
		{FilterName: types.ConfigurationRecorderFilterNameRecordingScope, FilterValue: []string{"INTERNAL"}}}})
	require.NoError(t, err)
	require.Empty(t, out.ConfigurationRecorderSummaries, "Salve has no service-linked recorders")

	_, err = env.Config.ListConfigurationRecorders(ctx, &configservice.ListConfigurationRecordersInput{MaxResults: aws.Int32(21)})
	salvetest.RequireAPIError(t, err, "ValidationException", "maxResults")
	_, err = env.Config.ListConfigurationRecorders(ctx, &configservice.ListConfigurationRecordersInput{Filters: []types.ConfigurationRecorderFilter{
		{FilterName: types.ConfigurationRecorderFilterNameRecordingScope, FilterValue: []string{"FREE"}}}})
	salvetest.RequireAPIError(t, err, "ValidationException", "filterValue")

	_, err = env.Config.DeleteConfigurationRecorder(ctx, &configservice.DeleteConfigurationRecorderInput{ConfigurationRecorderName: aws.String("default")})
	require.NoError(t, err)
	out, err = env.Config.ListConfigurationRecorders(ctx, &configservice.ListConfigurationRecordersInput{})
	require.NoError(t, err)
	require.Empty(t, out.ConfigurationRecorderSummaries)
}
