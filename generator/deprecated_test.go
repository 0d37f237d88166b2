package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// deprecatedMessage is how staticcheck (SA1019) and gopls find a
// deprecation: a paragraph of the doc comment that starts "Deprecated: ".
func deprecatedMessage(doc *ast.CommentGroup) string {
	if doc == nil {
		return ""
	}
	for _, part := range strings.Split(doc.Text(), "\n\n") {
		if alt, ok := strings.CutPrefix(part, "Deprecated: "); ok {
			return strings.ReplaceAll(strings.TrimSpace(alt), "\n", " ")
		}
	}
	return ""
}

// TestDeprecatedParagraph reads the deprecated golden as the tools do:
// exactly the declarations the model marks deprecated carry a
// "Deprecated:" paragraph, with the docs' words.
func TestDeprecatedParagraph(t *testing.T) {
	files, err := filepath.Glob("testdata/deprecated/want/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	got := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, s := range gd.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					if m := deprecatedMessage(gd.Doc); m != "" {
						got[s.Name.Name] = m
					}
					st, ok := s.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, fl := range st.Fields.List {
						if m := deprecatedMessage(fl.Doc); m != "" {
							got[s.Name.Name+"."+fl.Names[0].Name] = m
						}
					}
				case *ast.ValueSpec:
					if m := deprecatedMessage(s.Doc); m != "" {
						got[s.Names[0].Name] = m
					}
				}
			}
		}
	}
	want := map[string]string{
		"Gadget":             "The gadget resource is deprecated and will stop returning data on March 31, 2026. Use the widget resource instead.",
		"Widget.LegacyColor": "Use theme instead.",
		"Widget.OldSize":     "The documentation marks this property as deprecated.",
		"WidgetStateRetired": "The widget is retired; use active widgets only.",
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(got) != len(want) {
		t.Errorf("deprecated declarations %v, want %d", keys, len(want))
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: Deprecated: %q, want %q", k, got[k], w)
		}
	}
}
