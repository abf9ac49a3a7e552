package cloudtrail

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/audit"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/awsproto"
)

var _ = register("LookupEvents", func(a *api) awsproto.Handler { return awsproto.JSON(a.lookupEvents) })

type lookupEventsInput struct {
	LookupAttributes []lookupAttributeShape `json:"LookupAttributes"`
	StartTime        *awsproto.Timestamp    `json:"StartTime"`
	EndTime          *awsproto.Timestamp    `json:"EndTime"`
	EventCategory    *string                `json:"EventCategory"`
	MaxResults       *int                   `json:"MaxResults"`
	NextToken        *string                `json:"NextToken"`
}

// lookupAttributeShape is the LookupAttribute shape.
type lookupAttributeShape struct {
	AttributeKey   *string `json:"AttributeKey"`
	AttributeValue *string `json:"AttributeValue"`
}

type lookupEventsOutput struct {
	Events    []eventShape `json:"Events"`
	NextToken string       `json:"NextToken,omitempty"`
}

// eventShape is the Event shape.
type eventShape struct {
	EventID         string              `json:"EventId"`
	EventName       string              `json:"EventName"`
	ReadOnly        string              `json:"ReadOnly"`
	AccessKeyID     string              `json:"AccessKeyId,omitempty"`
	EventTime       *awsproto.Timestamp `json:"EventTime"`
	EventSource     string              `json:"EventSource"`
	Username        string              `json:"Username"`
	Resources       []resourceShape     `json:"Resources"`
	CloudTrailEvent string              `json:"CloudTrailEvent"`
}

// resourceShape is the Resource shape.
type resourceShape struct {
	ResourceType string `json:"ResourceType"`
	ResourceName string `json:"ResourceName"`
}

// maxAttributeValue is the longest AttributeValue, counted as AWS counts
// it (see attributeLength).
const maxAttributeValue = 2000

func (a *api) lookupEvents(ctx context.Context, in *lookupEventsInput) (*lookupEventsOutput, error) {
	if a.Audit == nil {
		return nil, awserr.New(awserr.UnknownOperationException,
			"Operation LookupEvents is not supported by this server: it has no audit trail.")
	}
	p, err := lookupParams(in)
	if err != nil {
		return nil, err
	}
	if deref(in.EventCategory) == "insight" {
		return &lookupEventsOutput{Events: []eventShape{}}, nil // Salve has no Insights events
	}
	page, err := a.Audit.Lookup(ctx, scope(ctx), p)
	if err != nil {
		return nil, err
	}
	return lookupOutput(page)
}

// lookupParams validates the request as CloudTrail does.
func lookupParams(in *lookupEventsInput) (audit.LookupParams, error) {
	p := audit.LookupParams{StartTime: in.StartTime.Value(), EndTime: in.EndTime.Value(), NextToken: deref(in.NextToken)}
	if c := in.EventCategory; c != nil && *c != "insight" {
		return p, audit.Error(audit.CodeInvalidEventCategory, "Invalid EventCategory %q: the only event category is insight.", *c)
	}
	if in.MaxResults != nil {
		if *in.MaxResults < 1 || *in.MaxResults > audit.DefaultMaxResults {
			return p, audit.Error(audit.CodeInvalidMaxResults, "MaxResults must be between 1 and %d, not %d.",
				audit.DefaultMaxResults, *in.MaxResults)
		}
		p.MaxResults = *in.MaxResults
	}
	if !p.StartTime.IsZero() && !p.EndTime.IsZero() && p.StartTime.After(p.EndTime) {
		return p, audit.Error(audit.CodeInvalidTimeRange, "Start time must be earlier than or equal to end time.")
	}
	err := lookupAttribute(&p, in.LookupAttributes)
	return p, err
}

// lookupAttribute checks the lookup attributes (at most one) and sets it.
func lookupAttribute(p *audit.LookupParams, attrs []lookupAttributeShape) error {
	if len(attrs) == 0 {
		return nil
	}
	if len(attrs) > 1 {
		return audit.Error(audit.CodeInvalidLookupAttributes, "You can specify only one lookup attribute, not %d.", len(attrs))
	}
	key, value := deref(attrs[0].AttributeKey), deref(attrs[0].AttributeValue)
	if !slices.Contains(audit.AttributeKeys, key) {
		return audit.Error(audit.CodeInvalidLookupAttributes, "Invalid AttributeKey %q: use one of %s.",
			key, strings.Join(audit.AttributeKeys, ", "))
	}
	if n := attributeLength(value); n < 1 || n > maxAttributeValue {
		return audit.Error(audit.CodeInvalidLookupAttributes,
			"The AttributeValue of %s must be 1 to %d characters long.", key, maxAttributeValue)
	}
	p.AttributeKey, p.AttributeValue = key, value
	return nil
}

// attributeLength counts a value as AWS does: '_', ' ', ',' and a newline
// count as two characters.
func attributeLength(v string) int {
	n := 0
	for _, r := range v {
		n++
		if strings.ContainsRune("_ ,\n", r) {
			n++
		}
	}
	return n
}

// lookupOutput encodes a page of events.
func lookupOutput(page *audit.LookupPage) (*lookupEventsOutput, error) {
	out := &lookupEventsOutput{Events: make([]eventShape, 0, len(page.Records)), NextToken: page.NextToken}
	for i := range page.Records {
		r := &page.Records[i]
		doc, err := json.Marshal(r.Event)
		if err != nil {
			return nil, fmt.Errorf("encode event %s: %w", r.Event.EventID, err)
		}
		ev := eventShape{EventID: r.Event.EventID, EventName: r.Event.EventName, ReadOnly: strconv.FormatBool(r.Event.ReadOnly),
			AccessKeyID: r.Event.UserIdentity.AccessKeyID, EventTime: awsproto.NewTimestamp(r.Time.Truncate(time.Second)),
			EventSource: r.Event.EventSource, Username: r.Username, Resources: []resourceShape{},
			CloudTrailEvent: string(doc)}
		for _, res := range r.Resources {
			ev.Resources = append(ev.Resources, resourceShape{ResourceType: res.ResourceType, ResourceName: res.ResourceName})
		}
		out.Events = append(out.Events, ev)
	}
	return out, nil
}
