package parser

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// goldmarkPlain reads lines (one paragraph, lines without their line
// ends) with goldmark's inline parser and plain.
func goldmarkPlain(t *testing.T, lines []string) (string, []mdLink, string, []mdLink, bool) {
	t.Helper()
	src := []byte(strings.Join(lines, "\n"))
	segs := text.NewSegments()
	off := 0
	for i, l := range lines {
		stop := off + len(l)
		if i < len(lines)-1 {
			stop++
		}
		segs.Append(text.NewSegment(off, stop))
		off = stop
	}
	c := &collector{src: src, md: newMDReader(), pc: parser.NewContext()}
	var want []mdLink
	p := c.inlineSegs([]*text.Segments{segs})
	if p == nil {
		t.Fatalf("%q: goldmark parsed nothing", lines)
	}
	wantText := c.plain(p, &want)
	var got []mdLink
	gotText, ok := c.fastPlain(segs, &got)
	return wantText, want, gotText, got, ok
}

// TestFastInline checks that the fast path reads inline content exactly
// as goldmark and plain do, on chosen and on random lines.
func TestFastInline(t *testing.T) {
	fast := 0
	check := func(lines []string, mustBeFast bool) {
		want, wantLinks, got, gotLinks, ok := goldmarkPlain(t, lines)
		if !ok {
			if mustBeFast {
				t.Errorf("%q: not read by the fast path", lines)
			}
			return
		}
		fast++
		if got != want || !cmp.Equal(gotLinks, wantLinks, cmp.AllowUnexported(mdLink{})) {
			t.Errorf("%q: fast path gives %q %v, goldmark %q %v", lines, got, gotLinks, want, wantLinks)
		}
	}
	for _, tc := range []struct {
		lines []string
		fast  bool
	}{
		{[]string{"plain text &amp; more"}, true},
		{[]string{"see [user](../resources/user.md) now"}, true},
		{[]string{"Collection([x](x_y.md#a))"}, true},
		{[]string{"values: `a`, `b\\c`, ` d `, `  `"}, true},
		{[]string{"the **id** and **x y**s"}, true},
		{[]string{"a**b**c"}, true},
		{[]string{"line one [a](b)  ", "line two  ", "[c](d)"}, true},
		{[]string{"**a**b**c**"}, true},
		{[]string{"*a*"}, false},
		{[]string{"`a``b`"}, false},
		{[]string{"[a] [b](c)"}, false},
		{[]string{"a\\*b"}, false},
	} {
		check(tc.lines, tc.fast)
	}
	rng := rand.New(rand.NewSource(1))
	atoms := []string{"a", "b", "Z", "9", " ", "  ", "*", "**", "`", "[", "]", "(", ")", "](", "[a](b.md)", "!", "<", ">", "\\", "_", "&amp;", ".", "/", "#", ":", "|", "\t"}
	// Atoms that the fast path mostly accepts, to exercise it.
	good := []string{"a", "b", "Z", "9", " ", "  ", "**", "`", "[a](b.md)", "[a b](c_d.md#e)", "(", ")", "&amp;", ".", ":", "|", "`a\\b`", "`x`", "` y `", "**B**", "**bold text**"}
	for n := 0; n < 30000; n++ {
		set := atoms
		if n%2 == 1 {
			set = good
		}
		var lines []string
		for l := 1 + rng.Intn(3); l > 0; l-- {
			var sb strings.Builder
			for k := rng.Intn(12); k >= 0; k-- {
				sb.WriteString(set[rng.Intn(len(set))])
			}
			// Paragraph lines start with a non-blank (deferInline).
			lines = append(lines, "x"+sb.String())
		}
		check(lines, false)
	}
	if fast < 5000 {
		t.Errorf("only %d inputs took the fast path", fast)
	}
}
