package ec2

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	sandbox "github.com/salvehq/salve/internal/sandbox/ec2"
)

var _ = register("DescribeVolumes", func(a *api) awsproto.QueryHandler { return handler(a.describeVolumes) })

type describeVolumesInput struct {
	common
	pageIn
	VolumeIDs []string   `ec2:"VolumeId"`
	Filters   []filterIn `ec2:"Filter"`
	_         struct{}   `ignore:"IncludeManagedResources"`
}

func (in *describeVolumesInput) validate() error {
	if in.MaxResults != nil && len(in.VolumeIDs) > 0 {
		return sandbox.Error(sandbox.CodeInvalidParameterCombination,
			"The parameter volumeSet cannot be used with the parameter maxResults")
	}
	return in.check(5, 500)
}

type describeVolumesOutput struct {
	Volumes   set[volumeXML] `xml:"volumeSet"`
	NextToken string         `xml:"nextToken,omitempty"`
}

func (a *api) describeVolumes(ctx context.Context, in *describeVolumesInput) (any, error) {
	vols, next, err := a.EC2.DescribeVolumes(ctx, scope(ctx), sandbox.DescribeParams{IDs: in.VolumeIDs,
		Filters: filters(in.Filters), Page: in.page()})
	if err != nil {
		return nil, err
	}
	return describeVolumesOutput{Volumes: mapSet(vols, volumeOut), NextToken: next}, nil
}
