package generator

import (
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/docgen-dev/docgen/parser/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenCase is one directory of testdata: model.json in, want/*.go and
// want.diag out. options.json, if present, holds Options.
type goldenCase struct {
	name, dir string
}

func goldenCases(t *testing.T) []goldenCase {
	t.Helper()
	paths, err := filepath.Glob("testdata/*/model.json")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	var cases []goldenCase
	for _, p := range paths {
		dir := filepath.Dir(p)
		cases = append(cases, goldenCase{name: filepath.Base(dir), dir: dir})
	}
	return cases
}

func loadModel(t testing.TB, path string) *model.Package {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var pkg model.Package
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &pkg
}

func (c goldenCase) options(t *testing.T) Options {
	t.Helper()
	opts := Options{Package: c.name}
	data, err := os.ReadFile(filepath.Join(c.dir, "options.json"))
	if os.IsNotExist(err) {
		return opts
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &opts); err != nil {
		t.Fatalf("%s/options.json: %v", c.dir, err)
	}
	return opts
}

// isRuntimeFile reports whether a generated file is a runtime copy: the
// same in every case, so goldens leave it out (TestGoldenCompile adds it).
func isRuntimeFile(name string) bool {
	for _, f := range loadRuntime().files {
		if name == "docgen_"+f.Name {
			return true
		}
	}
	return false
}

func formatDiags(diags []model.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Severity.String() + ": " + d.String() + "\n")
	}
	return b.String()
}

// TestGolden generates every case and compares each file with want/,
// failing on missing and unexpected files too.
func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			files, diags := Generate(loadModel(t, filepath.Join(c.dir, "model.json")), c.options(t))
			got := map[string]string{}
			for _, f := range files {
				if !isRuntimeFile(f.Name) {
					got[f.Name] = string(f.Content)
				}
			}
			wantDir := filepath.Join(c.dir, "want")
			diagFile := filepath.Join(c.dir, "want.diag")
			if *update {
				if err := os.RemoveAll(wantDir); err != nil {
					t.Fatal(err)
				}
				if err := os.MkdirAll(wantDir, 0o755); err != nil {
					t.Fatal(err)
				}
				for name, content := range got {
					if err := os.WriteFile(filepath.Join(wantDir, name), []byte(content), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				if err := os.WriteFile(diagFile, []byte(formatDiags(diags)), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := readWant(t, wantDir)
			for _, name := range slices.Sorted(mapKeys(want)) {
				if _, ok := got[name]; !ok {
					t.Errorf("%s: missing file %s", c.name, name)
				}
			}
			for _, name := range slices.Sorted(mapKeys(got)) {
				w, ok := want[name]
				if !ok {
					t.Errorf("%s: unexpected file %s", c.name, name)
					continue
				}
				if diff := cmp.Diff(w, got[name]); diff != "" {
					t.Errorf("%s/%s mismatch (-want +got):\n%s", c.name, name, diff)
				}
			}
			wantDiag, err := os.ReadFile(diagFile)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(wantDiag), formatDiags(diags)); diff != "" {
				t.Errorf("%s diagnostics mismatch (-want +got):\n%s", c.name, diff)
			}
		})
	}
}

func readWant(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) && filepath.Base(dir) == "tests" {
		return map[string]string{}
	}
	if err != nil {
		t.Fatalf("%v (run go test ./generator -run TestGolden -update)", err)
	}
	out := map[string]string{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		out[name] = string(data)
	}
	return out
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestGoldenCompile copies every case's want/ files, with the runtime, into
// a temporary module (one package per case) and runs go vet and go test
// there (go test builds every package and runs the generated example tests
// and the case's hand-written tests/*_test.go): the goldens must be valid,
// vet-clean Go that keeps its promises.
func TestGoldenCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	mod := t.TempDir()
	for _, c := range goldenCases(t) {
		want := readWant(t, filepath.Join(c.dir, "want"))
		opts := c.options(t)
		pkgDir := filepath.Join(mod, c.name)
		if err := os.MkdirAll(pkgDir, 0o755); err != nil {
			t.Fatal(err)
		}
		p := &plan{opts: Options{Package: PackageName(opts.Package), NoTests: opts.NoTests}}
		for _, g := range p.runtimeFiles() {
			want[g.Name] = string(g.Src)
		}
		// tests/*_test.go are hand-written tests of the case's output.
		for name, content := range readWant(t, filepath.Join(c.dir, "tests")) {
			want[name] = content
		}
		for name, content := range want {
			if err := os.WriteFile(filepath.Join(pkgDir, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	writeTempModule(t, mod)
	for _, args := range [][]string{{"vet", "./..."}, {"test", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		start := time.Now()
		out, err := cmd.CombinedOutput()
		t.Logf("go %s: %v", strings.Join(args, " "), time.Since(start))
		if err != nil {
			t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

// writeTempModule writes go.mod (module x, go 1.24) and, because the
// runtime's example harness imports go-cmp, requires it from the module
// cache with this repository's go.sum lines.
func writeTempModule(t testing.TB, dir string) {
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
