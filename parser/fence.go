package parser

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// fence returns the block of a fenced code block: its info string and
// its extent, up to the closing fence line when there is one (closed).
func (c *collector) fence(n *ast.FencedCodeBlock, parent ast.Node) *mdBlock {
	b := c.newBlock()
	b.kind = bFence
	b.node = n
	b.parent = parent
	b.c = c
	b.pos = c.idx.pos(n.Pos())
	if n.Info != nil {
		b.info = strings.TrimSpace(string(n.Info.Segment.Value(c.src)))
	}
	lines := n.Lines()
	last := b.pos.Line
	if lines.Len() > 0 {
		last = c.idx.lineOf(lines.At(lines.Len() - 1).Start)
	}
	b.endLine = last
	if next := last + 1; next <= c.idx.numLines() {
		t := bytes.TrimSpace(c.idx.lineBytes(next))
		if bytes.HasPrefix(t, []byte("```")) && len(bytes.Trim(t, "`")) == 0 {
			b.closed = true
			b.endLine = next
		}
	}
	return b
}

// fenceLines returns the content lines of a fenced block, built on first
// use.
func (b *mdBlock) fenceLines() []Line {
	if b.linesDone || b.c == nil {
		return b.linesv
	}
	b.linesDone = true
	c := b.c
	lines := b.node.Lines()
	b.linesv = c.md.lines.take(lines.Len())[:0]
	// Lines that are one stretch of the page are copied at once and
	// sliced.
	whole := b.fenceWhole()
	base := 0
	if whole != "" {
		base = lines.At(0).Start
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		var t string
		if whole != "" {
			t = whole[seg.Start-base : seg.Stop-base]
		} else {
			t = c.str(seg)
		}
		t = strings.TrimSuffix(t, "\n")
		if seg.Padding > 0 {
			t = strings.Repeat(" ", seg.Padding) + t
		}
		b.linesv = append(b.linesv, Line{Text: t, Pos: c.idx.pos(seg.Start)})
	}
	return b.linesv
}

// fenceWhole returns the source of a fenced block's content lines when
// they are one stretch of the page (see adjacent), else "": one copy
// that fenceLines and fenceBody slice.
func (b *mdBlock) fenceWhole() string {
	if b.c == nil || b.node == nil {
		return ""
	}
	if !b.wholeDone {
		b.wholeDone = true
		if lines := b.node.Lines(); adjacent(lines, true) {
			b.wholev = b.c.sub(lines.At(0).Start, lines.At(lines.Len()-1).Stop)
		}
	}
	return b.wholev
}

// fenceBody returns the content lines of a fenced block joined by
// newlines; lines that are one stretch of the page are copied at once.
func (b *mdBlock) fenceBody() string {
	if whole := b.fenceWhole(); whole != "" {
		lines := b.node.Lines()
		ok := true
		for i := 0; i < lines.Len()-1 && ok; i++ {
			seg := lines.At(i)
			ok = seg.Stop > seg.Start && b.c.src[seg.Stop-1] == '\n'
		}
		if ok {
			return strings.TrimSuffix(whole, "\n")
		}
	}
	var sb strings.Builder
	for i, l := range b.fenceLines() {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(l.Text)
	}
	return sb.String()
}
