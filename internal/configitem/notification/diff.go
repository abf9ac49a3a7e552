package notification

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/salvehq/salve/internal/configitem"
)

// diffItems returns the changed properties between two items of a
// resource as their notifications show them, keyed as AWS Config keys
// them: "Configuration.State.Name" for a nested member (first letters
// upper-cased), "Configuration.IpPermissions.0" for a list element,
// "Configuration" for a configuration that appears or goes as a whole,
// "SupplementaryConfiguration.X", "Tags.KEY", "Relationships.N".
func diffItems(prev, cur *configitem.Item) map[string]PropertyChange {
	out := map[string]PropertyChange{}
	diffValue(out, "Configuration", canonical(prev.Configuration), canonical(cur.Configuration), true)
	diffValue(out, "SupplementaryConfiguration", canonical(orEmpty(prev.SupplementaryConfiguration)),
		canonical(orEmpty(cur.SupplementaryConfiguration)), true)
	diffValue(out, "Tags", canonical(orEmpty(prev.Tags)), canonical(orEmpty(cur.Tags)), false)
	diffValue(out, "Relationships", canonical(relationships(prev)), canonical(relationships(cur)), false)
	return out
}

// canonical round-trips v through JSON, so that values read back from the
// store (float64 numbers) compare equal to freshly produced ones (ints),
// and values compare as the notification writes them.
func canonical(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if json.Unmarshal(b, &out) != nil {
		return v
	}
	return out
}

// diffValue adds the changes between a and b under path: two objects are
// compared member by member, lists element by element, anything else (an
// object that appears or goes) as a whole. capital upper-cases the first
// letter of member names.
func diffValue(out map[string]PropertyChange, path string, a, b any, capital bool) {
	if reflect.DeepEqual(a, b) {
		return
	}
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		for _, k := range unionKeys(am, bm) {
			diffValue(out, path+"."+memberName(k, capital), am[k], bm[k], capital)
		}
		return
	}
	al, aok := a.([]any)
	bl, bok := b.([]any)
	if (aok || a == nil) && (bok || b == nil) {
		for i := range max(len(al), len(bl)) {
			leaf(out, path+"."+strconv.Itoa(i), element(al, i), element(bl, i))
		}
		return
	}
	leaf(out, path, a, b)
}

// leaf records one changed value.
func leaf(out map[string]PropertyChange, path string, a, b any) {
	if reflect.DeepEqual(a, b) {
		return
	}
	c := PropertyChange{PreviousValue: a, UpdatedValue: b, ChangeType: ChangeUpdate}
	switch {
	case a == nil:
		c.ChangeType = ChangeCreate
	case b == nil:
		c.ChangeType = ChangeDelete
	}
	out[path] = c
}

func unionKeys(a, b map[string]any) []string {
	keys := slices.Collect(maps.Keys(a))
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

func element(l []any, i int) any {
	if i < len(l) {
		return l[i]
	}
	return nil
}

func memberName(k string, capital bool) string {
	r, n := utf8.DecodeRuneInString(k)
	if !capital || n == 0 {
		return k
	}
	return string(unicode.ToUpper(r)) + k[n:]
}
