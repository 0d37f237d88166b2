package jsonpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// Place is where a value starts in a JSON text: the offset of its member
// name for object members, of the value itself for array elements and the
// root.
type Place struct {
	Pointer string
	Off     int
}

// placeFrame is an open object or array while scanning places.
type placeFrame struct {
	obj     bool
	wantKey bool
	key     string
	index   int
	ptr     string
}

// end advances the frame past one complete value.
func (f *placeFrame) end() {
	if f.obj {
		f.wantKey = true
	} else {
		f.index++
	}
}

// Places lists the place of every value of a JSON text in document order
// (a member repeated in one object is listed each time). It stops at the
// first syntax error, so a text that is not JSON yields the places before
// the error.
func Places(b []byte) []Place {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var stack []*placeFrame
	var out []Place
	for {
		off := int(dec.InputOffset())
		for off < len(b) && strings.IndexByte(" \t\r\n,:", b[off]) >= 0 {
			off++
		}
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		var top *placeFrame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			if len(stack) > 0 {
				stack[len(stack)-1].end()
			}
			continue
		}
		if top != nil && top.obj && top.wantKey {
			key, _ := tok.(string)
			top.key, top.wantKey = key, false
			out = append(out, Place{top.ptr + "/" + EscapeToken(key), off})
			continue
		}
		ptr := ""
		switch {
		case top == nil:
			out = append(out, Place{"", off})
		case top.obj:
			ptr = top.ptr + "/" + EscapeToken(top.key)
		default:
			ptr = top.ptr + "/" + strconv.Itoa(top.index)
			out = append(out, Place{ptr, off})
		}
		if d, ok := tok.(json.Delim); ok {
			stack = append(stack, &placeFrame{obj: d == '{', wantKey: d == '{', ptr: ptr})
			continue
		}
		if top != nil {
			top.end()
		}
	}
}

// Parse decodes one JSON value into a generic tree (map[string]any,
// []any, string, json.Number, bool, nil); trailing data is an error.
func Parse(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
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
