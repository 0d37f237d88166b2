package serve

import (
	"encoding/json"
	"strconv"
	"strings"
)

// jkind is the JSON type of a jvalue.
type jkind uint8

const (
	jNull jkind = iota
	jBool
	jNumber
	jString
	jArray
	jObject
)

// jvalue is a parsed JSON value that keeps member order and its raw text.
type jvalue struct {
	kind  jkind
	raw   []byte // the value's text
	str   string // a string's value
	keys  []string
	vals  []*jvalue
	elems []*jvalue
}

// get returns the last member named key (what a decoder into a struct
// keeps), or nil.
func (v *jvalue) get(key string) *jvalue {
	for i := len(v.keys) - 1; i >= 0; i-- {
		if v.keys[i] == key {
			return v.vals[i]
		}
	}
	return nil
}

// parseJSON parses data, which json.Valid accepted, into a jvalue tree.
func parseJSON(data []byte) *jvalue {
	p := &jparser{b: data}
	p.ws()
	return p.value()
}

type jparser struct {
	b []byte
	i int
}

func (p *jparser) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
		default:
			return
		}
	}
}

func (p *jparser) value() *jvalue {
	start := p.i
	v := &jvalue{}
	if p.i >= len(p.b) {
		return v
	}
	switch c := p.b[p.i]; {
	case c == '{':
		v.kind = jObject
		p.i++
		p.ws()
		for p.i < len(p.b) && p.b[p.i] != '}' {
			k := p.str()
			p.ws()
			p.i++ // ':'
			p.ws()
			v.keys = append(v.keys, k)
			v.vals = append(v.vals, p.value())
			p.ws()
			if p.i < len(p.b) && p.b[p.i] == ',' {
				p.i++
				p.ws()
			}
		}
		p.i++
	case c == '[':
		v.kind = jArray
		p.i++
		p.ws()
		for p.i < len(p.b) && p.b[p.i] != ']' {
			v.elems = append(v.elems, p.value())
			p.ws()
			if p.i < len(p.b) && p.b[p.i] == ',' {
				p.i++
				p.ws()
			}
		}
		p.i++
	case c == '"':
		v.kind = jString
		v.str = p.str()
	case c == 't':
		v.kind = jBool
		p.i += 4
	case c == 'f':
		v.kind = jBool
		p.i += 5
	case c == 'n':
		v.kind = jNull
		p.i += 4
	default:
		v.kind = jNumber
		for p.i < len(p.b) && strings.IndexByte("+-0123456789.eE", p.b[p.i]) >= 0 {
			p.i++
		}
	}
	v.raw = p.b[start:min(p.i, len(p.b))]
	return v
}

// str reads a string token.
func (p *jparser) str() string {
	start := p.i
	p.i++
	escaped := false
	for p.i < len(p.b) {
		c := p.b[p.i]
		if c == '\\' {
			escaped = true
			p.i += 2
			continue
		}
		p.i++
		if c == '"' {
			break
		}
	}
	tok := p.b[start:min(p.i, len(p.b))]
	if !escaped && len(tok) >= 2 {
		return string(tok[1 : len(tok)-1])
	}
	var s string
	_ = json.Unmarshal(tok, &s)
	return s
}

// kindWord is encoding/json's name of a JSON type in UnmarshalTypeError.
func (k jkind) word() string {
	switch k {
	case jBool:
		return "bool"
	case jNumber:
		return "number"
	case jString:
		return "string"
	case jArray:
		return "array"
	case jObject:
		return "object"
	}
	return "null"
}

// appendQuoted appends s as a JSON string, as encoding/json writes it.
func appendQuoted(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= 0x80 {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// isInt reports whether a number's text is an integer in bits.
func isInt(raw []byte, bits int) bool {
	_, err := strconv.ParseInt(string(raw), 10, bits)
	return err == nil
}

func isUint(raw []byte, bits int) bool {
	_, err := strconv.ParseUint(string(raw), 10, bits)
	return err == nil
}
