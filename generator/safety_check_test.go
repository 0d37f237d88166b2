package generator_test

import (
	"bufio"
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/internal/gosafe"
	"github.com/docgen-dev/docgen/parser/model"
)

// The in-process checks of generated output shared by the fuzz, damage and
// hostile-names tests: every file is valid UTF-8 with no NUL, no raw bidi or
// other invisible character, is gofmt'd, and the package type-checks with
// go/types (with its tests) against the runtime copied into it and the
// standard library and go-cmp, whose export data `go list -export` gives.

// scanRaw reports the first unsafe rune of a generated file.
func scanRaw(f generator.File) error {
	if !utf8.Valid(f.Content) {
		return fmt.Errorf("%s: invalid UTF-8", f.Name)
	}
	if off, p := gosafe.First(string(f.Content)); off >= 0 {
		// Tabs and newlines are allowed; a carriage return is not either.
		line := bytes.Count(f.Content[:off], []byte("\n")) + 1
		return fmt.Errorf("%s:%d: raw %s", f.Name, line, p)
	}
	return nil
}

// checkFiles checks files as described above. It returns every problem.
func checkFiles(files []generator.File) []error {
	constantOnce.Do(initConstant)
	if len(constantErrs) > 0 {
		return constantErrs
	}
	return checkFilesStrip(files, constantFile)
}

// checkFilesStrip is checkFiles, type-checking only the declarations of
// the files strip selects.
func checkFilesStrip(files []generator.File, strip func(generator.File) bool) []error {
	var errs []error
	fset := token.NewFileSet()
	var all []*ast.File
	stripped := map[string]bool{}
	for _, f := range files {
		if err := scanRaw(f); err != nil {
			errs = append(errs, err)
			continue
		}
		if !strings.HasSuffix(f.Name, ".go") {
			continue
		}
		src, err := format.Source(f.Content)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", f.Name, err))
			continue
		}
		if !bytes.Equal(src, f.Content) {
			errs = append(errs, fmt.Errorf("%s: not gofmt'd", f.Name))
		}
		af, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", f.Name, err))
			continue
		}
		for _, cg := range af.Comments {
			for _, c := range cg.List {
				if c.Text != "//go:noinline" && strings.HasPrefix(c.Text, "//go:") || strings.HasPrefix(c.Text, "//line ") || strings.HasPrefix(c.Text, "/*line ") {
					errs = append(errs, fmt.Errorf("%s: %s: directive %q", f.Name, fset.Position(c.Pos()), c.Text))
				}
			}
		}
		if strip != nil && strip(f) {
			// A runtime copy, the same whatever the pages: its bodies
			// were checked once (constantFiles); only its declarations
			// matter to the page files, which keeps each check fast.
			for _, d := range af.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					fd.Body = nil
				}
			}
			stripped[f.Name] = true
		}
		all = append(all, af)
	}
	if len(errs) > 0 {
		return errs
	}
	checkMu.Lock()
	defer checkMu.Unlock()
	conf := types.Config{Importer: exportImporter(all), Error: func(err error) {
		if te, ok := err.(types.Error); ok && stripped[te.Fset.Position(te.Pos).Filename] {
			return // an import only the stripped bodies used
		}
		if len(errs) < 10 {
			errs = append(errs, err)
		}
	}}
	conf.Check("generated", fset, all, nil)
	return errs
}

var (
	constantOnce sync.Once
	constant     map[string][]byte
	constantErrs []error
)

// initConstant records the files Generate writes for an empty package
// (the runtime copies) and checks them whole, bodies included.
func initConstant() {
	files, _ := generator.Generate(&model.Package{}, generator.Options{Package: "generated"})
	constantErrs = checkFilesStrip(files, nil)
	constant = map[string][]byte{}
	for _, g := range files {
		constant[g.Name] = g.Content
	}
}

// constantFile reports whether f is a file Generate writes unchanged for
// an empty package.
func constantFile(f generator.File) bool {
	c, ok := constant[f.Name]
	return ok && bytes.Equal(c, f.Content)
}

// checkMu serializes type checks: the shared importer is not safe for
// concurrent use.
var checkMu sync.Mutex

var (
	exportMu    sync.Mutex
	exportFiles = map[string]string{} // import path → export data file
)

var sharedImporter types.Importer

// exportImporter returns the importer for the imports of files, reading the
// export data that `go list -export` builds (once per process and path).
// One importer serves every check, so each package's export data is read
// once.
func exportImporter(files []*ast.File) types.Importer {
	exportMu.Lock()
	defer exportMu.Unlock()
	var missing []string
	for _, f := range files {
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if _, ok := exportFiles[p]; !ok && !slices.Contains(missing, p) {
				missing = append(missing, p)
			}
		}
	}
	if len(missing) > 0 {
		cmd := exec.Command("go", append([]string{"list", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}"}, missing...)...)
		out, err := cmd.Output()
		if err == nil {
			sc := bufio.NewScanner(bytes.NewReader(out))
			for sc.Scan() {
				if p, file, ok := strings.Cut(sc.Text(), "\t"); ok && file != "" {
					exportFiles[p] = file
				}
			}
		}
		for _, p := range missing {
			if _, ok := exportFiles[p]; !ok {
				exportFiles[p] = "" // unknown: the type check reports it
			}
		}
	}
	if sharedImporter == nil {
		sharedImporter = importer.ForCompiler(token.NewFileSet(), "gc", func(path string) (io.ReadCloser, error) {
			exportMu.Lock()
			file := exportFiles[path]
			exportMu.Unlock()
			if file == "" {
				return nil, fmt.Errorf("no export data for %s", path)
			}
			return os.Open(file)
		})
	}
	return sharedImporter
}

// TestCheckFiles: the checks find what they look for.
func TestCheckFiles(t *testing.T) {
	files, _ := generator.Generate(&model.Package{}, generator.Options{Package: "generated"})
	if errs := checkFiles(files); len(errs) > 0 {
		t.Fatalf("runtime alone: %v", errs)
	}
	for _, bad := range []string{
		"package generated\n\nvar _ int = \"x\"\n",                 // type error
		"package generated\n\nvar _ = serverConfig{}.nope\n",       // unknown runtime member
		"package generated\n\n// a \u202e b\nvar _ = 1\n",          // raw bidi control
		"package generated\n\n//go:generate rm -rf /\nvar _ = 1\n", // directive
		"package generated\n\nvar _ = 1\n\n\n\n",                   // not gofmt'd
		"package generated\n\n// \xff\nvar _ = 1\n",                // invalid UTF-8
	} {
		got := checkFiles(append(slices.Clone(files), generator.File{Name: "bad.go", Content: []byte(bad)}))
		if len(got) == 0 {
			t.Errorf("no error for %q", bad)
		}
	}
}
