package pattern

import "slices"

// orKeyword introduces a list of alternative sub-patterns.
const orKeyword = "$or"

// reservedInOr are the field names EventBridge refuses inside $or
// alternatives: its operator names and the ones it keeps for later.
var reservedInOr = []string{
	"exactly", "equals-ignore-case", "prefix", "suffix", "anything-but", "exists", "wildcard", "numeric", "cidr",
	"=", "<", "<=", ">", ">=", "regex", "not-wildcard", "not-equals-ignore-case",
	"date-after", "date-on-or-after", "date-before", "date-on-or-before", "in-date-range",
	"ip-address-in-range", "ip-address-not-in-range",
}

// compiler builds the pattern tree while reading tokens, so each complaint
// carries the location EventBridge would report.
type compiler struct {
	lx *lexer
}

func (c *compiler) root() (*object, error) {
	k, err := c.lx.next()
	if err != nil {
		return nil, err
	}
	if k != tokObjectStart {
		return nil, c.fail("Filter is not an object")
	}
	obj, err := c.object(false)
	if err != nil {
		return nil, err
	}
	return obj, c.lx.finish()
}

// object reads the members of an object whose '{' was just read; inOr is
// true inside an alternative of $or.
func (c *compiler) object(inOr bool) (*object, error) {
	obj := &object{}
	for {
		k, err := c.lx.next()
		if err != nil {
			return nil, err
		}
		if k == tokObjectEnd {
			break
		}
		if err := c.member(obj, c.lx.text, inOr); err != nil {
			return nil, err
		}
	}
	if len(obj.fields) == 0 && len(obj.ors) == 0 {
		return nil, c.fail("Empty objects are not allowed")
	}
	return obj, nil
}

// member reads the value of field name into obj.
func (c *compiler) member(obj *object, name string, inOr bool) error {
	if name == orKeyword {
		alts, err := c.or()
		obj.ors = append(obj.ors, alts)
		return err
	}
	if inOr && slices.Contains(reservedInOr, name) {
		return c.fail(name + " is Ruler reserved fieldName which cannot be used inside $or.")
	}
	k, err := c.lx.next()
	if err != nil {
		return err
	}
	switch k {
	case tokObjectStart:
		child, err := c.object(inOr)
		if err != nil {
			return err
		}
		obj.set(field{name: name, obj: child})
	case tokArrayStart:
		lf, err := c.leaf()
		if err != nil {
			return err
		}
		obj.set(field{name: name, leaf: lf})
	default:
		return c.fail(`"` + name + `" must be an object or an array`)
	}
	return nil
}

// or reads the array of alternatives after "$or".
func (c *compiler) or() ([]*object, error) {
	k, err := c.lx.next()
	if err != nil {
		return nil, err
	}
	if k != tokArrayStart {
		return nil, c.fail("It must be an Array followed with $or.")
	}
	var alts []*object
	for {
		if k, err = c.lx.next(); err != nil {
			return nil, err
		}
		if k == tokArrayEnd {
			break
		}
		if k != tokObjectStart {
			return nil, c.fail("Only JSON object is allowed in array of $or relationship.")
		}
		alt, err := c.object(true)
		if err != nil {
			return nil, err
		}
		alts = append(alts, alt)
	}
	if len(alts) < 2 {
		return nil, c.fail("There must have at least 2 Objects in $or relationship.")
	}
	return alts, nil
}

// leaf reads the array of allowed values whose '[' was just read.
func (c *compiler) leaf() (*leaf, error) {
	lf := &leaf{}
	for {
		k, err := c.lx.next()
		if err != nil {
			return nil, err
		}
		if k == tokArrayEnd {
			break
		}
		if err := c.value(lf, k); err != nil {
			return nil, err
		}
	}
	if len(lf.ms) == 0 && !lf.absent {
		return nil, c.fail("Empty arrays are not allowed")
	}
	return lf, nil
}

// value adds one element of a leaf array.
func (c *compiler) value(lf *leaf, k tokenKind) error {
	switch k {
	case tokObjectStart:
		m, err := c.expression()
		if err != nil {
			return err
		}
		lf.add(m)
	case tokString:
		lf.add(exactString(c.lx.text))
	case tokNumber:
		lf.add(exactNumber(c.lx.text))
	case tokTrue, tokFalse, tokNull:
		lf.add(matcher{kind: literalKinds[k]})
	default:
		return c.fail("Match value must be String, number, true, false, or null")
	}
	return nil
}

var literalKinds = map[tokenKind]kind{tokTrue: kindTrue, tokFalse: kindFalse, tokNull: kindNull}

// next reads a token and reports whether it is want.
func (c *compiler) next(want tokenKind) (bool, error) {
	k, err := c.lx.next()
	return k == want, err
}

// fail reports reason at the current location.
func (c *compiler) fail(reason string) error { return c.lx.fail(reason) }
