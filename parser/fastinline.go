package parser

import (
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Most inline content docgen reads is plain text with, at most, inline
// links such as "[user](user.md)". fastLine reads such content without
// goldmark, giving exactly what goldmark's inline parse followed by
// collector.plain gives; anything else (code spans, emphasis, images,
// raw HTML, autolinks, backslashes, reference links, brackets in other
// shapes) is left to goldmark.

// maxFastLabel bounds the link text read by fastLine (goldmark refuses
// labels of more than 999 characters).
const maxFastLabel = 500

// fastLine appends the plain text of one line of inline content (without
// its line end) to out and records its links; ok is false, with out and
// links possibly extended, when the line needs goldmark. With out and
// links nil it only checks. A string line gives links that are substrings
// of it (no copies).
func fastLine[T string | []byte](line T, out *[]byte, links *[]mdLink) bool {
	for i := 0; i < len(line); i++ {
		switch c := line[i]; c {
		case '_', '!', '<', '\\', ']', '\r', '\n':
			return false
		case '`':
			// A code span opened and closed by single backticks on this
			// line: its text verbatim, one space trimmed at each end
			// when both ends are spaces (and it is not all spaces),
			// backslashes doubled (plain's inline keeps them literal).
			if i+1 < len(line) && line[i+1] == '`' {
				return false
			}
			j := i + 1
			for ; j < len(line) && line[j] != '`'; j++ {
				if line[j] == '\r' || line[j] == '\n' {
					return false
				}
			}
			if j >= len(line) || (j+1 < len(line) && line[j+1] == '`') {
				return false
			}
			code := line[i+1 : j]
			if len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' && !isWhitespace(code) {
				code = code[1 : len(code)-1]
			}
			if out != nil {
				for k := 0; k < len(code); k++ {
					if b := code[k]; b == '\\' {
						*out = append(*out, '\\')
					}
					*out = append(*out, code[k])
				}
			}
			i = j
		case '*':
			// Strong emphasis **X** with X starting and ending with a
			// letter or digit and holding no markup: X.
			if i+2 >= len(line) || line[i+1] != '*' || !isAlnum(line[i+2]) {
				return false
			}
			j := i + 2
			for ; j+1 < len(line) && !(line[j] == '*' && line[j+1] == '*'); j++ {
				if !fastLabelByte(line[j]) || line[j] == ']' {
					return false
				}
			}
			if j+1 >= len(line) || !isAlnum(line[j-1]) || (j+2 < len(line) && line[j+2] == '*') {
				return false
			}
			if out != nil {
				*out = append(*out, line[i+2:j]...)
			}
			i = j + 1
		case '[':
			// [T](D): T without markup or brackets, D without blanks,
			// parentheses, quotes, angle brackets or backslashes.
			j := i + 1
			for ; j < len(line); j++ {
				if b := line[j]; b == ']' {
					break
				} else if !fastLabelByte(b) {
					return false
				}
			}
			if j == i+1 || j-i-1 > maxFastLabel || j+1 >= len(line) || line[j+1] != '(' {
				return false
			}
			k := j + 2
			for ; k < len(line); k++ {
				if b := line[k]; b == ')' {
					break
				} else if !fastDestByte(b) {
					return false
				}
			}
			if k == j+2 || k >= len(line) {
				return false
			}
			if out != nil {
				*out = append(*out, line[i+1:j]...)
			}
			if links != nil {
				*links = append(*links, mdLink{Text: cleanText(string(line[i+1 : j])), Dest: string(line[j+2 : k])})
			}
			i = k
		default:
			if out != nil {
				*out = append(*out, c)
			}
		}
	}
	return true
}

// isWhitespace is util.IsBlank for strings and byte slices.
func isWhitespace[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if !util.IsSpace(s[i]) {
			return false
		}
	}
	return true
}

func isAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func fastLabelByte(b byte) bool {
	switch b {
	case '[', '\\', '`', '*', '_', '!', '<', '>', '\r', '\n':
		return false
	}
	return true
}

func fastDestByte(b byte) bool {
	switch b {
	case '(', '<', '>', '\\', '"', '\'', '[', ']', '`':
		return false
	}
	return !util.IsSpace(b)
}

// fastPlain returns what plain would return for a deferred paragraph
// whose lines are segs, or ok false if the lines need goldmark. buf is
// scratch.
func (c *collector) fastPlain(segs *text.Segments, links *[]mdLink) (string, bool) {
	if segs == nil || segs.Len() == 0 {
		return "", false
	}
	buf := c.fastBuf[:0]
	// Links are appended to *links directly, which is restored if the
	// lines need goldmark.
	var orig []mdLink
	if links != nil {
		orig = *links
	}
	// one is the only line when it is the whole text (see below).
	one := ""
	page := c.pageText()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		if seg.Padding != 0 || seg.ForceNewline || seg.Start < 0 || seg.Stop > len(page) || seg.Start > seg.Stop {
			if links != nil {
				*links = orig
			}
			return "", false
		}
		// A substring of the page, of which links are substrings.
		line := page[seg.Start:seg.Stop]
		nl := len(line) > 0 && line[len(line)-1] == '\n'
		if nl {
			line = line[:len(line)-1]
		}
		// goldmark trims the spaces at the end of each line (the text
		// after the last link), hard line break or not.
		for len(line) > 0 && util.IsSpace(line[len(line)-1]) {
			line = line[:len(line)-1]
		}
		if segs.Len() == 1 {
			one = line
		}
		if ok := fastLine(line, &buf, links); !ok {
			c.fastBuf = buf
			if links != nil {
				*links = orig
			}
			return "", false
		}
		if nl {
			buf = append(buf, ' ')
		}
	}
	c.fastBuf = buf
	if one != "" && string(buf) == one {
		// Plain text: the line itself, not a copy.
		return cleanText(one), true
	}
	return cleanText(string(buf)), true
}
