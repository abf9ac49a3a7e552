package pattern

import (
	"strconv"
	"strings"
)

// wildcard is a compiled wildcard value: literal segments between '*'s.
type wildcard struct {
	segs []string // len(segs) == number of '*' + 1
}

// parseWildcard compiles text where '*' matches any run of characters, "\*"
// is a literal '*' and "\\" a literal backslash; it returns EventBridge's
// reason when the text is not allowed. Positions count bytes from 1, as
// EventBridge counts them.
func parseWildcard(text string) (wildcard, string) {
	var w wildcard
	var seg strings.Builder
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '*':
			if i+1 < len(text) && text[i+1] == '*' {
				return wildcard{}, "Consecutive wildcard characters at pos " + strconv.Itoa(i+1)
			}
			w.segs = append(w.segs, seg.String())
			seg.Reset()
		case '\\':
			if i+1 < len(text) && (text[i+1] == '*' || text[i+1] == '\\') {
				seg.WriteByte(text[i+1])
				i++
				continue
			}
			return wildcard{}, "Invalid escape character at pos " + strconv.Itoa(i+1)
		default:
			seg.WriteByte(c)
		}
	}
	w.segs = append(w.segs, seg.String())
	return w, ""
}

// match reports whether s matches the whole wildcard. With '*' as the only
// metacharacter, taking each middle segment at its leftmost place is exact.
func (w *wildcard) match(s string) bool {
	if len(w.segs) == 1 {
		return s == w.segs[0]
	}
	first, last := w.segs[0], w.segs[len(w.segs)-1]
	if len(s) < len(first)+len(last) || !strings.HasPrefix(s, first) || !strings.HasSuffix(s, last) {
		return false
	}
	s = s[len(first) : len(s)-len(last)]
	for _, seg := range w.segs[1 : len(w.segs)-1] {
		i := strings.Index(s, seg)
		if i < 0 {
			return false
		}
		s = s[i+len(seg):]
	}
	return true
}
