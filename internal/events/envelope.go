package events

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/tenant"
)

// Event is an event to put on a bus: what PutEvents entries carry and what
// Salve emits for AWS's own services (see events/awsevents).
type Event struct {
	Source     string
	DetailType string
	Resources  []string
	// Detail is encoded as JSON (a json.RawMessage is used as is); it must
	// encode to a JSON object.
	Detail any
	// Time is the event's time; zero means now.
	Time time.Time
}

// TimeFormat is the layout of an event's "time" (RFC 3339, UTC, seconds).
const TimeFormat = "2006-01-02T15:04:05Z"

// wireEvent is the event envelope exactly as EventBridge delivers it.
type wireEvent struct {
	Version    string          `json:"version"`
	ID         string          `json:"id"`
	DetailType string          `json:"detail-type"`
	Source     string          `json:"source"`
	Account    string          `json:"account"`
	Time       string          `json:"time"`
	Region     string          `json:"region"`
	Resources  []string        `json:"resources"`
	Detail     json.RawMessage `json:"detail"`
}

// envelope is an event on its way to the rules: its JSON and, decoded on
// first use, its value (numbers kept as json.Number).
type envelope struct {
	id       string
	raw      []byte
	ingested time.Time
	once     sync.Once
	value    any
}

// newEnvelope builds the envelope of an event in a scope; detail is the
// detail's JSON object.
func newEnvelope(scope tenant.Scope, e Event, detail []byte, now time.Time) (*envelope, error) {
	at := e.Time
	if at.IsZero() {
		at = now
	}
	resources := e.Resources
	if resources == nil {
		resources = []string{}
	}
	w := wireEvent{Version: "0", ID: uuid.NewString(), DetailType: e.DetailType, Source: e.Source,
		Account: scope.AccountID, Time: at.UTC().Format(TimeFormat), Region: scope.Region,
		Resources: resources, Detail: detail}
	raw, err := marshal(w)
	if err != nil {
		return nil, fmt.Errorf("encode event: %w", err)
	}
	return &envelope{id: w.ID, raw: raw, ingested: now}, nil
}

// decoded returns the event as a decoded JSON value.
func (e *envelope) decoded() any {
	e.once.Do(func() {
		dec := json.NewDecoder(bytes.NewReader(e.raw))
		dec.UseNumber()
		if dec.Decode(&e.value) != nil {
			e.value = map[string]any{}
		}
	})
	return e.value
}

// detailJSON encodes an event's detail and checks it is a JSON object.
func detailJSON(detail any) ([]byte, error) {
	var b []byte
	switch d := detail.(type) {
	case nil:
		b = []byte("{}")
	case json.RawMessage:
		b = d
	case []byte:
		b = d
	default:
		var err error
		if b, err = marshal(d); err != nil {
			return nil, fmt.Errorf("encode event detail: %w", err)
		}
	}
	if !isJSONObject(b) {
		return nil, fmt.Errorf("event detail must be a JSON object, not %.40s", b)
	}
	return compact(b), nil
}

// isJSONObject reports whether b is one valid JSON object.
func isJSONObject(b []byte) bool {
	t := bytes.TrimSpace(b)
	return len(t) > 0 && t[0] == '{' && json.Valid(t)
}

// compact removes insignificant space from valid JSON.
func compact(b []byte) []byte {
	var out bytes.Buffer
	if json.Compact(&out, b) != nil {
		return b
	}
	return out.Bytes()
}
