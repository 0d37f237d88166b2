package check

import (
	"fmt"
	"strings"
)

// contextLines is the number of unchanged lines shown around each change.
const contextLines = 3

// maxEditDistance bounds the Myers search. Past it the remaining middle of
// the files is reported as one replacement: still a correct diff, only not a
// minimal one, and it keeps memory at O(maxEditDistance²).
const maxEditDistance = 2000

// UnifiedDiff returns a unified diff (as `diff -u` prints it, with 3 lines
// of context) that turns old into new. oldName and newName label the
// "---" and "+++" lines ("a/x.go", "/dev/null"). It returns "" when the
// contents are equal.
func UnifiedDiff(oldName, newName string, old, new []byte) string {
	if string(old) == string(new) {
		return ""
	}
	a, b := splitLines(string(old)), splitLines(string(new))
	ops := diffLines(a, b)
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", oldName, newName)
	for _, h := range hunks(ops, len(a), len(b)) {
		writeHunk(&sb, h, a, b)
	}
	return sb.String()
}

// splitLines splits s after each "\n"; the last line lacks "\n" when s does
// not end in one.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// opKind is one step of an edit script.
type opKind byte

const (
	opEqual opKind = ' '
	opDel   opKind = '-'
	opIns   opKind = '+'
)

// edit is a run of lines of one kind: a[A:A+N] (equal, delete) or b[B:B+N]
// (equal, insert).
type edit struct {
	kind opKind
	a, b int // start in a and b
	n    int
}

// diffLines returns an edit script turning a into b: Myers' greedy O(ND)
// algorithm on the part between the common prefix and suffix.
func diffLines(a, b []string) []edit {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []edit
	add := func(e edit) {
		if e.n == 0 {
			return
		}
		if k := len(ops); k > 0 && ops[k-1].kind == e.kind {
			ops[k-1].n += e.n
			return
		}
		ops = append(ops, e)
	}
	add(edit{opEqual, 0, 0, pre})
	for _, e := range myers(a[pre:len(a)-suf], b[pre:len(b)-suf]) {
		e.a += pre
		e.b += pre
		add(e)
	}
	add(edit{opEqual, len(a) - suf, len(b) - suf, suf})
	return ops
}

// myers computes a shortest edit script between a and b, or a plain
// replacement when more than maxEditDistance edits are needed.
func myers(a, b []string) []edit {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return []edit{{opDel, 0, 0, n}, {opIns, n, 0, m}}
	}
	// Intern lines so the inner loop compares ints.
	ids := map[string]int{}
	intern := func(lines []string) []int {
		out := make([]int, len(lines))
		for i, l := range lines {
			id, ok := ids[l]
			if !ok {
				id = len(ids)
				ids[l] = id
			}
			out[i] = id
		}
		return out
	}
	x, y := intern(a), intern(b)
	max := n + m
	if max > maxEditDistance {
		max = maxEditDistance
	}
	offset := max + 1
	v := make([]int, 2*max+3)
	var trace [][]int
	found := -1
	for d := 0; d <= max && found < 0; d++ {
		snap := make([]int, 2*d+1)
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
				i = v[offset+k+1] // down: insertion
			} else {
				i = v[offset+k-1] + 1 // right: deletion
			}
			j := i - k
			for i < n && j < m && x[i] == y[j] {
				i++
				j++
			}
			v[offset+k] = i
			if i >= n && j >= m {
				found = d
			}
		}
		for k := -d; k <= d; k++ {
			snap[k+d] = v[offset+k]
		}
		trace = append(trace, snap)
	}
	if found < 0 {
		return []edit{{opDel, 0, 0, n}, {opIns, n, 0, m}}
	}
	// Walk the trace back from (n, m).
	var rev []edit
	i, j := n, m
	for d := found; d > 0; d-- {
		prev := trace[d-1]
		get := func(k int) int { return prev[k+d-1] }
		k := i - j
		var pk int
		if k == -d || (k != d && get(k-1) < get(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		pi := get(pk)
		pj := pi - pk
		// Diagonal (equal) run after the edit step.
		var si, sj int
		if pk == k+1 {
			si, sj = pi, pj+1 // insertion of b[pj]
		} else {
			si, sj = pi+1, pj // deletion of a[pi]
		}
		if run := i - si; run > 0 {
			rev = append(rev, edit{opEqual, si, sj, run})
		}
		if pk == k+1 {
			rev = append(rev, edit{opIns, pi, pj, 1})
		} else {
			rev = append(rev, edit{opDel, pi, pj, 1})
		}
		i, j = pi, pj
	}
	if i > 0 {
		rev = append(rev, edit{opEqual, 0, 0, i})
	}
	out := make([]edit, 0, len(rev))
	for k := len(rev) - 1; k >= 0; k-- {
		out = append(out, rev[k])
	}
	return out
}

// hunk is a range of the edit script shown together.
type hunk struct {
	ops          []edit
	aStart, aLen int
	bStart, bLen int
}

// hunks groups changes that are within 2*contextLines of each other and
// trims the surrounding equal runs to contextLines.
func hunks(ops []edit, na, nb int) []hunk {
	var out []hunk
	i := 0
	for i < len(ops) {
		// Find the next change.
		for i < len(ops) && ops[i].kind == opEqual {
			i++
		}
		if i >= len(ops) {
			break
		}
		start := i
		end := i // last change op index
		for j := i + 1; j < len(ops); j++ {
			if ops[j].kind != opEqual {
				end = j
				continue
			}
			if ops[j].n > 2*contextLines || j == len(ops)-1 {
				break
			}
		}
		var h hunk
		if start > 0 {
			eq := ops[start-1]
			c := min(eq.n, contextLines)
			h.ops = append(h.ops, edit{opEqual, eq.a + eq.n - c, eq.b + eq.n - c, c})
		}
		h.ops = append(h.ops, ops[start:end+1]...)
		if end+1 < len(ops) {
			eq := ops[end+1]
			c := min(eq.n, contextLines)
			h.ops = append(h.ops, edit{opEqual, eq.a, eq.b, c})
		}
		first := h.ops[0]
		h.aStart, h.bStart = first.a, first.b
		for _, e := range h.ops {
			switch e.kind {
			case opEqual:
				h.aLen += e.n
				h.bLen += e.n
			case opDel:
				h.aLen += e.n
			case opIns:
				h.bLen += e.n
			}
		}
		out = append(out, h)
		i = end + 1
	}
	return out
}

// rangeHeader formats one side of "@@ -l,s +l,s @@" as diff -u does: the
// count is omitted when 1, and an empty range names the line before it.
func rangeHeader(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func writeHunk(sb *strings.Builder, h hunk, a, b []string) {
	fmt.Fprintf(sb, "@@ -%s +%s @@\n", rangeHeader(h.aStart, h.aLen), rangeHeader(h.bStart, h.bLen))
	line := func(prefix byte, s string) {
		sb.WriteByte(prefix)
		sb.WriteString(s)
		if !strings.HasSuffix(s, "\n") {
			sb.WriteString("\n\\ No newline at end of file\n")
		}
	}
	for _, e := range h.ops {
		for k := 0; k < e.n; k++ {
			switch e.kind {
			case opEqual:
				line(' ', a[e.a+k])
			case opDel:
				line('-', a[e.a+k])
			case opIns:
				line('+', b[e.b+k])
			}
		}
	}
}
