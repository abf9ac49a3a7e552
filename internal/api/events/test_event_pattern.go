package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("TestEventPattern", func(a *api) awsproto.Handler { return awsproto.JSON(a.testEventPattern) })

type testEventPatternInput struct {
	EventPattern *string `json:"EventPattern,omitempty"`
	Event        *string `json:"Event,omitempty"`
}

type testEventPatternOutput struct {
	Result bool `json:"Result"`
}

func (a *api) testEventPattern(ctx context.Context, in *testEventPatternInput) (*testEventPatternOutput, error) {
	var v validate.Errors
	if v.Required("eventPattern", in.EventPattern != nil) {
		v.Len("eventPattern", *in.EventPattern, 0, 4096)
	}
	v.Required("event", in.Event != nil)
	if err := v.Err(); err != nil {
		return nil, err
	}
	ok, err := a.Events.TestEventPattern(*in.EventPattern, []byte(*in.Event))
	if err != nil {
		return nil, err
	}
	return &testEventPatternOutput{Result: ok}, nil
}
