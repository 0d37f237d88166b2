package examples

import "github.com/docgen-dev/docgen/internal/jsonpos"

// The analysis walks internal/jsonpos's positioned tree (strict JSON, the
// byte offset of every value and member name kept); these names keep the
// rules short.

// Node is a JSON value with its offsets (jsonpos.Node).
type Node = jsonpos.Node

// Kind is the JSON type of a value.
type Kind = jsonpos.Kind

// The JSON kinds.
const (
	Null   = jsonpos.Null
	Bool   = jsonpos.Bool
	Number = jsonpos.Number
	String = jsonpos.String
	Array  = jsonpos.Array
	Object = jsonpos.Object
)

// Parse decodes the first JSON value of body into a tree; what follows it
// is not read.
func Parse(body string) (*Node, error) { return jsonpos.ParseTree(body) }

// ParseOne is Parse for a body that must hold one value.
func ParseOne(body string) (*Node, error) { return jsonpos.ParseOneTree(body) }
