package events

import (
	"errors"
	"sync"

	"github.com/google/uuid"

	"github.com/salvehq/salve/internal/events/pattern"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// kindGeneration holds, per scope and bus, a token that every rule change
// replaces in the changing transaction: an event compares it with the
// cached rule set's to know whether the set is still current, so matching
// does not read and decode every rule per event, and processes sharing a
// store never match against stale rules.
const kindGeneration = "events-generation"

// maxRuleSets bounds the cached rule sets (one per scope and bus).
const maxRuleSets = 1024

// ruleSet is a bus's matchable rules (enabled, with a pattern and targets)
// with their compiled patterns, as of a generation.
type ruleSet struct {
	generation string
	rules      []compiledRule
}

type compiledRule struct {
	rule    Rule
	pattern *pattern.Pattern
}

type busKey struct {
	scope tenant.Scope
	bus   string
}

// ruleCache keeps the rule sets by scope and bus.
type ruleCache struct {
	mu   sync.Mutex
	sets map[busKey]*ruleSet
}

// bumpGeneration marks a bus's rules as changed.
func (t *txn) bumpGeneration(bus string) error {
	return store.PutRecord(t.tx, t.scope.Bucket(kindGeneration), store.Key(bus), uuid.NewString())
}

func (t *txn) generation(bus string) (string, error) {
	var gen string
	err := store.GetRecord(t.tx, t.scope.Bucket(kindGeneration), store.Key(bus), &gen)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	return gen, err
}

// ruleSet returns the matchable rules of a bus, from the cache when the
// bus's generation has not changed.
func (s *Service) ruleSet(t *txn, bus string) (*ruleSet, error) {
	gen, err := t.generation(bus)
	if err != nil {
		return nil, err
	}
	key := busKey{scope: t.scope, bus: bus}
	s.rules.mu.Lock()
	set, ok := s.rules.sets[key]
	s.rules.mu.Unlock()
	if ok && set.generation == gen && gen != "" {
		return set, nil
	}
	set, err = s.loadRuleSet(t, bus, gen)
	if err != nil {
		return nil, err
	}
	s.rules.mu.Lock()
	if len(s.rules.sets) >= maxRuleSets {
		clear(s.rules.sets)
	}
	s.rules.sets[key] = set
	s.rules.mu.Unlock()
	return set, nil
}

// loadRuleSet reads and compiles a bus's matchable rules. A stored pattern
// that no longer compiles (written by an older Salve) matches nothing.
func (s *Service) loadRuleSet(t *txn, bus, gen string) (*ruleSet, error) {
	rules, err := t.rules(bus)
	if err != nil {
		return nil, err
	}
	set := &ruleSet{generation: gen}
	for _, r := range rules {
		if !r.Enabled() || r.EventPattern == "" || len(r.Targets) == 0 {
			continue
		}
		p, err := s.patterns.compile(r.EventPattern)
		if err != nil {
			s.logger.Warn("stored event pattern does not compile", "rule_arn", r.ARN, "err", err)
			continue
		}
		set.rules = append(set.rules, compiledRule{rule: r, pattern: p})
	}
	return set, nil
}
