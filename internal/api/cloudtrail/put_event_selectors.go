package cloudtrail

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	ctdomain "github.com/salvehq/salve/internal/sandbox/cloudtrail"
)

var _ = register("PutEventSelectors", func(a *api) awsproto.Handler { return awsproto.JSON(a.putEventSelectors) })

type putEventSelectorsInput struct {
	TrailName              *string                      `json:"TrailName"`
	EventSelectors         []eventSelectorShape         `json:"EventSelectors"`
	AdvancedEventSelectors []advancedEventSelectorShape `json:"AdvancedEventSelectors"`
}

// eventSelectorsOutput answers PutEventSelectors and GetEventSelectors.
type eventSelectorsOutput struct {
	TrailARN               string                       `json:"TrailARN"`
	EventSelectors         []eventSelectorShape         `json:"EventSelectors,omitempty"`
	AdvancedEventSelectors []advancedEventSelectorShape `json:"AdvancedEventSelectors,omitempty"`
}

func (a *api) putEventSelectors(ctx context.Context, in *putEventSelectorsInput) (*eventSelectorsOutput, error) {
	ref, err := trailRef("TrailName", in.TrailName)
	if err != nil {
		return nil, err
	}
	t, err := a.Trails.PutEventSelectors(ctx, scope(ctx), ctdomain.PutEventSelectorsParams{
		TrailName: ref, EventSelectors: selectorsIn(in.EventSelectors),
		AdvancedEventSelectors: advancedIn(in.AdvancedEventSelectors),
	})
	if err != nil {
		return nil, err
	}
	return selectorsOf(t), nil
}

func selectorsOf(t *ctdomain.Trail) *eventSelectorsOutput {
	basic, advanced := t.Selectors()
	return &eventSelectorsOutput{TrailARN: t.ARN(), EventSelectors: selectorsOut(basic),
		AdvancedEventSelectors: advancedOut(advanced)}
}
