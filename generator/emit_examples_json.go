package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// Generation-time JSON helpers of the example tests. They mirror the
// harness the tests run (templates/runtime/examples_test.go): the same
// offset-preserving repair, the same JSON Pointers, so a pointer computed
// here names the same value at test time.

// repairJSON blanks out what keeps a leniently written body from being
// JSON: // and /* */ comments, commas before a closing bracket, and
// no-break spaces (U+00A0, U+202F) used as whitespace. Every removed byte
// becomes a space (newlines stay), so offsets and lines are unchanged. It
// is the harness's exampleRepair.
func repairJSON(s string) string {
	b := []byte(s)
	inStr := false
	lastComma := -1 // offset of a comma not yet followed by a value
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inStr {
			switch c {
			case '\\':
				i++
			case '"':
				inStr = false
			}
			continue
		}
		switch {
		case c == '"':
			inStr = true
			lastComma = -1
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' {
				b[i] = ' '
				i++
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := bytes.Index(b[i+2:], []byte("*/"))
			stop := len(b)
			if end >= 0 {
				stop = i + 2 + end + 2
			}
			for ; i < stop; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
			i--
		case c == 0xC2 && i+1 < len(b) && b[i+1] == 0xA0:
			b[i], b[i+1] = ' ', ' '
			i++
		case c == 0xE2 && i+2 < len(b) && b[i+1] == 0x80 && b[i+2] == 0xAF:
			b[i], b[i+1], b[i+2] = ' ', ' ', ' '
			i += 2
		case c == ',':
			lastComma = i
		case c == '}' || c == ']':
			if lastComma >= 0 {
				b[lastComma] = ' '
			}
			lastComma = -1
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		default:
			lastComma = -1
		}
	}
	return string(b)
}

// parseJSON decodes one JSON value into a generic tree with numbers kept as
// json.Number; trailing data is an error.
func parseJSON(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, errors.New("more than one JSON value")
	}
	return v, nil
}

// escapePointerSeg escapes a member name as a JSON Pointer segment.
func escapePointerSeg(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// jsonPlace is where a value starts in a body: the offset of its member
// name (or of the value itself for array elements and the root), as a
// 0-based line and byte column within the body.
type jsonPlace struct {
	pointer   string
	line, col int
}

// jsonPlaces lists the place of every value of a JSON text in document
// order. It stops at the first syntax error. It is the harness's
// exampleOffsets with lines and columns.
func jsonPlaces(text string) []jsonPlace {
	type frame struct {
		obj     bool
		wantKey bool
		key     string
		index   int
		ptr     string
	}
	end := func(f *frame) {
		if f.obj {
			f.wantKey = true
		} else {
			f.index++
		}
	}
	b := []byte(text)
	// lineStarts[i] is the offset of line i.
	lineStarts := []int{0}
	for i, c := range b {
		if c == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	place := func(ptr string, off int) jsonPlace {
		lo, hi := 0, len(lineStarts)
		for hi-lo > 1 {
			m := (lo + hi) / 2
			if lineStarts[m] <= off {
				lo = m
			} else {
				hi = m
			}
		}
		return jsonPlace{pointer: ptr, line: lo, col: off - lineStarts[lo]}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var stack []*frame
	var out []jsonPlace
	for {
		off := int(dec.InputOffset())
		for off < len(b) && strings.IndexByte(" \t\r\n,:", b[off]) >= 0 {
			off++
		}
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				end(stack[len(stack)-1])
			}
			continue
		}
		if top != nil && top.obj && top.wantKey {
			key, _ := tok.(string)
			top.key, top.wantKey = key, false
			out = append(out, place(top.ptr+"/"+escapePointerSeg(key), off))
			continue
		}
		ptr := ""
		switch {
		case top == nil:
			out = append(out, place("", off))
		case top.obj:
			ptr = top.ptr + "/" + escapePointerSeg(top.key)
		default:
			ptr = top.ptr + "/" + strconv.Itoa(top.index)
			out = append(out, place(ptr, off))
		}
		if d, ok := tok.(json.Delim); ok {
			stack = append(stack, &frame{obj: d == '{', wantKey: d == '{', ptr: ptr})
			continue
		}
		if top != nil {
			end(top)
		}
	}
}
