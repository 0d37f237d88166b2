// The paragraph and ATX heading openers in this file are adapted from
// github.com/yuin/goldmark v1.8.7 (parser/paragraph.go,
// parser/atx_heading.go), Copyright (c) 2019 Yusuke Inuzuka, under the
// MIT License in LICENSE.goldmark.

package parser

import (
	"bytes"
	"math/bits"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/docgen-dev/docgen/parser/model"
)

// newMarkdown returns the goldmark instance docgen reads pages with:
// CommonMark plus GFM tables, nothing else.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table))
}

// mD is how docgen reads pages: newMarkdown's goldmark (CommonMark
// plus GFM tables) with one paragraph transformer added, which leaves the
// inline content of paragraphs unparsed (most paragraphs are never read);
// inline parses a paragraph's inline content on first use, with the same
// inline parsers and the page's parse context (link reference
// definitions), so the result is what goldmark would have built.
type mD struct {
	block  parser.Parser
	inline parser.Parser
	// chunks and list are scratch reused from page to page (a mD reads
	// one page at a time): the block arena, of which used blocks are
	// handed out on the current page, and the block list.
	chunks [][]mdBlock
	used   int
	list   []*mdBlock
	// mdTables, strs and checks are scratch for tables
	// (collector.mdTable), rows, cells and cellPtrs for table rows
	// (mdTable.rows).
	mdTables scratch[mdTable]
	strs     scratch[string]
	checks   scratch[rowCheck]
	rows     scratch[mdRow]
	cells    scratch[mdCell]
	cellPtrs scratch[*mdCell]
	// lines is scratch for fence lines (fenceLines), starts for the line
	// index.
	lines  scratch[Line]
	starts []int
	// idx is the line index of the page being parsed (nil if unknown),
	// for reserveParser.
	idx *pageLines
	// texts holds the text of pages (see pageText); text is that of the
	// source given to the next collectBlocks, "" if not made yet.
	texts textArena
	text  string
	// targets remembers link targets (see page.linkTarget).
	targets map[[2]string]string
	// heads are the headings of the page being parsed whose lines
	// aTXHeadingParser moved, in document order; nextHead is the
	// first one walk has not reached.
	heads    []headLines
	nextHead int
	// raws are the rawParas of the page being parsed (reset before
	// each page: nothing keeps a page's nodes).
	raws scratch[rawPara]
	// paras are the paragraphs reserveParser opened on the page being
	// parsed (reset with raws).
	paras scratch[ast.Paragraph]
	// hnodes are the headings aTXHeadingParser opened on the page being
	// parsed (reset with raws).
	hnodes scratch[ast.Heading]
	// tables, trows and tcells hold the tables tableTransformer
	// builds on the page being parsed (reset with raws).
	tables scratch[tableNode]
	trows  scratch[tRow]
	tcells scratch[tCell]
	// lent are the line lists reserve gave the blocks of the page being
	// parsed, segs the free ones by class (see recycle).
	lent []lentLines
	segs [bits.UintSize]([]text.Segments)
}

// scratch hands out zeroed slices from chunks that are reused from page
// to page.
type scratch[T any] struct {
	chunks [][]T
	ci     int // chunk being handed out
	used   int // elements of chunks[ci] handed out
}

// take returns a zeroed slice of n elements (capacity n).
func (s *scratch[T]) take(n int) []T {
	for s.ci < len(s.chunks) {
		if ch := s.chunks[s.ci]; len(ch)-s.used >= n {
			out := ch[s.used : s.used+n : s.used+n]
			s.used += n
			return out
		}
		s.ci++
		s.used = 0
	}
	s.chunks = append(s.chunks, make([]T, max(256, n)))
	s.ci, s.used = len(s.chunks)-1, n
	return s.chunks[s.ci][:n:n]
}

// reset zeroes what was handed out, to be handed out again. Elements never
// handed out since the last reset are still zero: the chunks before ci are
// cleared whole, chunk ci only up to used, the chunks after it not at all.
func (s *scratch[T]) reset() {
	for i := 0; i <= s.ci && i < len(s.chunks); i++ {
		if i == s.ci {
			clear(s.chunks[i][:s.used])
		} else {
			clear(s.chunks[i])
		}
	}
	s.ci, s.used = 0, 0
}

// blockChunk is the number of blocks per arena chunk.
const blockChunk = 256

// newBlock returns a zeroed block from the arena.
func (m *mD) newBlock() *mdBlock {
	ci, bi := m.used/blockChunk, m.used%blockChunk
	if ci == len(m.chunks) {
		m.chunks = append(m.chunks, make([]mdBlock, blockChunk))
	}
	m.used++
	return &m.chunks[ci][bi]
}

// reset zeroes the blocks of the previous page (so that newBlock returns
// zeroed blocks and the old page's nodes are not kept alive) and empties
// the block list.
func (m *mD) reset() {
	for ci := 0; m.used > 0; ci++ {
		n := min(m.used, blockChunk)
		clear(m.chunks[ci][:n])
		m.used -= n
	}
	clear(m.list)
	m.list = m.list[:0]
	m.mdTables.reset()
	m.strs.reset()
	m.checks.reset()
	m.rows.reset()
	m.cells.reset()
	m.cellPtrs.reset()
	m.lines.reset()
}

// newMD returns a reader. Its block parsers are goldmark's defaults
// (parser.DefaultBlockParsers, same parsers, same priorities) with four of
// them wrapped: the ATX heading parser leaves heading text unparsed
// (aTXHeadingParser), and the fenced code, HTML block and paragraph
// parsers reserve room for their lines (reserveParser). Its paragraph
// transformers are goldmark's link reference definitions, only called for
// paragraphs that can start with one (linkRefs), docgen's tables in place
// of goldmark's table extension (tableTransformer: same tables, cells
// parsed on first read), and deferInline, which leaves the inline content
// of paragraphs unparsed. Its inline parsers are goldmark's defaults
// (parser.DefaultInlineParsers).
func newMD() *mD {
	m := &mD{}
	block := parser.NewParser(
		parser.WithBlockParsers(blockParsers(m)...),
		parser.WithInlineParsers(inlineParsers()...),
		parser.WithParagraphTransformers(
			util.Prioritized(linkRefs{}, 100),
			util.Prioritized(tableTransformer{md: m}, 200),
			util.Prioritized(deferInline{md: m}, 1000)))
	// The inline reader parses the paragraphs segmentsParser makes of
	// the segments it is given (see collector.inlineSegs).
	inline := parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(segmentsParser{}, 100)),
		parser.WithInlineParsers(inlineParsers()...))
	m.block, m.inline = block, inline
	return m
}

// blockParsers returns goldmark's default block parsers
// (parser.DefaultBlockParsers), with their priorities, four of them
// wrapped for m.
func blockParsers(m *mD) []util.PrioritizedValue {
	return []util.PrioritizedValue{
		util.Prioritized(parser.NewSetextHeadingParser(), 100),
		util.Prioritized(parser.NewThematicBreakParser(), 200),
		util.Prioritized(parser.NewListParser(), 300),
		util.Prioritized(parser.NewListItemParser(), 400),
		util.Prioritized(parser.NewCodeBlockParser(), 500),
		util.Prioritized(aTXHeadingParser{BlockParser: parser.NewATXHeadingParser(), md: m}, 600),
		util.Prioritized(reserveParser{BlockParser: parser.NewFencedCodeBlockParser(), md: m, fence: true}, 700),
		util.Prioritized(parser.NewBlockquoteParser(), 800),
		util.Prioritized(reserveParser{BlockParser: parser.NewHTMLBlockParser(), md: m, html: true}, 900),
		util.Prioritized(reserveParser{BlockParser: parser.NewParagraphParser(), md: m}, 1000),
	}
}

// inlineParsers returns goldmark's default inline parsers
// (parser.DefaultInlineParsers), with their priorities.
func inlineParsers() []util.PrioritizedValue {
	return []util.PrioritizedValue{
		util.Prioritized(parser.NewCodeSpanParser(), 100),
		util.Prioritized(parser.NewLinkParser(), 200),
		util.Prioritized(parser.NewAutoLinkParser(), 300),
		util.Prioritized(parser.NewRawHTMLParser(), 400),
		util.Prioritized(parser.NewEmphasisParser(), 500),
	}
}

// linkRefs is goldmark's LinkReferenceParagraphTransformer, skipped for
// paragraphs whose first non-blank byte is not "[" (a definition starts
// with its label; goldmark would read nothing from them).
type linkRefs struct{}

func (linkRefs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	src := reader.Source()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if seg.Padding > 0 {
			break
		}
		for _, c := range seg.Value(src) {
			if !util.IsSpace(c) {
				if c != '[' {
					return
				}
				parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
				return
			}
		}
	}
	parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
}

// rawPara is a paragraph whose inline content goldmark has not parsed
// (IsRaw makes goldmark's inline pass skip it).
type rawPara struct {
	ast.Paragraph
}

func (*rawPara) IsRaw() bool { return true }

// deferInline runs after the link reference and table transformers and
// replaces the paragraph by a rawPara with the same lines, trimmed as
// goldmark's paragraph parser would on close (a replaced paragraph is not
// closed). A paragraph transformed while a setext heading underline is
// being read (it is no longer among the open blocks) is left alone: it
// becomes the heading.
type deferInline struct {
	md *mD
}

func (d deferInline) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	open := false
	blocks := pc.OpenedBlocks()
	for i := len(blocks) - 1; i >= 0; i-- {
		if blocks[i].Node == node {
			open = true
			break
		}
	}
	parent := node.Parent()
	lines := node.Lines()
	if !open || parent == nil || lines.Len() == 0 {
		return
	}
	src := reader.Source()
	for i := 0; i < lines.Len(); i++ {
		l := lines.At(i)
		lines.Set(i, l.TrimLeftSpace(src))
	}
	last := lines.At(lines.Len() - 1)
	lines.Set(lines.Len()-1, last.TrimRightSpace(src))
	raw := &d.md.raws.take(1)[0]
	raw.SetLines(lines)
	raw.SetBlankPreviousLines(node.HasBlankPreviousLines())
	parent.ReplaceChild(parent, node, raw)
}

// aTXHeadingParser is goldmark's ATX heading parser, with the inline
// content of headings left unparsed: Open moves a heading's lines to
// md.heads, leaving the heading without lines (goldmark's inline pass has
// nothing to read in it); collectBlocks gives them back after the parse
// and reads the headings itself (see collector.heading).
type aTXHeadingParser struct {
	parser.BlockParser
	md *mD
}

// headLines is a heading whose lines aTXHeadingParser moved.
type headLines struct {
	h     *ast.Heading
	lines text.Segments
}

func (w aTXHeadingParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	n, st := w.open(reader, pc)
	if h, ok := n.(*ast.Heading); ok && h.Lines().Len() > 0 && !h.HasChildren() {
		w.md.heads = append(w.md.heads, headLines{h: h, lines: *h.Lines()})
		var none text.Segments
		h.SetLines(&none)
	}
	return n, st
}

// open is goldmark's atxHeadingParser.Open (without heading attributes,
// which docgen does not enable), with the heading taken from md.hnodes
// and its line list from the recycled ones (see reserve).
func (w aTXHeadingParser) open(reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	i := pos
	for ; i < len(line) && line[i] == '#'; i++ {
	}
	level := i - pos
	if i == pos || level > 6 {
		return nil, parser.NoChildren
	}
	newHeading := func() *ast.Heading {
		h := &w.md.hnodes.take(1)[0]
		h.Level = level
		return h
	}
	if i == len(line) { // alone '#' (without a new line character)
		return newHeading(), parser.NoChildren
	}
	l := util.TrimLeftSpaceLength(line[i:])
	if l == 0 {
		return nil, parser.NoChildren
	}

	start := min(i+l, len(line)-1)
	node := newHeading()
	hl := text.NewSegment(
		segment.Start+start-segment.Padding,
		segment.Start+len(line)-segment.Padding)
	hl = hl.TrimRightSpace(reader.Source())
	if hl.Len() == 0 {
		reader.AdvanceToEOL()
		return node, parser.NoChildren
	}

	// handle closing sequence of '#' characters
	line = hl.Value(reader.Source())
	stop := len(line)
	if stop == 0 { // empty headings like '##[space]'
		stop = 0
	} else {
		i = stop - 1
		for ; line[i] == '#' && i > 0; i-- {
		}
		if i == 0 && line[0] == '#' { // empty headings like '### ###'
			reader.AdvanceToEOL()
			return node, parser.NoChildren
		}
		if i != stop-1 && util.IsSpace(line[i]) {
			stop = i
			stop -= util.TrimRightSpaceLength(line[0:stop])
		}
	}
	hl.Stop = hl.Start + stop
	w.md.reserve(node.Lines(), 1)
	node.Lines().Append(hl)
	reader.AdvanceToEOL()

	return node, parser.NoChildren
}

// reserveParser is one of goldmark's block parsers (fenced code, HTML
// block, paragraph) whose blocks get, when opened, room for the lines they
// are likely to have, estimated from the source: goldmark appends lines
// one by one, regrowing the list of a long block several times.
type reserveParser struct {
	parser.BlockParser
	md          *mD
	fence, html bool
}

func (w reserveParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	if !w.fence && !w.html {
		return w.openParagraph(line, seg, reader)
	}
	off := pc.BlockOffset()
	n, st := w.BlockParser.Open(parent, reader, pc)
	if n == nil || n.Type() != ast.TypeBlock {
		return n, st
	}
	src := reader.Source()
	next := seg.Stop
	if next <= seg.Start || next > len(src) || src[next-1] != '\n' {
		return n, st
	}
	var want int
	rest := src[next:min(len(src), next+reserveScan)]
	switch {
	case w.fence:
		if off < 0 || off >= len(line) {
			return n, st
		}
		k := off
		for k < len(line) && line[k] == line[off] {
			k++
		}
		want = linesBefore(rest, line[off:k])
	case w.html:
		h, ok := n.(*ast.HTMLBlock)
		if !ok || h.HTMLBlockType != ast.HTMLBlockType2 || bytes.Contains(line, []byte("-->")) {
			return n, st
		}
		want = 2 + linesBefore(rest, []byte("-->"))
	}
	w.md.reserve(n.Lines(), want)
	return n, st
}

// openParagraph is goldmark's paragraphParser.Open, with the paragraph
// taken from md.paras and given room for the lines it is likely to have.
func (w reserveParser) openParagraph(line []byte, seg text.Segment, reader text.Reader) (ast.Node, parser.State) {
	if util.IsBlank(line) {
		return nil, parser.NoChildren
	}
	n := &w.md.paras.take(1)[0]
	want := 1
	src := reader.Source()
	if next := seg.Stop; next > seg.Start && next <= len(src) && src[next-1] == '\n' {
		rest := src[next:min(len(src), next+reserveScan)]
		if len(rest) > 0 && rest[0] != '\n' {
			if x := w.md.idx; x != nil && x.base+len(src) == len(x.src) {
				want = 2 + x.linesBeforeBlank(next, len(rest))
			} else {
				want = 2 + linesBefore(rest, []byte("\n\n"))
			}
		}
	}
	w.md.reserve(n.Lines(), want)
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// maxReserve bounds the lines reserved for one block.
const maxReserve = 1024

// zeroSegs is what reserve appends to make room.
var zeroSegs [256]text.Segment

// reserve gives lines (of a block just opened: at most one line) room
// for n segments: the same segments, more capacity. The room is a list of
// a previous page's block when there is one (see recycle), else made the
// only way goldmark's Segments offer: append, then reslice.
func (m *mD) reserve(lines *text.Segments, n int) {
	n = min(n, maxReserve)
	have := lines.Len()
	if n <= have || have > 1 {
		return
	}
	var keep text.Segment
	if have == 1 {
		keep = lines.At(0)
	}
	class := bits.Len(uint(n - 1))
	var s text.Segments
	if free := m.segs[class]; len(free) > 0 {
		s = free[len(free)-1]
		m.segs[class] = free[:len(free)-1]
	} else {
		for left := 1 << class; left > 0; left -= len(zeroSegs) {
			s.AppendAll(zeroSegs[:min(left, len(zeroSegs))])
		}
	}
	s.SetSliced(0, 0)
	if have == 1 {
		s.Append(keep)
	}
	*lines = s
	m.lent = append(m.lent, lentLines{lines: lines, class: uint8(class)})
}

// lentLines is a block's line list made by reserve, with room for at least
// 1<<class segments.
type lentLines struct {
	lines *text.Segments
	class uint8
}

// recycle takes back the line lists reserve gave the blocks of the
// previous page (nothing reads that page's nodes any more), for the
// blocks of the next page.
func (m *mD) recycle() {
	for i, l := range m.lent {
		m.segs[l.class] = append(m.segs[l.class], *l.lines)
		m.lent[i] = lentLines{}
	}
	m.lent = m.lent[:0]
}

// reserveScan bounds the source read to estimate a block's lines.
const reserveScan = 64 << 10

// linesBefore counts the line ends in src before the first occurrence of
// sep (all of them if there is none): the lines of src before the line
// that holds sep, plus one when sep starts with a line end.
func linesBefore(src, sep []byte) int {
	if i := bytes.Index(src, sep); i >= 0 {
		src = src[:i]
	}
	return bytes.Count(src, []byte{'\n'})
}

// linesBeforeBlank is linesBefore(src[next:next+limit], "\n\n") for
// the source goldmark parses (src[x.base:]) read from the line index,
// next being the start of a line: the lines before the first empty line
// that follows next's, or all the line ends in the window if there is
// none.
func (x *pageLines) linesBeforeBlank(next, limit int) int {
	abs := next + x.base
	starts := x.starts
	// jn is the index of the line starting at abs.
	lo, hi := 0, len(starts)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if starts[h] < abs {
			lo = h + 1
		} else {
			hi = h
		}
	}
	jn := lo
	if jn >= len(starts) || starts[jn] != abs {
		return linesBefore(x.src[abs:abs+limit], []byte("\n\n"))
	}
	// An empty line j (a lone "\n") after line jn is "\n\n" at the end
	// of line j-1, with j-1-jn line ends before it.
	for j := jn + 1; j+1 < len(starts) && starts[j]-abs < limit; j++ {
		if starts[j+1] == starts[j]+1 {
			return j - 1 - jn
		}
	}
	k := jn + 1
	for k < len(starts) && starts[k] <= abs+limit {
		k++
	}
	return k - 1 - jn
}

// segmentsKey holds the []*text.Segments of the paragraphs
// segmentsParser emits.
var segmentsKey = parser.NewContextKey()

// batchKind is the kind of batch.
var batchKind = ast.NewNodeKind("DocgenBatch")

// batch holds the paragraphs segmentsParser emits.
type batch struct {
	ast.BaseBlock
}

func (*batch) Kind() ast.NodeKind { return batchKind }

func (n *batch) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// segmentsParser is the only block parser of mD.inline: it turns the
// whole input into one batch holding one paragraph per entry of the
// segments stored under segmentsKey, whose lines are exactly those
// segments; goldmark's inline pass then parses each paragraph.
type segmentsParser struct{}

func (segmentsParser) Trigger() []byte { return nil }

func (segmentsParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	segs, _ := pc.Get(segmentsKey).([]*text.Segments)
	if segs == nil {
		return nil, parser.NoChildren
	}
	pc.Set(segmentsKey, nil)
	batch := &batch{}
	paras := make([]ast.Paragraph, len(segs))
	for i, l := range segs {
		p := &paras[i]
		p.SetLines(l)
		batch.AppendChild(batch, p)
	}
	reader.AdvanceToEOL()
	return batch, parser.NoChildren
}

func (segmentsParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (segmentsParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}
func (segmentsParser) CanInterruptParagraph() bool                                { return false }
func (segmentsParser) CanAcceptIndentedLine() bool                                { return true }

// isDeferred reports whether n is a node whose inline content goldmark
// left unparsed.
func isDeferred(n ast.Node) bool {
	switch n.(type) {
	case *rawPara:
		return true
	}
	return false
}

// inlineAll replaces every deferred node of ns by a node holding its
// parsed inline content, parsing them all in one goldmark pass.
func (c *collector) inlineAll(ns []ast.Node) {
	var segs []*text.Segments
	var first *text.Segments
	for _, n := range ns {
		if isDeferred(n) {
			segs = append(segs, n.Lines())
			if first == nil && n.Lines().Len() > 0 {
				first = n.Lines()
			}
		}
	}
	if first == nil {
		// Nothing to parse: deferred nodes without lines have no content.
		return
	}
	p := c.inlineSegs(segs)
	if p == nil {
		return
	}
	for i, n := range ns {
		if isDeferred(n) {
			ns[i] = p
			p = p.NextSibling()
		}
	}
}

// inlineSegs parses segs (one paragraph each) in one goldmark inline
// pass and returns the first paragraph (the others are its siblings), or
// nil if there is nothing to parse.
func (c *collector) inlineSegs(segs []*text.Segments) ast.Node {
	var first *text.Segments
	for _, s := range segs {
		if s.Len() > 0 {
			first = s
			break
		}
	}
	if first == nil {
		return nil
	}
	c.pc.Set(segmentsKey, segs)
	doc := c.md.inline.Parse(text.NewBlockReader(c.src, first), parser.WithContext(c.pc))
	c.pc.Set(segmentsKey, nil)
	batch, ok := doc.FirstChild().(*batch)
	if !ok || batch.ChildCount() != len(segs) {
		return nil
	}
	return batch.FirstChild()
}

type blockKind uint8

const (
	bHeading blockKind = iota
	bPara
	bFence
	bHTML
	bTable
	bOther
)

// link is a Markdown link found in inline content.
type mdLink struct {
	Text string
	Dest string
}

// block is one goldmark block of a page, flattened in document order with
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

	// fenced code
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
func collectBlocks(md *mD, src []byte, idx *pageLines) []*mdBlock {
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

// headingKind returns headingKind of the block's text, computed once.
func (b *mdBlock) headingKind() secKind {
	b.classifyHeading()
	return b.hkind
}

// isSyntaxHeading returns isSyntaxHeading of the block's text, computed
// once.
func (b *mdBlock) isSyntaxHeading() bool {
	b.classifyHeading()
	return b.hsyntax
}

func (b *mdBlock) classifyHeading() {
	if !b.hdone {
		t := b.txt()
		b.hkind, b.hsyntax, b.hdone = headingKind(t), isSyntaxHeading(t), true
	}
}

// lnk returns the links of the block's inline content.
func (b *mdBlock) lnk() []mdLink {
	b.load()
	return b.linksv
}

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

// loadRun loads b and the paragraphs after it in the same section and
// container (those are usually read together), parsing their inline
// content in one goldmark pass.
func (c *collector) loadRun(b *mdBlock) {
	var run []*mdBlock
	var nodes []ast.Node
	add := func(n *mdBlock) {
		if _, ok := n.node.(*rawPara); !ok || n.kind != bPara || (n.loaded && n != b) {
			return
		}
		n.loaded = true
		// Plain text and simple links are read without goldmark.
		if t, ok := c.fastPlain(n.node.Lines(), &n.linksv); ok {
			n.textv = t
			return
		}
		run = append(run, n)
		nodes = append(nodes, n.node)
	}
	add(b)
	for i := int(b.seq) + 1; i < len(c.blocks); i++ {
		n := c.blocks[i]
		if n.section != b.section || n.kind == bHeading {
			break
		}
		if n.parent == b.parent {
			add(n)
		}
	}
	if len(nodes) == 0 {
		return
	}
	c.inlineAll(nodes)
	for i, n := range run {
		n.textv = c.plain(nodes[i], &n.linksv)
	}
}

// plain returns the cleaned plain text of n's inline content (see inline),
// recording links. Content that is one text node is copied once, without
// a builder.
func (c *collector) plain(n ast.Node, links *[]mdLink) string {
	ch := n.FirstChild()
	if ch == nil {
		return ""
	}
	if t, ok := ch.(*ast.Text); ok && ch.NextSibling() == nil {
		// A trailing line-break space would be dropped by cleanText.
		return cleanText(c.str(t.Segment))
	}
	var sb strings.Builder
	c.inline(n, &sb, false, links)
	return cleanText(sb.String())
}

type collector struct {
	md     *mD
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
// (see aTXHeadingParser): plain text and simple links without goldmark,
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

// textArena copies page sources into strings cut from shared chunks
// (one allocation, without zeroing, for many pages). A chunk is never
// written again where a string was cut from it (a strings.Builder only
// appends), and stays alive while any of its strings does.
type textArena struct {
	b    strings.Builder
	used bool
}

// textChunk is the size of the chunks after the first, which holds
// just the first page (a reader used for one page keeps no more).
const textChunk = 128 << 10

// copy returns src as a string.
func (a *textArena) copy(src []byte) string {
	if len(src) == 0 {
		return ""
	}
	if a.b.Cap()-a.b.Len() < len(src) {
		size := len(src)
		if a.used {
			size = max(size, textChunk)
		}
		a.b.Reset()
		a.b.Grow(size)
		a.used = true
	}
	off := a.b.Len()
	a.b.Write(src)
	return a.b.String()[off:]
}

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

// inline writes the plain text of n's inline content. keepCode keeps code
// spans in backticks. Links are reduced to their text and recorded.
func (c *collector) inline(n ast.Node, sb *strings.Builder, keepCode bool, links *[]mdLink) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			sb.Write(ch.Segment.Value(c.src))
			if ch.SoftLineBreak() || ch.HardLineBreak() {
				sb.WriteByte(' ')
			}
		case *ast.String:
			sb.Write(ch.Value)
		case *ast.CodeSpan:
			if keepCode {
				sb.WriteByte('`')
			}
			// Backslashes in code are literal: double them so that
			// cleanText's unescaping gives them back ("`\`").
			var code strings.Builder
			c.inline(ch, &code, keepCode, nil)
			sb.WriteString(strings.ReplaceAll(code.String(), `\`, `\\`))
			if keepCode {
				sb.WriteByte('`')
			}
		case *ast.Link:
			var lt strings.Builder
			c.inline(ch, &lt, keepCode, links)
			sb.WriteString(lt.String())
			if links != nil {
				*links = append(*links, mdLink{Text: cleanText(lt.String()), Dest: string(ch.Destination)})
			}
		case *ast.AutoLink:
			sb.Write(ch.Label(c.src))
		case *ast.RawHTML:
			var h strings.Builder
			for i := 0; i < ch.Segments.Len(); i++ {
				s := ch.Segments.At(i)
				h.Write(s.Value(c.src))
			}
			tag := strings.ToLower(h.String())
			switch {
			case strings.HasPrefix(tag, "<br"), strings.HasPrefix(tag, "<li"), strings.HasPrefix(tag, "</li"),
				strings.HasPrefix(tag, "<p"), strings.HasPrefix(tag, "</p"), strings.HasPrefix(tag, "<ul"), strings.HasPrefix(tag, "</ul"):
				sb.WriteByte(' ')
			}
		default:
			c.inline(ch, sb, keepCode, links)
		}
	}
}

// cleanText resolves entities and backslash escapes and collapses runs of
// white space (including NBSP and zero-width spaces) into single spaces.
func cleanText(s string) string {
	esc, collapse := textScan(s)
	if esc {
		b := util.ResolveEntityNames([]byte(s))
		b = util.ResolveNumericReferences(b)
		b = util.UnescapePunctuations(b)
		return collapseSpace(string(b))
	}
	if !collapse {
		return s
	}
	return collapseRuns(s)
}

// textScan reports, in one pass, whether s holds "&" or a backslash
// (esc: entities and escapes to resolve) and whether collapseSpace changes it
// (collapse).
func textScan(s string) (esc, collapse bool) {
	prevSpace := true // leading spaces are dropped
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > ' ' && c < 0x80 {
			// The usual byte: visible ASCII.
			if c == '&' || c == '\\' {
				esc = true
			}
			prevSpace = false
			continue
		}
		switch {
		case c == ' ':
			collapse = collapse || prevSpace
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\r':
			collapse = true
		case c >= 0x80:
			// NBSP (C2 A0), U+2007/U+200B/U+202F (E2 80 xx), BOM (EF BB BF).
			collapse = collapse || c == 0xC2 || c == 0xE2 || c == 0xEF
			prevSpace = false
		default:
			prevSpace = false
		}
	}
	// A trailing space is dropped.
	return esc, collapse || prevSpace
}

func collapseSpace(s string) string {
	if _, collapse := textScan(s); !collapse {
		return s
	}
	return collapseRuns(s)
}

// collapseRuns is collapseSpace for a string it changes.
func collapseRuns(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2007':
			space = true
			continue
		case '\u200b', '\ufeff':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
