package lint

import (
	"encoding/json"
	"errors"
	"strings"
)

// jsonKind is the JSON type of a value.
type jsonKind int

const (
	jNull jsonKind = iota
	jBool
	jNumber
	jString
	jArray
	jObject
)

var jsonKindNames = [...]string{"null", "a boolean", "a number", "a string", "an array", "an object"}

func (k jsonKind) String() string { return jsonKindNames[k] }

// node is a JSON value that keeps member order and the byte offset of every
// value and key in the body, so that findings point at the page line.
type node struct {
	kind    jsonKind
	off     int // offset of the value's first byte
	str     string
	num     json.Number
	boolean bool
	members []member // objects, in document order
	elems   []*node  // arrays
}

type member struct {
	key string
	off int // offset of the key's opening quote
	val *node
}

// get returns the value of the first member named key.
func (n *node) get(key string) *node {
	for _, m := range n.members {
		if m.key == key {
			return m.val
		}
	}
	return nil
}

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 512

var errDepth = errors.New("JSON nested too deeply")

// parseTree decodes body (strict JSON) into a node tree.
func parseTree(body string) (*node, error) {
	p := &treeParser{dec: json.NewDecoder(strings.NewReader(body)), body: body}
	p.dec.UseNumber()
	return p.value(0)
}

type treeParser struct {
	dec  *json.Decoder
	body string
}

// next returns the offset of the next token: the decoder's offset after
// the previous token, past white space and the ',' or ':' separators the
// decoder consumes silently.
func (p *treeParser) next() int {
	off := int(p.dec.InputOffset())
	for off < len(p.body) {
		switch p.body[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (p *treeParser) value(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, errDepth
	}
	off := p.next()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	n := &node{off: off}
	switch t := tok.(type) {
	case nil:
		n.kind = jNull
	case bool:
		n.kind, n.boolean = jBool, t
	case json.Number:
		n.kind, n.num = jNumber, t
	case string:
		n.kind, n.str = jString, t
	case json.Delim:
		switch t {
		case '{':
			n.kind = jObject
			for p.dec.More() {
				koff := p.next()
				ktok, err := p.dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := ktok.(string)
				if !ok {
					return nil, errors.New("object key is not a string")
				}
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.members = append(n.members, member{key: key, off: koff, val: v})
			}
		case '[':
			n.kind = jArray
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.elems = append(n.elems, v)
			}
		default:
			return nil, errors.New("unexpected " + t.String())
		}
		if _, err := p.dec.Token(); err != nil { // closing delimiter
			return nil, err
		}
	}
	return n, nil
}

// pointerToken escapes a key as an RFC 6901 JSON Pointer token.
func pointerToken(key string) string {
	if !strings.ContainsAny(key, "~/") {
		return key
	}
	return strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}
