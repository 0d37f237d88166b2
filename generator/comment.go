package generator

import (
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"
)

// commentWidth is the column doc comments wrap at (not counting "// ").
const commentWidth = 77

// sanitizeText makes documentation text safe inside a // comment: every
// control character, line or paragraph separator becomes a space (so text
// can never end the comment line and start code), "*/" is broken up, and
// runs of spaces collapse.
func sanitizeText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\u0085' || r == '\ufeff' || unicode.Is(unicode.Zs, r) {
			r = ' '
		}
		if r == ' ' {
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	out := strings.TrimRight(b.String(), " ")
	return strings.ReplaceAll(out, "*/", "* /")
}

// wrapText sanitizes text and wraps it into lines of at most width bytes
// (a longer word gets a line of its own).
func wrapText(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(sanitizeText(text)) {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// commentLine renders one comment line. jennifer writes a comment that
// starts with "//" or "/*" raw, which would let "//go:generate" in a
// description become a directive; such a line is written as "// //go:..."
// instead, plain comment text.
func commentLine(s string) *jen.Statement {
	if s == "" {
		return jen.Comment("//")
	}
	if strings.HasPrefix(s, "//") || strings.HasPrefix(s, "/*") {
		return jen.Comment("// " + s)
	}
	return jen.Comment(s)
}

// docComment returns comment statements for paragraphs, each wrapped and
// separated by an empty comment line; empty paragraphs are dropped.
func docComment(paragraphs ...string) []jen.Code {
	var out []jen.Code
	for _, para := range paragraphs {
		lines := wrapText(para, commentWidth)
		if len(lines) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, commentLine(""))
		}
		for _, l := range lines {
			out = append(out, commentLine(l))
		}
	}
	return out
}

// compactComment is docComment without the empty lines between
// paragraphs, for struct fields and constants.
func compactComment(paragraphs ...string) []jen.Code {
	var out []jen.Code
	for _, para := range paragraphs {
		for _, l := range wrapText(para, commentWidth) {
			out = append(out, commentLine(l))
		}
	}
	return out
}

// addComments appends comment statements to a group (a file body or a
// struct).
func addComments(g *jen.Group, lines []jen.Code) {
	for _, l := range lines {
		g.Add(l)
	}
}

// sentence makes s end with a period (for descriptions cut mid-way).
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':':
		return s
	}
	return s + "."
}
