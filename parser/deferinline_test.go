package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// blockView is what the rest of the parser reads from a block.
type blockView struct {
	Kind    blockKind
	Line    int
	Col     int
	EndLine int
	Text    string
	Raw     string
	Links   []mdLink
	Tab     bool
	Header  []string
	Cells   [][]mdCell
}

func viewBlocks(md *mdReader, src string) []blockView {
	idx := newPageLines("x.md", []byte(src), 0)
	var out []blockView
	for _, b := range collectBlocks(md, []byte(src), idx) {
		v := blockView{Kind: b.kind, Line: b.pos.Line, Col: b.pos.Col, EndLine: b.endLine, Tab: b.tab}
		if b.kind == bPara || b.kind == bHeading {
			v.Text, v.Links, v.Raw = b.txt(), b.lnk(), b.rawText()
		}
		if b.kind == bTable {
			v.Header = b.mdTable.header
			for _, r := range b.mdTable.rows() {
				var row []mdCell
				for _, c := range r.cells {
					row = append(row, *c)
				}
				v.Cells = append(v.Cells, row)
			}
		}
		out = append(out, v)
	}
	return out
}

// TestDeferredInline checks that paragraphs whose inline content is parsed
// on demand read exactly as goldmark's eager parse reads them.
func TestDeferredInline(t *testing.T) {
	eager := &mdReader{block: newMarkdown().Parser(), inline: newMDReader().inline}
	for _, tc := range []struct{ name, src string }{
		{"plain", "# Title\n\nSome *text* with `code` and [a link](x.md).\n"},
		{"setext", "Heading one\n===\n\nHeading two\n---\n\npara\n"},
		{"setext after two lines", "line one\nline two\n---\n"},
		{"reference link", "See [the type][t] and [t].\n\n[t]: ../resources/t.md\n"},
		{"reference before", "[t]: ../resources/t.md\n\nSee [t][].\n"},
		{"reference only", "[t]: ../resources/t.md\n"},
		{"tight list", "- one [a](a.md)\n- two `b`\n"},
		{"loose list", "- one\n\n- two **bold**\n"},
		{"nested list", "1. first\n   - inner *x*\n2. second\n"},
		{"blockquote lazy", "> [!NOTE]\n> quoted\nlazy line\n"},
		{"hard breaks", "line one  \nline two\\\nline three\n"},
		{"trailing spaces", "   indented start\nend   \n\nnext\n"},
		{"entities and escapes", "a &amp; b &lt;c&gt; \\_d\\_ &#42;\n"},
		{"inline html", "a<br/>b <b>c</b>\n"},
		{"autolink", "see <https://example.com> now\n"},
		{"table after para", "Intro line\n| a | b |\n|---|---|\n| 1 | 2 |\n\nafter\n"},
		{"table then text", "| a | b |\n|---|---|\n| 1 | 2 |\ntext [x](y.md)\n"},
		{"pipe escape", "| a | b |\n|---|---|\n| `x\\|y` | 2 |\n"},
		{"table cells", "| Property | Type | Description |\n|:--|:--|:--|\n| id | [user](user.md) | The *id*. Possible values: `a`, `b`. |\n| x |  | &amp; <br/> [r][ref] |\n\n[ref]: r.md\n"},
		{"table extra cells", "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| `c\\|d` | e \\| f |\n"},
		{"table in list", "- item\n\n  | a | b |\n  |---|---|\n  | 1 | **2** |\n"},
		{"table short row", "| a | b | c |\n|---|---|---|\n| 1 |\n"},
		{"tab marker", "# [HTTP](#tab/http)\n\ncontent\n"},
		{"simple links", "See [user](../resources/user.md) and [a b](x_y.md#z).\nNext line [c](c.md)\nend [d](d.md)  \nlast\n\n[ x ](y) Collection([t](t.md))\n"},
		{"link-like text", "a [b] c [d](e)\n\n[a](b c)\n\n[a](<b>)\n\n![i](x.md)\n\n[](x)\n\n[a](b \"t\")\n\n[a]( b )\n\n[a](b(c))\n"},
		{"link entities", "[a &amp; b](x.md) &lt;tag&gt; [c](d&amp;e)\n"},
		{"reference shapes", "[t] and [t][] and [x][t] and [t](u.md)\n\n[t]: r.md\n"},
		{"cell links", "| Property | Type |\n|--|--|\n| a | [user](user.md) |\n| b | Collection([x](x.md)) |\n| c | [x] [y](y.md) |\n| d | [t] |\n| e | [a b](c_d.md) text |\n\n[t]: t.md\n"},
		{"table header longer", "| a | b | c |\n|---|---|\n| 1 | 2 |\n"},
		{"table no pipes", "a | b\n--|--\n1 | 2\n"},
		{"table alignments", "| a | b | c | d |\n|:--|--:|:-:| --- |\n| 1 | 2 | 3 | 4 |\n"},
		{"table bad delimiter", "| a | b |\n|-:-|---|\n| 1 | 2 |\n"},
		{"table indented delimiter", "| a | b |\n    |---|---|\n| 1 | 2 |\n"},
		{"table empty cells", "| a | b |\n|---|---|\n||  |\n|\n| x\n"},
		{"table escaped pipes", "| a | b |\n|---|---|\n| `p\\|q\\|r` and `s` | x \\| y `z\\|` |\n| \\| `a` \\| | *b\\|c* |\n"},
		{"table code pipes", "| a | b |\n|---|---|\n| `x | y` | z |\n"},
		{"two tables", "| a |\n|---|\n| 1 |\n\n| b | c |\n|--|--|\n| [l](l.md) | <br/> &amp; |\n"},
		{"table then heading", "| a |\n|---|\n| 1 |\n# H\n"},
		{"table in blockquote", "> | a | b |\n> |---|---|\n> | 1 | `2` |\n"},
		{"table trailing spaces", "| a | b |   \n|---|---|  \n| 1 | 2 |  \n"},
		{"table escaped last pipe", "| a | b \\|\n|---|---|\n| 1 | 2 \\|\n"},
		{"html block", "<!-- {\n  \"blockType\": \"request\"\n} -->\n\nafter\n"},
		{"unclosed emphasis", "*open and [unclosed(x.md\n"},
		{"empty", ""},
		{"code in para", "`a\\b` and ``c ` d``\n"},
	} {
		want := viewBlocks(eager, tc.src)
		got := viewBlocks(newMDReader(), tc.src)
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(mdLink{}, mdCell{})); diff != "" {
			t.Errorf("%s: deferred parse differs from eager parse (-eager +deferred):\n%s", tc.name, diff)
		}
	}
}

// TestDeferredInlineCorpus checks every corpus page: docgen's deferred
// paragraphs and tables read exactly as goldmark's eager parse with its
// table extension reads them.
func TestDeferredInlineCorpus(t *testing.T) {
	files := corpusFiles(t)
	eager := &mdReader{block: newMarkdown().Parser(), inline: newMDReader().inline}
	lazy := newMDReader()
	opt := cmp.AllowUnexported(mdLink{}, mdCell{})
	failed := 0
	for _, f := range files {
		src := string(normalise(f.Src))
		want := viewBlocks(eager, src)
		got := viewBlocks(lazy, src)
		if diff := cmp.Diff(want, got, opt); diff != "" {
			t.Errorf("%s: deferred parse differs from eager parse (-eager +deferred):\n%s", f.Path, diff)
			if failed++; failed > 3 {
				t.Fatal("too many differences")
			}
		}
	}
}

// TestDeferredInlineIsDeferred checks that paragraphs are left unparsed
// until read, and that reading one parses the run after it.
func TestDeferredInlineIsDeferred(t *testing.T) {
	src := "# T\n\n## S\n\npara one *x*\n\npara two [y](y.md)\n\n## U\n\npara three\n"
	idx := newPageLines("x.md", []byte(src), 0)
	blocks := collectBlocks(newMDReader(), []byte(src), idx)
	var paras []*mdBlock
	for _, b := range blocks {
		if b.kind == bPara {
			if _, ok := b.node.(*rawPara); !ok {
				t.Fatalf("paragraph at line %d was parsed eagerly (%T)", b.pos.Line, b.node)
			}
			if b.node.FirstChild() != nil {
				t.Fatalf("paragraph at line %d has inline children before it is read", b.pos.Line)
			}
			paras = append(paras, b)
		}
	}
	if len(paras) != 3 {
		t.Fatalf("got %d paragraphs, want 3", len(paras))
	}
	if got := paras[0].txt(); got != "para one x" {
		t.Errorf("first paragraph = %q", got)
	}
	if !paras[1].loaded || paras[2].loaded {
		t.Errorf("loaded = %v %v, want the run in section S (true) and not section U (false)", paras[1].loaded, paras[2].loaded)
	}
	if l := paras[1].lnk(); len(l) != 1 || l[0].Dest != "y.md" {
		t.Errorf("second paragraph links = %v", l)
	}
}

// TestScratch checks that scratch slices are zeroed and sized as asked,
// and reused after a reset.
func TestScratch(t *testing.T) {
	var s scratch[int]
	chunks := 0
	for round := 0; round < 2; round++ {
		for _, n := range []int{3, 300, 0, 256, 5} {
			got := s.take(n)
			if len(got) != n || cap(got) != n {
				t.Fatalf("round %d: take(%d) has len %d cap %d", round, n, len(got), cap(got))
			}
			for i := range got {
				if got[i] != 0 {
					t.Fatalf("round %d: take(%d)[%d] = %d, want 0", round, n, i, got[i])
				}
				got[i] = i + 1
			}
		}
		s.reset()
		if round == 0 {
			chunks = len(s.chunks)
		}
	}
	if len(s.chunks) != chunks {
		t.Errorf("got %d chunks after the second round, want %d (reused)", len(s.chunks), chunks)
	}
}

// FuzzDeferredInline is TestDeferredInline on arbitrary Markdown: docgen's
// reading of paragraphs, headings and tables (deferred inline parsing, the
// table transformer, the plain-text fast path) must equal goldmark's eager
// parse with its own table extension, for pages the corpus does not have.
func FuzzDeferredInline(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nSome *text* with `code` and [a link](x.md).\n",
		"| Property | Type | Description |\n|:--|:--|:--|\n| id | [user](user.md) | The *id*. Possible values: `a`, `b`. |\n| x |  | &amp; <br/> [r][ref] |\n\n[ref]: r.md\n",
		"| a | b |\n|---|---|\n| `p\\|q\\|r` and `s` | x \\| y `z\\|` |\n| \\| `a` \\| | *b\\|c* |\n",
		"See [user](../resources/user.md) and [a b](x_y.md#z).\nNext line [c](c.md)\nend [d](d.md)  \nlast\n",
		"## [HTTP](#tab/http)\n\n- item\n\n  | a | b |\n  |---|---|\n  | 1 | **2** |\n",
		"a [b] c [d](e)\n\n[a](b c)\n\n[t] and [t][]\n\n[t]: r.md\n",
	} {
		f.Add(s)
	}
	eager := &mdReader{block: newMarkdown().Parser(), inline: newMDReader().inline}
	opt := cmp.AllowUnexported(mdLink{}, mdCell{})
	f.Fuzz(func(t *testing.T, src string) {
		src = string(normalise([]byte(src)))
		want := viewBlocks(eager, src)
		got := viewBlocks(newMDReader(), src)
		if diff := cmp.Diff(want, got, opt); diff != "" {
			t.Errorf("docgen's reading differs from goldmark's (-goldmark +docgen):\n%s", diff)
		}
	})
}
