package parser

import (
	"fmt"
	"unicode/utf8"

	"github.com/docgen-dev/docgen/internal/gosafe"
	"github.com/docgen-dev/docgen/parser/model"
)

// Per-page limits. A page is untrusted input (any pull request can change
// it), so the work spent on one page is bounded: every pass over a page is
// linear in its size, and a page over one of these limits is not read at
// all: it is reported (an error with CodePageLimit) and left out of the
// package, so it cannot slow down or stop the others. The limits are far
// above what real pages need (the largest page of the Graph v1.0 corpus
// has 82 KB, its longest line 12 KB).
//
// Nesting is bounded elsewhere: JSON bodies by jsonpos (MaxTreeDepth,
// StrictDepth; a deeper body is not JSON for docgen), Markdown containers
// by the line length (each level of a block quote or list takes at least
// one byte of its line).
const (
	// MaxPageBytes is the largest page docgen reads, in bytes.
	MaxPageBytes = 4 << 20
	// MaxLineBytes is the longest line docgen reads, in bytes.
	MaxLineBytes = 256 << 10
	// maxTextReports bounds the CodePageHiddenText diagnostics of one page;
	// the last one says how many more lines there are.
	maxTextReports = 20
)

// checkLimits checks a page's bytes (after normalise) against the limits
// and for text that cannot be used. It returns the diagnostics and whether
// the page must be left out. One pass, O(len(src)).
func checkLimits(file string, src []byte) (diags []model.Diagnostic, leaveOut bool) {
	if len(src) > MaxPageBytes {
		return []model.Diagnostic{{
			Pos: model.Pos{File: file, Line: 1, Col: 1}, Severity: model.Error, Code: CodePageLimit,
			Message: fmt.Sprintf("page has %d bytes, over the limit of %d; the page is left out", len(src), MaxPageBytes),
		}}, true
	}
	line, lineStart := 1, 0
	reported, more := 0, 0
	lastLine := 0
	for i := 0; i < len(src); {
		c := src[i]
		if c == '\n' {
			if i-lineStart > MaxLineBytes {
				return []model.Diagnostic{lineLimit(file, line, i-lineStart)}, true
			}
			line++
			i++
			lineStart = i
			continue
		}
		if c < utf8.RuneSelf && (c >= 0x20 && c != 0x7f || c == '\t') {
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return []model.Diagnostic{{
				Pos: model.Pos{File: file, Line: line, Col: utf8.RuneCount(src[lineStart:i]) + 1}, Severity: model.Error, Code: CodePageEncoding,
				Message: fmt.Sprintf("byte 0x%02x is not UTF-8; the page is left out", c),
			}}, true
		}
		if p := gosafe.Scan(string(src[i : i+n])); p != 0 && line != lastLine {
			lastLine = line
			if reported < maxTextReports {
				reported++
				diags = append(diags, model.Diagnostic{
					Pos: model.Pos{File: file, Line: line, Col: utf8.RuneCount(src[lineStart:i]) + 1}, Severity: model.Warning, Code: CodePageHiddenText,
					Message: fmt.Sprintf("%s %U; generated code shows it as %s (escaped in string literals)", p, r, gosafe.Marker(r)),
				})
			} else {
				more++
			}
		}
		i += n
	}
	if len(src)-lineStart > MaxLineBytes {
		return []model.Diagnostic{lineLimit(file, line, len(src)-lineStart)}, true
	}
	if more > 0 {
		d := &diags[len(diags)-1]
		d.Message += fmt.Sprintf(" (and on %d more lines)", more)
	}
	return diags, false
}

func lineLimit(file string, line, n int) model.Diagnostic {
	return model.Diagnostic{
		Pos: model.Pos{File: file, Line: line, Col: 1}, Severity: model.Error, Code: CodePageLimit,
		Message: fmt.Sprintf("line has %d bytes, over the limit of %d; the page is left out", n, MaxLineBytes),
	}
}
