package jsonpos

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIsPlaceholderString(t *testing.T) {
	for _, tt := range []struct {
		in   string
		kind PlaceholderKind
		typ  string
		ok   bool
	}{
		{"String", TypeNamePlaceholder, "Edm.String", true},
		{"String (timestamp)", TypeNamePlaceholder, "Edm.DateTimeOffset", true},
		{"Int32", TypeNamePlaceholder, "Edm.Int32", true},
		{"Json", TypeNamePlaceholder, JSONType, true},
		{"Collection(String)", TypeNamePlaceholder, "Collection(Edm.String)", true},
		{"collection(microsoft.graph.driveItem)", TypeNamePlaceholder, "Collection(microsoft.graph.driveItem)", true},
		{"Collection(a b)", 0, "", false},
		{"Display Name value", PropertyValuePlaceholder, "", true},
		{"a | b | c", AlternativesPlaceholder, "", true},
		{"{userId}", TemplatePlaceholder, "", true},
		{"<Unknown Primitive Type Edm.Stream>", TemplatePlaceholder, "Edm.Stream", true},
		// Exact case: lower-case "date", "long" are common data.
		{"date", 0, "", false},
		{"long", 0, "", false},
		{"DateTimeOffSet", 0, "", false},
		{"{97A21473-8339-4BF0-BCB6-F55E4909FFB8}", 0, "", false},
		{"<id@host>", 0, "", false},
		{"2021-01-01", 0, "", false},
	} {
		kind, typ, ok := IsPlaceholderString(tt.in)
		if kind != tt.kind || typ != tt.typ || ok != tt.ok {
			t.Errorf("IsPlaceholderString(%q) = %v, %q, %v; want %v, %q, %v", tt.in, kind, typ, ok, tt.kind, tt.typ, tt.ok)
		}
	}
}

// TestIsLoosePlaceholder shows the case rule: where a value already does
// not fit its declared type, type names count in any case.
func TestIsLoosePlaceholder(t *testing.T) {
	for in, want := range map[string]bool{
		"String": true, "DateTimeOffSet": true, "stream": true, "int": true, "EDM.INT32": true,
		"Int32 (enum)": true, "datetime-value": true, "skuId-value-2": true,
		"@odata.type: microsoft.graph.alertStatus": true, "<x>": true, "{x}": true,
		"base64Y3YxN2E1MWFlYw==": true, "some timestamp": true, "a | b": true,
		"Applied": false, "HTML": false, "2021-01-01": false, "": false, "value": false,
	} {
		if got := IsLoosePlaceholder(in); got != want {
			t.Errorf("IsLoosePlaceholder(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestFindPlaceholders(t *testing.T) {
	body := "{\n  \"a\": \"String\", // x\n  \"b\": [1024, \"a | b\"],\n}"
	rep := Repair(body)
	got := FindPlaceholders(rep.Out, body)
	want := []Placeholder{
		{Pointer: "/a", Kind: TypeNamePlaceholder, Text: `"String"`, Type: "Edm.String", Off: 9},
		{Pointer: "/b/0", Kind: NumberPlaceholder, Text: "1024", Off: 32},
		{Pointer: "/b/1", Kind: AlternativesPlaceholder, Text: `"a | b"`, Alternatives: []string{"a", "b"}, Off: 38},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("FindPlaceholders (-want +got):\n%s", diff)
	}
	if _, ok := StrictPlaceholders(body); ok {
		t.Error("StrictPlaceholders accepted a repaired body")
	}
	if ps, ok := StrictPlaceholders(string(rep.Out)); !ok || len(ps) != 3 {
		t.Errorf("StrictPlaceholders = %v, %v", ps, ok)
	}
	if !IsGUID("97A21473-8339-4BF0-BCB6-F55E4909FFB8") || IsGUID("97A21473-8339-4BF0-BCB6-F55E4909FFBX") {
		t.Error("IsGUID")
	}
	if !IsLiteral("-1.5e+3") || IsLiteral("01") || !IsStockNumber("1024.13") {
		t.Error("IsLiteral or IsStockNumber")
	}
}
