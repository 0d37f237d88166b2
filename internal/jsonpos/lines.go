package jsonpos

import "sort"

// LineIndex finds the 0-based line and column of a byte offset of one
// text; it indexes the text's newlines on first use. The zero value is
// ready to use; pass the same text to every call.
type LineIndex struct {
	built bool
	nl    []int // offsets of the newlines
}

func (x *LineIndex) build(text string) {
	if x.built {
		return
	}
	x.built = true
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			x.nl = append(x.nl, i)
		}
	}
}

// Line returns the 0-based line of offset off of text: the number of
// newlines before it.
func (x *LineIndex) Line(text string, off int) int {
	x.build(text)
	return sort.SearchInts(x.nl, off)
}

// LineCol returns the 0-based line of offset off of text and its 0-based
// byte column on that line.
func (x *LineIndex) LineCol(text string, off int) (line, col int) {
	line = x.Line(text, off)
	start := 0
	if line > 0 {
		start = x.nl[line-1] + 1
	}
	return line, off - start
}
