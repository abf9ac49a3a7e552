package rules

import (
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// RuleEvent says what happened to a rule.
type RuleEvent string

// Rule events.
const (
	// RulePut: the rule was created or its definition replaced.
	RulePut RuleEvent = "PutConfigRule"
	// RuleEvaluationStarted: StartConfigRulesEvaluation named the rule.
	RuleEvaluationStarted RuleEvent = "StartConfigRulesEvaluation"
	// RuleDeleted: the rule was deleted.
	RuleDeleted RuleEvent = "DeleteConfigRule"
)

// RuleHook runs inside the transaction that put, started or deleted a
// rule, so the work it records (the evaluator's jobs and schedule)
// commits with the request or not at all. It must only use tx.
type RuleHook func(tx store.Tx, scope tenant.Scope, r *Rule, ev RuleEvent) error

// OnRuleEvent registers a hook run inside those transactions, and a
// function called after each of them committed (the evaluator's wake-up;
// it must not block). Register while composing the server.
func (s *Service) OnRuleEvent(h RuleHook, committed func()) {
	s.ruleHooks = append(s.ruleHooks, h)
	if committed != nil {
		s.ruleCommitted = append(s.ruleCommitted, committed)
	}
}

// ruleEvent runs the rule hooks inside a transaction.
func (s *Service) ruleEvent(tx store.Tx, scope tenant.Scope, r *Rule, ev RuleEvent) error {
	for _, h := range s.ruleHooks {
		if err := h(tx, scope, r, ev); err != nil {
			return err
		}
	}
	return nil
}

// ruleEventCommitted calls the after-commit functions when err is nil.
func (s *Service) ruleEventCommitted(err error) error {
	if err == nil {
		for _, f := range s.ruleCommitted {
			f()
		}
	}
	return err
}
