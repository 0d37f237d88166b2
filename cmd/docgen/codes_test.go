package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/internal/apidiff"
	"github.com/docgen-dev/docgen/internal/check"
	"github.com/docgen-dev/docgen/internal/lint"
	"github.com/docgen-dev/docgen/internal/metacheck"
	docparser "github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

// codeOwners are the packages that report diagnostics, with their
// catalogues, by folder from the module root.
var codeOwners = []struct {
	dir   string
	codes []model.CodeInfo
}{
	{"parser", docparser.Codes()},
	{"internal/lint", lint.Codes()},
	{"generator", generator.Codes()},
	{"internal/check", check.Codes()},
	{"internal/metacheck", metacheck.Codes()},
	{"internal/apidiff", apidiff.Codes()},
}

var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// TestAllCodes: allCodes lists every owner's codes once, sorted, each
// kebab-case and documented with a valid severity.
func TestAllCodes(t *testing.T) {
	owner := map[model.Code]string{}
	n := 0
	for _, o := range codeOwners {
		if len(o.codes) == 0 {
			t.Errorf("%s documents no codes", o.dir)
		}
		for _, c := range o.codes {
			n++
			if prev, dup := owner[c.Code]; dup {
				t.Errorf("code %q is documented by both %s and %s", c.Code, prev, o.dir)
			}
			owner[c.Code] = o.dir
			if !kebab.MatchString(string(c.Code)) {
				t.Errorf("%s code %q is not kebab-case", o.dir, c.Code)
			}
			if strings.TrimSpace(c.Summary) == "" {
				t.Errorf("%s code %q has an empty summary", o.dir, c.Code)
			}
			if strings.TrimSpace(c.Explain) == "" {
				t.Errorf("%s code %q has an empty explanation", o.dir, c.Code)
			}
			if c.Severity < model.Info || c.Severity > model.Error {
				t.Errorf("%s code %q has invalid severity %d", o.dir, c.Code, c.Severity)
			}
		}
	}
	all := allCodes()
	if len(all) != n {
		t.Errorf("allCodes() returned %d codes, the owners document %d", len(all), n)
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].Code >= all[i].Code {
			t.Errorf("allCodes() not sorted or has duplicates at %q, %q", all[i-1].Code, all[i].Code)
		}
	}
	for _, code := range []model.Code{"example-unknown-member", "unused-ignore", "generated-stale", "json-repaired", "generator-internal"} {
		if _, ok := model.LookupCode(all, code); !ok {
			t.Errorf("allCodes() lacks %q", code)
		}
	}
}

// TestCodeConstants: each owner's codes.go declares one model.Code constant
// per code of its catalogue, and its catalogue lists every constant.
func TestCodeConstants(t *testing.T) {
	for _, o := range codeOwners {
		path := filepath.Join("..", "..", o.dir, "codes.go")
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		var consts []model.Code
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if sel, ok := vs.Type.(*ast.SelectorExpr); !ok || sel.Sel.Name != "Code" {
					continue
				}
				for i, name := range vs.Names {
					lit, ok := vs.Values[i].(*ast.BasicLit)
					if !ok || lit.Kind != token.STRING {
						t.Errorf("%s: %s is not a string literal", path, name.Name)
						continue
					}
					v, _ := strconv.Unquote(lit.Value)
					consts = append(consts, model.Code(v))
					if !strings.HasPrefix(name.Name, "Code") {
						t.Errorf("%s: constant %s of code %q is not named Code...", path, name.Name, v)
					}
				}
			}
		}
		for _, c := range consts {
			if _, ok := model.LookupCode(o.codes, c); !ok {
				t.Errorf("%s: code %q has a constant but is not in the catalogue", path, c)
			}
		}
		for _, c := range o.codes {
			if !slices.Contains(consts, c.Code) {
				t.Errorf("%s: code %q is in the catalogue but has no constant", path, c.Code)
			}
		}
		if len(consts) != len(o.codes) {
			t.Errorf("%s: %d constants for %d catalogue entries", path, len(consts), len(o.codes))
		}
	}
}
