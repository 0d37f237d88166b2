package jsonpos

import (
	"encoding/json"
	"errors"
	"strings"
)

// Kind is the JSON type of a Node.
type Kind int

// The JSON types.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"null", "a boolean", "a number", "a string", "an array", "an object"}

// String names the kind with its article, for messages ("a string").
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "an unknown JSON value"
	}
	return kindNames[k]
}

// Node is a JSON value that keeps member order and the byte offset of
// every value and key in the text, so that findings point at the page line.
type Node struct {
	Kind Kind
	Off  int // offset of the value's first byte
	Str  string
	Num  json.Number
	Bool bool
	// Members are an object's members, in document order (repeated names
	// included).
	Members []TreeMember
	// Elems are an array's elements.
	Elems []*Node
}

// TreeMember is one member of an object Node.
type TreeMember struct {
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

// MaxTreeDepth bounds the nesting ParseTree accepts, so that hostile input
// cannot exhaust the stack.
const MaxTreeDepth = 512

// ErrDepth is ParseTree's error for a text nested deeper than MaxTreeDepth.
var ErrDepth = errors.New("JSON nested too deeply")

// ParseTree decodes the first JSON value of text (strict JSON) into a
// Node tree; what follows the value is not looked at.
func ParseTree(text string) (*Node, error) {
	p := &treeParser{dec: json.NewDecoder(strings.NewReader(text)), text: text}
	p.dec.UseNumber()
	return p.value(0)
}

// ErrMore is ParseOneTree's error for a text with a second value.
var ErrMore = errors.New("more than one JSON value")

// ParseOneTree is ParseTree for a text that must hold one value: a second
// value after it is an error (trailing text that is no JSON token is not).
func ParseOneTree(text string) (*Node, error) {
	p := &treeParser{dec: json.NewDecoder(strings.NewReader(text)), text: text}
	p.dec.UseNumber()
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); err == nil {
		return nil, ErrMore
	}
	return n, nil
}

// Last returns the value of the last member named key, or nil: what a
// decoder into a map (and so generated code) keeps.
func (n *Node) Last(key string) *Node {
	for i := len(n.Members) - 1; i >= 0; i-- {
		if n.Members[i].Key == key {
			return n.Members[i].Val
		}
	}
	return nil
}

type treeParser struct {
	dec  *json.Decoder
	text string
}

// next returns the offset of the next token: the decoder's offset after
// the previous token, past white space and the ',' or ':' separators the
// decoder consumes silently.
func (p *treeParser) next() int {
	off := int(p.dec.InputOffset())
	for off < len(p.text) {
		switch p.text[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (p *treeParser) value(depth int) (*Node, error) {
	if depth > MaxTreeDepth {
		return nil, ErrDepth
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
				n.Members = append(n.Members, TreeMember{Key: key, Off: koff, Val: v})
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
