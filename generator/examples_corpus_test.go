package generator_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

// corpusDir is the real documentation corpus, beside the repository.
const corpusDir = "../../shared/corpus/graph-docs-v1.0-2021-07"

// TestCorpusExamples generates the whole corpus into a temporary module,
// runs its example tests (the *_examples_test.go files) and reports how many
// got a test, passed, failed and were skipped, with the causes of failures
// and skips grouped by diagnostic code. It requires that at least 99% of the
// example tests that run pass, and that every skipped example has a
// diagnostic at its position. It is slow (one compile of the corpus
// package), so it runs only with DOCGEN_CORPUS_BUILD=1, as in CI.
func TestCorpusExamples(t *testing.T) {
	if os.Getenv("DOCGEN_CORPUS_BUILD") != "1" {
		t.Skip("set DOCGEN_CORPUS_BUILD=1 to generate the corpus and run its example tests")
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not found: %v", err)
	}
	start := time.Now()
	pkg, err := parser.ParsePaths(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	files, diags := generator.Generate(pkg, generator.Options{Package: "corpus"})
	genTime := time.Since(start)

	mod := t.TempDir()
	dir := filepath.Join(mod, "corpus")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Each page's examples are one table run by one test function, a
	// subtest per example; a skipped example's entry has Skip right after
	// Test, Name and File.
	testFunc := regexp.MustCompile(`(?m)^func (Test\w+)\(t \*testing\.T\) \{\n\s*runExamples\(t, (\w+)\)`)
	entry := regexp.MustCompile(`(?m)^\t\tTest: +"([^"]*)",\n\t\tName: +.*,\n\t\tFile: +.*,\n(\t\tSkip: )?`)
	ours := map[string]bool{}
	wantSkip := map[string]bool{}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f.Name, "_examples_test.go") && !strings.HasPrefix(f.Name, "docgen_") {
			fn := testFunc.FindSubmatch(f.Content)
			if fn == nil {
				t.Errorf("%s: no test function running its table", f.Name)
				continue
			}
			for _, m := range entry.FindAllSubmatch(f.Content, -1) {
				name := string(fn[1]) + "/" + string(m[1])
				ours[name] = true
				if len(m[2]) > 0 {
					wantSkip[name] = true
				}
			}
		}
	}
	writeModule(t, mod)

	start = time.Now()
	cmd := exec.Command("go", "test", "-json", "-count=1", "./corpus")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	out, _ := cmd.Output()
	testTime := time.Since(start)

	result := map[string]string{}
	output := map[string]*strings.Builder{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var ev struct{ Action, Test, Output string }
		if json.Unmarshal(sc.Bytes(), &ev) != nil || !ours[ev.Test] {
			continue
		}
		switch ev.Action {
		case "pass", "fail", "skip":
			result[ev.Test] = ev.Action
		case "output":
			if output[ev.Test] == nil {
				output[ev.Test] = &strings.Builder{}
			}
			output[ev.Test].WriteString(ev.Output)
		}
	}
	if len(result) == 0 {
		t.Fatalf("no example test ran; go test output:\n%s", tail(string(out), 4000))
	}

	count := map[string]int{}
	for _, r := range result {
		count[r]++
	}
	t.Logf("corpus: %d pages, %d example tests (%d pass, %d fail, %d skip); generate %v, go test (compile and run) %v",
		len(pkg.Pages), len(ours), count["pass"], count["fail"], count["skip"], genTime.Round(time.Second), testTime.Round(time.Second))

	// Causes: a failing test by the first problem it reports, a skipped
	// one by its reason, each grouped with the diagnostic codes at the
	// example's position.
	codesAt := map[string][]string{}
	for _, list := range [][]model.Diagnostic{pkg.Diagnostics, diags} {
		for _, d := range list {
			k := fmt.Sprintf("%s:%d", d.Pos.File, d.Pos.Line)
			codesAt[k] = append(codesAt[k], string(d.Code))
		}
	}
	loc := regexp.MustCompile(`(\S+\.md:\d+): (.*)`)
	groups := map[string][]string{}
	for name, r := range result {
		if r == "pass" {
			continue
		}
		text := ""
		if output[name] != nil {
			text = output[name].String()
		}
		var cause, where string
		for _, line := range strings.Split(text, "\n") {
			m := loc.FindStringSubmatch(line)
			if m == nil || strings.Contains(line, "known") || strings.Contains(line, "replaced by") || strings.Contains(line, "removed before decoding") {
				continue
			}
			where, cause = m[1], m[2]
			if r == "fail" && (strings.Contains(cause, "does not round-trip") || strings.Contains(cause, "does not decode")) {
				continue
			}
			break
		}
		codes := slices.Compact(slices.Sorted(slices.Values(codesAt[where])))
		key := fmt.Sprintf("%s [%s] %s", r, strings.Join(codes, ","), shorten(cause))
		groups[key] = append(groups[key], name)
		if r == "skip" && len(codes) == 0 && !strings.Contains(cause, "expectError") {
			t.Errorf("%s is skipped with no diagnostic at %s: %s", name, where, cause)
		}
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range groups {
			if !yield(k) {
				return
			}
		}
	})
	slices.SortStableFunc(keys, func(a, b string) int { return len(groups[b]) - len(groups[a]) })
	for _, k := range keys {
		t.Logf("%5d %s (e.g. %s)", len(groups[k]), k, groups[k][0])
	}
	if ran := count["pass"] + count["fail"]; ran > 0 && count["pass"]*100 < ran*99 {
		t.Errorf("only %d of %d example tests pass (want at least 99%%)", count["pass"], ran)
	}
	for name := range wantSkip {
		if result[name] != "skip" {
			t.Errorf("%s should skip, got %q", name, result[name])
		}
	}
}

var numbers = regexp.MustCompile(`\d+`)
var quoted = regexp.MustCompile(`"[^"]*"`)

// shorten turns a cause into a group label: quoted text and numbers
// masked, at most 100 bytes.
func shorten(s string) string {
	s = numbers.ReplaceAllString(quoted.ReplaceAllString(s, `"…"`), "N")
	if len(s) > 100 {
		s = s[:100] + "…"
	}
	return s
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// writeModule writes go.mod (module x) requiring go-cmp, which the example
// harness imports, with this repository's go.sum lines for it.
func writeModule(t *testing.T, dir string) {
	t.Helper()
	gomod := "module x\n\ngo 1.24\n\nrequire github.com/google/go-cmp v0.7.0\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile("../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(sum), "\n") {
		if strings.HasPrefix(l, "github.com/google/go-cmp ") {
			lines = append(lines, l)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
