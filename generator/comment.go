package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/internal/gosafe"
)

// commentWidth is the column doc comments wrap at (not counting "// ").
const commentWidth = 77

// sanitizeText makes documentation text safe inside a // comment
// (gosafe.Text): valid UTF-8, every control character, line or paragraph
// separator a space (so text can never end the comment line and start
// code), bidi controls and other invisible characters a visible <U+XXXX>
// marker, "*/" broken up, and runs of spaces collapsed.
func sanitizeText(s string) string { return gosafe.Text(s) }

// wrapText sanitizes text and wraps it into lines of at most width bytes
// (a longer word gets a line of its own). Sanitized text has single
// spaces between words, so each line is a substring of it.
func wrapText(text string, width int) []string {
	t := sanitizeText(text)
	var lines []string
	for t != "" {
		if len(t) <= width {
			lines = append(lines, t)
			break
		}
		cut := strings.LastIndexByte(t[:width+1], ' ')
		if cut <= 0 { // the first word is longer than width
			if cut = strings.IndexByte(t, ' '); cut < 0 {
				lines = append(lines, t)
				break
			}
		}
		lines = append(lines, t[:cut])
		t = t[cut+1:]
	}
	return lines
}

// commentLine renders one comment line of text, sanitized, as "// text"
// (gosafe.CommentLine): jennifer writes a comment that starts with "//" as
// is, and no text can then start a directive such as //go:generate.
func commentLine(s string) *jen.Statement {
	return jen.Comment(gosafe.CommentLine(s))
}

// docComment returns the comment for paragraphs, each wrapped and
// separated by an empty comment line; empty paragraphs are dropped.
func docComment(paragraphs ...string) []jen.Code {
	var b strings.Builder
	for _, para := range paragraphs {
		lines := wrapText(para, commentWidth)
		if len(lines) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n//")
		}
		writeCommentLines(&b, lines)
	}
	return rawComment(&b)
}

// compactComment is docComment without the empty lines between
// paragraphs, for struct fields and constants.
func compactComment(paragraphs ...string) []jen.Code {
	var b strings.Builder
	for _, para := range paragraphs {
		writeCommentLines(&b, wrapText(para, commentWidth))
	}
	return rawComment(&b)
}

// writeCommentLines appends "// line" for each line, as commentLine
// renders it, one per line.
func writeCommentLines(b *strings.Builder, lines []string) {
	for _, l := range lines {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("// ")
		b.WriteString(l)
	}
}

// rawComment is the comment lines in b as one jennifer statement, which
// jennifer writes as is because it starts with "//" (one statement rather
// than one per line halves jennifer's work on comment-heavy files). Each
// line is "// " and sanitized text, so no line can be a directive or code.
func rawComment(b *strings.Builder) []jen.Code {
	if b.Len() == 0 {
		return nil
	}
	return []jen.Code{jen.Comment(b.String())}
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

// deprecatedPara is the "Deprecated: " paragraph of a doc comment
// (go.dev/wiki/Deprecated: gopls and staticcheck warn on uses) for what
// the model's Deprecated field holds: the docs' words on it, or the bare
// marker "deprecated" when only a "(deprecated)" note says so (what names
// the kind of declaration). It returns "" for "" (not deprecated).
func deprecatedPara(why, what string) string {
	why = strings.TrimSpace(why)
	switch {
	case why == "":
		return ""
	case strings.EqualFold(why, "deprecated"):
		return "Deprecated: The documentation marks this " + what + " as deprecated."
	}
	if c := why[0]; c >= 'a' && c <= 'z' {
		why = string(c-'a'+'A') + why[1:] // "use x instead." starts a sentence
	}
	return "Deprecated: " + sentence(why)
}

// withDeprecated appends the Deprecated: paragraph for why to a compact
// comment, after an empty comment line (the paragraph must be a paragraph
// of its own for tools to see it).
func withDeprecated(comment []jen.Code, why, what string) []jen.Code {
	para := deprecatedPara(why, what)
	if para == "" {
		return comment
	}
	var b strings.Builder
	if len(comment) > 0 {
		b.WriteString("//")
	}
	writeCommentLines(&b, wrapText(para, commentWidth))
	return append(comment, rawComment(&b)...)
}
