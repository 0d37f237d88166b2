package runtime

// This test is not copied into generated packages (only files named
// examples*_test.go are): it pins the harness's JSON helpers, which are
// copies because generated code cannot import docgen, to docgen's
// internal/jsonpos.

import (
	"bufio"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

// equivCorpus is the real documentation corpus, beside the repository.
const equivCorpus = "../../../shared/corpus/graph-docs-v1.0-2021-07"

// TestHarnessJSONMatchesJSONPos runs the harness's repair, offsets, line
// index, parse and pointer helpers and jsonpos's over jsonpos's fuzz seeds
// and requires identical results.
func TestHarnessJSONMatchesJSONPos(t *testing.T) {
	f, err := os.Open("../../internal/jsonpos/testdata/repair_seeds.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		body, err := strconv.Unquote(line)
		if err != nil {
			t.Fatalf("seed %s: %v", line, err)
		}
		checkHarnessJSON(t, "seed "+line, body)
		n++
	}
	if err := sc.Err(); err != nil || n == 0 {
		t.Fatalf("read %d seeds: %v", n, err)
	}
}

// TestHarnessJSONMatchesJSONPosCorpus does the same over every JSON
// example body of the corpus (skipped when ../shared/corpus is absent).
func TestHarnessJSONMatchesJSONPosCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	if _, err := os.Stat(equivCorpus); err != nil {
		t.Skipf("corpus not found: %v", err)
	}
	pkg, err := parser.ParsePaths(equivCorpus)
	if err != nil {
		t.Fatal(err)
	}
	var exs []*model.Example
	for _, o := range pkg.Operations {
		exs = append(exs, o.Examples...)
	}
	for _, p := range pkg.Pages {
		exs = append(exs, p.Examples...)
	}
	repaired := 0
	for _, ex := range exs {
		if ex == nil || ex.Body == "" {
			continue
		}
		if ex.JSON == model.RepairedJSON {
			repaired++
		}
		checkHarnessJSON(t, ex.BodyPos.String(), ex.Body)
	}
	if len(exs) < 1000 || repaired == 0 {
		t.Errorf("only %d example bodies (%d repaired): not the corpus?", len(exs), repaired)
	}
}

func checkHarnessJSON(t *testing.T, where, body string) {
	t.Helper()
	rep := jsonpos.Repair(body)
	text, shifts := exampleRepair(body)
	if text != string(rep.Out) {
		t.Errorf("%s: exampleRepair = %q, jsonpos.Repair = %q", where, text, rep.Out)
		return
	}
	if len(shifts) != len(rep.Shifts) {
		t.Errorf("%s: exampleRepair shifts %v, jsonpos %v", where, shifts, rep.Shifts)
		return
	}
	for i, s := range rep.Shifts {
		if shifts[i].out != s.Out || shifts[i].in != s.In {
			t.Errorf("%s: exampleRepair shifts %v, jsonpos %v", where, shifts, rep.Shifts)
			return
		}
	}
	for o := 0; o <= len(text); o++ {
		if got, want := exampleBodyOffset(shifts, o), rep.InOffset(o); got != want {
			t.Errorf("%s: exampleBodyOffset(%d) = %d, jsonpos %d", where, o, got, want)
			return
		}
	}
	for _, in := range []string{body, text} {
		places := jsonpos.Places([]byte(in))
		offs := exampleOffsets([]byte(in))
		if len(places) != len(offs) {
			t.Errorf("%s: exampleOffsets has %d values, jsonpos.Places %d", where, len(offs), len(places))
			return
		}
		for i, p := range places {
			if offs[i].pointer != p.Pointer || offs[i].offset != p.Off {
				t.Errorf("%s: exampleOffsets[%d] = %+v, jsonpos %+v", where, i, offs[i], p)
				return
			}
			if got := exampleJoinPointer(exampleSplitPointer(p.Pointer)); got != p.Pointer || !reflect.DeepEqual(exampleSplitPointer(p.Pointer), jsonpos.Split(p.Pointer)) {
				t.Errorf("%s: pointer %q splits differently", where, p.Pointer)
			}
		}
		want, werr := jsonpos.Parse([]byte(in))
		got, gerr := exampleParse([]byte(in))
		if (werr == nil) != (gerr == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: exampleParse = %v, %v; jsonpos.Parse = %v, %v", where, got, gerr, want, werr)
		}
	}
	// Lines as the generator reports them (jsonpos offsets mapped back to
	// the body) and as the harness does.
	lines := exampleLineIndex(body, text, shifts, 1)
	var idx jsonpos.LineIndex
	for _, p := range jsonpos.Places([]byte(text)) {
		want := 1 + idx.Line(body, rep.InOffset(p.Off))
		if got, ok := lines[p.Pointer]; !ok || (got != want && !repeated(lines, p.Pointer, text)) {
			t.Errorf("%s: line of %q = %d, jsonpos %d", where, p.Pointer, got, want)
			return
		}
	}
}

// repeated reports whether pointer p is listed more than once (a repeated
// member): the line index keeps its first place.
func repeated(_ map[string]int, p, text string) bool {
	n := 0
	for _, q := range jsonpos.Places([]byte(text)) {
		if q.Pointer == p {
			n++
		}
	}
	return n > 1
}
