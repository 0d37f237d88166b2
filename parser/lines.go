package parser

import (
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// Line is one source line of a fenced block or HTML block. Text has no line
// terminator; Pos is the position of its first byte (Col is 1-based).
type Line struct {
	Text string
	Pos  model.Pos
}

// SplitLines splits text into lines, the first of which starts at first;
// line i is on page line first.Line+i at column first.Col. A trailing "\r"
// is dropped from each line, and a final empty line after a trailing "\n"
// is not returned.
func SplitLines(text string, first model.Pos) []Line {
	if text == "" {
		return nil
	}
	n := strings.Count(text, "\n") + 1
	lines := make([]Line, 0, n)
	pos := first
	for {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			if text != "" {
				lines = append(lines, Line{Text: strings.TrimSuffix(text, "\r"), Pos: pos})
			}
			return lines
		}
		lines = append(lines, Line{Text: strings.TrimSuffix(text[:i], "\r"), Pos: pos})
		text = text[i+1:]
		pos.Line++
	}
}

// isBlank reports whether s holds only spaces and tabs.
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' && s[i] != '\r' {
			return false
		}
	}
	return true
}

// indentPos returns the position of the first non-blank byte of l.
func indentPos(l Line) model.Pos {
	p := l.Pos
	for i := 0; i < len(l.Text); i++ {
		if l.Text[i] != ' ' && l.Text[i] != '\t' {
			if p.Col > 0 {
				p.Col += i
			}
			return p
		}
	}
	return p
}

// offsetPos maps byte offset off of text, which starts at start, to a page
// position: text line i is page line start.Line+i; on the first line columns
// continue from start.Col, on later lines they count from 1.
func offsetPos(text string, off int, start model.Pos) model.Pos {
	if off > len(text) {
		off = len(text)
	}
	if off < 0 {
		off = 0
	}
	p := start
	nl := strings.Count(text[:off], "\n")
	if nl == 0 {
		if p.Col > 0 {
			p.Col += off
		}
		return p
	}
	p.Line += nl
	p.Col = off - strings.LastIndexByte(text[:off], '\n')
	return p
}
