package parser

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

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

// segmentsParser is the only block parser of mdReader.inline: it turns the
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

func (segmentsParser) CanInterruptParagraph() bool { return false }

func (segmentsParser) CanAcceptIndentedLine() bool { return true }
