package jsonpos

import (
	"sort"
	"strings"
)

// MaxFixes caps the repairs Repair reports for one body.
const MaxFixes = 20

// Fix is one repair: at body offset Off, Msg says what was wrong ("a //
// comment") and Fix what the author should do ("remove the comment").
// Repair reports one fix per kind and line.
type Fix struct {
	Off      int
	Msg, Fix string
}

// Shift is a point from which repaired offsets and body offsets differ by
// a new amount: from repaired offset Out on, the body offset is In plus the
// distance, until the next Shift.
type Shift struct{ Out, In int }

// Repaired is the lenient rewrite of a body. Repairs blank defects out with
// spaces, so offsets stay aligned except where a raw control character
// inside a string became an escape (Shifts).
type Repaired struct {
	// Out is the repaired text. It is JSON only if the body's defects were
	// all of the kinds Repair knows.
	Out []byte
	// Changed is true when anything was repaired (Fixes is not empty).
	Changed bool
	// Fixes are the repairs, in body order (at most MaxFixes).
	Fixes []Fix
	// Shifts map offsets of Out back to the body (see InOffset).
	Shifts []Shift
}

// InOffset maps an offset in r.Out back to the body. The bytes of an
// escape Repair wrote map to the control character it stands for.
func (r *Repaired) InOffset(out int) int {
	k := sort.Search(len(r.Shifts), func(k int) bool { return r.Shifts[k].Out > out })
	in := out
	if k > 0 {
		in = r.Shifts[k-1].In + (out - r.Shifts[k-1].Out)
	}
	if k < len(r.Shifts) && in >= r.Shifts[k].In {
		in = r.Shifts[k].In - 1
	}
	return in
}

// IsSpace reports the white space Repair keeps as it is: JSON's space, tab,
// newline and carriage return, and form feed and vertical tab.
func IsSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// IsBlank reports whether s is empty or only IsSpace bytes.
func IsBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if !IsSpace(s[i]) {
			return false
		}
	}
	return true
}

// Repair rewrites body, blanking out comments, trailing commas, NBSP,
// U+2000–U+200B, U+202F and byte-order marks outside strings (every byte
// becomes a space, newlines stay), and escaping raw control characters
// inside strings (\n, \t, \r, \u00XX).
func Repair(body string) Repaired {
	var rep Repaired
	out := make([]byte, 0, len(body))
	var fixes []Fix
	var lines LineIndex
	type seenKey struct {
		msg  string
		line int
	}
	var seen map[seenKey]bool
	add := func(off int, msg, fix string) {
		k := seenKey{msg, lines.Line(body, off)}
		if seen[k] || len(fixes) >= MaxFixes {
			return
		}
		if seen == nil {
			seen = make(map[seenKey]bool)
		}
		seen[k] = true
		fixes = append(fixes, Fix{off, msg, fix})
	}
	mark := func(in int) {
		rep.Shifts = append(rep.Shifts, Shift{len(out), in})
	}
	lastComma := -1 // output offset of a comma that may turn out trailing
	lastCommaIn := 0
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == '"':
			lastComma = -1
			out = append(out, c)
			i++
			for i < len(body) {
				c = body[i]
				if c == '\\' && i+1 < len(body) {
					out = append(out, c, body[i+1])
					i += 2
					continue
				}
				if c == '"' {
					out = append(out, c)
					i++
					break
				}
				if c < 0x20 {
					add(i, "a raw control character inside a string", "escape it (\\n, \\t)")
					var esc string
					switch c {
					case '\n':
						esc = `\n`
					case '\t':
						esc = `\t`
					case '\r':
						esc = `\r`
					default:
						esc = `\u00` + string("0123456789abcdef"[c>>4]) + string("0123456789abcdef"[c&15])
					}
					out = append(out, esc...)
					i++
					mark(i)
					continue
				}
				out = append(out, c)
				i++
			}
		case c == '/' && i+1 < len(body) && body[i+1] == '/':
			add(i, "a // comment", "remove the comment")
			j := strings.IndexByte(body[i:], '\n')
			if j < 0 {
				j = len(body) - i
			}
			out = appendSpaces(out, j)
			i += j
		case c == '/' && i+1 < len(body) && body[i+1] == '*':
			add(i, "a /* */ comment", "remove the comment")
			j := strings.Index(body[i+2:], "*/")
			end := len(body)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			// Blank the comment out, keeping its newlines.
			for ; i < end; i++ {
				if body[i] == '\n' {
					out = append(out, '\n')
				} else {
					out = append(out, ' ')
				}
			}
		case c == 0xC2 && i+1 < len(body) && body[i+1] == 0xA0:
			add(i, "a no-break space (U+00A0) used as whitespace", "replace it with a plain space")
			out = append(out, ' ', ' ')
			i += 2
		case c == 0xE2 && i+2 < len(body) && body[i+1] == 0x80 && (body[i+2] == 0xAF || (body[i+2] >= 0x80 && body[i+2] <= 0x8B)):
			add(i, "a Unicode space (U+2000–U+200B or U+202F) used as whitespace", "replace it with a plain space")
			out = append(out, ' ', ' ', ' ')
			i += 3
		case c == 0xEF && i+2 < len(body) && body[i+1] == 0xBB && body[i+2] == 0xBF:
			add(i, "a byte-order mark", "remove it")
			out = append(out, ' ', ' ', ' ')
			i += 3
		case c == ',':
			lastComma = len(out)
			lastCommaIn = i
			out = append(out, c)
			i++
		case c == '}' || c == ']':
			if lastComma >= 0 {
				add(lastCommaIn, "a trailing comma before "+string(c), "remove the comma")
				out[lastComma] = ' '
			}
			lastComma = -1
			out = append(out, c)
			i++
		case IsSpace(c):
			out = append(out, c)
			i++
		default:
			lastComma = -1
			out = append(out, c)
			i++
		}
	}
	rep.Out = out
	rep.Fixes = fixes
	rep.Changed = len(fixes) > 0
	sort.SliceStable(rep.Fixes, func(a, b int) bool { return rep.Fixes[a].Off < rep.Fixes[b].Off })
	return rep
}

func appendSpaces(b []byte, n int) []byte {
	for ; n > 0; n-- {
		b = append(b, ' ')
	}
	return b
}
