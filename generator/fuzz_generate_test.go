package generator_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/parser"
)

// fuzzSeedPages is how many corpus pages seed FuzzGenerate (every n-th
// page in path order, so the seeds cover api and resource pages of every
// area); the docs/ seed pages are always added.
const fuzzSeedPages = 120

// FuzzGenerate feeds page bytes through the parser and the generator:
// whatever the page, nothing panics and every produced file is valid
// UTF-8 without raw bidi, invisible or control characters, gofmt'd, free
// of directives, and the package type-checks with its tests (checkFiles).
// The page is parsed as an API page or a resource page (by kind), next to
// a fixed healthy page that must always be generated.
//
//	go test -run X -fuzz FuzzGenerate -fuzztime 10m ./generator
func FuzzGenerate(f *testing.F) {
	n := fuzzSeedPages
	if fl := flag.Lookup("test.fuzz"); fl == nil || fl.Value.String() == "" {
		n = 6 // a plain `go test` runs the seeds as tests: keep it quick
	}
	for _, p := range seedPages(f, n) {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		kind := uint8(0)
		if filepath.Base(filepath.Dir(p)) == "resources" {
			kind = 1
		}
		f.Add(kind, src)
	}
	healthy, err := os.ReadFile("../docs/create-cloudpcsnapshot.md")
	if err != nil {
		f.Fatal(err)
	}
	// The one-time costs (go list -export, the full check of the runtime
	// copies) are paid here, in each worker before its first input, so no
	// input looks hung on a busy machine.
	if errs := checkFiles(nil); len(errs) > 0 {
		f.Fatal(errs)
	}
	f.Fuzz(func(t *testing.T, kind uint8, page []byte) {
		name := "docs/api/fuzz.md"
		if kind%2 == 1 {
			name = "docs/resources/fuzz.md"
		}
		pkg := parser.ParseFiles([]parser.File{{Path: name, Src: page}, {Path: "docs/api/create-cloudpcsnapshot.md", Src: healthy}})
		files, _ := generator.Generate(pkg, generator.Options{Package: "generated"})
		if !slices.ContainsFunc(files, func(f generator.File) bool { return f.Name == "create_cloudpcsnapshot.go" }) {
			t.Fatalf("the healthy page's file is missing")
		}
		for _, err := range checkFiles(files) {
			t.Error(err)
		}
	})
}

// seedPages returns up to n corpus pages (every k-th in path order) and
// the docs/ pages; without the corpus, the docs/ pages alone.
func seedPages(tb testing.TB, n int) []string {
	tb.Helper()
	docs, _ := filepath.Glob("../docs/*.md")
	var corpus []string
	_ = filepath.WalkDir(corpusDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".md" {
			corpus = append(corpus, p)
		}
		return nil
	})
	slices.Sort(corpus)
	var out []string
	if len(corpus) > 0 && n > 0 {
		step := max(1, len(corpus)/n)
		for i := 0; i < len(corpus) && len(out) < n; i += step {
			out = append(out, corpus[i])
		}
	}
	return append(out, docs...)
}
