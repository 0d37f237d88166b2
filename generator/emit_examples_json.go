package generator

import "github.com/docgen-dev/docgen/internal/jsonpos"

// jsonPlace is where a value starts in an example body: the offset of its
// member name (or of the value itself for array elements and the root), as
// a 0-based line and byte column of the body as written.
type jsonPlace struct {
	pointer   string
	line, col int
}

// jsonPlaces lists the place of every value of text in document order.
// text is body, or body repaired as rep says (rep is nil when it is not):
// places are found in text and mapped back to body, as the test harness
// maps them (exampleLineIndex).
func jsonPlaces(body, text string, rep *jsonpos.Repaired) []jsonPlace {
	var lines jsonpos.LineIndex
	var out []jsonPlace
	for _, p := range jsonpos.Places([]byte(text)) {
		off := p.Off
		if rep != nil {
			off = rep.InOffset(off)
		}
		line, col := lines.LineCol(body, off)
		out = append(out, jsonPlace{pointer: p.Pointer, line: line, col: col})
	}
	return out
}
