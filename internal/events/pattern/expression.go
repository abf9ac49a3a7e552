package pattern

// Operator names of match expressions.
const (
	opExactly          = "exactly"
	opPrefix           = "prefix"
	opSuffix           = "suffix"
	opEqualsIgnoreCase = "equals-ignore-case"
	opWildcard         = "wildcard"
	opAnythingBut      = "anything-but"
	opNumeric          = "numeric"
	opExists           = "exists"
	opCIDR             = "cidr"
)

const onlyOneKey = "Only one key allowed in match expression"

// expression reads a match expression ({"prefix": …}, {"numeric": […]}, …)
// whose '{' was just read.
func (c *compiler) expression() (matcher, error) {
	if ok, err := c.next(tokFieldName); err != nil || !ok {
		return matcher{}, c.orFail(err, "Match expression name not found")
	}
	switch op := c.lx.text; op {
	case opExactly:
		return c.stringOperand(kindExact, "exact match pattern must be a string")
	case opEqualsIgnoreCase:
		return c.stringOperand(kindEqualsFold, "equals-ignore-case match pattern must be a string")
	case opPrefix:
		return c.affix(kindPrefix, kindPrefixFold, "prefix", "Prefix")
	case opSuffix:
		return c.affix(kindSuffix, kindSuffixFold, "suffix", "Suffix")
	case opWildcard:
		return c.wildcard()
	case opNumeric:
		return c.numeric()
	case opAnythingBut:
		return c.anythingBut()
	case opExists:
		return c.exists()
	case opCIDR:
		return c.cidr()
	default:
		return matcher{}, c.fail("Unrecognized match type " + op)
	}
}

// stringOperand reads {"op": "text"} for operators taking one string.
func (c *compiler) stringOperand(k kind, notString string) (matcher, error) {
	if ok, err := c.next(tokString); err != nil || !ok {
		return matcher{}, c.orFail(err, notString)
	}
	// Unlike a bare string, "exactly" never reads its operand as an IP address.
	m := matcher{kind: k, s: c.lx.text}
	return m, c.closeExpression(onlyOneKey)
}

// affix reads prefix or suffix, plain or {"equals-ignore-case": …}.
func (c *compiler) affix(plain, fold kind, op, title string) (matcher, error) {
	k, err := c.lx.next()
	if err != nil {
		return matcher{}, err
	}
	if k == tokObjectStart {
		return c.affixFold(fold, op, title)
	}
	if k != tokString {
		return matcher{}, c.fail(op + " match pattern must be a string")
	}
	m := matcher{kind: plain, s: c.lx.text}
	return m, c.closeExpression(onlyOneKey)
}

func (c *compiler) affixFold(fold kind, op, title string) (matcher, error) {
	if ok, err := c.next(tokFieldName); err != nil || !ok {
		return matcher{}, c.orFail(err, title+" expression name not found")
	}
	if c.lx.text != opEqualsIgnoreCase {
		return matcher{}, c.fail("Unsupported " + op + " pattern: " + c.lx.text)
	}
	if ok, err := c.next(tokString); err != nil || !ok {
		return matcher{}, c.orFail(err, "equals-ignore-case match pattern must be a string")
	}
	m := matcher{kind: fold, s: c.lx.text}
	if err := c.closeExpression(onlyOneKey); err != nil {
		return matcher{}, err
	}
	return m, c.closeExpression(onlyOneKey)
}

func (c *compiler) wildcard() (matcher, error) {
	if ok, err := c.next(tokString); err != nil || !ok {
		return matcher{}, c.orFail(err, "wildcard match pattern must be a string")
	}
	w, reason := parseWildcard(c.lx.text)
	if reason != "" {
		return matcher{}, c.fail(reason)
	}
	return matcher{kind: kindWildcard, wild: []wildcard{w}}, c.closeExpression(onlyOneKey)
}

func (c *compiler) exists() (matcher, error) {
	k, err := c.lx.next()
	if err != nil {
		return matcher{}, err
	}
	m := matcher{kind: kindExists}
	switch k {
	case tokTrue:
	case tokFalse:
		m.kind = kindAbsent
	default:
		return matcher{}, c.fail("exists match pattern must be either true or false.")
	}
	return m, c.closeExpression(onlyOneKey)
}

func (c *compiler) cidr() (matcher, error) {
	// EventBridge names the wrong operator here; its wording is kept.
	if ok, err := c.next(tokString); err != nil || !ok {
		return matcher{}, c.orFail(err, "prefix match pattern must be a string")
	}
	lo, hi, reason := parseCIDR(c.lx.text)
	if reason != "" {
		return matcher{}, invalid(reason)
	}
	return matcher{kind: kindCIDR, lo: lo, hi: hi}, c.closeExpression(onlyOneKey)
}

// closeExpression reads the '}' that ends a match expression.
func (c *compiler) closeExpression(reason string) error {
	if ok, err := c.next(tokObjectEnd); err != nil || !ok {
		return c.orFail(err, reason)
	}
	return nil
}

// orFail returns err when reading failed, else the complaint reason.
func (c *compiler) orFail(err error, reason string) error {
	if err != nil {
		return err
	}
	return c.fail(reason)
}
