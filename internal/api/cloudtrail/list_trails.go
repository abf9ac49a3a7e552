package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("ListTrails", func(a *api) awsproto.Handler { return awsproto.JSON(a.listTrails) })

type listTrailsInput struct {
	NextToken *string `json:"NextToken"`
}

type listTrailsOutput struct {
	Trails    []trailInfoShape `json:"Trails"`
	NextToken string           `json:"NextToken,omitempty"`
}

// trailInfoShape is the TrailInfo shape.
type trailInfoShape struct {
	Name       string `json:"Name"`
	TrailARN   string `json:"TrailARN"`
	HomeRegion string `json:"HomeRegion"`
}

func (a *api) listTrails(ctx context.Context, in *listTrailsInput) (*listTrailsOutput, error) {
	page, err := a.Trails.ListTrails(ctx, scope(ctx), deref(in.NextToken))
	if err != nil {
		return nil, err
	}
	out := &listTrailsOutput{Trails: make([]trailInfoShape, 0, len(page.Trails)), NextToken: page.NextToken}
	for _, t := range page.Trails {
		out.Trails = append(out.Trails, trailInfoShape{Name: t.Name, TrailARN: t.ARN, HomeRegion: t.HomeRegion})
	}
	return out, nil
}
