package generator_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/generator"
	docparser "github.com/docgen-dev/docgen/parser"
)

// sizeLimit bounds the generated code per struct type that
// TestGeneratedSize enforces: the build cost of a generated package grows
// with the code per type, so code that grows back shows here first. The
// limits sit about 15% above the figures of the code they were set on
// (logged by the test): seeds 164.0 lines and 11.0 functions per type,
// corpus 156.5 and 6.17, since the handlers became a route table and
// request types without bind methods (before: seeds 176.0 and 12.0,
// corpus 174.3 and 7.61 after the codec and validation became tables;
// 234.5 and 12.5, 239.4 and 9.28 before that).
type sizeLimit struct {
	lines float64 // lines of page files (models and handlers), not tests
	funcs float64 // top-level functions and methods of page files
}

var sizeLimits = map[string]sizeLimit{
	"seeds":  {lines: 189, funcs: 12.7},
	"corpus": {lines: 180, funcs: 7.1},
}

// TestGeneratedSize measures the generated code of the seed pages and, when
// present and DOCGEN_CORPUS_BUILD=1 (two minutes), of the corpus: lines and functions of the page
// files per struct type, and the shape of the test files: one test
// function per page running a table and no other function or type (the
// handler tests' stub is the harness's), and no page line number in them
// (docgen_lines_test.go holds those).
func TestGeneratedSize(t *testing.T) {
	sets := map[string]string{"seeds": "../docs"}
	if _, err := os.Stat(corpusDir); err == nil && os.Getenv("DOCGEN_CORPUS_BUILD") == "1" {
		sets["corpus"] = corpusDir
	}
	for name, dir := range sets {
		t.Run(name, func(t *testing.T) {
			pkg, err := docparser.ParsePaths(dir)
			if err != nil {
				t.Fatal(err)
			}
			files, _ := generator.Generate(pkg, generator.Options{Package: "x"})
			checkSize(t, files, sizeLimits[name])
		})
	}
}

var lineField = regexp.MustCompile(`(?m)^\s*Line:\s*\d+,`)

func checkSize(t *testing.T, files []generator.File, limit sizeLimit) {
	t.Helper()
	structs, lines, funcs := 0, 0, 0
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasPrefix(f.Name, "docgen_") {
			continue
		}
		af, err := parser.ParseFile(fset, f.Name, f.Content, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		nfuncs, tests, types := 0, 0, 0
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				nfuncs++
				if strings.HasPrefix(d.Name.Name, "Test") {
					tests++
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok {
						continue
					}
					types++
					if st, ok := ts.Type.(*ast.StructType); ok {
						for _, fld := range st.Fields.List {
							if len(fld.Names) == 1 && fld.Names[0].Name == "Extra" {
								structs++
							}
						}
					}
				}
			}
		}
		switch {
		case strings.HasSuffix(f.Name, "_examples_test.go"), strings.HasSuffix(f.Name, "_handlers_test.go"):
			if nfuncs != 1 || tests != 1 || types != 0 {
				t.Errorf("%s: %d functions (%d tests) and %d types, want one test function running the page's table", f.Name, nfuncs, tests, types)
			}
		default:
			lines += bytes.Count(f.Content, []byte("\n"))
			funcs += nfuncs
			continue
		}
		if m := lineField.Find(f.Content); m != nil {
			t.Errorf("%s: a page line number in a test file (%s); it belongs in docgen_lines_test.go", f.Name, bytes.TrimSpace(m))
		}
	}
	if structs == 0 {
		t.Fatal("no struct types generated")
	}
	perLines, perFuncs := float64(lines)/float64(structs), float64(funcs)/float64(structs)
	t.Logf("%d struct types: %d lines (%.1f per type), %d functions (%.2f per type) in page files", structs, lines, perLines, funcs, perFuncs)
	if perLines > limit.lines {
		t.Errorf("%.1f lines of page files per struct type, want at most %.0f: the generated code per type grew", perLines, limit.lines)
	}
	if perFuncs > limit.funcs {
		t.Errorf("%.2f functions of page files per struct type, want at most %.1f: the generated code per type grew", perFuncs, limit.funcs)
	}
}
