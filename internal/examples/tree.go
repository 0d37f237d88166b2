package examples

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// The positioned JSON tree the analysis walks. It is lint/jsontree.go's
// approach moved here (strict JSON through encoding/json's tokenizer, the
// byte offset of every value and member name kept); internal/jsonpos will
// replace it, behind the same small type: Node, Parse, ParseOne.

// Kind is the JSON type of a value.
type Kind int

// The JSON kinds.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"null", "a boolean", "a number", "a string", "an array", "an object"}

// String names the kind for messages ("a string", "an object").
func (k Kind) String() string { return kindNames[k] }

// Node is a JSON value that keeps member order and the byte offset of every
// value and member name in the body, so that facts point at the page line.
type Node struct {
	Kind    Kind
	Off     int // offset of the value's first byte
	Str     string
	Num     json.Number
	Bool    bool
	Members []Member // objects, in document order (duplicates kept)
	Elems   []*Node  // arrays
}

// Member is one member of an object.
type Member struct {
	Key string
	Off int // offset of the key's opening quote
	Val *Node
}

// Get returns the value of the first member named key, or nil.
func (n *Node) Get(key string) *Node {
	for _, m := range n.Members {
		if m.Key == key {
			return m.Val
		}
	}
	return nil
}

// Last returns the value of the last member named key, or nil: what a
// decoder into a map (and so the generated code) keeps.
func (n *Node) Last(key string) *Node {
	for i := len(n.Members) - 1; i >= 0; i-- {
		if n.Members[i].Key == key {
			return n.Members[i].Val
		}
	}
	return nil
}

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 512

var errDepth = errors.New("JSON nested too deeply")

// errMore is ParseOne's error for a body with a second value.
var errMore = errors.New("more than one JSON value")

// Parse decodes the first JSON value of body (strict JSON) into a tree;
// what follows it is not read.
func Parse(body string) (*Node, error) {
	p := &treeParser{dec: json.NewDecoder(strings.NewReader(body)), body: body}
	p.dec.UseNumber()
	return p.value(0)
}

// ParseOne is Parse for a body that must hold one value: a second value
// after it is an error (trailing text that is no JSON token is not).
func ParseOne(body string) (*Node, error) {
	p := &treeParser{dec: json.NewDecoder(strings.NewReader(body)), body: body}
	p.dec.UseNumber()
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); err == nil {
		return nil, errMore
	}
	return n, nil
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

func (p *treeParser) value(depth int) (*Node, error) {
	if depth > maxDepth {
		return nil, errDepth
	}
	off := p.next()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	n := &Node{Off: off}
	switch t := tok.(type) {
	case nil:
		n.Kind = Null
	case bool:
		n.Kind, n.Bool = Bool, t
	case json.Number:
		n.Kind, n.Num = Number, t
	case string:
		n.Kind, n.Str = String, t
	case json.Delim:
		switch t {
		case '{':
			n.Kind = Object
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
				n.Members = append(n.Members, Member{Key: key, Off: koff, Val: v})
			}
		case '[':
			n.Kind = Array
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Elems = append(n.Elems, v)
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

// PointerToken escapes a member name as an RFC 6901 JSON Pointer token.
func PointerToken(key string) string {
	if !strings.ContainsAny(key, "~/") {
		return key
	}
	return strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}

// Place is where the value at a pointer starts: the offset of its member
// name (of the value itself for array elements and the root).
type Place struct {
	Pointer string
	Off     int
}

// Places lists the place of every value under root in document order; a
// pointer met twice (a duplicate member name) keeps its first place.
func Places(root *Node) []Place {
	var out []Place
	seen := map[string]bool{}
	add := func(ptr string, off int) {
		if !seen[ptr] {
			seen[ptr] = true
			out = append(out, Place{ptr, off})
		}
	}
	var walk func(n *Node, ptr string)
	walk = func(n *Node, ptr string) {
		switch n.Kind {
		case Object:
			for _, m := range n.Members {
				mp := ptr + "/" + PointerToken(m.Key)
				add(mp, m.Off)
				walk(m.Val, mp)
			}
		case Array:
			for i, e := range n.Elems {
				ep := ptr + "/" + strconv.Itoa(i)
				add(ep, e.Off)
				walk(e, ep)
			}
		}
	}
	add("", root.Off)
	walk(root, "")
	return out
}
