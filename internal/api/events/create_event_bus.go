package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("CreateEventBus", func(a *api) awsproto.Handler { return awsproto.JSON(a.createEventBus) })

type createEventBusInput struct {
	Name             *string `json:"Name,omitempty"`
	EventSourceName  *string `json:"EventSourceName,omitempty"`
	Description      *string `json:"Description,omitempty"`
	KmsKeyIdentifier *string `json:"KmsKeyIdentifier,omitempty"`
	Tags             []Tag   `json:"Tags,omitempty"`
}

type createEventBusOutput struct {
	EventBusArn string  `json:"EventBusArn"`
	Description *string `json:"Description,omitempty"`
}

func (a *api) createEventBus(ctx context.Context, in *createEventBusInput) (*createEventBusOutput, error) {
	var v validate.Errors
	if v.Required("name", in.Name != nil) {
		v.Len("name", *in.Name, 1, 256)
		v.Pattern("name", *in.Name, busNamePattern)
	}
	v.String("description", in.Description, 0, 512)
	v.String("kmsKeyIdentifier", in.KmsKeyIdentifier, 0, 2048)
	validateTags(&v, "tags", in.Tags)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if in.EventSourceName != nil {
		return nil, events.Err(events.CodeValidation, "Salve has no partner event sources: create the bus without EventSourceName.")
	}
	b, err := a.Events.CreateEventBus(ctx, scope(ctx), events.CreateBusParams{Name: *in.Name,
		Description: value(in.Description), Tags: toTags(in.Tags)})
	if err != nil {
		return nil, err
	}
	return &createEventBusOutput{EventBusArn: b.ARN, Description: optional(b.Description)}, nil
}
