package events

import (
	"context"

	"github.com/salvehq/salve/internal/awsproto"
	"github.com/salvehq/salve/internal/events"
	"github.com/salvehq/salve/internal/validate"
)

var _ = register("PutEvents", func(a *api) awsproto.Handler { return awsproto.JSON(a.putEvents) })

type putEventsInput struct {
	Entries    []putEventsEntry `json:"Entries,omitempty"`
	EndpointId *string          `json:"EndpointId,omitempty"`
}

type putEventsEntry struct {
	Time         *awsproto.Timestamp `json:"Time,omitempty"`
	Source       *string             `json:"Source,omitempty"`
	Resources    []string            `json:"Resources,omitempty"`
	DetailType   *string             `json:"DetailType,omitempty"`
	Detail       *string             `json:"Detail,omitempty"`
	EventBusName *string             `json:"EventBusName,omitempty"`
	TraceHeader  *string             `json:"TraceHeader,omitempty"`
}

type putEventsOutput struct {
	FailedEntryCount int               `json:"FailedEntryCount"`
	Entries          []putEventsResult `json:"Entries"`
}

type putEventsResult struct {
	EventId      string `json:"EventId,omitempty"`
	ErrorCode    string `json:"ErrorCode,omitempty"`
	ErrorMessage string `json:"ErrorMessage,omitempty"`
}

func (a *api) putEvents(ctx context.Context, in *putEventsInput) (*putEventsOutput, error) {
	var v validate.Errors
	if v.Required("entries", in.Entries != nil) {
		v.Items("entries", len(in.Entries), 1, 10, len(in.Entries))
	}
	for i, e := range in.Entries {
		validateEntry(&v, i, &e)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if in.EndpointId != nil {
		return nil, events.Err(events.CodeValidation, "Salve has no global endpoints: send PutEvents without EndpointId.")
	}
	entries := make([]events.PutEventsEntry, len(in.Entries))
	for i, e := range in.Entries {
		entries[i] = events.PutEventsEntry{Source: value(e.Source), DetailType: value(e.DetailType), Detail: e.Detail,
			Resources: e.Resources, Time: e.Time.Value(), Bus: value(e.EventBusName)}
	}
	results, err := a.Events.PutEvents(ctx, scope(ctx), entries)
	if err != nil {
		return nil, err
	}
	out := &putEventsOutput{Entries: make([]putEventsResult, len(results))}
	for i, r := range results {
		out.Entries[i] = putEventsResult{EventId: r.EventID, ErrorCode: r.ErrorCode, ErrorMessage: r.ErrorMessage}
		if r.ErrorCode != "" {
			out.FailedEntryCount++
		}
	}
	return out, nil
}

func validateEntry(v *validate.Errors, i int, e *putEventsEntry) {
	for j, r := range e.Resources {
		v.Len(validate.Member(validate.Member("entries", i, "resources"), j, ""), r, 0, 2048)
	}
	if e.EventBusName != nil {
		path := validate.Member("entries", i, "eventBusName")
		v.Len(path, *e.EventBusName, 1, 1600)
		v.Pattern(path, *e.EventBusName, nonPartnerBusPattern)
	}
	v.String(validate.Member("entries", i, "traceHeader"), e.TraceHeader, 1, 500)
}
