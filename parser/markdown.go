package parser

import (
	"math/bits"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newMarkdown returns the goldmark instance docgen reads pages with:
// CommonMark plus GFM tables, nothing else.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table))
}

// mdReader reads pages with goldmark: the Markdown of newMarkdown
// (CommonMark plus GFM tables), which block parses leaving the inline
// content of paragraphs, ATX headings and table cells unparsed (most are
// never read); inline parses such content on first use, with the same inline
// parsers and the page's parse context (link reference definitions), so
// the result is what goldmark would have built. The other fields are
// storage reused from page to page (see scratch.go): an mdReader reads one
// page at a time.
type mdReader struct {
	block  parser.Parser
	inline parser.Parser
	// chunks and list are the block arena, of which used blocks are
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
	// atxHeadingParser moved, in document order; nextHead is the
	// first one walk has not reached.
	heads    []headLines
	nextHead int
	// raws are the rawParas of the page being parsed (reset before
	// each page: nothing keeps a page's nodes).
	raws scratch[rawPara]
	// paras are the paragraphs reserveParser opened on the page being
	// parsed (reset with raws).
	paras scratch[ast.Paragraph]
	// hnodes are the headings atxHeadingParser opened on the page being
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

// newMDReader returns a reader. Its block parsers are goldmark's defaults
// (parser.DefaultBlockParsers, same parsers, same priorities) with four of
// them wrapped: the ATX heading parser leaves heading text unparsed
// (atxHeadingParser), and the fenced code, HTML block and paragraph
// parsers reserve room for their lines (reserveParser). Its paragraph
// transformers are goldmark's link reference definitions, only called for
// paragraphs that can start with one (linkRefs), docgen's tables in place
// of goldmark's table extension (tableTransformer: same tables, cells
// parsed on first read), and deferInline, which leaves the inline content
// of paragraphs unparsed. Its inline parsers are goldmark's defaults
// (parser.DefaultInlineParsers).
func newMDReader() *mdReader {
	m := &mdReader{}
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
func blockParsers(m *mdReader) []util.PrioritizedValue {
	return []util.PrioritizedValue{
		util.Prioritized(parser.NewSetextHeadingParser(), 100),
		util.Prioritized(parser.NewThematicBreakParser(), 200),
		util.Prioritized(parser.NewListParser(), 300),
		util.Prioritized(parser.NewListItemParser(), 400),
		util.Prioritized(parser.NewCodeBlockParser(), 500),
		util.Prioritized(atxHeadingParser{BlockParser: parser.NewATXHeadingParser(), md: m}, 600),
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
