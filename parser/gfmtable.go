// Parts of this file are adapted from github.com/yuin/goldmark v1.8.7
// (extension/table.go), Copyright (c) 2019 Yusuke Inuzuka, under the MIT
// License in LICENSE.goldmark.

package parser

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tableNode is a GFM table as tableTransformer reads it: the rows and
// the cells' source segments, without goldmark nodes per row and cell. It
// is a raw leaf block, so goldmark's inline pass skips it: a cell's inline
// content is parsed when the cell is read (most cells are plain text and
// need no inline parse at all; see collector.cellNodes).
type tableNode struct {
	ast.BaseBlock
	// rows holds the header row first, then the body rows; their cells
	// share one array.
	rows []tRow
	// pipes holds the offsets of the backslashes of escaped pipes that
	// follow a backtick in a cell: goldmark's table AST transformer
	// removes them from code spans (see splitEscapedPipes).
	pipes []pipe
}

// tRow is one table row: the offset of its source line (what goldmark's
// TableRow.Pos is) and its cells.
type tRow struct {
	pos   int
	cells []tCell
}

// tCell is one table cell.
type tCell struct {
	// node is the cell's parsed inline content when it is known (tables
	// goldmark's own table extension built, cells parsed by cellNodes).
	node ast.Node
	// start and stop delimit the cell's text, trimmed; has is false for
	// the empty cells goldmark adds to a short row (they have no line).
	start, stop int32
	has         bool
	// pipes is set when the cell has entries in tableNode.pipes.
	pipes bool
	// kind is what cellNeedsGoldmark found: cellPlain (no inline
	// markup), cellFast (fastLine reads it), or 0 (not known).
	kind uint8
}

// tCell.kind values.
const (
	cellPlain = 1 + iota
	cellFast
)

// seg returns the cell's text segment.
func (ce *tCell) seg() text.Segment { return text.NewSegment(int(ce.start), int(ce.stop)) }

// pipe is an escaped pipe of a cell (tableNode.pipes).
type pipe struct {
	cell *tCell
	pos  int
}

// tableKind is the kind of tableNode.
var tableKind = ast.NewNodeKind("DocgenTable")

func (*tableNode) Kind() ast.NodeKind { return tableKind }

func (*tableNode) IsRaw() bool { return true }

func (n *tableNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// tableTransformer is goldmark's GFM table paragraph transformer
// (extension.NewTableParagraphTransformer, goldmark v1.8.7) with the same
// decisions, producing a tableNode instead of Table, TableRow and
// TableCell nodes.
type tableTransformer struct {
	// md, when set, provides the nodes (see mdReader.tables).
	md *mdReader
}

func (tt tableTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	ppos := node.Pos()
	lines := node.Lines()
	if lines.Len() < 2 {
		return
	}
	source := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		delim := lines.At(i)
		cols := tableDelimiter(delim.Value(source))
		if cols == 0 {
			continue
		}
		hdr := lines.At(i - 1)
		n := tableCells(hdr, cols, true, source)
		if max(n, cols) != cols {
			return
		}
		body := lines.Len() - i - 1
		var table *tableNode
		var cells []tCell
		if tt.md != nil {
			table = &tt.md.tables.take(1)[0]
			cells = tt.md.tcells.take(cols * (1 + body))
			table.rows = tt.md.trows.take(1 + body)[:0]
		} else {
			table = &tableNode{}
			cells = make([]tCell, cols*(1+body))
			table.rows = make([]tRow, 0, 1+body)
		}
		table.SetPos(ppos)
		table.rows = append(table.rows, table.row(hdr, cells[:cols:cols], cols, true, source))
		for j := i + 1; j < lines.Len(); j++ {
			k := (j - i) * cols
			table.rows = append(table.rows, table.row(lines.At(j), cells[k:k+cols:k+cols], cols, false, source))
		}
		node.Lines().SetSliced(0, i-1)
		node.Parent().InsertAfter(node.Parent(), node, table)
		if node.Lines().Len() == 0 {
			node.Parent().RemoveChild(node.Parent(), node)
		} else {
			last := node.Lines().At(i - 2)
			last.Stop = last.Stop - 1 // trim last newline(\n)
			node.Lines().Set(i-2, last)
		}
	}
}

// tableCells returns the number of cells goldmark's parseRow reads
// from a row before padding it to cols (a body row drops the cells after
// the first cols).
func tableCells(segment text.Segment, cols int, isHeader bool, source []byte) int {
	segment = segment.TrimLeftSpace(source)
	segment = segment.TrimRightSpace(source)
	line := segment.Value(source)
	pos, limit := 0, len(line)
	if len(line) > 0 && line[pos] == '|' {
		pos++
	}
	if len(line) > 0 && line[limit-1] == '|' {
		limit--
	}
	n := 0
	for p := pos; p < limit; n++ {
		c := p
		for ; c < limit; c++ {
			if line[c] == '|' && (c == 0 || line[c-1] != '\\') {
				break
			}
		}
		p = c + 1
	}
	if !isHeader {
		n = min(n, cols)
	}
	return n
}

// row reads a row into cells (cols of them, the row padded with cells
// without lines) as goldmark's parseRow does.
func (t *tableNode) row(segment text.Segment, cells []tCell, cols int, isHeader bool, source []byte) tRow {
	npos := segment
	segment = segment.TrimLeftSpace(source)
	segment = segment.TrimRightSpace(source)
	line := segment.Value(source)
	pos := 0
	limit := len(line)
	row := tRow{pos: npos.Start, cells: cells}
	if len(line) > 0 && line[pos] == '|' {
		pos++
	}
	if len(line) > 0 && line[limit-1] == '|' {
		limit--
	}
	for i := 0; pos < limit; i++ {
		if i >= cols {
			// A header row with more cells is refused by the caller.
			return row
		}
		cell := &row.cells[i]
		hasBacktick := false
		closure := pos
		for ; closure < limit; closure++ {
			if line[closure] == '`' {
				hasBacktick = true
			}
			if line[closure] == '|' {
				if closure == 0 || line[closure-1] != '\\' {
					break
				} else if hasBacktick {
					t.pipes = append(t.pipes, pipe{cell: cell, pos: segment.Start + closure - 1})
					cell.pipes = true
				}
			}
		}
		seg := text.NewSegment(segment.Start+pos, segment.Start+closure)
		seg = seg.TrimLeftSpace(source)
		seg = seg.TrimRightSpace(source)
		cell.start, cell.stop, cell.has = int32(seg.Start), int32(seg.Stop), true
		pos = closure + 1
	}
	return row
}

// tableDelimiter returns the number of columns of a delimiter row, or 0
// if line is not one (goldmark's parseDelimiter returning nil).
func tableDelimiter(line []byte) int {
	if !isTableDelim(line) {
		return 0
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	for _, col := range cols {
		if !delimColumn(col) {
			return 0
		}
	}
	return len(cols)
}

// isTableDelim is goldmark's isTableDelim.
func isTableDelim(bs []byte) bool {
	if w, _ := util.IndentWidth(bs, 0); w > 3 {
		return false
	}
	allSep := true
	for _, b := range bs {
		if b != '-' {
			allSep = false
		}
		if !(util.IsSpace(b) || b == '-' || b == '|' || b == ':') {
			return false
		}
	}
	return !allSep
}

// delimColumn reports whether col matches one of goldmark's delimiter
// column expressions: ^\s*:?-+:?\s*$ (\s being RE2's [\t\n\f\r ]).
func delimColumn(col []byte) bool {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	for len(col) > 0 && isSpace(col[0]) {
		col = col[1:]
	}
	for len(col) > 0 && isSpace(col[len(col)-1]) {
		col = col[:len(col)-1]
	}
	if len(col) > 0 && col[0] == ':' {
		col = col[1:]
	}
	if len(col) > 0 && col[len(col)-1] == ':' {
		col = col[:len(col)-1]
	}
	if len(col) == 0 {
		return false
	}
	for _, c := range col {
		if c != '-' {
			return false
		}
	}
	return true
}

// tableFromGFM converts a table built by goldmark's own table extension
// (its cells already parsed) to a tableNode.
func tableFromGFM(n *extast.Table) *tableNode {
	t := &tableNode{}
	t.SetPos(n.Pos())
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		row := tRow{pos: r.Pos()}
		for ce := r.FirstChild(); ce != nil; ce = ce.NextSibling() {
			cell := tCell{node: ce}
			if l := ce.Lines(); l != nil && l.Len() > 0 {
				seg := l.At(0)
				cell.start, cell.stop, cell.has = int32(seg.Start), int32(seg.Stop), true
			}
			row.cells = append(row.cells, cell)
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// inlineTrigger reports whether b holds a byte that starts one of
// goldmark's default inline parsers (code span, link, image, autolink,
// raw HTML, emphasis). Text without one is a single text node.
func inlineTrigger[T string | []byte](b T) bool {
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '`', '[', ']', '!', '<', '*', '_':
			return true
		}
	}
	return false
}

// cellNodes parses the inline content of the cells of rows that are not
// parsed yet and need goldmark (see inlineTrigger), in one pass.
func (c *collector) cellNodes(t *tableNode, rows []tRow) {
	var segs []*text.Segments
	for r := range rows {
		for i := range rows[r].cells {
			ce := &rows[r].cells[i]
			if c.cellNeedsGoldmark(ce) {
				s := text.NewSegments()
				s.Append(ce.seg())
				segs = append(segs, s)
			}
		}
	}
	if len(segs) == 0 {
		return
	}
	p := c.inlineSegs(segs)
	for r := range rows {
		for i := range rows[r].cells {
			ce := &rows[r].cells[i]
			if c.cellNeedsGoldmark(ce) {
				if p == nil {
					return
				}
				ce.node = p
				if ce.pipes {
					splitEscapedPipes(p, ce, t.pipes)
				}
				p = p.NextSibling()
			}
		}
	}
}

// cellText returns the plain text of a cell (see plain), recording links.
func (c *collector) cellText(ce *tCell, links *[]mdLink) string {
	if ce.node != nil {
		return c.plain(ce.node, links)
	}
	if !ce.has || ce.start >= ce.stop {
		return ""
	}
	// The cell's text, a substring of the page (see str): links
	// read by fastLine are substrings of it too.
	v := c.str(ce.seg())
	if ce.kind == cellPlain || (ce.kind == 0 && !inlineTrigger(v)) {
		// A cell without inline markup is one text node holding the
		// cell.
		return cleanText(v)
	}
	buf := c.fastBuf[:0]
	ok := fastLine(v, &buf, links)
	c.fastBuf = buf
	if !ok {
		// Not reached: cellNodes parsed such cells.
		return ""
	}
	return cleanText(string(buf))
}

// cellNeedsGoldmark reports whether a cell's inline content is to be
// parsed by goldmark: it is not parsed yet and is not plain text or
// simple links (fastLine).
func (c *collector) cellNeedsGoldmark(ce *tCell) bool {
	if ce.node != nil || !ce.has || ce.kind != 0 {
		return false
	}
	if ce.pipes {
		return true
	}
	v := c.src[ce.start:ce.stop]
	switch {
	case !inlineTrigger(v):
		ce.kind = cellPlain
	case fastLine(v, nil, nil):
		ce.kind = cellFast
	default:
		return true
	}
	return false
}

// splitEscapedPipes is goldmark's table AST transformer for one cell: in
// code spans, the backslash of an escaped pipe is dropped.
func splitEscapedPipes(cell ast.Node, of *tCell, pipes []pipe) {
	_ = ast.Walk(cell, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != ast.KindCodeSpan {
			return ast.WalkContinue, nil
		}
		for ch := n.FirstChild(); ch != nil; {
			next := ch.NextSibling()
			if ch.Kind() != ast.KindText {
				ch = next
				continue
			}
			parent := ch.Parent()
			ts := ch.(*ast.Text).Segment
			cur := ch
			for _, pp := range pipes {
				if pos := pp.pos; pp.cell == of && ts.Start <= pos && pos < ts.Stop {
					segment := cur.(*ast.Text).Segment
					n1 := ast.NewRawTextSegment(segment.WithStop(pos))
					n2 := ast.NewRawTextSegment(segment.WithStart(pos + 1))
					parent.InsertAfter(parent, cur, n1)
					parent.InsertAfter(parent, n1, n2)
					parent.RemoveChild(parent, cur)
					cur = n2
				}
			}
			ch = next
		}
		return ast.WalkContinue, nil
	})
}
