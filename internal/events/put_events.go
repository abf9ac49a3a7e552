package events

import (
	"context"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/tenant"
)

// MaxPutEventsBytes bounds the total size of a PutEvents call's entries.
const MaxPutEventsBytes = 256 * 1024

// PutEventsEntry is one entry of a PutEvents call.
type PutEventsEntry struct {
	Source     string
	DetailType string
	// Detail is the detail's JSON text; nil when the member was not sent.
	Detail    *string
	Resources []string
	Time      time.Time
	// Bus is the EventBusName member ("" is default).
	Bus string
}

// PutEventsResult is the outcome of one entry: its event id, or why it
// was refused.
type PutEventsResult struct {
	EventID      string
	ErrorCode    string
	ErrorMessage string
}

// PutEvents puts custom events on buses. An entry that is malformed is
// refused on its own (InvalidArgument, MalformedDetail,
// NotAuthorizedForSourceException for an aws.* source, or
// ResourceNotFoundException for a bus that does not exist); the others are
// matched against their bus's rules, and every delivery they cause is
// queued, in one store transaction.
func (s *Service) PutEvents(ctx context.Context, scope tenant.Scope, entries []PutEventsEntry) ([]PutEventsResult, error) {
	if entriesSize(entries) > MaxPutEventsBytes {
		return nil, validation("Total size of the entries in the request is over the limit.")
	}
	results := make([]PutEventsResult, len(entries))
	err := s.update(ctx, scope, func(t *txn) error {
		for i := range entries {
			res, err := s.putEvent(t, &entries[i])
			if err != nil {
				return err
			}
			results[i] = res
		}
		return nil
	})
	return results, err
}

// putEvent checks, routes and returns the result of one entry.
func (s *Service) putEvent(t *txn, e *PutEventsEntry) (PutEventsResult, error) {
	if code, msg := checkEntry(e); code != "" {
		return PutEventsResult{ErrorCode: code, ErrorMessage: msg}, nil
	}
	bus, err := t.busName(e.Bus)
	if ae, ok := awserr.As(err); ok && ae.Code == CodeResourceNotFound {
		return PutEventsResult{ErrorCode: ae.Code, ErrorMessage: ae.Message}, nil
	}
	if err != nil {
		return PutEventsResult{}, err
	}
	ev, err := newEnvelope(t.scope, Event{Source: e.Source, DetailType: e.DetailType, Resources: e.Resources,
		Time: e.Time}, compact([]byte(*e.Detail)), t.now)
	if err != nil {
		return PutEventsResult{}, err
	}
	return PutEventsResult{EventID: ev.id}, s.route(t, bus, ev)
}

// checkEntry returns the error code and message of a malformed entry.
func checkEntry(e *PutEventsEntry) (string, string) {
	switch {
	case e.Source == "":
		return CodeInvalidArgument, "Parameter Source is not valid. Reason: Source is a required argument."
	case e.DetailType == "":
		return CodeInvalidArgument, "Parameter DetailType is not valid. Reason: DetailType is a required argument."
	case e.Detail == nil || *e.Detail == "":
		return CodeInvalidArgument, "Parameter Detail is not valid. Reason: Detail is a required argument."
	case !isJSONObject([]byte(*e.Detail)):
		return CodeMalformedDetail, "Detail is malformed."
	case strings.HasPrefix(e.Source, "aws."):
		return CodeNotAuthorizedForSource, "Not authorized for the source."
	}
	return "", ""
}

// entriesSize is the size EventBridge counts for a PutEvents call: the
// UTF-8 bytes of each entry's source, detail type, detail and resources,
// plus 14 bytes for a time.
func entriesSize(entries []PutEventsEntry) int {
	n := 0
	for _, e := range entries {
		n += len(e.Source) + len(e.DetailType)
		if e.Detail != nil {
			n += len(*e.Detail)
		}
		for _, r := range e.Resources {
			n += len(r)
		}
		if !e.Time.IsZero() {
			n += 14
		}
	}
	return n
}
