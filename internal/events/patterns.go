package events

import (
	"encoding/json"
	"sync"
	"time"

	"github.com/salvehq/salve/internal/events/pattern"
)

// patternCache keeps compiled event patterns by their text, so matching
// an event against many rules does not compile a pattern per event. It is
// bounded: when full, it is cleared (rules are few; a clear is rare).
type patternCache struct {
	mu  sync.RWMutex
	max int
	m   map[string]*pattern.Pattern
}

func newPatternCache(max int) *patternCache {
	return &patternCache{max: max, m: map[string]*pattern.Pattern{}}
}

// compile returns the compiled pattern of text; errors are the pattern
// package's InvalidEventPatternException.
func (c *patternCache) compile(text string) (*pattern.Pattern, error) {
	c.mu.RLock()
	p, ok := c.m[text]
	c.mu.RUnlock()
	if ok {
		return p, nil
	}
	p, err := pattern.Compile(text)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[text] = p
	c.mu.Unlock()
	return p, nil
}

// TestEventPattern reports whether event (an event envelope as JSON)
// matches patternText. A malformed pattern is InvalidEventPatternException;
// an event that is not a JSON object with id, account, source, time (RFC
// 3339), region and detail-type is ValidationException, as in AWS.
func (s *Service) TestEventPattern(patternText string, event []byte) (bool, error) {
	p, err := s.patterns.compile(patternText)
	if err != nil {
		return false, err
	}
	if err := checkTestEvent(event); err != nil {
		return false, err
	}
	return p.Match(event)
}

// testEventFields are the members TestEventPattern requires of an event.
var testEventFields = []string{"id", "account", "source", "time", "region", "detail-type"}

func checkTestEvent(event []byte) error {
	var env map[string]json.RawMessage
	if json.Unmarshal(event, &env) != nil || env == nil {
		return validation("Parameter Event is not valid.")
	}
	for _, f := range testEventFields {
		if _, ok := env[f]; !ok {
			return validation("Parameter Event is not valid. Reason: Provided Event is missing required field %s.", f)
		}
	}
	var at string
	if json.Unmarshal(env["time"], &at) != nil {
		return validation("Parameter Event is not valid. Reason: Invalid time.")
	}
	if _, err := time.Parse(time.RFC3339, at); err != nil {
		return validation("Parameter Event is not valid. Reason: Invalid time.")
	}
	return nil
}
