package pattern

// object is a pattern object: every field must match (AND), and for each
// $or one of its alternatives must match the same event object.
type object struct {
	fields []field
	ors    [][]*object
}

// field is one member of a pattern object: a leaf (array of allowed values)
// or a nested object.
type field struct {
	name string
	leaf *leaf
	obj  *object
}

// leaf is the array of allowed values of a field (OR).
type leaf struct {
	ms     []matcher
	absent bool // {"exists": false}: a missing field matches
}

func (lf *leaf) add(m matcher) {
	if m.kind == kindAbsent {
		lf.absent = true
		return
	}
	lf.ms = append(lf.ms, m)
}

// set adds f; a name given twice keeps the last value, except that two
// objects merge (EventBridge flattens patterns into paths).
func (o *object) set(f field) {
	for i := range o.fields {
		old := &o.fields[i]
		if old.name != f.name {
			continue
		}
		if old.obj != nil && f.obj != nil {
			old.obj.merge(f.obj)
			return
		}
		*old = f
		return
	}
	o.fields = append(o.fields, f)
}

func (o *object) merge(other *object) {
	for _, f := range other.fields {
		o.set(f)
	}
	o.ors = append(o.ors, other.ors...)
}

// match reports whether the event object m (nil: no object here) matches.
func (o *object) match(m map[string]any) bool {
	for i := range o.fields {
		f := &o.fields[i]
		v, ok := m[f.name]
		if f.leaf != nil {
			if !f.leaf.match(v, ok) {
				return false
			}
		} else if !f.obj.matchAt(v) {
			return false
		}
	}
	for _, alts := range o.ors {
		if !anyMatch(alts, m) {
			return false
		}
	}
	return true
}

func anyMatch(alts []*object, m map[string]any) bool {
	for _, alt := range alts {
		if alt.match(m) {
			return true
		}
	}
	return false
}

// matchAt matches the object against the event value at its field: an
// object, an array of them (any one element must match all of the pattern's
// fields), or anything else, which has none of the fields.
func (o *object) matchAt(v any) bool {
	switch x := v.(type) {
	case map[string]any:
		return o.match(x)
	case []any:
		if len(x) == 0 {
			return o.match(nil)
		}
		for _, e := range x {
			if o.matchAt(e) {
				return true
			}
		}
		return false
	}
	return o.match(nil)
}

// match applies the leaf to the event value at its field; present is false
// when the event lacks the field. Objects are not leaf values (exists only
// sees leaves); arrays match when any leaf element does.
func (lf *leaf) match(v any, present bool) bool {
	if !present {
		return lf.absent
	}
	switch x := v.(type) {
	case map[string]any:
		return lf.absent
	case []any:
		matched, leaves := lf.matchArray(x)
		return matched || !leaves && lf.absent
	}
	return lf.matchValue(v)
}

// matchArray reports whether an element matches and whether the array
// (flattened) holds any leaf value at all.
func (lf *leaf) matchArray(a []any) (matched, leaves bool) {
	for _, e := range a {
		switch x := e.(type) {
		case map[string]any:
			continue
		case []any:
			m, l := lf.matchArray(x)
			if m {
				return true, true
			}
			leaves = leaves || l
			continue
		}
		leaves = true
		if lf.matchValue(e) {
			return true, true
		}
	}
	return false, leaves
}

func (lf *leaf) matchValue(v any) bool {
	val := classify(v)
	for i := range lf.ms {
		if lf.ms[i].match(&val) {
			return true
		}
	}
	return false
}
