package generator_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/parser"
)

// TestCorpusCodecBench generates the corpus into a temporary module, adds
// testdata/corpus_codec_bench.go.txt with every example case of the
// example tests, and runs its BenchmarkCorpusCodec: the documented example
// bodies decoded and encoded with the generated models and with plain
// pointer structs under encoding/json. It logs the benchmark lines and the
// ratios, and fails if the benchmark does not run. It takes minutes (one
// compile of the corpus package), so it runs only with
// DOCGEN_CORPUS_BENCH=1:
//
//	DOCGEN_CORPUS_BENCH=1 go test ./generator -run TestCorpusCodecBench -v -timeout 30m
//
// DOCGEN_CORPUS_BENCH_COUNT=10 runs each benchmark 10 times instead of 3.
// DOCGEN_CORPUS_BENCH_DIR=dir writes the module into dir (made anew) and
// keeps it, so that the benchmark can be run there again by hand, with
// -cpuprofile for example:
//
//	cd dir && GOFLAGS=-mod=mod go test -run '^$' -bench CorpusCodec -cpuprofile cpu.out ./corpus
func TestCorpusCodecBench(t *testing.T) {
	if os.Getenv("DOCGEN_CORPUS_BENCH") != "1" {
		t.Skip("set DOCGEN_CORPUS_BENCH=1 to benchmark the generated models on the corpus examples")
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
	if keep := os.Getenv("DOCGEN_CORPUS_BENCH_DIR"); keep != "" {
		// Only a folder this test made before (its go.mod says so) is
		// removed first.
		if entries, _ := os.ReadDir(keep); len(entries) > 0 {
			if gomod, _ := os.ReadFile(filepath.Join(keep, "go.mod")); !strings.HasPrefix(string(gomod), "module x\n") {
				t.Fatalf("DOCGEN_CORPUS_BENCH_DIR=%s is not empty and not a module this test wrote", keep)
			}
		}
		if err := os.RemoveAll(keep); err != nil {
			t.Fatal(err)
		}
		mod = keep
		t.Logf("module kept in %s", mod)
	}
	dir := filepath.Join(mod, "corpus")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Each page's examples are a table (runExamples(t, examplesX)); an
	// entry starts with its Test field and names its Go type in Go.
	table := regexp.MustCompile(`runExamples\(t, (\w+)\)`)
	field := regexp.MustCompile(`(?m)^\t\t(?:Test: .*|Go: +\(\*(\w+)\)\(nil\),)$`)
	var cases []string
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(f.Name, "_examples_test.go") {
			continue
		}
		tm := table.FindSubmatch(f.Content)
		if tm == nil {
			continue
		}
		i := -1
		for _, m := range field.FindAllSubmatch(f.Content, -1) {
			if len(m[1]) == 0 {
				i++ // a Test field: the next entry
				continue
			}
			cases = append(cases, fmt.Sprintf("\t{%s[%d], reflect.TypeFor[%s](), reflect.TypeFor[ODataCollection[%[3]s]]()},\n", tm[1], i, m[1]))
		}
	}
	if len(cases) == 0 {
		t.Fatal("no example table names a Go type")
	}
	sort.Strings(cases)
	bench, err := os.ReadFile("testdata/corpus_codec_bench.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := string(bench) + "\nvar codecCases = []codecCase{\n" + strings.Join(cases, "") + "}\n"
	if err := os.WriteFile(filepath.Join(dir, "zz_codec_bench_test.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	writeModule(t, mod)

	// DOCGEN_CORPUS_BENCH_COUNT runs the benchmark more often (default
	// 3), for benchstat over the logged lines.
	count := "3"
	if n, err := strconv.Atoi(os.Getenv("DOCGEN_CORPUS_BENCH_COUNT")); err == nil && n > 0 {
		count = strconv.Itoa(n)
	}
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "BenchmarkCorpusCodec", "-benchtime", "5x", "-count", count, "-timeout", "60m", "-benchmem", "-v", "./corpus")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go test -bench: %v\n%s", err, tail(string(out), 4000))
	}
	best := map[string]float64{}
	line := regexp.MustCompile(`^BenchmarkCorpusCodec/(\S+?)(-\d+)?\s+\d+\s+(\d+(?:\.\d+)?) ns/op`)
	for _, l := range strings.Split(string(out), "\n") {
		if strings.Contains(l, "example bodies") || strings.HasPrefix(l, "Benchmark") {
			t.Log(strings.TrimSpace(l))
		}
		if m := line.FindStringSubmatch(l); m != nil {
			ns, _ := strconv.ParseFloat(m[3], 64)
			if b, ok := best[m[1]]; !ok || ns < b {
				best[m[1]] = ns
			}
		}
	}
	for _, op := range []string{"decode", "encode"} {
		g, p := best[op+"/generated"], best[op+"/plain"]
		if g == 0 || p == 0 {
			t.Fatalf("no %s figures in the benchmark output:\n%s", op, tail(string(out), 4000))
		}
		t.Logf("%s: generated/plain = %.2f (best of 3: %.1f ms vs %.1f ms per pass)", op, g/p, g/1e6, p/1e6)
	}
	if d := best["encode-direct/generated"]; d > 0 {
		t.Logf("encode with MarshalJSON called directly (no encoding/json re-validation): generated/plain = %.2f", d/best["encode/plain"])
	}
}
