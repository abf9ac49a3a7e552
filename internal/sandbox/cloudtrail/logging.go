package cloudtrail

import (
	"context"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// Status is a trail's GetTrailStatus. Salve delivers nothing, so a logging
// trail reports its deliveries (log files, digests when validation is on,
// CloudWatch Logs when configured, SNS notifications when a topic is set)
// as succeeding up to now; a stopped trail up to when it stopped.
type Status struct {
	IsLogging bool
	// StartLoggingTime and StopLoggingTime are zero if never called.
	StartLoggingTime, StopLoggingTime time.Time
	// The latest successful deliveries, zero when there was none.
	LatestDeliveryTime               time.Time
	LatestDigestDeliveryTime         time.Time
	LatestCloudWatchLogsDeliveryTime time.Time
	LatestNotificationTime           time.Time
}

// StartLogging starts a trail logging; it must be called from the trail's
// home region.
func (s *Service) StartLogging(ctx context.Context, scope tenant.Scope, ref string) error {
	return s.setLogging(ctx, scope, ref, true)
}

// StopLogging stops a trail logging; it must be called from the trail's
// home region.
func (s *Service) StopLogging(ctx context.Context, scope tenant.Scope, ref string) error {
	return s.setLogging(ctx, scope, ref, false)
}

// setLogging changes the logging state. It records no configuration item:
// AWS Config keeps the logging state out of the trail's item.
func (s *Service) setLogging(ctx context.Context, scope tenant.Scope, ref string, on bool) error {
	return s.store.Update(ctx, func(tx store.Tx) error {
		t, err := resolveHome(tx, scope, ref)
		if err != nil {
			return err
		}
		if t.Logging.IsLogging == on {
			return nil
		}
		t.Logging.IsLogging = on
		if on {
			t.Logging.StartedAt = s.clock.Now().UTC()
		} else {
			t.Logging.StoppedAt = s.clock.Now().UTC()
		}
		return saveTrail(tx, t)
	})
}

// GetTrailStatus returns the status of the trail named by name or ARN, as
// seen from scope (a shadow trail's status is its home trail's).
func (s *Service) GetTrailStatus(ctx context.Context, scope tenant.Scope, ref string) (*Status, error) {
	t, err := s.GetTrail(ctx, scope, ref)
	if err != nil {
		return nil, err
	}
	return statusOf(t, s.clock.Now().UTC()), nil
}

func statusOf(t *Trail, now time.Time) *Status {
	st := &Status{IsLogging: t.Logging.IsLogging, StartLoggingTime: t.Logging.StartedAt,
		StopLoggingTime: t.Logging.StoppedAt}
	if t.Logging.StartedAt.IsZero() {
		return st
	}
	delivered := now
	if !t.Logging.IsLogging {
		delivered = t.Logging.StoppedAt
	}
	st.LatestDeliveryTime = delivered
	if t.LogFileValidationEnabled {
		st.LatestDigestDeliveryTime = delivered
	}
	if t.CloudWatchLogsLogGroupArn != "" {
		st.LatestCloudWatchLogsDeliveryTime = delivered
	}
	if t.SnsTopicARN != "" {
		st.LatestNotificationTime = delivered
	}
	return st
}
