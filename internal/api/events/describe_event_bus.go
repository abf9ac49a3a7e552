package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("DescribeEventBus", func(a *api) awsproto.Handler { return awsproto.JSON(a.describeEventBus) })

type describeEventBusInput struct {
	Name *string `json:"Name,omitempty"`
}

// EventBus is the EventBus shape (ListEventBuses, DescribeEventBus).
type EventBus struct {
	Name             string              `json:"Name"`
	Arn              string              `json:"Arn"`
	Description      *string             `json:"Description,omitempty"`
	CreationTime     *awsproto.Timestamp `json:"CreationTime,omitempty"`
	LastModifiedTime *awsproto.Timestamp `json:"LastModifiedTime,omitempty"`
}

func fromBus(b *events.Bus) EventBus {
	return EventBus{Name: b.Name, Arn: b.ARN, Description: optional(b.Description),
		CreationTime: awsproto.NewTimestamp(b.CreatedAt), LastModifiedTime: awsproto.NewTimestamp(b.UpdatedAt)}
}

func (a *api) describeEventBus(ctx context.Context, in *describeEventBusInput) (*EventBus, error) {
	var v validate.Errors
	validateBus(&v, "name", in.Name)
	if err := v.Err(); err != nil {
		return nil, err
	}
	b, err := a.Events.DescribeEventBus(ctx, scope(ctx), value(in.Name))
	if err != nil {
		return nil, err
	}
	out := fromBus(b)
	return &out, nil
}
