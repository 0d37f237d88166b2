package parser

import (
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
	"github.com/google/go-cmp/cmp"
)

func TestIsPlaceholderString(t *testing.T) {
	type result struct {
		Kind model.PlaceholderKind
		Type string
		OK   bool
	}
	tn := func(typ string) result { return result{model.TypeNamePlaceholder, typ, true} }
	no := result{}
	tests := []struct {
		in   string
		want result
	}{
		{"String", tn("Edm.String")},
		{"string", tn("Edm.String")},
		{"String (timestamp)", tn("Edm.DateTimeOffset")},
		{"String(timestamp)", tn("Edm.DateTimeOffset")},
		{"string (timestamp)", tn("Edm.DateTimeOffset")},
		{"String (identifier)", tn("Edm.String")},
		{"String (duration)", tn("Edm.Duration")},
		{"String (ISO 8601 duration)", tn("Edm.Duration")},
		{"String (time of day)", tn("Edm.TimeOfDay")},
		{"String (binary)", tn("Edm.Binary")},
		{"String (URL)", tn("Edm.String")},
		{"String (ISO 8601)", tn("Edm.Date")},
		{"String (etag)", tn("Edm.String")},
		{"String (email address)", tn("Edm.String")},
		{"String-value", tn("Edm.String")},
		{"Int32", tn("Edm.Int32")},
		{"Integer", tn("Edm.Int32")},
		{"Int64", tn("Edm.Int64")},
		{"Boolean", tn("Edm.Boolean")},
		{"boolean", tn("Edm.Boolean")},
		{"Guid", tn("Edm.Guid")},
		{"guid", tn("Edm.Guid")},
		{"Date", tn("Edm.Date")},
		{"DateTimeOffset", tn("Edm.DateTimeOffset")},
		{"dateTimeOffset", tn("Edm.DateTimeOffset")},
		{"datetime", tn("Edm.DateTimeOffset")},
		{"timestamp", tn("Edm.DateTimeOffset")},
		{"Double", tn("Edm.Double")},
		{"binary", tn("Edm.Binary")},
		{"Stream", tn("Edm.Stream")},
		{"Edm.String", tn("Edm.String")},
		{"Json", tn(model.JSONType)},
		{"json", tn(model.JSONType)},
		{"url", tn("Edm.String")},
		{"Display Name value", result{model.PropertyValuePlaceholder, "", true}},
		{"Role Scope Tag Ids value", result{model.PropertyValuePlaceholder, "", true}},
		{"Os Minimum Version value", result{model.PropertyValuePlaceholder, "", true}},
		{"notStarted | running | completed | failed", result{model.AlternativesPlaceholder, "", true}},
		{"account | contentType | … | ...", result{model.AlternativesPlaceholder, "", true}},
		{"<Unknown Primitive Type Edm.Stream>", result{model.TemplatePlaceholder, "Edm.Stream", true}},
		{"<password>", result{model.TemplatePlaceholder, "", true}},
		{"{userId}", result{model.TemplatePlaceholder, "", true}},
		// Real data is never a placeholder.
		{"", no},
		{"d2c440a0-40a0-d2c4-a040-c4d2a040c4d2", no},
		{"2021-07-01T00:00:00Z", no},
		{"2021-07-01", no},
		{"PT1H", no},
		{"https://graph.microsoft.com/v1.0/me", no},
		{"Hello, this is a sentence.", no},
		{"ready", no},
		{"date", no},
		{"long", no},
		{"STRING", no},
		{"the default value", no},
		{"Default value", result{model.PropertyValuePlaceholder, "", true}},
		{"a|b c", no},
		{"single", no},
		{"<p>Hello</p>", no},
		{"{\"a\": 1}", no},
		{"String (this is a very long explanation of the value)", no},
		{"#microsoft.graph.user", no},
		{"{97A21473-8339-4BF0-BCB6-F55E4909FFB8}", no},
		{"<BY2PR15MB0518@BY2PR15MB0518.namprd15.prod.outlook.com>", no},
		{"{encrypted data that produces a full resource}", result{model.TemplatePlaceholder, "", true}},
		{"String (double)", tn("Edm.Double")},
	}
	for _, tt := range tests {
		kind, typ, ok := IsPlaceholderString(tt.in)
		got := result{kind, typ, ok}
		if !ok {
			got = no
		}
		if got != tt.want {
			t.Errorf("IsPlaceholderString(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestFindPlaceholders(t *testing.T) {
	at := model.Pos{File: "p.md", Line: 101, Col: 1}
	seed := "{\n" +
		"  \"@odata.type\": \"#microsoft.graph.cloudPcDeviceImage\",\n" +
		"  \"id\": \"d2c440a0-40a0-d2c4-a040-c4d2a040c4d2\",\n" +
		"  \"displayName\": \"String\",\n" +
		"  \"lastModifiedDateTime\": \"String (timestamp)\",\n" +
		"  \"size\": 1024,\n" +
		"  \"ratio\": 1024.13,\n" +
		"  \"count\": 10240,\n" +
		"  \"a/b~c\": [\"String\", {\"x\": \"Display Name value\"}],\n" +
		"  \"state\": \"notStarted | running\",\n" +
		"  \"content\": \"<Unknown Primitive Type Edm.Stream>\",\n" +
		"  \"esc\": \"Str\\u0069ng\"\n" +
		"}"
	want := []*model.Placeholder{
		{Pointer: "/displayName", Kind: model.TypeNamePlaceholder, Text: `"String"`, Type: "Edm.String", Pos: pos(104, 18)},
		{Pointer: "/lastModifiedDateTime", Kind: model.TypeNamePlaceholder, Text: `"String (timestamp)"`, Type: "Edm.DateTimeOffset", Pos: pos(105, 27)},
		{Pointer: "/size", Kind: model.NumberPlaceholder, Text: "1024", Pos: pos(106, 11)},
		{Pointer: "/ratio", Kind: model.NumberPlaceholder, Text: "1024.13", Pos: pos(107, 12)},
		{Pointer: "/a~1b~0c/0", Kind: model.TypeNamePlaceholder, Text: `"String"`, Type: "Edm.String", Pos: pos(109, 13)},
		{Pointer: "/a~1b~0c/1/x", Kind: model.PropertyValuePlaceholder, Text: `"Display Name value"`, Pos: pos(109, 29)},
		{Pointer: "/state", Kind: model.AlternativesPlaceholder, Text: `"notStarted | running"`, Alternatives: []string{"notStarted", "running"}, Pos: pos(110, 12)},
		{Pointer: "/content", Kind: model.TemplatePlaceholder, Text: `"<Unknown Primitive Type Edm.Stream>"`, Type: "Edm.Stream", Pos: pos(111, 14)},
		{Pointer: "/esc", Kind: model.TypeNamePlaceholder, Text: `"Str\u0069ng"`, Type: "Edm.String", Pos: pos(112, 10)},
	}
	got := FindPlaceholders([]byte(seed), seed, at)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("placeholders mismatch (-want +got):\n%s", diff)
	}

	// Repaired JSON differs from the body; positions come from the body.
	body := "{\n  // comment with \"String\"\n  \"a\": \"String\",\n  \"b\": [1024,],\n}"
	state, data, _ := CheckJSON(body, at)
	if state != model.RepairedJSON {
		t.Fatalf("state = %v", state)
	}
	got = FindPlaceholders(data, body, at)
	want = []*model.Placeholder{
		{Pointer: "/a", Kind: model.TypeNamePlaceholder, Text: `"String"`, Type: "Edm.String", Pos: pos(103, 8)},
		{Pointer: "/b/0", Kind: model.NumberPlaceholder, Text: "1024", Pos: pos(104, 9)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("repaired placeholders mismatch (-want +got):\n%s", diff)
	}

	// A body that differs from the JSON (escaped raw newline): positions
	// are found by searching the body.
	body = "{\"note\": \"a\nb\",\n \"s\": \"String\"}"
	_, data, _ = CheckJSON(body, at)
	got = FindPlaceholders(data, body, at)
	want = []*model.Placeholder{{Pointer: "/s", Kind: model.TypeNamePlaceholder, Text: `"String"`, Type: "Edm.String", Pos: pos(103, 7)}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("escaped placeholders mismatch (-want +got):\n%s", diff)
	}

	// Top-level scalars and empty containers.
	if got := FindPlaceholders([]byte(`"String"`), `"String"`, at); len(got) != 1 || got[0].Pointer != "" {
		t.Errorf("top-level placeholder: %+v", got)
	}
	if got := FindPlaceholders([]byte(`{"a":{},"b":[]}`), `{"a":{},"b":[]}`, at); got != nil {
		t.Errorf("want none, got %+v", got)
	}
	// Invalid input never panics.
	for _, s := range []string{"", "{", `{"a"`, `{"a":`, `[1,`, `"abc`, "}", "[}"} {
		FindPlaceholders([]byte(s), s, at)
	}
}
