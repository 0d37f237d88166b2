// atxHeadingParser.open is adapted from github.com/yuin/goldmark v1.8.7
// (parser/atx_heading.go: atxHeadingParser.Open), Copyright (c) 2019 Yusuke
// Inuzuka, under the MIT License in LICENSE.goldmark.

package parser

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// atxHeadingParser is goldmark's ATX heading parser, with the inline
// content of headings left unparsed: Open moves a heading's lines to
// md.heads, leaving the heading without lines (goldmark's inline pass has
// nothing to read in it); collectBlocks gives them back after the parse
// and reads the headings itself (see collector.heading).
type atxHeadingParser struct {
	parser.BlockParser
	md *mdReader
}

// headLines is a heading whose lines atxHeadingParser moved.
type headLines struct {
	h     *ast.Heading
	lines text.Segments
}

func (w atxHeadingParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
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
func (w atxHeadingParser) open(reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
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
