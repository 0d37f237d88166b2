package parser

import (
	"bytes"
	"strconv"

	"github.com/docgen-dev/docgen/parser/model"
)

// todoText reports every line that still holds a TODO (scaffold text).
func (p *page) todoText(src []byte) {
	if !bytes.Contains(src, []byte("TODO")) {
		return
	}
	line := 1
	for len(src) > 0 {
		l, rest, _ := bytes.Cut(src, []byte{'\n'})
		if i := indexWord(l, "TODO"); i >= 0 {
			p.diag(model.Pos{File: p.file, Line: line, Col: i + 1}, CodeTodoText,
				"page still contains scaffold text \"TODO\"; replace it with the real content")
		}
		src = rest
		line++
	}
}

// indexWord returns the byte index of word in l where it is not part of a
// longer identifier, or -1.
func indexWord(l []byte, word string) int {
	off := 0
	for {
		i := bytes.Index(l[off:], []byte(word))
		if i < 0 {
			return -1
		}
		i += off
		before := i == 0 || !identByte(l[i-1])
		after := i+len(word) >= len(l) || !identByte(l[i+len(word)])
		if before && after {
			return i
		}
		off = i + len(word)
	}
}

// recoverTables reports paragraphs that are meant as tables but are not
// (delimiter row with fewer cells than the header) and reads them anyway.
func (p *page) recoverTables() {
	for _, b := range p.blocks {
		if b.kind != bPara || !b.segmentHas('|') || !b.segmentHas('-') {
			continue
		}
		t := recoverTable(b, p.idx)
		if t == nil {
			continue
		}
		p.diag(t.pos, CodeTableNotTable,
			"this looks like a table but is not one: the delimiter row must have one cell per header cell")
		b.kind = bTable
		b.mdTable = t
	}
}

// checkFences reports fences that swallow what follows them.
func (p *page) checkFences() {
	for _, b := range p.blocks {
		if b.kind != bFence {
			continue
		}
		reported := false
		lines := b.node.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			t := bytes.TrimLeft(seg.Value(p.blocksSrc()), " \t")
			if bytes.HasPrefix(t, []byte("```")) || isATXHeading(string(t[:min(len(t), 8)])) {
				p.diag(p.idx.pos(seg.Start), CodeFenceUnclosed,
					"code fence opened at line "+strconv.Itoa(b.pos.Line)+" runs into this line; close the fence with a ``` line before it")
				reported = true
				break
			}
		}
		if !b.closed && !reported {
			p.diag(b.pos, CodeFenceUnclosed, "code fence is never closed; add a ``` line after its content")
		}
	}
}

// blocksSrc is the text goldmark parsed (the page after its front matter).
func (p *page) blocksSrc() []byte { return p.src[p.idx.base:] }

// isATXHeading reports whether t starts with an ATX heading marker: one to
// six "#" and a space.
func isATXHeading(t string) bool {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && n < len(t) && t[n] == ' '
}

// checkTableRows reports rows that have more cells than the header
// (goldmark drops the extra cells; docgen keeps them in the last cell).
func (p *page) checkTableRows() {
	for _, b := range p.blocks {
		if b.kind != bTable {
			continue
		}
		for _, r := range b.mdTable.checks {
			if r.source > len(b.mdTable.header) {
				p.diag(p.idx.linePos(r.line), CodeTableCells,
					"row has "+strconv.Itoa(r.source)+" cells but the header has "+strconv.Itoa(len(b.mdTable.header))+
						"; escape the | inside the cell as \\|")
			}
		}
	}
}
