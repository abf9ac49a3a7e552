package recorder

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/salvehq/salve/internal/pagetoken"
	"github.com/salvehq/salve/internal/store"
	"github.com/salvehq/salve/internal/tenant"
)

// SelectParams are the input of SelectResourceConfig.
type SelectParams struct {
	Expression string
	// Limit is the page size, 1 to 100.
	Limit     int
	NextToken string
}

// SelectPage is one page of query results.
type SelectPage struct {
	// Results are JSON objects of the selected fields, one per resource.
	Results []string
	// Fields are the selected field paths, in query order.
	Fields    []string
	NextToken string
}

// Select runs a query over the current items of the live resources of the
// scope, in (resourceType, resourceId) order. See query for the subset of
// AWS Config's SQL that Salve answers.
func (s *Service) Select(ctx context.Context, scope tenant.Scope, p SelectParams) (*SelectPage, error) {
	q, err := parseQuery(p.Expression)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256([]byte(p.Expression))
	list := "SelectResourceConfig/" + hex.EncodeToString(sum[:8])
	after, err := decodeToken(list, p.NextToken)
	if err != nil {
		return nil, err
	}
	page := &SelectPage{Fields: q.fields}
	var last string
	err = s.store.View(ctx, func(tx store.Tx) error {
		page.Results, last, err = q.run(tx, scope, after, p.Limit)
		return err
	})
	if err != nil {
		return nil, err
	}
	if last != "" {
		page.NextToken = pagetoken.Encode(list, last)
	}
	return page, nil
}

// run returns up to limit results after key after, and the key of the
// last one when more follow.
func (q *query) run(tx store.Tx, scope tenant.Scope, after string, limit int) ([]string, string, error) {
	bucket := scope.Bucket(kindItem)
	var out []string
	var lastKey string
	for {
		items, err := tx.Scan(store.ScanParams{Bucket: bucket, Prefix: q.prefix(), After: after, Limit: scanChunk})
		if err != nil {
			return nil, "", err
		}
		recs, err := decodeItems(bucket, items)
		if err != nil {
			return nil, "", err
		}
		for i := range recs {
			if recs[i].Item.Deleted() {
				continue
			}
			rec := queryRecord(scope, &recs[i])
			if !q.matches(rec) {
				continue
			}
			if len(out) == limit {
				return out, lastKey, nil
			}
			out, lastKey = append(out, q.project(rec)), items[i].Key
		}
		if len(items) < scanChunk {
			return out, "", nil
		}
		after = items[len(items)-1].Key
	}
}

// prefix narrows the scan to one type when the query names it.
func (q *query) prefix() string {
	for _, c := range q.conds {
		if c.path == "resourceType" && c.op == "=" {
			if t, ok := c.values[0].(string); ok {
				return prefixOf(t)
			}
		}
	}
	return ""
}

// queryRecord is the document a query sees for an item (AWS's query
// schema: the configuration item's members, tags as key/value pairs).
func queryRecord(scope tenant.Scope, rec *RecordedItem) map[string]any {
	it := &rec.Item
	m := map[string]any{
		"accountId": scope.AccountID, "awsRegion": Region(scope, it), "resourceType": it.ResourceType,
		"resourceId": it.ResourceID, "configurationItemStatus": it.Status,
		"configurationStateId":         strconv.FormatInt(rec.StateID, 10),
		"configurationItemCaptureTime": it.CaptureTime.Format(time.RFC3339Nano),
		"configuration":                it.Configuration, "supplementaryConfiguration": it.SupplementaryConfiguration,
	}
	for k, v := range map[string]string{"resourceName": it.ResourceName, "arn": it.ARN, "availabilityZone": it.AvailabilityZone} {
		if v != "" {
			m[k] = v
		}
	}
	if !it.ResourceCreationTime.IsZero() {
		m["resourceCreationTime"] = it.ResourceCreationTime.Format(time.RFC3339Nano)
	}
	tags := make([]any, 0, len(it.Tags))
	for _, k := range slices.Sorted(maps.Keys(it.Tags)) {
		tags = append(tags, map[string]any{"key": k, "value": it.Tags[k], "tag": k + "=" + it.Tags[k]})
	}
	m["tags"] = tags
	rels := make([]any, 0, len(it.Relationships))
	for _, r := range it.Relationships {
		rels = append(rels, map[string]any{"resourceType": r.ResourceType, "resourceId": r.ResourceID,
			"resourceName": r.ResourceName, "relationshipName": r.Name})
	}
	m["relationships"] = rels
	return m
}

// matches reports whether a record satisfies every condition; a path that
// crosses a list matches when any element does.
func (q *query) matches(rec map[string]any) bool {
	for _, c := range q.conds {
		if !c.matches(resolve(rec, strings.Split(c.path, "."))) {
			return false
		}
	}
	return true
}

func (c *condition) matches(vals []any) bool {
	found := slices.ContainsFunc(vals, func(v any) bool {
		if c.op == "LIKE" {
			s, ok := v.(string)
			return ok && likeRegexp(fmt.Sprint(c.values[0])).MatchString(s)
		}
		return slices.ContainsFunc(c.values, func(want any) bool { return equal(v, want) })
	})
	if c.op == "!=" {
		return !found
	}
	return found
}

// resolve returns the values at a path, flattening lists on the way.
func resolve(v any, segs []string) []any {
	if len(segs) == 0 {
		if list, ok := v.([]any); ok {
			return list
		}
		return []any{v}
	}
	switch x := v.(type) {
	case map[string]any:
		if next, ok := x[segs[0]]; ok {
			return resolve(next, segs[1:])
		}
	case []any:
		var out []any
		for _, e := range x {
			out = append(out, resolve(e, segs)...)
		}
		return out
	}
	return nil
}

// equal compares a stored JSON value with a query literal.
func equal(v, want any) bool {
	switch w := want.(type) {
	case string:
		s, ok := v.(string)
		return ok && s == w
	case bool:
		b, ok := v.(bool)
		return ok && b == w
	case float64:
		switch n := v.(type) {
		case float64:
			return n == w
		case int:
			return float64(n) == w
		case string:
			f, err := strconv.ParseFloat(n, 64)
			return err == nil && f == w
		}
	}
	return false
}

// likeRegexp translates a LIKE pattern (% any run, _ one character).
func likeRegexp(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for _, r := range pattern {
		switch r {
		case '%':
			b.WriteString(".*")
		case '_':
			b.WriteString(".")
		default:
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// project renders the selected fields of a record as a JSON object; a
// path that crosses a list keeps the list, holding the selected members of
// each element.
func (q *query) project(rec map[string]any) string {
	out := map[string]any{}
	for _, f := range q.fields {
		if v, ok := shape(rec, strings.Split(f, ".")); ok {
			out = merge(out, v).(map[string]any)
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		return "{}"
	}
	return string(b)
}

// shape returns the part of v on a path, nested as in v.
func shape(v any, segs []string) (any, bool) {
	if len(segs) == 0 {
		return v, v != nil
	}
	switch x := v.(type) {
	case map[string]any:
		inner, ok := shape(x[segs[0]], segs[1:])
		if !ok {
			return nil, false
		}
		return map[string]any{segs[0]: inner}, true
	case []any:
		out := make([]any, 0, len(x))
		for _, e := range x {
			p, ok := shape(e, segs)
			if !ok {
				p = map[string]any{}
			}
			out = append(out, p)
		}
		return out, true
	}
	return nil, false
}

// merge combines two shaped values: objects member by member, lists of the
// same length element by element; otherwise b wins.
func merge(a, b any) any {
	switch y := b.(type) {
	case map[string]any:
		x, ok := a.(map[string]any)
		if !ok {
			return y
		}
		for k, v := range y {
			x[k] = merge(x[k], v)
		}
		return x
	case []any:
		x, ok := a.([]any)
		if !ok || len(x) != len(y) {
			return y
		}
		for i := range y {
			x[i] = merge(x[i], y[i])
		}
		return x
	}
	return b
}
