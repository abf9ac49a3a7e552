package pattern

// anythingBut reads {"anything-but": value | [values] | {"prefix"|"suffix"|
// "equals-ignore-case"|"wildcard": value | [values]}} after its name.
func (c *compiler) anythingBut() (matcher, error) {
	k, err := c.lx.next()
	if err != nil {
		return matcher{}, err
	}
	var sub kind // zero: plain values
	if k == tokObjectStart {
		if sub, err = c.anythingButOperator(); err != nil {
			return matcher{}, err
		}
		if k, err = c.lx.next(); err != nil {
			return matcher{}, err
		}
	}
	if k != tokArrayStart && k != tokString && k != tokNumber {
		return matcher{}, c.fail("Value of anything-but must be an array or single string/number value.")
	}
	var m matcher
	switch {
	case sub == 0 && k == tokArrayStart:
		m, err = c.anythingButList()
	case sub == 0:
		m, err = c.anythingButValue(k)
	case k == tokArrayStart:
		m, err = c.anythingButSet(sub)
	default:
		m = matcher{kind: sub}
		err = c.anythingButSetValue(&m, k)
	}
	if err != nil {
		return matcher{}, err
	}
	// EventBridge's complaint here mentions numeric expressions whatever the
	// operand; its wording is kept.
	if err := c.closeExpression(tooManyNumeric); err != nil || sub == 0 {
		return m, err
	}
	return m, c.closeExpression(tooManyNumeric)
}

var anythingButOperators = map[string]kind{
	opEqualsIgnoreCase: kindButFold,
	opPrefix:           kindButPrefix,
	opSuffix:           kindButSuffix,
	opWildcard:         kindButWildcard,
}

func (c *compiler) anythingButOperator() (kind, error) {
	if ok, err := c.next(tokFieldName); err != nil || !ok {
		return 0, c.orFail(err, "Anything-But expression name not found")
	}
	sub, ok := anythingButOperators[c.lx.text]
	if !ok {
		return 0, c.fail("Unsupported anything-but pattern: " + c.lx.text)
	}
	return sub, nil
}

// anythingButList reads a list of only strings or only numbers.
func (c *compiler) anythingButList() (matcher, error) {
	var m matcher
	for {
		k, err := c.lx.next()
		if err != nil {
			return matcher{}, err
		}
		if k == tokArrayEnd {
			break
		}
		if err := c.anythingButElement(&m, k); err != nil {
			return matcher{}, err
		}
	}
	if (len(m.strs) > 0) == (len(m.nums) > 0) {
		return matcher{}, c.fail("Inside anything but list, either all values are number or string, mixed type is not supported")
	}
	m.kind = kindButStrings
	if len(m.nums) > 0 {
		m.kind = kindButNumbers
	}
	return m, nil
}

func (c *compiler) anythingButElement(m *matcher, k tokenKind) error {
	switch k {
	case tokString:
		m.strs = append(m.strs, c.lx.text)
	case tokNumber:
		f, err := c.comparable(c.lx.text)
		if err != nil {
			return err
		}
		m.nums = append(m.nums, f)
	default:
		return c.fail("Inside anything but list, start|null|boolean is not supported.")
	}
	return nil
}

func (c *compiler) anythingButValue(k tokenKind) (matcher, error) {
	if k == tokString {
		return matcher{kind: kindButStrings, strs: []string{c.lx.text}}, nil
	}
	f, err := c.comparable(c.lx.text)
	return matcher{kind: kindButNumbers, nums: []float64{f}}, err
}

// anythingButSet reads the list form of anything-but prefix, suffix,
// equals-ignore-case or wildcard.
func (c *compiler) anythingButSet(sub kind) (matcher, error) {
	m := matcher{kind: sub}
	for {
		k, err := c.lx.next()
		if err != nil {
			return matcher{}, err
		}
		if k == tokArrayEnd {
			return m, nil
		}
		if err := c.anythingButSetValue(&m, k); err != nil {
			return matcher{}, err
		}
	}
}

func (c *compiler) anythingButSetValue(m *matcher, k tokenKind) error {
	if k != tokString {
		return c.fail(anythingButNotString[m.kind])
	}
	text := c.lx.text
	switch m.kind {
	case kindButPrefix, kindButSuffix:
		if text == "" {
			return c.fail("Null prefix/suffix not allowed")
		}
	case kindButWildcard:
		w, reason := parseWildcard(text)
		if reason != "" {
			return c.fail(reason)
		}
		m.wild = append(m.wild, w)
		return nil
	}
	m.strs = append(m.strs, text)
	return nil
}

var anythingButNotString = map[kind]string{
	kindButFold:     "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.",
	kindButPrefix:   "prefix/suffix match pattern must be a string",
	kindButSuffix:   "prefix/suffix match pattern must be a string",
	kindButWildcard: "wildcard match pattern must be a string",
}
