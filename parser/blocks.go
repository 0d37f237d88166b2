package parser

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/docgen-dev/docgen/parser/model"
)

// blockKind is the kind of an mdBlock.
type blockKind uint8

const (
	bHeading blockKind = iota
	bPara
	bFence
	bHTML
	bTable
	bOther
)

// mdLink is a Markdown link found in inline content.
type mdLink struct {
	Text string
	Dest string
}

// mdBlock is one goldmark block of a page, flattened in document order with
// its source position and the text docgen needs.
type mdBlock struct {
	node    ast.Node
	parent  ast.Node
	pos     model.Pos
	endLine int

	textv  string // plain text (heading, paragraph); see txt
	rawv   string // source text (paragraph lines, HTML block); see rawText
	linksv []mdLink
	c      *collector

	// info, linesv and wholev are those of a fenced code block.
	info   string
	linesv []Line // see fenceLines
	wholev string // see fenceWhole

	mdTable *mdTable

	// section is the nearest preceding heading (not a tab marker) of
	// level 2 or more; nil before the first one.
	section *mdBlock
	// h2 is the nearest preceding level-2 heading.
	h2 *mdBlock

	// Small fields last, packed together (blocks are many).
	seq   int32 // index in the page's blocks (paragraphs)
	kind  blockKind
	level uint8 // heading level
	// sec is the kind of the section the block is in.
	sec secKind
	// hkind and hsyntax classify a heading's own text (see headingKind).
	hkind   secKind
	tab     bool // a DocFX tab marker "# [HTTP](#tab/http)"
	rawDone bool
	// loaded is set once textv and linksv are computed (paragraph text
	// is computed on first use: most paragraphs are never read).
	loaded    bool
	secDone   bool
	hsyntax   bool
	hdone     bool
	linesDone bool
	wholeDone bool
	closed    bool
}

// collectBlocks parses src with goldmark and flattens the block tree.
func collectBlocks(md *mdReader, src []byte, idx *pageLines) []*mdBlock {
	pc := parser.NewContext()
	md.heads = md.heads[:0]
	md.recycle()
	md.raws.reset()
	md.paras.reset()
	md.hnodes.reset()
	md.tables.reset()
	md.trows.reset()
	md.tcells.reset()
	md.idx = idx
	doc := md.block.Parse(text.NewReader(src), parser.WithContext(pc))
	md.idx = nil
	for i := range md.heads {
		md.heads[i].h.SetLines(&md.heads[i].lines)
	}
	md.nextHead = 0
	md.reset()
	c := &collector{src: src, idx: idx, md: md, pc: pc, blocks: md.list}
	if len(md.text) == len(src) {
		c.text = md.text
	}
	md.text = ""
	c.walk(doc)
	c.headings()
	clear(md.heads)
	md.heads = md.heads[:0]
	md.list = c.blocks
	var section, h2 *mdBlock
	for _, b := range c.blocks {
		if b.kind == bHeading && !b.tab && b.level >= 2 {
			section = b
			if b.level == 2 {
				h2 = b
			}
			// Sub-headings of an H2 keep the H2 as context.
			b.section, b.h2 = section, h2
			continue
		}
		if b.kind == bHeading && !b.tab && b.level == 1 {
			section, h2 = nil, nil
		}
		b.section, b.h2 = section, h2
	}
	return c.blocks
}

// txt returns the block's plain text (links reduced to their text).
func (b *mdBlock) txt() string {
	b.load()
	return b.textv
}

// lnk returns the links of the block's inline content.
func (b *mdBlock) lnk() []mdLink {
	b.load()
	return b.linksv
}

// load computes the block's text and links (textv, linksv) once: a
// paragraph goldmark left unparsed with the run of paragraphs after it (see
// loadRun), other blocks from their inline content.
func (b *mdBlock) load() {
	if b.loaded {
		return
	}
	b.loaded = true
	if b.c == nil || b.node == nil {
		return
	}
	if _, ok := b.node.(*rawPara); ok {
		b.c.loadRun(b)
		return
	}
	b.textv = b.c.plain(b.node, &b.linksv)
}

// collector flattens the goldmark tree of one page into mdBlocks (see
// collectBlocks) and reads their text on demand.
type collector struct {
	md     *mdReader
	pc     parser.Context
	src    []byte
	idx    *pageLines
	blocks []*mdBlock
	// text is src as a string, made once per page (see pageText): the
	// text of blocks, cells and lines is sliced from it rather than
	// copied (see str).
	text string
	// fastBuf is scratch for fastPlain and cellText.
	fastBuf []byte
	// heads are the headings walk left to goldmark (see heading).
	heads []*mdBlock
}

// heading reads a heading whose inline content goldmark has not parsed
// (see atxHeadingParser): plain text and simple links without goldmark,
// the others later, in one goldmark pass (see headings).
func (c *collector) heading(b *mdBlock, n *ast.Heading) {
	t, ok := c.fastPlain(n.Lines(), &b.linksv)
	if ok && n.Level == 1 {
		b.tab, ok = fastTabMarker(n.Lines(), c.src)
	}
	if ok {
		b.textv = t
		return
	}
	b.linksv = b.linksv[:0:0]
	c.heads = append(c.heads, b)
}

// headings reads the headings walk left to goldmark (c.heads), parsing
// their inline content in one pass: what goldmark's eager parse gives.
func (c *collector) headings() {
	if len(c.heads) == 0 {
		return
	}
	segs := make([]*text.Segments, len(c.heads))
	for i, b := range c.heads {
		segs[i] = b.node.Lines()
	}
	p := c.inlineSegs(segs)
	for _, b := range c.heads {
		if p == nil {
			break
		}
		b.textv = c.plain(p, &b.linksv)
		b.tab = b.level == 1 && isTabMarker(p, c.src)
		p = p.NextSibling()
	}
	c.heads = nil
}

// newBlock returns a zeroed block (callers set fields one by one:
// assigning a whole struct would write every field).
func (c *collector) newBlock() *mdBlock { return c.md.newBlock() }

// str returns the text of a segment (what seg.Value returns) as a string:
// a substring of c.text when the segment is a stretch of the page, else a
// copy.
func (c *collector) str(seg text.Segment) string {
	if seg.Padding == 0 && !seg.ForceNewline && seg.Start >= 0 && seg.Stop <= len(c.src) && seg.Start <= seg.Stop {
		return c.pageText()[seg.Start:seg.Stop]
	}
	return string(seg.Value(c.src))
}

// sub returns src[start:stop] as a string, a substring of c.text.
func (c *collector) sub(start, stop int) string {
	return c.pageText()[start:stop]
}

// pageText returns c.text, made on first use.
func (c *collector) pageText() string {
	if len(c.text) != len(c.src) {
		c.text = c.md.texts.copy(c.src)
	}
	return c.text
}

// walk appends a block for every child of parent to c.blocks, in
// document order, descending into containers (lists, block quotes).
func (c *collector) walk(parent ast.Node) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			b := c.newBlock()
			b.kind = bHeading
			b.node = n
			b.parent = parent
			b.level = uint8(min(max(n.Level, 0), 255))
			b.pos = c.idx.pos(n.Pos())
			b.endLine = b.pos.Line
			b.loaded = true
			if h := c.md.heads; c.md.nextHead < len(h) && h[c.md.nextHead].h == n {
				c.md.nextHead++
				c.heading(b, n)
			} else {
				b.textv = c.plain(n, &b.linksv)
				b.tab = n.Level == 1 && isTabMarker(n, c.src)
			}
			c.blocks = append(c.blocks, b)
		case *ast.Paragraph, *ast.TextBlock, *rawPara:
			b := c.newBlock()
			b.kind = bPara
			b.node = n
			b.parent = parent
			b.c = c
			b.seq = int32(len(c.blocks))
			lines := n.Lines()
			if lines.Len() == 0 {
				continue
			}
			b.pos = c.idx.pos(lines.At(0).Start)
			b.endLine = c.idx.lineOf(lines.At(lines.Len() - 1).Start)
			c.blocks = append(c.blocks, b)
		case *ast.FencedCodeBlock:
			c.blocks = append(c.blocks, c.fence(n, parent))
		case *ast.HTMLBlock:
			b := c.newBlock()
			b.kind = bHTML
			b.node = n
			b.parent = parent
			lines := n.Lines()
			start := n.Pos()
			if lines.Len() > 0 {
				start = lines.At(0).Start
			}
			end := start
			if lines.Len() > 0 {
				end = lines.At(lines.Len() - 1).Start
			}
			if n.HasClosure() {
				end = n.ClosureLine.Start
			}
			b.pos = c.idx.pos(start)
			b.endLine = c.idx.lineOf(end)
			b.rawv, b.rawDone = c.htmlRaw(n), true
			c.blocks = append(c.blocks, b)
		case *extast.Table:
			// Only from goldmark's own table extension (tests).
			b := c.newBlock()
			b.kind = bTable
			b.node = n
			b.parent = parent
			b.mdTable = c.mdTable(tableFromGFM(n))
			b.pos = b.mdTable.pos
			b.endLine = b.mdTable.endLine
			c.blocks = append(c.blocks, b)
		case *tableNode:
			b := c.newBlock()
			b.kind = bTable
			b.node = n
			b.parent = parent
			b.mdTable = c.mdTable(n)
			b.pos = b.mdTable.pos
			b.endLine = b.mdTable.endLine
			c.blocks = append(c.blocks, b)
		default:
			b := c.newBlock()
			b.kind = bOther
			b.node = n
			b.parent = parent
			b.pos = c.idx.pos(n.Pos())
			b.endLine = c.lastLine(n)
			c.blocks = append(c.blocks, b)
			if n.HasChildren() && n.Type() == ast.TypeBlock {
				c.walk(n)
			}
		}
	}
}

// htmlRaw returns the source of an HTML block: its lines and closure
// line, copied at once when they are one stretch of the page.
func (c *collector) htmlRaw(n *ast.HTMLBlock) string {
	lines := n.Lines()
	if contiguous(lines) {
		stop := lines.At(lines.Len() - 1).Stop
		cl := n.ClosureLine
		if !n.HasClosure() {
			return c.sub(lines.At(0).Start, stop)
		}
		if cl.Padding == 0 && !cl.ForceNewline && cl.Start == stop && cl.Stop >= cl.Start && cl.Stop <= len(c.src) {
			return c.sub(lines.At(0).Start, cl.Stop)
		}
	}
	var raw bytes.Buffer
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		raw.Write(seg.Value(c.src))
	}
	if n.HasClosure() {
		raw.Write(n.ClosureLine.Value(c.src))
	}
	return raw.String()
}

// lastLine is the last source line of a block node (0 if unknown).
func (c *collector) lastLine(n ast.Node) int {
	last := 0
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			last = c.idx.lineOf(l.At(l.Len() - 1).Start)
		}
	}
	if n.Pos() >= 0 {
		if l := c.idx.lineOf(n.Pos()); l > last {
			last = l
		}
	}
	if t, ok := n.(*tableNode); ok && len(t.rows) > 0 {
		// goldmark's table ends with its last row, whose cells are on
		// the row's line.
		if l := c.idx.lineOf(t.rows[len(t.rows)-1].pos); l > last {
			last = l
		}
	}
	if ch := n.LastChild(); ch != nil && ch.Type() == ast.TypeBlock {
		if l := c.lastLine(ch); l > last {
			last = l
		}
	}
	return last
}

// rawText returns the block's Markdown source (paragraph lines joined by
// newlines, or the HTML block), built on first use.
func (b *mdBlock) rawText() string {
	if b.rawDone || b.c == nil || b.node == nil {
		return b.rawv
	}
	b.rawDone = true
	lines := b.node.Lines()
	if contiguous(lines) {
		// The usual case: the lines are one stretch of the page.
		b.rawv = strings.TrimRight(b.c.sub(lines.At(0).Start, lines.At(lines.Len()-1).Stop), "\n")
		return b.rawv
	}
	var raw strings.Builder
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		raw.Write(seg.Value(b.c.src))
	}
	b.rawv = strings.TrimRight(raw.String(), "\n")
	return b.rawv
}

// contiguous reports whether segments are one unpadded stretch of the
// source.
func contiguous(lines *text.Segments) bool {
	return adjacent(lines, false)
}

// adjacent reports whether segments are one unpadded stretch of the
// source; with anyNewline, segments marked ForceNewline count too (goldmark
// marks every line of a fenced block so: their value gains a final "\n"
// only when it has none, and fence lines are read without it).
func adjacent(lines *text.Segments, anyNewline bool) bool {
	if lines.Len() == 0 {
		return false
	}
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if seg.Padding > 0 || (seg.ForceNewline && !anyNewline) || (i > 0 && lines.At(i-1).Stop != seg.Start) {
			return false
		}
	}
	return true
}

// segmentHas reports whether any source line of the block contains c,
// without building the text.
func (b *mdBlock) segmentHas(ch byte) bool {
	if b.c == nil || b.node == nil {
		return strings.IndexByte(b.rawv, ch) >= 0
	}
	lines := b.node.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if bytes.IndexByte(seg.Value(b.c.src), ch) >= 0 {
			return true
		}
	}
	return false
}

// isTabMarker reports whether an H1's only content is a link to "#tab/…".
func isTabMarker(h ast.Node, src []byte) bool {
	var lk *ast.Link
	for ch := h.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Link:
			if lk != nil {
				return false
			}
			lk = ch
		case *ast.Text:
			if len(bytes.TrimSpace(ch.Segment.Value(src))) != 0 {
				return false
			}
		default:
			return false
		}
	}
	return lk != nil && bytes.HasPrefix(lk.Destination, []byte("#tab/"))
}

// fastTabMarker is isTabMarker for a heading whose content
// fastLine reads: whether the content is one link "[T](#tab/…)";
// ok is false when goldmark is to decide (a destination with entities).
func fastTabMarker(lines *text.Segments, src []byte) (tab, ok bool) {
	if lines.Len() != 1 {
		return false, false
	}
	seg := lines.At(0)
	t := bytes.TrimSpace(src[seg.Start:seg.Stop])
	if len(t) == 0 || t[0] != '[' || t[len(t)-1] != ')' {
		return false, true
	}
	j := bytes.IndexByte(t, ']')
	if j < 0 || j+1 >= len(t) || t[j+1] != '(' {
		return false, true
	}
	dest := t[j+2 : len(t)-1]
	if bytes.IndexByte(dest, ')') >= 0 {
		// More than one link, or text after the link.
		return false, true
	}
	if bytes.IndexByte(dest, '&') >= 0 {
		return false, false
	}
	return bytes.HasPrefix(dest, []byte("#tab/")), true
}
