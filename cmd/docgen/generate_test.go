package main

import (
	"bytes"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/docgen-dev/docgen/generator"
)

// copySeeds copies the repository's docs/ into dir/docs.
func copySeeds(t *testing.T, dir string) string {
	t.Helper()
	docs := filepath.Join(dir, "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir("../../docs")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("../../docs", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(docs, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return docs
}

func TestGenerateCommand(t *testing.T) {
	dir := t.TempDir()
	docs := copySeeds(t, dir)
	out := filepath.Join(dir, "My-Models")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"generate", "-docs", docs, "-out", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "written, 0 removed") {
		t.Errorf("no summary line in stderr:\n%s", stderr.String())
	}
	// Diagnostics name the pages as reachable from the working directory.
	if !strings.Contains(stderr.String(), filepath.ToSlash(docs)+"/create-cloudpcsnapshot.md:") {
		t.Errorf("diagnostics do not name the page under -docs:\n%s", stderr.String())
	}
	data, err := os.ReadFile(filepath.Join(out, "create_cloudpcsnapshot.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{generator.Header + "\n", "// Source: docs/create-cloudpcsnapshot.md\n", "\npackage mymodels\n"} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("create_cloudpcsnapshot.go lacks %q", want)
		}
	}
	// A second run changes nothing.
	stderr.Reset()
	if code := run([]string{"generate", "-docs", docs, "-out", out, "-pkg", "mymodels"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("second run: exit %d:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), ": 0 written, 0 removed") {
		t.Errorf("second run rewrote files:\n%s", stderr.String())
	}
}

func TestGenerateCommandErrors(t *testing.T) {
	dir := t.TempDir()
	docs := copySeeds(t, dir)
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	handWritten := "package out\n\n// mine\n"
	if err := os.WriteFile(filepath.Join(out, "create_cloudpcsnapshot.go"), []byte(handWritten), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"hand-written file in the way", []string{"generate", "-docs", docs, "-out", out}, exitUsage, "create_cloudpcsnapshot.go"},
		{"missing docs", []string{"generate", "-docs", filepath.Join(dir, "nope"), "-out", out}, exitUsage, "nope"},
		{"bad package", []string{"generate", "-docs", docs, "-out", out, "-pkg", "my-pkg"}, exitUsage, "not a valid Go package name"},
		{"extra argument", []string{"generate", "x"}, exitUsage, "unexpected argument"},
		{"bad flag", []string{"generate", "-nope"}, exitUsage, "-nope"},
		{"unknown part", []string{"generate", "-docs", docs, "-out", out, "-generate", "models,client"}, exitUsage, `unknown part "client"`},
		{"models left out", []string{"generate", "-docs", docs, "-out", out, "-generate", "tests"}, exitUsage, "models cannot be left out"},
		{"help", []string{"generate", "-h"}, exitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr); code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, stderr.String())
			}
		})
	}
	data, err := os.ReadFile(filepath.Join(out, "create_cloudpcsnapshot.go"))
	if err != nil || string(data) != handWritten {
		t.Errorf("the hand-written file was changed: %q, %v", data, err)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 1 {
		t.Errorf("files were written next to the hand-written one: %v", entries)
	}
}

func TestGenerateHelpMentionsFlags(t *testing.T) {
	var stdout, stderr bytes.Buffer
	run([]string{"generate", "-h"}, &stdout, &stderr)
	for _, f := range []string{"-docs", "-out", "-pkg", "-generate"} {
		if !strings.Contains(stdout.String(), f) {
			t.Errorf("help lacks %s:\n%s", f, stdout.String())
		}
	}
}

func TestParseParts(t *testing.T) {
	for _, tt := range []struct {
		in                  string
		noHandlers, noTests bool
		err                 string
	}{
		{"models,handlers,tests", false, false, ""},
		{"models", true, true, ""},
		{" tests , models ", true, false, ""},
		{"handlers,models", false, true, ""},
		{"handlers", true, true, "cannot be left out"},
		{"models,", true, true, `unknown part ""`},
		{"models,server", true, true, `unknown part "server"`},
	} {
		opts, err := parseParts(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("parseParts(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || opts.NoHandlers != tt.noHandlers || opts.NoTests != tt.noTests {
			t.Errorf("parseParts(%q) = %+v, %v; want NoHandlers=%v NoTests=%v", tt.in, opts, err, tt.noHandlers, tt.noTests)
		}
	}
}

// TestGenerateModelsOnly: -generate models writes the models and the
// runtime, no server and no test, and check with the same flag finds no
// drift (while check with the default parts does).
func TestGenerateModelsOnly(t *testing.T) {
	dir := t.TempDir()
	docs := copySeeds(t, dir)
	out := filepath.Join(dir, "models")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"generate", "-docs", docs, "-out", out, "-generate", "models"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		if strings.HasSuffix(e.Name(), "_test.go") || e.Name() == "docgen_servers.go" {
			t.Errorf("models-only output has %s", e.Name())
		}
	}
	for _, want := range []string{"create_cloudpcsnapshot.go", "docgen_opt.go"} {
		if !slices.Contains(names, want) {
			t.Errorf("models-only output lacks %s: %v", want, names)
		}
	}
	data, err := os.ReadFile(filepath.Join(out, "create_cloudpcsnapshot.go"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("Request struct")) || !bytes.Contains(data, []byte("type CloudPcSnapshot struct")) {
		t.Errorf("create_cloudpcsnapshot.go is not models only:\n%s", data)
	}
	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"check", "-docs", docs, "-out", out, "-generate", "models", "-ignore", "todo-text"}, &stdout, &stderr); code == exitUsage || strings.Contains(stdout.String()+stderr.String(), "[generated-") {
		t.Errorf("check -generate models: exit %d, drift reported:\n%s%s", code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	run([]string{"check", "-docs", docs, "-out", out}, &stdout, &stderr)
	if !strings.Contains(stderr.String(), "create_cloudpcsnapshot_examples_test.go:1: generated file is missing") {
		t.Errorf("check with every part does not report the missing test files:\n%s%s", stdout.String(), stderr.String())
	}
}

// TestGeneratedIsCurrent: the checked-in generated/ is what docgen
// generates from docs/ now.
func TestGeneratedIsCurrent(t *testing.T) {
	pkg, err := loadDocs("../../docs")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := generator.Generate(pkg, generator.Options{Package: defaultPackage("../../generated")})
	changes, err := generator.Compare("../../generated", files)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range changes {
		t.Errorf("generated/%s is %s; run: go generate ./generated\n%s", c.Name, c.Kind, cmp.Diff(string(c.Old), string(c.New)))
	}
}

// loadDocs names pages the same way whatever the spelling of the folder.
func TestLoadDocsPositions(t *testing.T) {
	a, err := loadDocs("../../docs")
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("../../docs")
	b, err := loadDocs(abs)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Types) == 0 || a.Types[0].Pos.File == "" || !strings.HasPrefix(a.Types[0].Pos.File, "docs/") {
		t.Fatalf("unexpected positions: %+v", a.Types)
	}
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("models differ by docs spelling (-rel +abs):\n%s", diff)
	}
}

// TestCorpusBuild generates the whole corpus into a temporary module and
// builds and vets it. It runs only with DOCGEN_CORPUS_BUILD=1 (it takes
// minutes) and when the corpus is present.
func TestCorpusBuild(t *testing.T) {
	if os.Getenv("DOCGEN_CORPUS_BUILD") != "1" {
		t.Skip("set DOCGEN_CORPUS_BUILD=1 to build the generated corpus")
	}
	corpus := "../../../shared/corpus/graph-docs-v1.0-2021-07"
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus not present: %v", err)
	}
	start := time.Now()
	pkg, err := loadDocs(corpus)
	if err != nil {
		t.Fatal(err)
	}
	parsed := time.Now()
	files, diags := generator.Generate(pkg, generator.Options{Package: "corpus"})
	generated := time.Now()
	lines, bytesOut := 0, 0
	for _, f := range files {
		lines += bytes.Count(f.Content, []byte("\n"))
		bytesOut += len(f.Content)
	}
	counts := map[string]int{}
	for _, d := range diags {
		counts[string(d.Code)]++
		if d.Code == generator.CodeInternal {
			t.Errorf("%s", d)
		}
	}
	t.Logf("parse %v, generate %v: %d files, %d lines, %d bytes; generator diagnostics by code: %v",
		parsed.Sub(start), generated.Sub(parsed), len(files), lines, bytesOut, counts)
	mod := t.TempDir()
	dir := filepath.Join(mod, "corpus")
	if _, _, err := generator.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	gomod := "module x\n\ngo 1.24\n\nrequire github.com/google/go-cmp v0.7.0\n"
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile("../../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	var keep []string
	for _, l := range strings.Split(string(sum), "\n") {
		if strings.HasPrefix(l, "github.com/google/go-cmp ") {
			keep = append(keep, l)
		}
	}
	if err := os.WriteFile(filepath.Join(mod, "go.sum"), []byte(strings.Join(keep, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		t0 := time.Now()
		out, err := cmd.CombinedOutput()
		t.Logf("go %s: %v", strings.Join(args, " "), time.Since(t0))
		if err != nil {
			t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, firstLines(string(out), 60))
		}
	}
	if os.Getenv("DOCGEN_CORPUS_KEEP") != "" {
		keepDir := os.Getenv("DOCGEN_CORPUS_KEEP")
		if _, _, err := generator.Write(keepDir, files); err != nil {
			t.Error(err)
		}
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// BenchmarkGenerateCorpus measures parsing and generating the corpus
// (without writing), for every part (parts=all, the default of docgen
// generate) and for the models alone (parts=models, -generate models);
// gofmt-only times go/format.Source alone over the default output.
// Run with -benchtime=3x; it skips without the corpus.
func BenchmarkGenerateCorpus(b *testing.B) {
	corpus := "../../../shared/corpus/graph-docs-v1.0-2021-07"
	if _, err := os.Stat(corpus); err != nil {
		b.Skipf("corpus not present: %v", err)
	}
	for _, bc := range []struct {
		name string
		opts generator.Options
	}{
		{"parts=all", generator.Options{Package: "corpus"}},
		{"parts=models", generator.Options{Package: "corpus", NoHandlers: true, NoTests: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var parse, gen time.Duration
			var files, lines int
			for b.Loop() {
				t0 := time.Now()
				pkg, err := loadDocs(corpus)
				if err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				out, _ := generator.Generate(pkg, bc.opts)
				gen += time.Since(t1)
				parse += t1.Sub(t0)
				files, lines = len(out), 0
				for _, f := range out {
					lines += bytes.Count(f.Content, []byte("\n"))
				}
			}
			b.ReportMetric(float64(parse.Milliseconds())/float64(b.N), "parse-ms")
			b.ReportMetric(float64(gen.Milliseconds())/float64(b.N), "generate-ms")
			b.ReportMetric(float64(files), "files")
			b.ReportMetric(float64(lines), "lines")
		})
	}
	// The floor of any design that gofmts its output once per file:
	// go/format.Source over every generated file, one goroutine.
	b.Run("gofmt-only", func(b *testing.B) {
		pkg, err := loadDocs(corpus)
		if err != nil {
			b.Fatal(err)
		}
		out, _ := generator.Generate(pkg, generator.Options{Package: "corpus"})
		b.ResetTimer()
		for b.Loop() {
			for _, f := range out {
				if strings.HasSuffix(f.Name, ".go") {
					if _, err := format.Source(f.Content); err != nil {
						b.Fatal(f.Name, err)
					}
				}
			}
		}
	})
}
