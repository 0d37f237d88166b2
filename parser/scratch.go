package parser

import (
	"math/bits"
	"strings"

	"github.com/yuin/goldmark/text"
)

// scratch hands out zeroed slices from chunks that are reused from page
// to page.
type scratch[T any] struct {
	chunks [][]T
	ci     int // chunk being handed out
	used   int // elements of chunks[ci] handed out
}

// take returns a zeroed slice of n elements (capacity n).
func (s *scratch[T]) take(n int) []T {
	for s.ci < len(s.chunks) {
		if ch := s.chunks[s.ci]; len(ch)-s.used >= n {
			out := ch[s.used : s.used+n : s.used+n]
			s.used += n
			return out
		}
		s.ci++
		s.used = 0
	}
	s.chunks = append(s.chunks, make([]T, max(256, n)))
	s.ci, s.used = len(s.chunks)-1, n
	return s.chunks[s.ci][:n:n]
}

// reset zeroes what was handed out, to be handed out again. Elements never
// handed out since the last reset are still zero: the chunks before ci are
// cleared whole, chunk ci only up to used, the chunks after it not at all.
func (s *scratch[T]) reset() {
	for i := 0; i <= s.ci && i < len(s.chunks); i++ {
		if i == s.ci {
			clear(s.chunks[i][:s.used])
		} else {
			clear(s.chunks[i])
		}
	}
	s.ci, s.used = 0, 0
}

// blockChunk is the number of blocks per arena chunk.
const blockChunk = 256

// newBlock returns a zeroed block from the arena.
func (m *mdReader) newBlock() *mdBlock {
	ci, bi := m.used/blockChunk, m.used%blockChunk
	if ci == len(m.chunks) {
		m.chunks = append(m.chunks, make([]mdBlock, blockChunk))
	}
	m.used++
	return &m.chunks[ci][bi]
}

// reset zeroes the blocks of the previous page (so that newBlock returns
// zeroed blocks and the old page's nodes are not kept alive) and empties
// the block list.
func (m *mdReader) reset() {
	for ci := 0; m.used > 0; ci++ {
		n := min(m.used, blockChunk)
		clear(m.chunks[ci][:n])
		m.used -= n
	}
	clear(m.list)
	m.list = m.list[:0]
	m.mdTables.reset()
	m.strs.reset()
	m.checks.reset()
	m.rows.reset()
	m.cells.reset()
	m.cellPtrs.reset()
	m.lines.reset()
}

// maxReserve bounds the lines reserved for one block.
const maxReserve = 1024

// zeroSegs is what reserve appends to make room.
var zeroSegs [256]text.Segment

// reserve gives lines (of a block just opened: at most one line) room
// for n segments: the same segments, more capacity. The room is a list of
// a previous page's block when there is one (see recycle), else made the
// only way goldmark's Segments offer: append, then reslice.
func (m *mdReader) reserve(lines *text.Segments, n int) {
	n = min(n, maxReserve)
	have := lines.Len()
	if n <= have || have > 1 {
		return
	}
	var keep text.Segment
	if have == 1 {
		keep = lines.At(0)
	}
	class := bits.Len(uint(n - 1))
	var s text.Segments
	if free := m.segs[class]; len(free) > 0 {
		s = free[len(free)-1]
		m.segs[class] = free[:len(free)-1]
	} else {
		for left := 1 << class; left > 0; left -= len(zeroSegs) {
			s.AppendAll(zeroSegs[:min(left, len(zeroSegs))])
		}
	}
	s.SetSliced(0, 0)
	if have == 1 {
		s.Append(keep)
	}
	*lines = s
	m.lent = append(m.lent, lentLines{lines: lines, class: uint8(class)})
}

// lentLines is a block's line list made by reserve, with room for at least
// 1<<class segments.
type lentLines struct {
	lines *text.Segments
	class uint8
}

// recycle takes back the line lists reserve gave the blocks of the
// previous page (nothing reads that page's nodes any more), for the
// blocks of the next page.
func (m *mdReader) recycle() {
	for i, l := range m.lent {
		m.segs[l.class] = append(m.segs[l.class], *l.lines)
		m.lent[i] = lentLines{}
	}
	m.lent = m.lent[:0]
}

// textArena copies page sources into strings cut from shared chunks
// (one allocation, without zeroing, for many pages). A chunk is never
// written again where a string was cut from it (a strings.Builder only
// appends), and stays alive while any of its strings does.
type textArena struct {
	b    strings.Builder
	used bool
}

// textChunk is the size of the chunks after the first, which holds
// just the first page (a reader used for one page keeps no more).
const textChunk = 128 << 10

// copy returns src as a string.
func (a *textArena) copy(src []byte) string {
	if len(src) == 0 {
		return ""
	}
	if a.b.Cap()-a.b.Len() < len(src) {
		size := len(src)
		if a.used {
			size = max(size, textChunk)
		}
		a.b.Reset()
		a.b.Grow(size)
		a.used = true
	}
	off := a.b.Len()
	a.b.Write(src)
	return a.b.String()[off:]
}
