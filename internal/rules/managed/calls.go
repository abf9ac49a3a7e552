package managed

import (
	"context"
	"fmt"
	"maps"

	"github.com/salvehq/salve/internal/awserr"
)

// maxPages bounds a paginated listing, so a caller that keeps answering
// NextToken cannot keep a rule running forever.
const maxPages = 1000

// listAll calls a paginated operation until NextToken runs out and
// returns the members of listKey from every page.
func listAll(ctx context.Context, env Env, service, operation string, input map[string]any, listKey string) ([]any, error) {
	var out []any
	in := maps.Clone(input)
	if in == nil {
		in = map[string]any{}
	}
	for range maxPages {
		resp, err := env.Call(ctx, service, operation, in)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", service, operation, err)
		}
		out = append(out, list(resp[listKey])...)
		token := str(resp["NextToken"])
		if token == "" {
			return out, nil
		}
		in["NextToken"] = token
	}
	return nil, fmt.Errorf("%s %s: more than %d pages", service, operation, maxPages)
}

// isAWSError reports whether err carries an AWS error (as opposed to a
// failure to reach the API at all).
func isAWSError(err error) bool {
	_, ok := awserr.As(err)
	return ok
}
