package parser

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// CheckJSON classifies an example body. Strict JSON is ValidJSON and the
// returned bytes are the body itself. Otherwise CheckJSON repairs what
// authors commonly get wrong (trailing commas, // and /* */ comments,
// no-break spaces used as whitespace, raw control characters inside
// strings); if that yields JSON the state is RepairedJSON, the bytes are the
// repaired text (for schema use only) and each repair is reported as a
// json-repaired warning at its line. Otherwise the state is InvalidJSON and
// one json-invalid warning names the first defect at its line. An empty
// body is NoJSON.
//
// Body line i is page line bodyPos.Line+i; columns on every line count from
// bodyPos.Col.
func CheckJSON(body string, bodyPos model.Pos) (model.JSONState, []byte, []model.Diagnostic) {
	if isBlankText(body) {
		return model.NoJSON, nil, nil
	}
	b := []byte(body)
	if json.Valid(b) {
		return model.ValidJSON, b, nil
	}
	rep := repairJSON(body)
	if rep.changed && json.Valid(rep.out) {
		diags := make([]model.Diagnostic, 0, len(rep.fixes))
		for _, f := range rep.fixes {
			diags = append(diags, model.Diagnostic{
				Pos:      blockPos(body, f.off, bodyPos),
				Severity: model.Warning,
				Code:     "json-repaired",
				Message:  "example JSON has " + f.msg + "; docgen read it leniently, " + f.fix,
			})
		}
		return model.RepairedJSON, rep.out, diags
	}
	off, msg := invalidCause(body, rep)
	return model.InvalidJSON, nil, []model.Diagnostic{{
		Pos:      blockPos(body, off, bodyPos),
		Severity: model.Warning,
		Code:     "json-invalid",
		Message:  "example body is not JSON: " + msg,
	}}
}

func isBlankText(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			return false
		}
	}
	return true
}

// blockPos maps byte offset off of a block's text to a page position: text
// line i is page line start.Line+i, and on every line columns count from
// start.Col (the block's indentation).
func blockPos(text string, off int, start model.Pos) model.Pos {
	if off > len(text) {
		off = len(text)
	}
	if off < 0 {
		off = 0
	}
	p := start
	ls := strings.LastIndexByte(text[:off], '\n') + 1
	p.Line += strings.Count(text[:ls], "\n")
	if p.Col > 0 {
		p.Col += off - ls
	} else if p.Line > 0 {
		p.Col = off - ls + 1
	}
	return p
}

// maxJSONFixes caps the repairs reported for one body.
const maxJSONFixes = 20

type jsonFix struct {
	off      int
	msg, fix string
}

// repairResult is the lenient rewrite of a body. Repairs blank defects out
// with spaces, so offsets stay aligned except where a raw control character
// became an escape; edits maps output offsets back to input offsets there:
// from output offset edits[k].out on, the input offset is edits[k].in plus
// the distance, until the next edit.
type repairResult struct {
	out     []byte
	changed bool
	fixes   []jsonFix
	edits   []offsetEdit
}

type offsetEdit struct{ out, in int }

// inOffset maps an offset in rep.out back to the body.
func (rep *repairResult) inOffset(out int) int {
	k := sort.Search(len(rep.edits), func(k int) bool { return rep.edits[k].out > out }) - 1
	if k < 0 {
		return out
	}
	return rep.edits[k].in + (out - rep.edits[k].out)
}

// repairJSON rewrites body, blanking out comments, trailing commas, NBSP,
// U+2000–U+200B, U+202F and byte-order marks outside strings, and escaping
// raw control characters inside strings.
func repairJSON(body string) repairResult {
	var rep repairResult
	out := make([]byte, 0, len(body))
	fixes := rep.fixes
	var lines lineIndex
	type seenKey struct {
		msg  string
		line int
	}
	var seen map[seenKey]bool
	add := func(off int, msg, fix string) {
		k := seenKey{msg, lines.line(body, off)}
		if seen[k] || len(fixes) >= maxJSONFixes {
			return
		}
		if seen == nil {
			seen = make(map[seenKey]bool)
		}
		seen[k] = true
		fixes = append(fixes, jsonFix{off, msg, fix})
	}
	mark := func(in int) {
		rep.edits = append(rep.edits, offsetEdit{len(out), in})
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
		case isSpace(c):
			out = append(out, c)
			i++
		default:
			lastComma = -1
			out = append(out, c)
			i++
		}
	}
	rep.out = out
	rep.fixes = fixes
	rep.changed = len(fixes) > 0
	sort.SliceStable(rep.fixes, func(a, b int) bool { return rep.fixes[a].off < rep.fixes[b].off })
	return rep
}

// invalidCause finds the first defect that keeps body from being JSON even
// after repairs, as a body offset and a message saying what to change.
func invalidCause(body string, rep repairResult) (int, string) {
	t := strings.TrimLeft(body, " \t\r\n")
	lead := len(body) - len(t)
	switch {
	case strings.HasPrefix(t, "<") || isBracedWords(t):
		return lead, "it holds a placeholder such as " + strconv.Quote(clip(firstLine(t), 40)) + " standing for a binary or non-JSON body; declare its Content-Type or annotate the block"
	case strings.HasPrefix(t, `"`) && looksLikeMember(t):
		return lead, "it is a fragment (a member without the enclosing braces); wrap it in { }"
	case !strings.HasPrefix(t, "{") && !strings.HasPrefix(t, "[") && !startsScalar(t):
		return lead, "it starts with " + strconv.Quote(clip(firstLine(t), 40)) + " instead of { or [; declare a non-JSON Content-Type or fix the body"
	}
	data := rep.out
	if data == nil {
		data = []byte(body)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var v any
	err := dec.Decode(&v)
	if err == nil {
		// The first value is fine; something follows it.
		off := rep.inOffset(int(dec.InputOffset()))
		for off < len(body) && isSpace(body[off]) {
			off++
		}
		return off, "text follows the JSON value (a second value, or stray text); remove it or split the example"
	}
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return len(body), "the body ends before the JSON value is complete (unbalanced brackets or an unterminated string); complete or close it"
	}
	outOff := int(se.Offset) - 1
	if outOff < 0 {
		outOff = 0
	}
	if outOff >= len(data) {
		outOff = len(data) - 1
	}
	off := rep.inOffset(outOff)
	if off >= len(body) {
		off = len(body) - 1
	}
	if off < 0 {
		off = 0
	}
	c := data[outOff]
	msg := se.Error()
	switch {
	case c == '.' && bytes.HasPrefix(data[outOff:], []byte("...")) || strings.HasPrefix(body[off:], "…"):
		return off, "an ellipsis (...) stands for omitted elements; remove it or set \"truncated\": true in the annotation"
	case c == '\'':
		return off, "a single-quoted string; use double quotes"
	case (strings.Contains(msg, "after object key:value pair") || strings.Contains(msg, "after array element")) &&
		(c == '"' || c == '{' || c == '['):
		return off, "a missing comma before this value; add it"
	case strings.Contains(msg, "after object key:value pair") || strings.Contains(msg, "after array element") ||
		strings.Contains(msg, "in numeric literal") || strings.Contains(msg, "in literal"):
		return off, "a malformed value (an unquoted string or date?); write strings in double quotes"
	case strings.Contains(msg, "looking for beginning of object key string") && (isWordByte(c)):
		return off, "an unquoted key; put it in double quotes"
	case strings.Contains(msg, "unexpected end"):
		return len(body), "the body ends before the JSON value is complete (unbalanced brackets or an unterminated string); complete or close it"
	}
	return off, strings.TrimPrefix(msg, "invalid character ") + "; fix the JSON syntax"
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimRight(s[:i], "\r")
	}
	return s
}

// looksLikeMember reports whether t starts with `"key":`.
func looksLikeMember(t string) bool {
	end := strings.IndexByte(t[1:], '"')
	if end < 0 {
		return false
	}
	return strings.HasPrefix(strings.TrimLeft(t[end+2:], " \t"), ":")
}

func startsScalar(t string) bool {
	if t == "" {
		return false
	}
	c := t[0]
	return c == '"' || c == '-' || ('0' <= c && c <= '9') ||
		strings.HasPrefix(t, "true") || strings.HasPrefix(t, "false") || strings.HasPrefix(t, "null")
}

func appendSpaces(b []byte, n int) []byte {
	for ; n > 0; n-- {
		b = append(b, ' ')
	}
	return b
}

// lineIndex finds the 0-based line of a byte offset; it indexes the text's
// newlines on first use.
type lineIndex struct {
	built bool
	nl    []int
}

func (x *lineIndex) line(text string, off int) int {
	if !x.built {
		x.built = true
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' {
				x.nl = append(x.nl, i)
			}
		}
	}
	return sort.SearchInts(x.nl, off)
}

// isBracedWords reports whether t is one line of words in braces,
// "{Raw bytes of the file}": a placeholder, not JSON.
func isBracedWords(t string) bool {
	t = strings.TrimRight(t, " \t\r\n")
	if len(t) < 3 || t[0] != '{' || t[len(t)-1] != '}' {
		return false
	}
	inner := t[1 : len(t)-1]
	return strings.TrimSpace(inner) != "" && !strings.ContainsAny(inner, "\"{}:\n[],")
}
