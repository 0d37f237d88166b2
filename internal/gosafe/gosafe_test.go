package gosafe

import (
	"go/parser"
	"go/scanner"
	"go/token"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var hostile = []string{
	"plain text",
	"bidi \u202e reversed \u202c end",
	"isolate \u2066x\u2069 and \u200f mark",
	"zero\u200bwidth\ufeff bom",
	"nul \x00 esc \x1b cr \r lf \n tab \t del \x7f",
	"line sep \u2028 para \u2029 nel \u0085",
	"invalid \xff\xfe bytes \xc3",
	"ends a block */ comment",
	"//go:generate rm -rf /",
	"//line evil.go:1",
	"back`quote and \"quotes\" and \\ backslash",
	"hangul filler \u3164 \u115f with \U000e0001 tag \u202e",
	"nbsp\u00a0space",
	"",
}

func TestScan(t *testing.T) {
	for _, c := range []struct {
		s    string
		want Problem
	}{
		{"ok text\twith tab\nand newline é 日本", 0},
		{"a\u202eb", Invisible},
		{"a\u200bb", Invisible},
		{"a\x00b", Control},
		{"a\rb", Control},
		{"a\u2028b", Control},
		{"a\xffb", InvalidUTF8},
		{"\xff\x00\u2066", InvalidUTF8 | Control | Invisible},
	} {
		if got := Scan(c.s); got != c.want {
			t.Errorf("Scan(%q) = %v, want %v", c.s, got, c.want)
		}
	}
	if off, p := First("ab\u202ec"); off != 2 || p != Invisible {
		t.Errorf("First = %d, %v", off, p)
	}
	if off, p := First("abc"); off != -1 || p != 0 {
		t.Errorf("First(safe) = %d, %v", off, p)
	}
}

// TestCommentLine puts each hostile text in a comment of a Go file and
// checks the file parses with that one comment, holds no unsafe rune, and
// no directive.
func TestCommentLine(t *testing.T) {
	for _, s := range hostile {
		line := CommentLine(s)
		if strings.Contains(line, "\n") || Scan(line) != 0 || !utf8.ValidString(line) {
			t.Errorf("CommentLine(%q) = %q: unsafe", s, line)
		}
		if strings.HasPrefix(line, "//go:") || strings.HasPrefix(line, "//line") || strings.Contains(line, "*/") {
			t.Errorf("CommentLine(%q) = %q: directive or block end", s, line)
		}
		src := "package p\n\n" + line + "\nvar x = 1\n"
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
		if err != nil {
			t.Errorf("CommentLine(%q): %v", s, err)
			continue
		}
		if len(f.Comments) != 1 || len(f.Decls) != 1 {
			t.Errorf("CommentLine(%q): %d comments, %d decls", s, len(f.Comments), len(f.Decls))
		}
	}
	if got := Text("a \u202e b"); got != "a <U+202E> b" {
		t.Errorf("Text = %q", got)
	}
	if got := Text("  a \t\n b  */ c "); got != "a b * / c" {
		t.Errorf("Text = %q", got)
	}
}

// TestLiteral checks each hostile text becomes a literal that scans to
// exactly its bytes and shows no unsafe rune raw.
func TestLiteral(t *testing.T) {
	for _, s := range hostile {
		lit := Literal(s)
		if Scan(lit) != 0 {
			t.Errorf("Literal(%q) = %q: unsafe raw", s, lit)
		}
		var sc scanner.Scanner
		fset := token.NewFileSet()
		file := fset.AddFile("x.go", -1, len(lit))
		errs := 0
		sc.Init(file, []byte(lit), func(token.Position, string) { errs++ }, 0)
		_, tok, val := sc.Scan()
		if tok != token.STRING || errs > 0 {
			t.Errorf("Literal(%q) = %q: not one string literal", s, lit)
			continue
		}
		got, err := strconv.Unquote(val)
		if err != nil || got != s {
			t.Errorf("Literal(%q) = %q: value %q, %v", s, lit, got, err)
		}
	}
	if got := Literal("{\n  \"a\": 1\n}"); got != "`{\n  \"a\": 1\n}`" {
		t.Errorf("plain body not raw: %s", got)
	}
}

func TestCleanNoAlloc(t *testing.T) {
	s := "The unique identifier of the entity."
	if n := testing.AllocsPerRun(100, func() { _ = Text(s); _ = Scan(s); _ = RawOK(s) }); n != 0 {
		t.Errorf("safe text allocates %v times", n)
	}
}

func FuzzText(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		line := CommentLine(s)
		if strings.ContainsAny(line, "\n\r") || Scan(line) != 0 || strings.Contains(line, "*/") {
			t.Fatalf("CommentLine(%q) = %q", s, line)
		}
		lit := Literal(s)
		if Scan(lit) != 0 {
			t.Fatalf("Literal(%q) = %q", s, lit)
		}
		if v, err := strconv.Unquote(lit); err != nil || v != s {
			t.Fatalf("Literal(%q) = %q: %q %v", s, lit, v, err)
		}
	})
}
