package parser

import (
	"strings"

	"github.com/yuin/goldmark/util"
)

// cleanText resolves entities and backslash escapes and collapses runs of
// white space (including NBSP and zero-width spaces) into single spaces.
func cleanText(s string) string {
	esc, collapse := textScan(s)
	if esc {
		b := util.ResolveEntityNames([]byte(s))
		b = util.ResolveNumericReferences(b)
		b = util.UnescapePunctuations(b)
		return collapseSpace(string(b))
	}
	if !collapse {
		return s
	}
	return collapseRuns(s)
}

// textScan reports, in one pass, whether s holds "&" or a backslash
// (esc: entities and escapes to resolve) and whether collapseSpace changes it
// (collapse).
func textScan(s string) (esc, collapse bool) {
	prevSpace := true // leading spaces are dropped
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > ' ' && c < 0x80 {
			// The usual byte: visible ASCII.
			if c == '&' || c == '\\' {
				esc = true
			}
			prevSpace = false
			continue
		}
		switch {
		case c == ' ':
			collapse = collapse || prevSpace
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\r':
			collapse = true
		case c >= 0x80:
			// NBSP (C2 A0), U+2007/U+200B/U+202F (E2 80 xx), BOM (EF BB BF).
			collapse = collapse || c == 0xC2 || c == 0xE2 || c == 0xEF
			prevSpace = false
		default:
			prevSpace = false
		}
	}
	// A trailing space is dropped.
	return esc, collapse || prevSpace
}

// collapseSpace collapses runs of white space (including NBSP and
// zero-width spaces) into single spaces and trims both ends.
func collapseSpace(s string) string {
	if _, collapse := textScan(s); !collapse {
		return s
	}
	return collapseRuns(s)
}

// collapseRuns is collapseSpace for a string it changes.
func collapseRuns(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2007':
			space = true
			continue
		case '\u200b', '\ufeff':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
