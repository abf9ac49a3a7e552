package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	ctdomain "github.com/salvehq/salve/internal/sandbox/cloudtrail"
)

var _ = register("UpdateTrail", func(a *api) awsproto.Handler { return awsproto.JSON(a.updateTrail) })

type updateTrailInput struct {
	Name          *string `json:"Name"`
	settingsInput `json:",inline"`
}

func (a *api) updateTrail(ctx context.Context, in *updateTrailInput) (*trailSettings, error) {
	ref, err := trailRef("Name", in.Name)
	if err != nil {
		return nil, err
	}
	t, err := a.Trails.UpdateTrail(ctx, scope(ctx), ctdomain.UpdateTrailParams{
		Name:     ref,
		Settings: in.settings(),
	})
	if err != nil {
		return nil, err
	}
	out := settingsOf(t)
	return &out, nil
}
