package lint

import (
	"encoding/json"

	"github.com/docgen-dev/docgen/internal/jsonpos"
)

// Lint reads example bodies with jsonpos.ParseTree; node is its tree with
// lint's field names, kept so that the example checks read as before.

// jsonKind is the JSON type of a value.
type jsonKind = jsonpos.Kind

const (
	jNull   = jsonpos.Null
	jBool   = jsonpos.Bool
	jNumber = jsonpos.Number
	jString = jsonpos.String
	jArray  = jsonpos.Array
	jObject = jsonpos.Object
)

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
const maxDepth = jsonpos.MaxTreeDepth

var errDepth = jsonpos.ErrDepth

// parseTree decodes body (strict JSON) into a node tree.
func parseTree(body string) (*node, error) {
	n, err := jsonpos.ParseTree(body)
	if err != nil {
		return nil, err
	}
	return fromTree(n), nil
}

func fromTree(n *jsonpos.Node) *node {
	out := &node{kind: n.Kind, off: n.Off, str: n.Str, num: n.Num, boolean: n.Bool}
	if n.Members != nil {
		out.members = make([]member, len(n.Members))
		for i, m := range n.Members {
			out.members[i] = member{key: m.Key, off: m.Off, val: fromTree(m.Val)}
		}
	}
	if n.Elems != nil {
		out.elems = make([]*node, len(n.Elems))
		for i, e := range n.Elems {
			out.elems[i] = fromTree(e)
		}
	}
	return out
}

// pointerToken escapes a key as an RFC 6901 JSON Pointer token.
func pointerToken(key string) string { return jsonpos.EscapeToken(key) }
