package parser

import (
	"bytes"

	"github.com/docgen-dev/docgen/parser/model"
)

// pageLines maps byte offsets of one page to 1-based line and column
// numbers. It is built once per file from the normalised source, so every
// position comes from goldmark's segments, never from searching text.
type pageLines struct {
	file   string
	starts []int // byte offset of the first byte of each line
	src    []byte
	// base is the offset in src of the text goldmark parsed (the page
	// after its front matter): goldmark offsets are relative to it.
	base int
	// last is the line lineOf found last (offsets are mostly looked up
	// in document order: the same line or the next one).
	last int
}

// newPageLines indexes the lines of src, the normalised page, of which
// goldmark parses src[base:].
func newPageLines(file string, src []byte, base int) *pageLines {
	return newPageLinesBuf(file, src, base, nil)
}

// newPageLinesBuf is newPageLines reusing buf for the line starts.
func newPageLinesBuf(file string, src []byte, base int, buf []int) *pageLines {
	starts := buf[:0]
	if cap(starts) == 0 {
		// A reused buffer grows by appending (no counting pass).
		starts = make([]int, 0, bytes.Count(src, []byte{'\n'})+1)
	}
	starts = append(starts, 0)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		starts = append(starts, off)
	}
	return &pageLines{file: file, starts: starts, src: src, base: base}
}

// lineOf returns the 1-based line of goldmark offset off.
func (x *pageLines) lineOf(off int) int {
	off += x.base
	if off < 0 {
		off = 0
	}
	if off > len(x.src) {
		off = len(x.src)
	}
	// The line is the number of starts at or before off.
	n := len(x.starts)
	for l := x.last; l <= x.last+1; l++ {
		if l >= 1 && l <= n && x.starts[l-1] <= off && (l == n || x.starts[l] > off) {
			x.last = l
			return l
		}
	}
	// sort.Search for the first start after off, without the closure.
	lo, hi := 0, len(x.starts)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if x.starts[h] > off {
			hi = h
		} else {
			lo = h + 1
		}
	}
	x.last = lo
	return lo
}

// pos returns the position of goldmark offset off.
func (x *pageLines) pos(off int) model.Pos {
	l := x.lineOf(off)
	off += x.base
	if off < 0 {
		off = 0
	}
	if off > len(x.src) {
		off = len(x.src)
	}
	return model.Pos{File: x.file, Line: l, Col: off - x.starts[l-1] + 1}
}

// linePos returns the position of column 1 of line n (1-based).
func (x *pageLines) linePos(n int) model.Pos {
	return model.Pos{File: x.file, Line: n, Col: 1}
}

// numLines is the number of lines (a final line without newline counts).
func (x *pageLines) numLines() int {
	n := len(x.starts)
	if n > 1 && x.starts[n-1] == len(x.src) {
		n--
	}
	return n
}

// line returns the text of line n (1-based) without its newline.
func (x *pageLines) line(n int) string {
	if n < 1 || n > len(x.starts) {
		return ""
	}
	start := x.starts[n-1]
	end := len(x.src)
	if n < len(x.starts) {
		end = x.starts[n] - 1
	}
	if start > end {
		return ""
	}
	return string(x.src[start:end])
}

// lineBytes returns line n (1-based) without its newline, sharing src.
func (x *pageLines) lineBytes(n int) []byte {
	if n < 1 || n > len(x.starts) {
		return nil
	}
	start := x.starts[n-1]
	end := len(x.src)
	if n < len(x.starts) {
		end = x.starts[n] - 1
	}
	if start > end {
		return nil
	}
	return x.src[start:end]
}

// normalise converts CRLF and bare CR line ends to LF and drops a UTF-8
// byte-order mark. Line numbers are unchanged; columns count bytes of the
// normalised text.
func normalise(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}
