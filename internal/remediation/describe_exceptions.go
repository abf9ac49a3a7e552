package remediation

import (
	"context"
	"time"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DefaultExceptionLimit is the page size of DescribeExceptions when the
// caller gives none.
const DefaultExceptionLimit = 25

// DescribeExceptionsParams select the exceptions of one rule.
type DescribeExceptionsParams struct {
	ConfigRuleName string
	// Keys asks for these resources' exceptions only, all at once; Limit
	// and NextToken then do not apply (as in AWS). nil lists every
	// exception of the rule, a page at a time.
	Keys []ResourceKey
	// Limit is the page size; 0 means DefaultExceptionLimit.
	Limit int
	// NextToken continues a previous page.
	NextToken string
}

// DescribeExceptions returns the exceptions in force of a rule and, when
// listing every exception, the token of the next page. Expired exceptions
// are never returned.
func (s *Service) DescribeExceptions(ctx context.Context, scope tenant.Scope, p DescribeExceptionsParams) ([]Exception, string, error) {
	now := s.clock.Now()
	if p.Keys != nil {
		return s.exceptionsOfKeys(ctx, scope, p.ConfigRuleName, p.Keys, now)
	}
	list := "DescribeRemediationExceptions/" + p.ConfigRuleName
	after, err := decodeToken(list, p.NextToken)
	if err != nil {
		return nil, "", err
	}
	limit := p.Limit
	if limit <= 0 {
		limit = DefaultExceptionLimit
	}
	var out []Exception
	var next string
	err = s.store.View(ctx, func(tx store.Tx) error {
		items, err := activeExceptions(tx, scope, p.ConfigRuleName, after, limit+1, now)
		out, next = page(items, limit, list)
		return err
	})
	return out, next, err
}

// exceptionsOfKeys returns the exceptions in force of the given resources,
// in request order, each once.
func (s *Service) exceptionsOfKeys(ctx context.Context, scope tenant.Scope, rule string, keys []ResourceKey, now time.Time) ([]Exception, string, error) {
	var out []Exception
	err := s.store.View(ctx, func(tx store.Tx) error {
		out = nil
		seen := map[ResourceKey]bool{}
		for _, k := range keys {
			if seen[k] || !k.complete() {
				continue
			}
			seen[k] = true
			e, err := findException(tx, scope, rule, k.ResourceType, k.ResourceID)
			if err != nil {
				return err
			}
			if e != nil && e.ActiveAt(now) {
				out = append(out, *e)
			}
		}
		return nil
	})
	return out, "", err
}

// activeExceptions returns up to n exceptions in force of a rule after
// key after, in key order, skipping expired ones.
func activeExceptions(tx store.Tx, scope tenant.Scope, rule, after string, n int, now time.Time) ([]keyed[Exception], error) {
	var out []keyed[Exception]
	for len(out) < n {
		sp := store.ScanParams{Bucket: scope.Bucket(kindException), Prefix: rulePrefix(rule), After: after, Limit: n - len(out)}
		scanned := 0
		err := scanJSON(tx, sp, func(key string, e *Exception) error {
			scanned++
			after = key
			if e.ActiveAt(now) {
				out = append(out, keyed[Exception]{key: key, value: *e})
			}
			return nil
		})
		if err != nil || scanned < sp.Limit {
			return out, err
		}
	}
	return out, nil
}
