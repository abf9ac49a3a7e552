package cloudtrail_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudtrail"
	"github.com/stretchr/testify/require"
)

func TestLogging_StartStopStatus(t *testing.T) {
	t.Parallel()
	e := setup(t)
	ctx := context.Background()
	createTrail(t, e.ct, "main", func(in *sdk.CreateTrailInput) {
		in.EnableLogFileValidation = aws.Bool(true)
		in.SnsTopicName = aws.String(topic)
	})
	items := len(e.sink.Items())
	status := func() *sdk.GetTrailStatusOutput {
		t.Helper()
		out, err := e.ct.GetTrailStatus(ctx, &sdk.GetTrailStatusInput{Name: aws.String("main")})
		require.NoError(t, err)
		return out
	}

	before := status()
	require.False(t, aws.ToBool(before.IsLogging))
	require.Nil(t, before.StartLoggingTime)
	require.Nil(t, before.LatestDeliveryTime, "a trail that never logged delivered nothing")

	e.clock.Advance(time.Minute)
	started := start.Add(time.Minute)
	_, err := e.ct.StartLogging(ctx, &sdk.StartLoggingInput{Name: aws.String("main")})
	require.NoError(t, err)
	e.clock.Advance(time.Hour)
	on := status()
	require.True(t, aws.ToBool(on.IsLogging))
	require.Equal(t, started, aws.ToTime(on.StartLoggingTime))
	require.Equal(t, "2026-11-01T12:01:00Z", aws.ToString(on.TimeLoggingStarted))
	require.Nil(t, on.StopLoggingTime)
	require.Equal(t, started.Add(time.Hour), aws.ToTime(on.LatestDeliveryTime), "a logging trail delivers up to now")
	require.Equal(t, started.Add(time.Hour), aws.ToTime(on.LatestDigestDeliveryTime), "validation on: digests too")
	require.Equal(t, started.Add(time.Hour), aws.ToTime(on.LatestNotificationTime), "a topic: notifications too")
	require.Nil(t, on.LatestCloudWatchLogsDeliveryTime, "no log group: no CloudWatch Logs delivery")

	// Starting again changes nothing.
	_, err = e.ct.StartLogging(ctx, &sdk.StartLoggingInput{Name: aws.String(arnOf("us-east-1", account, "main"))})
	require.NoError(t, err)
	require.Equal(t, started, aws.ToTime(status().StartLoggingTime))

	_, err = e.ct.StopLogging(ctx, &sdk.StopLoggingInput{Name: aws.String("main")})
	require.NoError(t, err)
	stopped := e.clock.Now()
	e.clock.Advance(time.Hour)
	off := status()
	require.False(t, aws.ToBool(off.IsLogging))
	require.Equal(t, stopped, aws.ToTime(off.StopLoggingTime))
	require.Equal(t, started, aws.ToTime(off.StartLoggingTime))
	require.Equal(t, stopped, aws.ToTime(off.LatestDeliveryTime), "a stopped trail delivered up to when it stopped")

	require.Len(t, e.sink.Items(), items, "the logging state is not part of the configuration item")

	for _, name := range []string{"missing", "arn:aws:cloudtrail:us-east-1:" + account + ":trail/missing"} {
		_, err = e.ct.StartLogging(ctx, &sdk.StartLoggingInput{Name: aws.String(name)})
		requireCode(t, err, "TrailNotFoundException")
		_, err = e.ct.GetTrailStatus(ctx, &sdk.GetTrailStatusInput{Name: aws.String(name)})
		requireCode(t, err, "TrailNotFoundException")
	}
}
