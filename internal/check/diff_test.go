package check

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docgen-dev/docgen/parser/model"
)

func TestUnifiedDiff(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"both empty", "", "", ""},
		{"missing file", "", "a\nb\n", "--- a/x\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n"},
		{"stale file", "a\n", "", "--- a/x\n+++ b/x\n@@ -1 +0,0 @@\n-a\n"},
		{"one change in the middle",
			"1\n2\n3\n4\n5\n6\n7\n8\n9\n",
			"1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
			"--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"},
		{"two hunks",
			"a\n1\n2\n3\n4\n5\n6\n7\n8\nb\n",
			"A\n1\n2\n3\n4\n5\n6\n7\n8\nB\n",
			"--- a/x\n+++ b/x\n@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n@@ -7,4 +7,4 @@\n 6\n 7\n 8\n-b\n+B\n"},
		{"close changes merge",
			"a\n1\n2\n3\n4\n5\n6\nb\n",
			"A\n1\n2\n3\n4\n5\n6\nB\n",
			"--- a/x\n+++ b/x\n@@ -1,8 +1,8 @@\n-a\n+A\n 1\n 2\n 3\n 4\n 5\n 6\n-b\n+B\n"},
		{"no newline at end",
			"a\nb",
			"a\nc",
			"--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"insertion",
			"a\nb\nc\n",
			"a\nb\nnew\nc\n",
			"--- a/x\n+++ b/x\n@@ -1,3 +1,4 @@\n a\n b\n+new\n c\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := UnifiedDiff("a/x", "b/x", []byte(tt.old), []byte(tt.new))
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("UnifiedDiff mismatch (-want +got):\n%s", d)
			}
		})
	}
}

// lcs is the length of the longest common subsequence, by dynamic
// programming: the reference for the edit distance Myers must reach.
func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestDiffLinesMinimalAndCorrect applies random edit scripts back and
// compares their length with the LCS bound.
func TestDiffLinesMinimalAndCorrect(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	alphabet := []string{"a\n", "b\n", "c\n", "d\n"}
	gen := func() []string {
		n := r.Intn(12)
		out := make([]string, n)
		for i := range out {
			out[i] = alphabet[r.Intn(len(alphabet))]
		}
		return out
	}
	for iter := 0; iter < 2000; iter++ {
		a, b := gen(), gen()
		ops := diffLines(a, b)
		var rebuilt []string
		ai, edits := 0, 0
		for _, e := range ops {
			switch e.kind {
			case opEqual:
				for k := 0; k < e.n; k++ {
					if a[e.a+k] != b[e.b+k] {
						t.Fatalf("%q -> %q: equal op on different lines", a, b)
					}
				}
				rebuilt = append(rebuilt, a[e.a:e.a+e.n]...)
				ai = e.a + e.n
			case opDel:
				if e.a != ai {
					t.Fatalf("%q -> %q: deletion at %d, want %d", a, b, e.a, ai)
				}
				ai += e.n
				edits += e.n
			case opIns:
				rebuilt = append(rebuilt, b[e.b:e.b+e.n]...)
				edits += e.n
			}
		}
		if strings.Join(rebuilt, "") != strings.Join(b, "") || ai != len(a) {
			t.Fatalf("%q -> %q: script rebuilds %q", a, b, rebuilt)
		}
		if want := len(a) + len(b) - 2*lcs(a, b); edits != want {
			t.Fatalf("%q -> %q: %d edits, minimal is %d", a, b, edits, want)
		}
	}
}

func TestDiffLinesLargeFallback(t *testing.T) {
	var a, b []string
	for i := 0; i < 3000; i++ {
		a = append(a, "a"+strings.Repeat("x", i%7)+"\n")
		b = append(b, "b"+strings.Repeat("y", i%5)+"\n")
	}
	d := UnifiedDiff("a/x", "b/x", []byte(strings.Join(a, "")), []byte(strings.Join(b, "")))
	if !strings.HasPrefix(d, "--- a/x\n+++ b/x\n@@ -1,3000 +1,3000 @@\n") {
		t.Errorf("fallback diff header: %.80q", d)
	}
}

// A finding on an unchanged page is in scope when its message names a
// position on a changed page: the changed page caused it.
func TestBuildScopeByCause(t *testing.T) {
	diags := []model.Diagnostic{
		{Pos: model.Pos{File: "docs/y.md", Line: 5, Col: 1}, Severity: model.Warning, Code: "type-conflict",
			Message: "property a of microsoft.graph.t is Edm.String here but Edm.Int32 at docs/x.md:38:1; use one type"},
		{Pos: model.Pos{File: "docs/y.md", Line: 6, Col: 1}, Severity: model.Warning, Code: "todo-text", Message: "TODO at docs/x.md"},
		{Pos: model.Pos{File: "docs/x.md", Line: 7, Col: 1}, Severity: model.Error, Code: "api-break", Message: "field T.A is removed"},
	}
	r := Build(diags, nil, nil, Options{InScope: func(f string) bool { return f == "docs/x.md" }})
	var got []string
	for _, d := range r.Findings {
		got = append(got, d.Pos.String()+" "+string(d.Code))
	}
	want := []string{"docs/x.md:7:1 api-break", "docs/y.md:5:1 type-conflict"}
	if !slices.Equal(got, want) {
		t.Errorf("findings in scope = %q, want %q", got, want)
	}
}
