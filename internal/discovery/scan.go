package discovery

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/salvehq/salve/internal/automation/engine"
	"github.com/salvehq/salve/internal/awserr"
	"github.com/salvehq/salve/internal/configitem"
	"github.com/salvehq/salve/internal/tenant"
)

// maxPages bounds the pages one listing follows, against an endpoint that
// hands back tokens forever.
const maxPages = 1000

// scan is what one pass found in one scope.
type scan struct {
	s      *Service
	ctx    context.Context
	scope  tenant.Scope
	global bool // the scope records the account's global resources
	now    time.Time
	items  []*configitem.Item
	// seen holds, per type, the ids present at the endpoint, whether or
	// not their item could be built.
	seen map[string]map[string]bool
	// listed holds the types whose listing completed: only those record
	// deletions.
	listed map[string]bool
	// down holds the services that could not be reached this pass: their
	// remaining calls are skipped.
	down map[string]bool
}

// errSkipped answers the calls to a service found unreachable.
var errSkipped = errors.New("skipped: the service could not be reached earlier in this pass")

// discoverers read one service each, in this order.
var discoverers = []struct {
	service string
	run     func(*scan)
}{
	{"s3", (*scan).buckets},
	{"ec2", (*scan).network},
	{"ec2", (*scan).compute},
	{"iam", (*scan).identities},
	{"cloudtrail", (*scan).trails},
	{"sns", (*scan).topics},
}

// scan reads every service in scope; global says whether to read the
// account's global resources too.
func (s *Service) scan(ctx context.Context, scope tenant.Scope, global bool) *scan {
	sc := &scan{s: s, ctx: ctx, scope: scope, global: global, now: s.p.Clock.Now().UTC(),
		seen: map[string]map[string]bool{}, listed: map[string]bool{}, down: map[string]bool{}}
	for _, d := range discoverers {
		if ctx.Err() != nil {
			break
		}
		sc.guard(d.service, d.run)
	}
	return sc
}

// guard runs one discoverer; an answer it could not handle (a panic) is
// logged and skips the rest of that service, never the server.
func (sc *scan) guard(service string, run func(*scan)) {
	defer func() {
		if r := recover(); r != nil {
			sc.s.p.Logger.Error("discovery of a service failed", "service", service,
				"account", sc.scope.AccountID, "region", sc.scope.Region, "err", fmt.Sprint(r))
		}
	}()
	run(sc)
}

// call calls the endpoint; on failure it logs the error (once while it
// repeats) and returns nil.
func (sc *scan) call(service, api string, in map[string]any) map[string]any {
	out, err := sc.do(service, api, in)
	sc.report(service, api, in, err)
	if err != nil {
		return nil
	}
	return out
}

// lookup calls a Get operation whose "not configured" error codes mean
// the setting is absent: it returns the output (nil when absent) and
// whether the call answered.
func (sc *scan) lookup(service, api string, in map[string]any, absent ...string) (map[string]any, bool) {
	out, err := sc.do(service, api, in)
	var ae *awserr.Error
	if errors.As(err, &ae) && slices.Contains(absent, ae.Code) {
		err = nil
	}
	sc.report(service, api, in, err)
	return out, err == nil
}

// do calls the endpoint as the scope. A failure that is not an AWS error
// (the endpoint is unreachable, or the call timed out after its retries)
// marks the service down for the rest of the pass, so an endpoint that is
// away costs one failed call per service, not one per resource.
func (sc *scan) do(service, api string, in map[string]any) (map[string]any, error) {
	if sc.down[service] {
		return nil, errSkipped
	}
	out, err := sc.s.p.Caller.Call(sc.ctx, engine.CallRequest{Service: service, API: api, Input: in,
		Region: sc.scope.Region, AccountID: sc.scope.AccountID})
	var ae *awserr.Error
	if err != nil && !errors.As(err, &ae) {
		sc.down[service] = true
	}
	return out, err
}

// report logs a failed call: as a warning unless it failed the same way
// in the previous pass, then at debug level.
func (sc *scan) report(service, api string, in map[string]any, err error) {
	if err == nil || sc.ctx.Err() != nil || errors.Is(err, errSkipped) {
		return
	}
	key := problemKey(sc.scope, service, api, in)
	level := sc.s.p.Logger.Warn
	if sc.s.problems[key] == err.Error() {
		level = sc.s.p.Logger.Debug
	}
	sc.s.failed[key] = err.Error()
	level("discovery call failed; skipped", "service", service, "operation", api,
		"account", sc.scope.AccountID, "region", sc.scope.Region, "input", in, "err", err)
}

// problemKey names one call: its service, operation, scope and input.
func problemKey(scope tenant.Scope, service, api string, in map[string]any) string {
	b, _ := json.Marshal(in) // inputs are built of strings, numbers and lists
	return scope.AccountID + "/" + scope.Region + "/" + service + "/" + api + "/" + string(b)
}

// paging names a listing's continuation token.
type paging struct {
	// out is the output member carrying the next token, in the input
	// member of the same name unless in is set.
	out, in string
}

var (
	// markerPaging is IAM's: Marker, with IsTruncated.
	markerPaging = paging{out: "Marker"}
	// tokenPaging is EC2's and SNS's NextToken.
	tokenPaging = paging{out: "NextToken"}
)

// pages calls a listing until its last page, handing each page to each;
// it reports whether every page answered.
func (sc *scan) pages(service, api string, in map[string]any, pg paging, each func(map[string]any)) bool {
	req := map[string]any{}
	for k, v := range in {
		req[k] = v
	}
	for range maxPages {
		out := sc.call(service, api, req)
		if out == nil {
			return false
		}
		each(out)
		next := str(out, pg.out)
		if next == "" || next == str(req, pg.inName()) || isFalse(out["IsTruncated"]) {
			return true
		}
		req[pg.inName()] = next
	}
	return false
}

func (pg paging) inName() string {
	if pg.in != "" {
		return pg.in
	}
	return pg.out
}

// list marks the listing of resourceType complete when ok: resources
// missing from it are recorded as deleted.
func (sc *scan) list(resourceType string, ok bool) {
	if ok {
		sc.listed[resourceType] = true
	}
}

// see notes a resource present at the endpoint.
func (sc *scan) see(resourceType, id string) {
	if sc.seen[resourceType] == nil {
		sc.seen[resourceType] = map[string]bool{}
	}
	sc.seen[resourceType][id] = true
}

// add keeps a resource's item (nil: its details could not be read; the
// resource is still seen).
func (sc *scan) add(resourceType, id string, it *configitem.Item) {
	sc.see(resourceType, id)
	if it == nil {
		return
	}
	it.Status, it.CaptureTime = configitem.StatusOK, sc.now
	sc.items = append(sc.items, it)
}
