package pattern

import (
	"math"
	"strconv"
)

// Numeric matching covers -5.0e9..5.0e9 with six digits after the point.
const (
	numericLimit    = 5e9
	numericDecimals = 6
	tooManyNumeric  = "Too many elements in numeric expression"
)

// numRange is a numeric condition: one comparison or a bounded range.
type numRange struct {
	lo, hi         float64
	hasLo, hasHi   bool
	openLo, openHi bool
}

func (r *numRange) contains(f float64) bool {
	if r.hasLo && (f < r.lo || (r.openLo && f == r.lo)) {
		return false
	}
	return !r.hasHi || (f < r.hi || (!r.openHi && f == r.hi))
}

// numeric reads {"numeric": [op, n (, op, n)]} after its name.
func (c *compiler) numeric() (matcher, error) {
	if ok, err := c.next(tokArrayStart); err != nil || !ok {
		return matcher{}, c.orFail(err, "Value of numeric must be an array.")
	}
	r, err := c.numericRange()
	if err != nil {
		return matcher{}, err
	}
	return matcher{kind: kindNumeric, rng: r}, c.closeExpression(tooManyNumeric)
}

func (c *compiler) numericRange() (numRange, error) {
	if ok, err := c.next(tokString); err != nil || !ok {
		return numRange{}, c.orFail(err, "Invalid member in numeric match: "+c.lx.tokenText())
	}
	op := c.lx.text
	if op != "=" && op != "<" && op != "<=" && op != ">" && op != ">=" {
		// EventBridge reads the operand before it judges the operator.
		if _, err := c.lx.next(); err != nil {
			return numRange{}, err
		}
		return numRange{}, c.fail("Unrecognized numeric range operator: " + op)
	}
	name := op
	if op == "=" {
		name = "equals"
	}
	f, err := c.operand(name)
	if err != nil {
		return numRange{}, err
	}
	switch op {
	case "=":
		return numRange{lo: f, hi: f, hasLo: true, hasHi: true}, c.closeArray(tooManyNumeric)
	case "<", "<=":
		return numRange{hi: f, hasHi: true, openHi: op == "<"}, c.closeArray(tooManyNumeric)
	}
	return c.upperBound(numRange{lo: f, hasLo: true, openLo: op == ">"})
}

// upperBound reads the optional "<"/"<=" half of a range after ">"/">=".
func (c *compiler) upperBound(r numRange) (numRange, error) {
	k, err := c.lx.next()
	if err != nil || k == tokArrayEnd {
		return r, err
	}
	if k != tokString {
		return numRange{}, c.fail("Bad value in numeric range: " + c.lx.tokenText())
	}
	op := c.lx.text
	if op != "<" && op != "<=" {
		return numRange{}, c.fail("Bad numeric range operator: " + op)
	}
	if r.hi, err = c.operand(op); err != nil {
		return numRange{}, err
	}
	r.hasHi, r.openHi = true, op == "<"
	if err := c.closeArray("Too many terms in numeric range expression"); err != nil {
		return numRange{}, err
	}
	if r.lo >= r.hi {
		return numRange{}, c.fail("Bottom must be less than top")
	}
	return r, nil
}

// operand reads the number after a comparison operator.
func (c *compiler) operand(op string) (float64, error) {
	if ok, err := c.next(tokNumber); err != nil || !ok {
		return 0, c.orFail(err, "Value of "+op+" must be numeric")
	}
	return c.comparable(c.lx.text)
}

// comparable checks that a number of the pattern is within what numeric
// matching supports.
func (c *compiler) comparable(text string) (float64, error) {
	if decimalScale(text) > numericDecimals {
		return 0, c.fail("Only values upto 6 decimals are supported")
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.Abs(f) > numericLimit {
		return 0, c.fail("Value must be between -5.0E9 and 5.0E9, inclusive")
	}
	return f, nil
}

func (c *compiler) closeArray(reason string) error {
	if ok, err := c.next(tokArrayEnd); err != nil || !ok {
		return c.orFail(err, reason)
	}
	return nil
}

// decimalScale is how many digits a JSON number has after the decimal point
// once trailing zeros are dropped (3.018e2 → 1, 1e-7 → 7, 1200 → 0).
func decimalScale(text string) int {
	mant, exp := text, 0
	for i := 0; i < len(text); i++ {
		if text[i] == 'e' || text[i] == 'E' {
			mant, exp = text[:i], atoiClamped(text[i+1:])
			break
		}
	}
	digits, scale := make([]byte, 0, len(mant)), 0
	seenPoint := false
	for i := 0; i < len(mant); i++ {
		switch ch := mant[i]; {
		case ch == '.':
			seenPoint = true
		case ch >= '0' && ch <= '9':
			digits = append(digits, ch)
			if seenPoint {
				scale++
			}
		}
	}
	for len(digits) > 0 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		scale--
	}
	if len(digits) == 0 {
		return 0
	}
	return max(scale-exp, 0)
}

// atoiClamped parses an exponent, clamping huge ones so they stay decisive
// without overflowing.
func atoiClamped(s string) int {
	n, neg := 0, false
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == '-':
			neg = true
		case ch >= '0' && ch <= '9' && n < 1_000_000:
			n = n*10 + int(ch-'0')
		}
	}
	if neg {
		return -n
	}
	return n
}
