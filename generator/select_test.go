package generator

import (
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
)

// selectModel is a small docs tree: an operation on its own page, types on
// resource pages, a base, a derived type, property and enum types, and an
// unrelated type.
func selectModel() *model.Package {
	pos := func(f string) model.Pos { return model.Pos{File: "docs/" + f, Line: 1, Col: 1} }
	prop := func(name, typ string) *model.Property {
		return &model.Property{Name: name, TypeRef: model.TypeRef{Name: typ}}
	}
	return &model.Package{
		Types: []*model.Type{
			{Name: "microsoft.graph.bodyPart", Kind: model.ComplexType, Pos: pos("resources/bodypart.md")},
			{Name: "microsoft.graph.cloudPc", Kind: model.EntityType, Base: "microsoft.graph.entity", Pos: pos("resources/cloudpc.md"),
				Properties: []*model.Property{prop("status", "microsoft.graph.cloudPcStatus"), prop("detail", "microsoft.graph.cloudPcDetail")},
				Derived:    []string{"microsoft.graph.cloudPcSpecial"}},
			{Name: "microsoft.graph.cloudPcDetail", Kind: model.ComplexType, Pos: pos("resources/cloudpcdetail.md"),
				Properties: []*model.Property{prop("when", "Edm.DateTimeOffset"), prop("undefined", "microsoft.graph.nowhere")}},
			{Name: "microsoft.graph.cloudPcSpecial", Kind: model.EntityType, Base: "microsoft.graph.cloudPc", Pos: pos("resources/cloudpcspecial.md")},
			{Name: "microsoft.graph.cloudPcStatus", Kind: model.EnumType, Pos: pos("resources/enums.md")},
			{Name: "microsoft.graph.entity", Kind: model.EntityType, Builtin: true, Derived: []string{"microsoft.graph.cloudPc", "microsoft.graph.user"}},
			{Name: "microsoft.graph.user", Kind: model.EntityType, Base: "microsoft.graph.entity", Pos: pos("resources/user.md")},
		},
		Operations: []*model.Operation{
			{Name: "cloudpc-get", Page: "docs/api/cloudpc-get.md", Pos: pos("api/cloudpc-get.md"),
				Response: &model.Response{Type: model.TypeRef{Name: "microsoft.graph.cloudPc"}}},
			{Name: "cloudpc-reboot", Page: "docs/api/cloudpc-reboot.md", Pos: pos("api/cloudpc-reboot.md"),
				RequestBody: &model.RequestBody{Properties: []*model.Property{prop("part", "microsoft.graph.bodyPart")}}},
			{Name: "user-get", Page: "docs/api/user-get.md", Pos: pos("api/user-get.md"),
				Response: &model.Response{Type: model.TypeRef{Name: "microsoft.graph.user"}}},
		},
		Pages: []*model.Page{
			{File: "docs/api/cloudpc-get.md"}, {File: "docs/api/cloudpc-reboot.md"}, {File: "docs/api/user-get.md"},
			{File: "docs/resources/bodypart.md"}, {File: "docs/resources/cloudpc.md"}, {File: "docs/resources/cloudpcdetail.md"},
			{File: "docs/resources/cloudpcspecial.md"}, {File: "docs/resources/enums.md", Types: []string{"microsoft.graph.cloudPcStatus"}},
			{File: "docs/resources/user.md"},
		},
		Diagnostics: []model.Diagnostic{
			{Pos: pos("api/user-get.md"), Code: "x", Message: "on user-get"},
			{Pos: pos("resources/cloudpc.md"), Code: "x", Message: "on cloudpc"},
			{Code: "x", Message: "no page"},
		},
	}
}

func TestSelect(t *testing.T) {
	const (
		pcTypes = "microsoft.graph.cloudPc microsoft.graph.cloudPcDetail microsoft.graph.cloudPcStatus microsoft.graph.entity"
	)
	for _, tc := range []struct {
		name      string
		patterns  []string
		types     string // space-separated qualified names
		ops       string
		pages     int // the built-in entity has no page
		unmatched []string
	}{
		{"operation by name: response type, its base and property types; derived types not followed",
			[]string{"cloudpc-get"}, pcTypes, "cloudpc-get", 4, nil},
		{"operation by page path inside the docs folder", []string{"api/cloudpc-get.md"}, pcTypes, "cloudpc-get", 4, nil},
		{"page by its full name", []string{"docs/api/cloudpc-get.md"}, pcTypes, "cloudpc-get", 4, nil},
		{"request-body property types", []string{"cloudpc-reboot"}, "microsoft.graph.bodyPart", "cloudpc-reboot", 2, nil},
		{"type by qualified name", []string{"microsoft.graph.cloudPcDetail"}, "microsoft.graph.cloudPcDetail", "", 1, nil},
		{"type by last segment, case-insensitive", []string{"CLOUDPCDETAIL"}, "microsoft.graph.cloudPcDetail", "", 1, nil},
		{"type glob selects derived types by name", []string{"microsoft.graph.cloudPc*"},
			"microsoft.graph.cloudPc microsoft.graph.cloudPcDetail microsoft.graph.cloudPcSpecial microsoft.graph.cloudPcStatus microsoft.graph.entity", "", 4, nil},
		{"name glob matches operations and types", []string{"cloudpc-*"}, pcTypes + " microsoft.graph.bodyPart", "cloudpc-get cloudpc-reboot", 6, nil},
		{"page glob over folders", []string{"api/*-get.md"},
			"microsoft.graph.cloudPc microsoft.graph.cloudPcDetail microsoft.graph.cloudPcStatus microsoft.graph.entity microsoft.graph.user", "cloudpc-get user-get", 6, nil},
		{"a page's listed types", []string{"resources/enums.md"}, "microsoft.graph.cloudPcStatus", "", 1, nil},
		{"unmatched patterns are reported", []string{"user", "nothing*", "api/nothing.md"},
			"microsoft.graph.entity microsoft.graph.user", "", 1, []string{"nothing*", "api/nothing.md"}},
		{"a name pattern does not match pages", []string{"user-get.md"}, "", "", 0, []string{"user-get.md"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pkg := selectModel()
			sub, unmatched := Select(pkg, tc.patterns)
			var types, ops []string
			for _, ty := range sub.Types {
				types = append(types, ty.Name)
			}
			for _, op := range sub.Operations {
				ops = append(ops, op.Name)
			}
			want := func(s string) []string {
				if s == "" {
					return nil
				}
				return slices.Sorted(slices.Values(strings.Fields(s)))
			}
			if got := slices.Sorted(slices.Values(types)); !slices.Equal(got, want(tc.types)) {
				t.Errorf("types %q, want %q", got, want(tc.types))
			}
			if !slices.Equal(ops, want(tc.ops)) {
				t.Errorf("operations %q, want %q", ops, want(tc.ops))
			}
			if len(sub.Pages) != tc.pages {
				t.Errorf("%d pages, want %d", len(sub.Pages), tc.pages)
			}
			if !slices.Equal(unmatched, tc.unmatched) {
				t.Errorf("unmatched %q, want %q", unmatched, tc.unmatched)
			}
			if len(pkg.Types) != 7 || len(pkg.Operations) != 3 || len(pkg.Types[1].Derived) != 1 {
				t.Error("Select changed its input")
			}
		})
	}
}

// TestSelectDiagnostics: the subset keeps the diagnostics of its pages and
// those without a page.
func TestSelectDiagnostics(t *testing.T) {
	sub, _ := Select(selectModel(), []string{"cloudpc-get"})
	var msgs []string
	for _, d := range sub.Diagnostics {
		msgs = append(msgs, d.Message)
	}
	if want := []string{"on cloudpc", "no page"}; !slices.Equal(msgs, want) {
		t.Errorf("diagnostics %q, want %q", msgs, want)
	}
	pages := SelectedPages(sub)
	if !pages["docs/api/cloudpc-get.md"] || !pages["docs/resources/cloudpc.md"] || pages["docs/api/user-get.md"] || pages[""] {
		t.Errorf("SelectedPages = %v", pages)
	}
}

func TestParseSelection(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
		err  bool
	}{
		{"a", []string{"a"}, false},
		{" microsoft.graph.cloudPc* , api/cloudpc-*.md ", []string{"microsoft.graph.cloudPc*", "api/cloudpc-*.md"}, false},
		{"a,,b", nil, true},
		{"a,", nil, true},
		{"[a", nil, true},
	} {
		got, err := ParseSelection(tc.in)
		if (err != nil) != tc.err || !slices.Equal(got, tc.want) {
			t.Errorf("ParseSelection(%q) = %q, %v; want %q, error %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}
