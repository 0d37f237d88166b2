// reserveParser.openParagraph and the trimming in deferInline.Transform are
// adapted from github.com/yuin/goldmark v1.8.7 (parser/paragraph.go:
// paragraphParser.Open and Close), Copyright (c) 2019 Yusuke Inuzuka, under
// the MIT License in LICENSE.goldmark.

package parser

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

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
	md *mdReader
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

// reserveParser is one of goldmark's block parsers (fenced code, HTML
// block, paragraph) whose blocks get, when opened, room for the lines they
// are likely to have, estimated from the source: goldmark appends lines
// one by one, regrowing the list of a long block several times.
type reserveParser struct {
	parser.BlockParser
	md          *mdReader
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
