package parser

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// ParseAnnotation decodes an HTML comment that holds an annotation. text is
// the comment content between "<!--" and "-->"; pos is the position of
// "<!--". It returns nil when the comment is not annotation-like (its first
// non-blank byte is not "{"): uuid stamps, markdownlint directives, notes.
//
// The JSON is read leniently: trailing commas, raw newlines and control
// characters inside strings, unquoted keys, missing commas between members
// and a missing opening or closing quote are repaired, each repair reported
// as an annotation-json warning at its line, and the result is marked
// Repaired. When the text cannot be read at all, "blockType" and "type" are
// recovered with a regular expression and an annotation-json error is
// reported.
func ParseAnnotation(text string, pos model.Pos) (*model.Annotation, []model.Diagnostic) {
	start := 0
	for start < len(text) && isSpace(text[start]) {
		start++
	}
	if start >= len(text) || text[start] != '{' {
		return nil, nil
	}
	// Offsets in text are mapped to page positions relative to the byte
	// after "<!--".
	base := pos
	if base.Col > 0 {
		base.Col += 4
	}
	r := &lenientReader{src: text, pos: start}
	mem, _ := lmemberPool.Get().(*[]lmember)
	if mem == nil {
		mem = new([]lmember)
	}
	r.mem = (*mem)[:0]
	defer func() {
		// Nothing read keeps the members (fillAnnotation copies what it
		// needs): they are scratch for the next annotation.
		clear(r.mem[:cap(r.mem)])
		*mem = r.mem[:0]
		lmemberPool.Put(mem)
	}()
	v, ok := r.value(0)
	if ok {
		r.skipSpace()
		if r.pos < len(r.src) {
			r.note(r.pos, "text after the closing brace")
		}
	}
	a := &model.Annotation{Pos: pos}
	var diags []model.Diagnostic
	if !ok || v.kind != 'o' {
		off := r.failAt
		if off < 0 {
			off = r.pos
		}
		a.BlockType = regexString(blockTypeRE, text)
		a.Type = regexString(pageTypeRE, text)
		msg := "annotation is not readable JSON (" + r.failMsg + "); docgen recovered only "
		if a.BlockType != "" {
			msg += `"blockType": "` + a.BlockType + `"`
		} else if a.Type != "" {
			msg += `"type": "` + a.Type + `"`
		} else {
			msg = "annotation is not readable JSON (" + r.failMsg + ") and names no blockType; fix the JSON syntax"
		}
		if a.BlockType != "" || a.Type != "" {
			msg += "; fix the JSON syntax"
		}
		a.Repaired = true
		diags = append(diags, model.Diagnostic{Pos: offsetPos(text, off, base), Severity: model.Error, Code: CodeAnnotationJSON, Message: msg})
		return a, diags
	}
	for _, n := range r.notes {
		diags = append(diags, model.Diagnostic{
			Pos:      offsetPos(text, n.off, base),
			Severity: model.Warning,
			Code:     CodeAnnotationJSON,
			Message:  "annotation JSON has " + n.msg + "; docgen repaired it, fix the annotation so it is strict JSON",
		})
	}
	a.Repaired = len(r.notes) > 0
	diags = fillAnnotation(a, &v, text, base, diags)
	return a, diags
}

var (
	blockTypeRE = regexp.MustCompile(`"blockType"\s*:\s*"(\w+)"`)
	pageTypeRE  = regexp.MustCompile(`"type"\s*:\s*"(#page\.\w+)"`)
)

func regexString(re *regexp.Regexp, s string) string {
	if m := re.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// fillAnnotation copies the known keys of object v into a.
func fillAnnotation(a *model.Annotation, v *lval, text string, base model.Pos, diags []model.Diagnostic) []model.Diagnostic {
	bad := func(m *lmember, want string) {
		diags = append(diags, model.Diagnostic{
			Pos:      offsetPos(text, m.val.off, base),
			Severity: model.Warning,
			Code:     CodeAnnotationValue,
			Message:  "annotation key \"" + m.key + "\" should be " + want + "; docgen ignored the value",
		})
	}
	str := func(m *lmember, dst *string) {
		if s, ok := m.val.str(); ok {
			*dst = s
		} else {
			bad(m, "a string")
		}
	}
	boolean := func(m *lmember, dst *bool) {
		switch {
		case m.val.kind == 'b':
			*dst = m.val.s == "true"
		case m.val.kind == 's' && (m.val.s == "true" || m.val.s == "false"):
			*dst = m.val.s == "true"
		default:
			bad(m, "true or false")
		}
	}
	strs := func(m *lmember, dst *[]string) {
		if m.val.kind != 'a' {
			bad(m, "an array of strings")
			return
		}
		out := make([]string, 0, len(m.val.arr))
		for k := range m.val.arr {
			if s, ok := m.val.arr[k].str(); ok {
				out = append(out, s)
			}
		}
		*dst = out
	}
	haveODataType := false
	a.Keys = make([]string, 0, len(v.obj))
	for i := range v.obj {
		m := &v.obj[i]
		a.Keys = append(a.Keys, m.key)
		switch m.key {
		case "blockType":
			str(m, &a.BlockType)
		case "type":
			str(m, &a.Type)
		case "name":
			switch m.val.kind {
			case 's', 'w':
				a.Name = []string{m.val.s}
			case 'a':
				strs(m, &a.Name)
			default:
				bad(m, "a string or an array of strings")
			}
		case "@odata.type":
			str(m, &a.ODataType)
			haveODataType = true
		case "@type":
			if !haveODataType {
				str(m, &a.ODataType)
			}
		case "baseType":
			if m.val.kind == 'z' {
				a.BaseTypeNull = true
			} else {
				str(m, &a.BaseType)
			}
		case "truncated":
			boolean(m, &a.Truncated)
		case "isCollection":
			boolean(m, &a.IsCollection)
		case "isEmpty":
			boolean(m, &a.IsEmpty)
		case "expectError":
			boolean(m, &a.ExpectError)
		case "abstract", "isAbstract":
			boolean(m, &a.Abstract)
		case "openType":
			boolean(m, &a.OpenType)
		case "keyProperty":
			str(m, &a.KeyProperty)
		case "optionalProperties":
			strs(m, &a.OptionalProperties)
		case "suppressions":
			strs(m, &a.Suppressions)
		}
	}
	return diags
}

// lval is a value read by lenientReader. kind is 'o' object, 'a' array,
// 's' string, 'n' number, 'b' boolean, 'z' null, 'w' bare word.
type lval struct {
	kind byte
	off  int
	s    string
	obj  []lmember
	arr  []lval
}

type lmember struct {
	key string
	val lval
}

// str returns the value as a string: strings and bare words.
func (v *lval) str() (string, bool) {
	if v.kind == 's' || v.kind == 'w' {
		return v.s, true
	}
	return "", false
}

type lnote struct {
	off, line int
	msg       string
}

// lenientReader reads annotation JSON, repairing the defects found in the
// corpus and recording a note for each repair.
type lenientReader struct {
	src     string
	pos     int
	notes   []lnote
	failAt  int
	failMsg string
	lines   jsonpos.LineIndex
	// pendingComma is set when a repaired string swallowed the comma
	// that separates it from the next member.
	pendingComma bool
	// mem is a stack of the members of the objects being read; the
	// outermost object's members stay on it, those of inner objects are
	// copied off.
	mem []lmember
}

// lmemberPool holds the member stacks (lenientReader.mem) of finished
// readers.
var lmemberPool sync.Pool

const maxAnnotationDepth = 64

func (r *lenientReader) note(off int, msg string) {
	// One note per defect kind and line is enough.
	line := r.lines.Line(r.src, off)
	for _, n := range r.notes {
		if n.msg == msg && n.line == line {
			return
		}
	}
	if len(r.notes) >= maxAnnotationNotes {
		return
	}
	r.notes = append(r.notes, lnote{off, line, msg})
}

// maxAnnotationNotes caps the repairs reported for one annotation.
const maxAnnotationNotes = 20

func (r *lenientReader) fail(off int, msg string) bool {
	r.failAt, r.failMsg = off, msg
	return false
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func (r *lenientReader) skipSpace() {
	for r.pos < len(r.src) {
		c := r.src[r.pos]
		switch {
		case isSpace(c):
			r.pos++
		case c == 0xC2 && r.pos+1 < len(r.src) && r.src[r.pos+1] == 0xA0:
			r.note(r.pos, "a no-break space used as whitespace")
			r.pos += 2
		default:
			return
		}
	}
}

func isWordByte(c byte) bool {
	return c == '_' || c == '@' || c == '.' || c == '$' || c == '-' || c == '#' ||
		('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

func (r *lenientReader) value(depth int) (lval, bool) {
	r.skipSpace()
	if r.pos >= len(r.src) {
		return lval{}, r.fail(r.pos, "unexpected end of the annotation")
	}
	if depth > maxAnnotationDepth {
		return lval{}, r.fail(r.pos, "nesting too deep")
	}
	start := r.pos
	switch c := r.src[r.pos]; {
	case c == '{':
		return r.object(depth)
	case c == '[':
		return r.array(depth)
	case c == '"':
		s, ok := r.stringLit(true)
		if !ok {
			return lval{}, false
		}
		return lval{kind: 's', off: start, s: s}, true
	case c == '-' || ('0' <= c && c <= '9'):
		end := r.pos + 1
		for end < len(r.src) && strings.IndexByte("0123456789.eE+-", r.src[end]) >= 0 {
			end++
		}
		r.pos = end
		return lval{kind: 'n', off: start, s: r.src[start:end]}, true
	case isWordByte(c):
		w := r.word()
		switch w {
		case "true", "false":
			return lval{kind: 'b', off: start, s: w}, true
		case "null":
			return lval{kind: 'z', off: start}, true
		}
		// A string that lost its opening quote: read to the closing
		// quote, or to the end of the line.
		end := r.pos
		for end < len(r.src) && r.src[end] != '"' && r.src[end] != '\n' && r.src[end] != ',' && r.src[end] != '}' {
			end++
		}
		s := strings.TrimRight(r.src[start:end], " \t\r")
		r.pos = end
		if end < len(r.src) && r.src[end] == '"' {
			r.pos++
		}
		r.note(start, "a string value without its opening quote")
		return lval{kind: 's', off: start, s: s}, true
	case c == '\'':
		return lval{}, r.fail(start, "single-quoted string")
	default:
		return lval{}, r.fail(start, "unexpected character "+strconv.QuoteRune(rune(c)))
	}
}

func (r *lenientReader) word() string {
	start := r.pos
	for r.pos < len(r.src) && isWordByte(r.src[r.pos]) {
		r.pos++
	}
	return r.src[start:r.pos]
}

// stringLit reads a double-quoted string at r.pos. Raw control characters
// are accepted; a raw newline followed by a line that starts a new member
// ends a string that lost its closing quote.
func (r *lenientReader) stringLit(isValue bool) (string, bool) {
	start := r.pos
	r.pos++ // opening quote
	var b strings.Builder
	plain := true
	seg := r.pos
	for r.pos < len(r.src) {
		c := r.src[r.pos]
		switch {
		case c == '"':
			s := r.src[seg:r.pos]
			r.pos++
			if plain {
				return s, true
			}
			b.WriteString(s)
			return b.String(), true
		case c == '\\':
			if plain {
				b.WriteString(r.src[start+1 : r.pos])
				plain = false
			} else {
				b.WriteString(r.src[seg:r.pos])
			}
			if r.pos+1 >= len(r.src) {
				return "", r.fail(r.pos, "unterminated string")
			}
			r.pos++
			switch e := r.src[r.pos]; e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'u':
				if r.pos+4 < len(r.src) {
					if n, err := strconv.ParseUint(r.src[r.pos+1:r.pos+5], 16, 32); err == nil {
						b.WriteRune(rune(n))
						r.pos += 4
						break
					}
				}
				r.note(r.pos-1, `an invalid \u escape`)
				b.WriteString(`\u`)
			default:
				b.WriteByte(e)
			}
			r.pos++
			seg = r.pos
		case c == '\n' && isValue && r.startsMember(r.pos+1):
			// Missing closing quote: end the string at the line end.
			end := r.pos
			s := strings.TrimRight(r.src[seg:end], " \t\r")
			hadComma := strings.HasSuffix(s, ",")
			s = strings.TrimSuffix(s, ",")
			r.note(start, "a string without its closing quote")
			if !plain {
				b.WriteString(s)
				s = b.String()
			}
			r.pos = end
			// Without the comma the object reader reports a missing one.
			r.pendingComma = hadComma
			return s, true
		case c < 0x20:
			r.note(r.pos, "a raw control character inside a string")
			r.pos++
		default:
			r.pos++
		}
	}
	return "", r.fail(start, "unterminated string")
}

// startsMember reports whether the line at off begins with `"key":`.
func (r *lenientReader) startsMember(off int) bool {
	for off < len(r.src) && (r.src[off] == ' ' || r.src[off] == '\t') {
		off++
	}
	if off >= len(r.src) || r.src[off] != '"' {
		return false
	}
	end := strings.IndexByte(r.src[off+1:], '"')
	if end < 0 {
		return false
	}
	rest := r.src[off+1+end+1:]
	rest = strings.TrimLeft(rest, " \t")
	return strings.HasPrefix(rest, ":")
}

func (r *lenientReader) object(depth int) (lval, bool) {
	mark := len(r.mem)
	v, ok := r.members(depth)
	if ok {
		if depth == 0 {
			v.obj = r.mem[mark:len(r.mem):len(r.mem)]
		} else {
			v.obj = append([]lmember(nil), r.mem[mark:]...)
			r.mem = r.mem[:mark]
		}
	}
	return v, ok
}

// members reads an object's members onto r.mem.
func (r *lenientReader) members(depth int) (lval, bool) {
	v := lval{kind: 'o', off: r.pos}
	r.pos++ // {
	needComma := false
	for {
		r.skipSpace()
		if r.pos >= len(r.src) {
			r.note(r.pos, "no closing brace")
			return v, true
		}
		c := r.src[r.pos]
		if r.pendingComma {
			r.pendingComma = false
			needComma = false
		}
		switch {
		case c == '}':
			r.pos++
			return v, true
		case c == ',':
			if !needComma {
				return lval{}, r.fail(r.pos, "unexpected comma")
			}
			comma := r.pos
			r.pos++
			r.skipSpace()
			if r.pos < len(r.src) && r.src[r.pos] == '}' {
				r.note(comma, "a trailing comma before }")
			}
			needComma = false
			continue
		}
		if needComma {
			r.note(r.pos, "a missing comma between members")
		}
		keyOff := r.pos
		var key string
		switch {
		case c == '"':
			k, ok := r.stringLit(false)
			if !ok {
				return lval{}, false
			}
			key = k
		case isWordByte(c):
			key = r.word()
			r.note(keyOff, "an unquoted key")
		default:
			return lval{}, r.fail(r.pos, "expected a key, found "+strconv.QuoteRune(rune(c)))
		}
		r.skipSpace()
		if r.pos >= len(r.src) || r.src[r.pos] != ':' {
			return lval{}, r.fail(r.pos, "expected ':' after key \""+key+"\"")
		}
		r.pos++
		val, ok := r.value(depth + 1)
		if !ok {
			return lval{}, false
		}
		r.mem = append(r.mem, lmember{key: key, val: val})
		needComma = true
	}
}

func (r *lenientReader) array(depth int) (lval, bool) {
	v := lval{kind: 'a', off: r.pos}
	r.pos++ // [
	needComma := false
	for {
		r.skipSpace()
		if r.pos >= len(r.src) {
			return lval{}, r.fail(v.off, "unclosed array")
		}
		if r.pendingComma {
			r.pendingComma = false
			needComma = false
		}
		switch c := r.src[r.pos]; c {
		case ']':
			r.pos++
			return v, true
		case ',':
			if !needComma {
				return lval{}, r.fail(r.pos, "unexpected comma")
			}
			comma := r.pos
			r.pos++
			r.skipSpace()
			if r.pos < len(r.src) && r.src[r.pos] == ']' {
				r.note(comma, "a trailing comma before ]")
			}
			needComma = false
			continue
		}
		if needComma {
			r.note(r.pos, "a missing comma between array elements")
		}
		e, ok := r.value(depth + 1)
		if !ok {
			return lval{}, false
		}
		v.arr = append(v.arr, e)
		needComma = true
	}
}
