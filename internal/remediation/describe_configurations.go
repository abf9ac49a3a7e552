package remediation

import (
	"context"

	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// DescribeConfigurations returns the configurations of the named rules in
// request order. Rules without a configuration (or that do not exist) are
// simply absent, and a name given twice is answered once.
func (s *Service) DescribeConfigurations(ctx context.Context, scope tenant.Scope, ruleNames []string) ([]Configuration, error) {
	var out []Configuration
	err := s.store.View(ctx, func(tx store.Tx) error {
		out = nil
		seen := map[string]bool{}
		for _, name := range ruleNames {
			if seen[name] {
				continue
			}
			seen[name] = true
			c, err := findConfiguration(tx, scope, name)
			if err != nil {
				return err
			}
			if c != nil {
				out = append(out, *c)
			}
		}
		return nil
	})
	return out, err
}
