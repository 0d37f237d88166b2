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

// The codes of the page checks (limits.go).
const (
	CodePageEncoding   model.Code = "page-encoding"    // page is not valid UTF-8; left out
	CodePageLimit      model.Code = "page-limit"       // page exceeds a per-page limit; left out
	CodePageHiddenText model.Code = "page-hidden-text" // page holds a bidi control, invisible or control character
)

var limitCodes = []model.CodeInfo{
	{Code: CodePageEncoding, Severity: model.Error, Summary: "page is not valid UTF-8; left out",
		Explain: "A page must be UTF-8. This one holds a byte sequence that is not (a damaged file or another encoding such as Windows-1252); the diagnostic points at the first bad byte. docgen cannot tell what the text was meant to say, so it leaves the whole page out: no types, operations or tests from it; other pages that use a type only this page defines get json.RawMessage in its place. `docgen generate` keeps the page's previously generated files as they are, still writes everything else, and exits 1. Fix: save the page as UTF-8."},
	{Code: CodePageLimit, Severity: model.Error, Summary: "page exceeds a per-page limit; left out",
		Explain: fmt.Sprintf("docgen reads a page of at most %d bytes whose lines have at most %d bytes each, so that one page cannot make a run slow or exhaust memory (real pages are far smaller). This page is over a limit; docgen leaves it out as it does a page that is not UTF-8 (see page-encoding) and keeps its previously generated files. Fix: split the page or break the long line.", MaxPageBytes, MaxLineBytes)},
	{Code: CodePageHiddenText, Severity: model.Warning, Summary: "page holds a bidi control, invisible or control character",
		Explain: "The page holds a Unicode bidirectional control (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), another invisible format character (U+200B, U+2060, U+FEFF inside the text...), an invisible filler, or a control character such as NUL or ESC. Such characters change how text looks in an editor or a code review without being seen (the \"Trojan Source\" pattern, CVE-2021-42574). docgen never writes them raw into Go code: in comments they become a visible <U+XXXX> marker or a space, in string literals (example bodies) an escape that keeps the exact value. Fix: delete the character unless the page really means it."},
}

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
