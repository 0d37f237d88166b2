package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoCodeLiterals: outside tests, a diagnostic code is always one of the
// constants of codes.go: no composite literal sets Code (of a
// model.Diagnostic or a model.CodeInfo) to a string literal, no reporting
// helper (diag, diagOnce, report, reportOnce) gets a code as a string
// literal, and no other file declares a name for a code.
func TestNoCodeLiterals(t *testing.T) {
	known := map[string]bool{}
	for _, c := range allCodes() {
		known[string(c.Code)] = true
	}
	helpers := map[string]bool{"diag": true, "diagOnce": true, "report": true, "reportOnce": true}
	files := 0
	for _, o := range codeOwners {
		paths, err := filepath.Glob(filepath.Join("..", "..", o.dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range paths {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			files++
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			bad := func(n ast.Node, what string) {
				t.Errorf("%s: %s; use the constant of codes.go", fset.Position(n.Pos()), what)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.ValueSpec:
					for _, v := range n.Values {
						if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING && filepath.Base(path) != "codes.go" {
							if v, err := strconv.Unquote(lit.Value); err == nil && known[v] {
								bad(lit, "a name for the code "+lit.Value+" outside codes.go")
							}
						}
					}
				case *ast.KeyValueExpr:
					if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Code" {
						if lit, ok := n.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
							bad(lit, "Code is the string literal "+lit.Value)
						}
					}
				case *ast.CallExpr:
					name := ""
					switch fn := n.Fun.(type) {
					case *ast.Ident:
						name = fn.Name
					case *ast.SelectorExpr:
						name = fn.Sel.Name
					}
					if !helpers[name] {
						return true
					}
					for _, arg := range n.Args {
						lit, ok := arg.(*ast.BasicLit)
						if !ok || lit.Kind != token.STRING {
							continue
						}
						if v, err := strconv.Unquote(lit.Value); err == nil && (known[v] || kebab.MatchString(v) && strings.Contains(v, "-")) {
							bad(lit, name+" gets the code "+lit.Value+" as a string literal")
						}
					}
				}
				return true
			})
		}
	}
	if files < 10 {
		t.Errorf("scanned only %d files; the test is not looking at the right folders", files)
	}
}
