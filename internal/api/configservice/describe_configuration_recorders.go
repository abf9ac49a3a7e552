package configservice

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/recorder"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DescribeConfigurationRecorders", func(a *api) awsproto.Handler { return awsproto.JSON(a.describeConfigurationRecorders) })

// describeRecordersInput is the input of DescribeConfigurationRecorders
// and DescribeConfigurationRecorderStatus.
type describeRecordersInput struct {
	ConfigurationRecorderNames []string `json:"ConfigurationRecorderNames,omitempty"`
	ServicePrincipal           *string  `json:"ServicePrincipal,omitempty"`
	Arn                        *string  `json:"Arn,omitempty"`
}

type describeConfigurationRecordersOutput struct {
	ConfigurationRecorders []ConfigurationRecorder `json:"ConfigurationRecorders"`
}

func (a *api) describeConfigurationRecorders(ctx context.Context, in *describeRecordersInput) (*describeConfigurationRecordersOutput, error) {
	recs, err := a.describeRecorders(ctx, in)
	if err != nil {
		return nil, err
	}
	out := &describeConfigurationRecordersOutput{ConfigurationRecorders: make([]ConfigurationRecorder, 0, len(recs))}
	for i := range recs {
		out.ConfigurationRecorders = append(out.ConfigurationRecorders, fromRecorder(&recs[i]))
	}
	return out, nil
}

// describeRecorders validates the input and returns the selected recorders.
func (a *api) describeRecorders(ctx context.Context, in *describeRecordersInput) ([]recorder.Recorder, error) {
	var v validate.Errors
	for i, n := range in.ConfigurationRecorderNames {
		v.Len(validate.Member("configurationRecorderNames", i, ""), n, 1, 256)
	}
	v.String("servicePrincipal", in.ServicePrincipal, 1, 128)
	v.String("arn", in.Arn, 1, 1000)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return a.Recorder.DescribeRecorders(ctx, scope(ctx), recorder.DescribeRecordersParams{
		Names: in.ConfigurationRecorderNames, ARN: valueOrEmpty(in.Arn), ServicePrincipal: valueOrEmpty(in.ServicePrincipal),
	})
}
