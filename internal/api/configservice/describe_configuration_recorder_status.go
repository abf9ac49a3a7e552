package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("DescribeConfigurationRecorderStatus", func(a *api) awsproto.Handler {
	return awsproto.JSON(a.describeConfigurationRecorderStatus)
})

type describeConfigurationRecorderStatusOutput struct {
	ConfigurationRecordersStatus []ConfigurationRecorderStatus `json:"ConfigurationRecordersStatus"`
}

// ConfigurationRecorderStatus is the ConfigurationRecorderStatus shape.
type ConfigurationRecorderStatus struct {
	Arn                  string              `json:"arn"`
	Name                 string              `json:"name"`
	LastStartTime        *awsproto.Timestamp `json:"lastStartTime,omitempty"`
	LastStopTime         *awsproto.Timestamp `json:"lastStopTime,omitempty"`
	Recording            bool                `json:"recording"`
	LastStatus           string              `json:"lastStatus,omitempty"`
	LastStatusChangeTime *awsproto.Timestamp `json:"lastStatusChangeTime,omitempty"`
}

func (a *api) describeConfigurationRecorderStatus(ctx context.Context, in *describeRecordersInput) (*describeConfigurationRecorderStatusOutput, error) {
	recs, err := a.describeRecorders(ctx, in)
	if err != nil {
		return nil, err
	}
	out := &describeConfigurationRecorderStatusOutput{ConfigurationRecordersStatus: make([]ConfigurationRecorderStatus, 0, len(recs))}
	for _, r := range recs {
		out.ConfigurationRecordersStatus = append(out.ConfigurationRecordersStatus, ConfigurationRecorderStatus{
			Arn: r.ARN, Name: r.Name, Recording: r.Recording, LastStatus: r.LastStatus,
			LastStartTime: awsproto.NewTimestamp(r.LastStartTime), LastStopTime: awsproto.NewTimestamp(r.LastStopTime),
			LastStatusChangeTime: awsproto.NewTimestamp(r.LastStatusChangeTime),
		})
	}
	return out, nil
}
