package generator_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/parser"
)

// TestCorpusHandlers generates the whole corpus and runs its handler tests
// (the *_handlers_test.go files: each documented request/response pair of an
// operation sent through NewServer). It prints how many there are and how
// many pass, fail and skip, with the skip reasons grouped, and requires that
// at least 97% of the pairs run and pass and that every skip states a
// reason (DOCGEN_CORPUS_HANDLERS_OUT=FILE writes each test that did not
// pass, with its reason, to FILE). The one command that counts them:
//
//	DOCGEN_CORPUS_HANDLERS=1 GOFLAGS=-p=1 go test ./generator -run TestCorpusHandlers -count=1 -v -timeout 60m
func TestCorpusHandlers(t *testing.T) {
	if os.Getenv("DOCGEN_CORPUS_HANDLERS") != "1" {
		t.Skip("set DOCGEN_CORPUS_HANDLERS=1 to generate the corpus and run its handler tests")
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not found: %v", err)
	}
	pkg, err := parser.ParsePaths(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := generator.Generate(pkg, generator.Options{Package: "corpus"})
	mod := t.TempDir()
	dir := filepath.Join(mod, "corpus")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Each page's handler test is one function running a table of cases as
	// subtests: a pair is "TestXHandlers/case".
	testFunc := regexp.MustCompile(`(?m)^func (Test\w+)\(t \*testing\.T\) \{`)
	caseName := regexp.MustCompile(`(?m)^\t\tTest: +"([^"]*)",`)
	ours := map[string]bool{}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f.Name, "_handlers_test.go") {
			fn := testFunc.FindSubmatch(f.Content)
			if fn == nil {
				t.Errorf("%s declares no test function", f.Name)
				continue
			}
			for _, m := range caseName.FindAllSubmatch(f.Content, -1) {
				ours[string(fn[1])+"/"+strings.ReplaceAll(string(m[1]), " ", "_")] = true
			}
		}
	}
	if len(ours) == 0 {
		t.Fatal("the corpus has no handler test")
	}
	writeModule(t, mod)
	cmd := exec.Command("go", "test", "-json", "-count=1", "-timeout=40m", "-run", "Handlers$", "./corpus")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	out, _ := cmd.Output()

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
		t.Fatalf("no handler test ran; go test output:\n%s", tail(string(out), 4000))
	}
	count := map[string]int{}
	for _, r := range result {
		count[r]++
	}
	total := len(ours)
	t.Logf("corpus handler tests: %d documented request/response pairs; %d pass, %d fail, %d skip, %d did not report (%.1f%% run and pass)",
		total, count["pass"], count["fail"], count["skip"], total-len(result), 100*float64(count["pass"])/float64(total))

	reason := regexp.MustCompile(`\.md:\d+: (.*)`)
	groups := map[string][]string{}
	var details []string
	for name, r := range result {
		if r == "pass" {
			continue
		}
		text := ""
		if output[name] != nil {
			text = output[name].String()
		}
		cause := ""
		for _, line := range strings.Split(text, "\n") {
			if m := reason.FindStringSubmatch(line); m != nil {
				cause = m[1]
				if r == "skip" || strings.Contains(line, "want") || strings.Contains(line, "did not") {
					break
				}
			}
		}
		if r == "skip" && cause == "" {
			t.Errorf("%s is skipped without a reason: %s", name, strings.TrimSpace(text))
		}
		key := r + " " + shorten(cause)
		groups[key] = append(groups[key], name)
		details = append(details, name+"\t"+r+"\t"+cause)
	}
	if out := os.Getenv("DOCGEN_CORPUS_HANDLERS_OUT"); out != "" {
		// Every test that did not pass, with its whole reason.
		slices.Sort(details)
		if err := os.WriteFile(out, []byte(strings.Join(details, "\n")+"\n"), 0o644); err != nil {
			t.Error(err)
		}
	}
	// Categories: each reason up to its first parenthesis or colon.
	category := map[string]int{}
	for k, names := range groups {
		c := k
		if i := strings.IndexAny(c, "(:"); i > 0 {
			c = strings.TrimSpace(c[:i])
		}
		category[c] += len(names)
	}
	cats := slices.Collect(maps.Keys(category))
	slices.Sort(cats)
	slices.SortStableFunc(cats, func(a, b string) int { return category[b] - category[a] })
	for _, c := range cats {
		t.Logf("category %5d %s", category[c], c)
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
		slices.Sort(groups[k])
		t.Logf("%5d %s (e.g. %s)", len(groups[k]), k, groups[k][0])
	}
	if count["pass"]*100 < total*97 {
		t.Errorf("only %d of %d documented request/response pairs run and pass (want at least 97%%)", count["pass"], total)
	}
}
