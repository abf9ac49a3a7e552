package events

import (
	"context"
	"net/url"
	"slices"
	"strings"

	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// MaxTargetsPerRule is EventBridge's quota of targets per rule.
const MaxTargetsPerRule = 5

// FailedEntry is a target PutTargets or RemoveTargets could not apply.
type FailedEntry struct {
	TargetID     string
	ErrorCode    string
	ErrorMessage string
}

// PutTargets adds targets to a rule or replaces those with the same id.
// A target Salve cannot deliver to (an ARN that is not a Lambda function,
// an SNS topic or an http(s) URL, or whose deliverer is not configured) is
// a failed entry; the others are applied. More than MaxTargetsPerRule
// targets on the rule is LimitExceededException and applies nothing.
func (s *Service) PutTargets(ctx context.Context, scope tenant.Scope, bus, rule string, targets []Target) ([]FailedEntry, error) {
	for i := range targets {
		if err := checkTargetInput(&targets[i]); err != nil {
			return nil, err
		}
	}
	var failed []FailedEntry
	err := s.update(ctx, scope, func(t *txn) error {
		failed = nil
		r, err := t.ruleOfBus(bus, rule)
		if err != nil {
			return err
		}
		for _, tg := range targets {
			if msg := s.checkTargetARN(scope, tg.ARN); msg != "" {
				failed = append(failed, FailedEntry{TargetID: tg.ID, ErrorCode: CodeValidation, ErrorMessage: msg})
				continue
			}
			upsertTarget(r, tg)
		}
		if len(r.Targets) > MaxTargetsPerRule {
			return limitExceeded()
		}
		return t.saveRule(r)
	})
	return failed, err
}

// upsertTarget replaces the rule's target with tg's id, or appends tg.
func upsertTarget(r *Rule, tg Target) {
	if old := r.target(tg.ID); old != nil {
		*old = tg
		return
	}
	r.Targets = append(r.Targets, tg)
}

// saveRule stores a changed rule and records its configuration item.
func (t *txn) saveRule(r *Rule) error {
	r.UpdatedAt = t.now
	if err := t.putRule(r); err != nil {
		return err
	}
	return t.recordRule(r, configitem.StatusOK)
}

// checkTargetARN returns why Salve cannot deliver to arn, or "".
func (s *Service) checkTargetARN(scope tenant.Scope, arn string) string {
	kind, _, why := classifyTarget(scope, arn)
	if why != "" {
		return why
	}
	if (kind == KindLambda && s.p.Functions == nil) || (kind == KindSNS && s.p.SNS == nil) ||
		(kind == KindHTTP && s.p.HTTP == nil) {
		return "Salve cannot deliver to " + kind + " targets: no " + kind + " service is configured."
	}
	return ""
}

// targetRef is where a target ARN points.
type targetRef struct {
	// Scope is the account and region of a Lambda function or SNS topic.
	Scope tenant.Scope
	// Name is the function name (with its qualifier, "name:alias") or the
	// topic ARN or the URL.
	Name string
}

// classifyTarget returns the kind of a target ARN and where it points, or
// why Salve cannot deliver to it.
func classifyTarget(scope tenant.Scope, arn string) (string, targetRef, string) {
	if strings.HasPrefix(arn, "http://") || strings.HasPrefix(arn, "https://") {
		u, err := url.Parse(arn)
		if err != nil || u.Host == "" {
			return "", targetRef{}, "Target Arn " + arn + " is not a valid http(s) URL."
		}
		return KindHTTP, targetRef{Scope: scope, Name: arn}, ""
	}
	f := strings.SplitN(arn, ":", 8)
	if len(f) < 6 || f[0] != "arn" || !strings.HasPrefix(f[1], "aws") || len(f[4]) != 12 {
		return "", targetRef{}, "Target Arn " + arn + " is not a valid ARN."
	}
	ref := targetRef{Scope: tenant.Scope{AccountID: f[4], Region: f[3]}}
	if ref.Scope != scope {
		// Salve evaluates no resource policies, so it never lets one
		// account's rule reach another account's function or topic.
		return "", targetRef{}, "Target Arn " + arn + " is not in the rule's account " + scope.AccountID +
			" and region " + scope.Region + "."
	}
	switch {
	case f[2] == "lambda" && f[5] == "function" && len(f) >= 7 && f[6] != "":
		ref.Name = strings.Join(f[6:], ":")
		return KindLambda, ref, ""
	case f[2] == "sns" && len(f) == 6 && f[5] != "":
		ref.Name = arn
		return KindSNS, ref, ""
	}
	return "", targetRef{}, "Salve delivers to Lambda functions, SNS topics and http(s) URLs only; " +
		"target Arn " + arn + " is none of them."
}

// RemoveTargets removes targets from a rule; ids it does not have are
// ignored.
func (s *Service) RemoveTargets(ctx context.Context, scope tenant.Scope, bus, rule string, ids []string) ([]FailedEntry, error) {
	return nil, s.update(ctx, scope, func(t *txn) error {
		r, err := t.ruleOfBus(bus, rule)
		if err != nil {
			return err
		}
		n := len(r.Targets)
		r.Targets = slices.DeleteFunc(r.Targets, func(tg Target) bool { return slices.Contains(ids, tg.ID) })
		if len(r.Targets) == n {
			return nil
		}
		return t.saveRule(r)
	})
}

// TargetPage is one page of ListTargetsByRule.
type TargetPage struct {
	Targets   []Target
	NextToken string
}

// ListTargetsByRule lists a rule's targets in the order they were added.
func (s *Service) ListTargetsByRule(ctx context.Context, scope tenant.Scope, rule string, p ListParams) (*TargetPage, error) {
	page := &TargetPage{}
	err := s.view(ctx, scope, func(t *txn) error {
		r, err := t.ruleOfBus(p.Bus, rule)
		if err != nil {
			return err
		}
		list := "events-targets/" + r.ARN
		after, err := decodeToken(list, p.NextToken)
		if err != nil {
			return err
		}
		targets := r.Targets
		if after != "" {
			i := slices.IndexFunc(targets, func(tg Target) bool { return tg.ID == after })
			targets = targets[i+1:]
		}
		page.Targets, page.NextToken = cutPage(targets, p.limit(), list, func(tg Target) string { return tg.ID })
		return nil
	})
	return page, err
}

// NamePage is one page of ListRuleNamesByTarget.
type NamePage struct {
	Names     []string
	NextToken string
}

// ListRuleNamesByTarget lists the names of a bus's rules that have a
// target with the ARN.
func (s *Service) ListRuleNamesByTarget(ctx context.Context, scope tenant.Scope, targetARN string, p ListParams) (*NamePage, error) {
	page := &NamePage{}
	err := s.view(ctx, scope, func(t *txn) error {
		bus, err := t.busName(p.Bus)
		if err != nil {
			return err
		}
		list := "events-rules-by-target/" + bus + "/" + targetARN
		after, err := decodeToken(list, p.NextToken)
		if err != nil {
			return err
		}
		names, err := t.ruleNamesByTarget(bus, targetARN, after)
		if err != nil {
			return err
		}
		page.Names, page.NextToken = cutPage(names, p.limit(), list, func(n string) string { return n })
		return nil
	})
	return page, err
}

func (t *txn) ruleNamesByTarget(bus, targetARN, after string) ([]string, error) {
	rules, err := t.rules(bus)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, r := range rules {
		has := slices.ContainsFunc(r.Targets, func(tg Target) bool { return tg.ARN == targetARN })
		if has && r.Name > after {
			names = append(names, r.Name)
		}
	}
	return names, nil
}
