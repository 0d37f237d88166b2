// Package gosafe is the one place where documentation text is made safe to
// appear in Go source. Page text reaches generated code in comments, string
// and raw-string literals (example bodies, route patterns, test names) and
// struct tags; whatever the text holds, the output must stay valid UTF-8,
// hold no NUL or other control character, and never show a bidirectional
// control or another invisible format character raw (the "Trojan Source"
// pattern, CVE-2021-42574), and no text may start a compiler directive
// (//go:, //line) or end a block comment.
//
// Comment text is rewritten: invalid bytes become U+FFFD, control
// characters and line separators become spaces, invisible characters
// become a visible <U+XXXX> marker. Literals keep the exact bytes of the
// text as their value: they are written raw only when every rune is
// printable, else quoted with escapes (strconv.Quote).
//
// Every function is O(len(s)) and allocation-free when s is already safe.
package gosafe

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Problem is a set of reasons why text is not safe raw in Go source.
type Problem uint8

const (
	// InvalidUTF8: the text holds a byte sequence that is not UTF-8.
	InvalidUTF8 Problem = 1 << iota
	// Control: the text holds a C0 or C1 control character other than tab
	// and newline (NUL, escape, carriage return, U+0085...) or a line or
	// paragraph separator (U+2028, U+2029).
	Control
	// Invisible: the text holds a bidirectional control (U+202A-U+202E,
	// U+2066-U+2069, U+200E, U+200F, U+061C) or another invisible format
	// character (Unicode category Cf, such as U+200B, U+2060, U+FEFF, and
	// the invisible fillers U+115F, U+1160, U+3164, U+FFA0).
	Invisible
)

// String lists the problems in words.
func (p Problem) String() string {
	var parts []string
	if p&InvalidUTF8 != 0 {
		parts = append(parts, "invalid UTF-8")
	}
	if p&Control != 0 {
		parts = append(parts, "control character")
	}
	if p&Invisible != 0 {
		parts = append(parts, "invisible or bidirectional format character")
	}
	return strings.Join(parts, ", ")
}

// IsInvisible reports whether r is a bidirectional control or another
// character that changes or hides how text looks without being seen:
// Unicode category Cf (which holds every bidi control, the zero-width
// characters and the byte-order mark) and the invisible fillers.
func IsInvisible(r rune) bool {
	switch r {
	case '\u115f', '\u1160', '\u3164', '\uffa0':
		return true
	}
	return r >= 0xad && unicode.Is(unicode.Cf, r)
}

// isControl reports whether r is a control character that must never be
// raw in Go source (tab and newline aside, which callers treat).
func isControl(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// Scan returns the problems of s: zero when s is safe raw (tab and newline
// allowed) in a Go literal or comment.
func Scan(s string) Problem {
	var p Problem
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
				p |= Control
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			p |= InvalidUTF8
		case isControl(r):
			p |= Control
		case IsInvisible(r):
			p |= Invisible
		}
		i += n
	}
	return p
}

// First returns the byte offset and problem of the first unsafe rune in s,
// or -1 and 0 when s is safe.
func First(s string) (int, Problem) {
	for i := 0; i < len(s); {
		_, n := utf8.DecodeRuneInString(s[i:])
		if p := Scan(s[i : i+n]); p != 0 {
			return i, p
		}
		i += n
	}
	return -1, 0
}

// Marker is what an invisible rune becomes in a comment: "<U+202E>".
func Marker(r rune) string {
	return "<U+" + strings.ToUpper(strconv.FormatInt(int64(r), 16)) + ">"
}

// Text makes s safe as the text of one // comment line: invalid bytes
// become U+FFFD, control characters, line separators and Unicode spaces
// become one space (runs collapse, ends are trimmed), invisible characters
// become their Marker, and "*/" is broken up ("* /").
func Text(s string) string {
	if cleanText(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			// invalid byte: written as U+FFFD below
		case isControl(r) || unicode.Is(unicode.Zs, r):
			r = ' '
		case IsInvisible(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(Marker(r))
			continue
		}
		if r == ' ' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if r == '/' && strings.HasSuffix(b.String(), "*") {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cleanText reports whether Text would return s unchanged: printable ASCII
// with single inner spaces and no "*/" (most descriptions), so the common
// case costs no allocation.
func cleanText(s string) bool {
	space := true // no leading space
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if space {
				return false
			}
			space = true
		case c < 0x21 || c > 0x7e:
			return false
		case c == '/' && i > 0 && s[i-1] == '*':
			return false
		default:
			space = false
		}
	}
	return !space || s == ""
}

// CommentLine returns a whole // comment line for s: "//" followed by a
// space and Text(s) ("//" alone for empty text). Because the text always
// follows "// ", no page text can make the line a directive (//go:...,
// //line, //export) or a build constraint.
func CommentLine(s string) string {
	t := Text(s)
	if t == "" {
		return "//"
	}
	return "// " + t
}

// RawOK reports whether s can be written as a Go raw string literal that
// keeps its exact bytes and shows them as they are: valid UTF-8, no
// backquote, no carriage return, no control character other than tab and
// newline, and only printable runes (no bidi control, zero-width or other
// invisible character, no non-ASCII space).
func RawOK(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '`' || c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !strconv.IsPrint(r) || IsInvisible(r) {
			return false
		}
		i += n
	}
	return true
}

// Literal returns s as Go source for a string literal whose value is
// exactly s: a raw string when RawOK, else an interpreted string with
// every unprintable rune and invalid byte escaped.
func Literal(s string) string {
	if RawOK(s) {
		return "`" + s + "`"
	}
	return Quote(s)
}

// Quote returns s as an interpreted Go string literal (strconv.Quote, and
// the invisible fillers strconv leaves raw escaped too): invalid bytes are
// written as \x escapes and every rune that is not printable or is
// invisible as a \u or \U escape, so the value is exactly s.
func Quote(s string) string {
	q := strconv.Quote(s)
	if Scan(q) == 0 {
		return q
	}
	b := make([]byte, 0, len(q)+16)
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if n > 1 && IsInvisible(r) {
			seg := strconv.Quote(s[start:i])
			b = append(b, seg[1:len(seg)-1]...)
			b = append(b, escape(r)...)
			start = i + n
		}
		i += n
	}
	seg := strconv.Quote(s[start:])
	b = append(b, seg[1:len(seg)-1]...)
	return string(append(b, '"'))
}

// escape is r as a \u or \U escape.
func escape(r rune) string {
	h := strconv.FormatInt(int64(r), 16)
	if r > 0xffff {
		return `\U` + strings.Repeat("0", 8-len(h)) + h
	}
	return `\u` + strings.Repeat("0", 4-len(h)) + h
}
