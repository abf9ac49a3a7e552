package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("DescribeTrails", func(a *api) awsproto.Handler { return awsproto.JSON(a.describeTrails) })

// describeTrailsInput's members are lowerCamel, as modelled.
type describeTrailsInput struct {
	TrailNameList       []string `json:"trailNameList"`
	IncludeShadowTrails *bool    `json:"includeShadowTrails"`
}

type describeTrailsOutput struct {
	TrailList []trailShape `json:"trailList"`
}

func (a *api) describeTrails(ctx context.Context, in *describeTrailsInput) (*describeTrailsOutput, error) {
	shadows := in.IncludeShadowTrails == nil || *in.IncludeShadowTrails
	trails, err := a.Trails.DescribeTrails(ctx, scope(ctx), in.TrailNameList, shadows)
	if err != nil {
		return nil, err
	}
	out := &describeTrailsOutput{TrailList: make([]trailShape, 0, len(trails))}
	for _, t := range trails {
		out.TrailList = append(out.TrailList, trailOf(t))
	}
	return out, nil
}
