package parser

import (
	"bytes"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// frontMatter is the YAML block at the top of a page.
type frontMatter struct {
	// keys are the distinct keys in order (a few: a slice beats maps).
	keys []fmKey
	end  int // last line of the block (the closing ---), 0 if none
}

// fmKey is a front matter key, its value (the last one given) and its
// 1-based line (the first).
type fmKey struct {
	key, value string
	line       int
}

// index returns the index of key k in f.keys, or -1.
func (f *frontMatter) index(k string) int {
	for i := range f.keys {
		if f.keys[i].key == k {
			return i
		}
	}
	return -1
}

// get returns the value of key k ("" when absent or f is nil).
func (f *frontMatter) get(k string) string {
	if f == nil {
		return ""
	}
	if i := f.index(k); i >= 0 {
		return f.keys[i].value
	}
	return ""
}

// line returns the line of key k (0 if absent).
func (f *frontMatter) line(k string) int {
	if f == nil {
		return 0
	}
	if i := f.index(k); i >= 0 {
		return f.keys[i].line
	}
	return 0
}

// isDashes reports whether a line is "---" with optional trailing
// blanks (10 corpus pages open with "--- ").
func isDashes(s string) bool {
	return strings.TrimRight(s, " \t") == "---"
}

// stripFrontMatter finds the front matter and parses it leniently. It
// returns the offset of the first line after it: goldmark parses only the
// rest (so it does not read "---" + "title:" as a setext heading), and the
// line index adds the offset back so line numbers stay true.
func stripFrontMatter(file string, src []byte) (int, *frontMatter, []model.Diagnostic) {
	return stripFrontMatterText(file, src, "")
}

// stripFrontMatterText is stripFrontMatter with src as a string too
// (text, whose substrings are kept), or "" to copy what is kept.
func stripFrontMatterText(file string, src []byte, text string) (int, *frontMatter, []model.Diagnostic) {
	if !bytes.HasPrefix(src, []byte("---")) {
		return 0, nil, nil
	}
	// Read only the block (up to and including its closing --- line) as a
	// string: its values are kept, the page is not.
	end := len(src)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		if off == len(src) {
			break
		}
		l := src[off:]
		if j := bytes.IndexByte(l, '\n'); j >= 0 {
			l = l[:j+1]
		}
		if bytes.Equal(bytes.TrimRight(bytes.TrimRight(l, "\n"), " \t"), []byte("---")) {
			end = off + len(l)
			break
		}
	}
	if len(text) == len(src) {
		return stripFrontMatterString(file, text[:end])
	}
	return stripFrontMatterString(file, string(src[:end]))
}

// stripFrontMatterString is stripFrontMatter over the page as a string
// (the lines and values are substrings of it).
func stripFrontMatterString(file string, src string) (int, *frontMatter, []model.Diagnostic) {
	first, rest, ok := strings.Cut(src, "\n")
	if !ok || !isDashes(first) {
		return 0, nil, nil
	}
	var diags []model.Diagnostic
	fm := &frontMatter{keys: make([]fmKey, 0, 16)}
	lineNo := 1
	off := len(first) + 1
	lastKey := -1
	for len(rest) > 0 {
		var l string
		l, rest, _ = strings.Cut(rest, "\n")
		off += len(l) + 1
		lineNo++
		if isDashes(l) {
			fm.end = lineNo
			break
		}
		n := lineNo
		if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		if (l[0] == ' ' || l[0] == '\t') && lastKey >= 0 {
			// Continuation of a folded value.
			fm.keys[lastKey].value = strings.TrimSpace(fm.keys[lastKey].value + " " + strings.TrimSpace(l))
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		k = strings.TrimSpace(k)
		if !ok || k == "" || strings.ContainsAny(k, " \t\"'") {
			diags = append(diags, model.Diagnostic{
				Pos: model.Pos{File: file, Line: n, Col: 1}, Severity: model.Warning, Code: CodeFrontmatterInvalid,
				Message: "front matter line is not a `key: value` pair; fix the YAML",
			})
			continue
		}
		v = strings.TrimSpace(v)
		val, problem := yamlScalar(v)
		if problem != "" {
			diags = append(diags, model.Diagnostic{
				Pos: model.Pos{File: file, Line: n, Col: strings.Index(l, v) + 1}, Severity: model.Warning, Code: CodeFrontmatterInvalid,
				Message: "front matter value of " + k + " is not valid YAML (" + problem + "); quote the value",
			})
		}
		i := fm.index(k)
		if i < 0 {
			i = len(fm.keys)
			fm.keys = append(fm.keys, fmKey{key: k, line: n})
		}
		fm.keys[i].value = val
		lastKey = i
	}
	if fm.end == 0 {
		diags = append(diags[:0], model.Diagnostic{
			Pos: model.Pos{File: file, Line: 1, Col: 1}, Severity: model.Warning, Code: CodeFrontmatterInvalid,
			Message: "front matter opened by --- is never closed; add a --- line after the last key",
		})
		return 0, nil, diags
	}
	if off > len(src) {
		off = len(src)
	}
	return off, fm, diags
}

// yamlScalar reads a YAML scalar the way front matter uses them: plain,
// single- or double-quoted. It returns the value and, if the text is not
// valid YAML, what is wrong (the value is then taken verbatim).
func yamlScalar(v string) (string, string) {
	if v == "" {
		return "", ""
	}
	switch v[0] {
	case '"':
		if len(v) >= 2 && v[len(v)-1] == '"' {
			inner := v[1 : len(v)-1]
			if strings.IndexByte(inner, '\\') < 0 && strings.IndexByte(inner, '"') < 0 {
				return inner, ""
			}
			var b strings.Builder
			for i := 0; i < len(inner); i++ {
				c := inner[i]
				if c == '\\' && i+1 < len(inner) {
					i++
					switch inner[i] {
					case 'n':
						b.WriteByte('\n')
					case 't':
						b.WriteByte('\t')
					default:
						b.WriteByte(inner[i])
					}
					continue
				}
				if c == '"' {
					return inner, "unescaped double quote inside a double-quoted value"
				}
				b.WriteByte(c)
			}
			return b.String(), ""
		}
		return strings.Trim(v, `"`), "unterminated double-quoted value"
	case '\'':
		if len(v) >= 2 && v[len(v)-1] == '\'' {
			return strings.ReplaceAll(v[1:len(v)-1], "''", "'"), ""
		}
		return strings.Trim(v, "'"), "unterminated single-quoted value"
	}
	if strings.Contains(v, ": ") || strings.HasSuffix(v, ":") {
		return v, "mapping values are not allowed here: an unquoted value contains \": \""
	}
	if i := strings.Index(v, " #"); i >= 0 {
		return strings.TrimSpace(v[:i]), ""
	}
	return v, ""
}
