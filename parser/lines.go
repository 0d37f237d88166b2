package parser

import "github.com/docgen-dev/docgen/parser/model"

// Line is one source line of a fenced block or HTML block. Text has no line
// terminator; Pos is the position of its first byte (Col is 1-based).
type Line struct {
	Text string
	Pos  model.Pos
}
