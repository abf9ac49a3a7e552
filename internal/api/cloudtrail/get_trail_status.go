package cloudtrail

import (
	"context"
	"time"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("GetTrailStatus", func(a *api) awsproto.Handler { return awsproto.JSON(a.getTrailStatus) })

type getTrailStatusInput struct {
	Name *string `json:"Name"`
}

// getTrailStatusOutput carries both the timestamp members and their
// deprecated string twins (TimeLoggingStarted, …), as AWS does.
type getTrailStatusOutput struct {
	IsLogging                          bool                `json:"IsLogging"`
	StartLoggingTime                   *awsproto.Timestamp `json:"StartLoggingTime,omitempty"`
	StopLoggingTime                    *awsproto.Timestamp `json:"StopLoggingTime,omitempty"`
	TimeLoggingStarted                 string              `json:"TimeLoggingStarted,omitempty"`
	TimeLoggingStopped                 string              `json:"TimeLoggingStopped,omitempty"`
	LatestDeliveryTime                 *awsproto.Timestamp `json:"LatestDeliveryTime,omitempty"`
	LatestDeliveryAttemptTime          string              `json:"LatestDeliveryAttemptTime,omitempty"`
	LatestDeliveryAttemptSucceeded     string              `json:"LatestDeliveryAttemptSucceeded,omitempty"`
	LatestDigestDeliveryTime           *awsproto.Timestamp `json:"LatestDigestDeliveryTime,omitempty"`
	LatestCloudWatchLogsDeliveryTime   *awsproto.Timestamp `json:"LatestCloudWatchLogsDeliveryTime,omitempty"`
	LatestNotificationTime             *awsproto.Timestamp `json:"LatestNotificationTime,omitempty"`
	LatestNotificationAttemptTime      string              `json:"LatestNotificationAttemptTime,omitempty"`
	LatestNotificationAttemptSucceeded string              `json:"LatestNotificationAttemptSucceeded,omitempty"`
}

func (a *api) getTrailStatus(ctx context.Context, in *getTrailStatusInput) (*getTrailStatusOutput, error) {
	ref, err := trailRef("Name", in.Name)
	if err != nil {
		return nil, err
	}
	st, err := a.Trails.GetTrailStatus(ctx, scope(ctx), ref)
	if err != nil {
		return nil, err
	}
	return &getTrailStatusOutput{
		IsLogging:        st.IsLogging,
		StartLoggingTime: awsproto.NewTimestamp(st.StartLoggingTime), StopLoggingTime: awsproto.NewTimestamp(st.StopLoggingTime),
		TimeLoggingStarted: isoTime(st.StartLoggingTime), TimeLoggingStopped: isoTime(st.StopLoggingTime),
		LatestDeliveryTime:                 awsproto.NewTimestamp(st.LatestDeliveryTime),
		LatestDeliveryAttemptTime:          isoTime(st.LatestDeliveryTime),
		LatestDeliveryAttemptSucceeded:     isoTime(st.LatestDeliveryTime),
		LatestDigestDeliveryTime:           awsproto.NewTimestamp(st.LatestDigestDeliveryTime),
		LatestCloudWatchLogsDeliveryTime:   awsproto.NewTimestamp(st.LatestCloudWatchLogsDeliveryTime),
		LatestNotificationTime:             awsproto.NewTimestamp(st.LatestNotificationTime),
		LatestNotificationAttemptTime:      isoTime(st.LatestNotificationTime),
		LatestNotificationAttemptSucceeded: isoTime(st.LatestNotificationTime),
	}, nil
}

// isoTime formats the string twins of the status times; zero is "".
func isoTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}
