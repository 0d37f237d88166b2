package generator

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// widgetModel is a small package for the example tests: a resource page
// (docs/widget.md) whose JSON representation starts at line 20, and an API
// page (docs/list-widgets.md) whose collection response starts at line 30.
// Line numbers of the widget body:
//
//	20 {
//	21   "@odata.type": "#microsoft.graph.widget",
//	22   "@odata.etag": "W/\"1\"",
//	23   "id": "w1",
//	24   "name": "String",
//	25   "status": "String",
//	26   "createdDateTime": "String (timestamp)",
//	27   "size": 1024,
//	28   "weight": 1.0,
//	29   "tags": ["a", "b"],
//	30   "owner": {
//	31     "displayName": "x",
//	32     "email": null
//	33   },
//	34   "ownerId": "Guid",
//	35   "undocumented": {"a": 1}
//	36 }
const widgetModel = `{
  "types": [
    {"name": "microsoft.graph.owner", "kind": "complex", "pos": "docs/widget.md:60:1", "properties": [
      {"name": "displayName", "type": "Edm.String", "pos": "docs/widget.md:61:1"},
      {"name": "email", "type": "Edm.String", "pos": "docs/widget.md:62:1"}
    ]},
    {"name": "microsoft.graph.widget", "kind": "entity", "base": "microsoft.graph.entity", "key": "id", "pos": "docs/widget.md:1:1", "properties": [
      {"name": "name", "type": "Edm.String", "pos": "docs/widget.md:10:1"},
      {"name": "status", "type": "microsoft.graph.widgetStatus", "pos": "docs/widget.md:11:1"},
      {"name": "createdDateTime", "type": "Edm.DateTimeOffset", "pos": "docs/widget.md:12:1"},
      {"name": "size", "type": "Edm.Int32", "pos": "docs/widget.md:13:1"},
      {"name": "weight", "type": "Edm.Double", "pos": "docs/widget.md:14:1"},
      {"name": "tags", "type": "Edm.String", "collection": true, "pos": "docs/widget.md:15:1"},
      {"name": "owner", "type": "microsoft.graph.owner", "pos": "docs/widget.md:16:1"},
      {"name": "ownerId", "type": "Edm.Guid", "pos": "docs/widget.md:17:1"}
    ]},
    {"name": "microsoft.graph.widgetStatus", "kind": "enum", "evolvable": true, "pos": "docs/widget.md:50:1", "members": [
      {"name": "ready", "pos": "docs/widget.md:51:1"},
      {"name": "failed", "pos": "docs/widget.md:52:1"},
      {"name": "unknownFutureValue", "pos": "docs/widget.md:53:1"}
    ]}
  ],
  "operations": [
    {"name": "list-widgets", "title": "List widgets", "page": "docs/list-widgets.md", "pos": "docs/list-widgets.md:10:1", "method": "GET",
     "paths": [{"method": "GET", "template": "/widgets", "segments": [{"kind": "literal", "raw": "widgets", "name": "widgets"}], "pos": "docs/list-widgets.md:11:1"}],
     "response": {"status": 200, "type": {"type": "microsoft.graph.widget", "collection": true}, "pos": "docs/list-widgets.md:15:1"},
     "examples": [
       {"kind": "request", "name": "list_widgets", "pos": "docs/list-widgets.md:20:1", "pairIndex": 1, "method": "GET", "url": "https://graph.microsoft.com/v1.0/widgets",
        "annotation": {"pos": "docs/list-widgets.md:18:1", "blockType": "request", "name": ["list_widgets"]}, "bodyPos": "-", "json": "none", "bodyType": {"type": ""}},
       {"kind": "response", "name": "response-1", "pos": "docs/list-widgets.md:27:1", "pairIndex": 0, "status": 200,
        "annotation": {"pos": "docs/list-widgets.md:24:1", "blockType": "response", "@odata.type": "microsoft.graph.widget", "isCollection": true},
        "body": "{\n  \"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#widgets\",\n  \"value\": [\n    {\n      \"id\": \"w1\",\n      \"name\": \"first\",\n      \"createdDateTime\": \"2021-01-01T00:00:00.0000000Z\"\n    },\n    {\n      \"id\": \"w2\",\n      \"status\": \"failed\",\n      \"unknownMember\": true\n    }\n  ]\n}",
        "bodyPos": "docs/list-widgets.md:30:1", "json": "valid", "bodyType": {"type": "microsoft.graph.widget", "collection": true}}
     ]}
  ],
  "pages": [
    {"file": "docs/list-widgets.md", "kind": "api", "titlePos": "docs/list-widgets.md:1:1"},
    {"file": "docs/widget.md", "kind": "resource", "titlePos": "docs/widget.md:1:1", "types": ["microsoft.graph.widget"],
     "examples": [
       {"kind": "resource", "name": "microsoft.graph.widget", "pos": "docs/widget.md:19:1", "pairIndex": -1,
        "annotation": {"pos": "docs/widget.md:18:1", "blockType": "resource", "@odata.type": "microsoft.graph.widget"},
        "body": "{\n  \"@odata.type\": \"#microsoft.graph.widget\",\n  \"@odata.etag\": \"W/\\\"1\\\"\",\n  \"id\": \"w1\",\n  \"name\": \"String\",\n  \"status\": \"String\",\n  \"createdDateTime\": \"String (timestamp)\",\n  \"size\": 1024,\n  \"weight\": 1.0,\n  \"tags\": [\"a\", \"b\"],\n  \"owner\": {\n    \"displayName\": \"x\",\n    \"email\": null\n  },\n  \"ownerId\": \"Guid\",\n  \"undocumented\": {\"a\": 1}\n}",
        "bodyPos": "docs/widget.md:20:1", "json": "valid", "bodyType": {"type": "microsoft.graph.widget"},
        "placeholders": [{"pointer": "/createdDateTime", "kind": "typename", "text": "\"String (timestamp)\"", "type": "Edm.DateTimeOffset", "pos": "docs/widget.md:26:22"}]}
     ]}
  ],
  "diagnostics": []
}`

func widgetPackage(t testing.TB) *model.Package {
	t.Helper()
	var pkg model.Package
	if err := json.Unmarshal([]byte(widgetModel), &pkg); err != nil {
		t.Fatalf("widget model: %v", err)
	}
	return &pkg
}

// widgetExample returns the widget package with the resource example's body
// replaced (and its JSON state), plus extra diagnostics.
func widgetExample(t testing.TB, body string, state model.JSONState, diags ...model.Diagnostic) (*model.Package, *model.Example) {
	pkg := widgetPackage(t)
	ex := pkg.Pages[1].Examples[0]
	ex.Body = body
	ex.JSON = state
	ex.Placeholders = nil
	pkg.Diagnostics = diags
	return pkg, ex
}

// summary renders what exampleTest decided, one fact per line.
func summary(p *plan, tst *exampleTest) []string {
	var out []string
	if tst.skip != "" {
		out = append(out, "skip: "+tst.skip)
	}
	if tst.repaired {
		out = append(out, "repaired")
	}
	if tst.collection {
		out = append(out, "collection")
	}
	if tst.envelope {
		out = append(out, "envelope")
	}
	if tst.typeName != "" {
		out = append(out, "type "+tst.typeName)
	}
	for _, k := range sortedKeysStr(tst.kinds) {
		out = append(out, "kind "+k+" "+tst.kinds[k])
	}
	for _, e := range tst.edits {
		out = append(out, fmt.Sprintf("edit %s = %s (%s)", e.pointer, e.value, e.reason))
	}
	for _, k := range tst.known {
		out = append(out, fmt.Sprintf("known %s: %s", k.pointer, k.diagnostic))
	}
	for _, d := range p.diags {
		if strings.HasPrefix(string(d.Code), "generator-example") {
			out = append(out, "diag "+d.String())
		}
	}
	return out
}

func sortedKeysStr(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if comparePointers(keys[j], keys[i]) < 0 {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	return keys
}

func TestExampleWalk(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		state  model.JSONState
		diags  []model.Diagnostic
		mutate func(pkg *model.Package, ex *model.Example)
		want   []string
	}{
		{
			name: "stub values and quoted numbers are placeholders",
			body: `{"createdDateTime": "datetime-value", "ownerId": "ownerId-value-2", "weight": "4.2", "status": "@odata.type: microsoft.graph.widgetStatus"}`,
			want: []string{
				"type Widget",
				"kind /createdDateTime DateTimeOffset",
				"kind /weight Double",
				`edit /createdDateTime = "2006-01-02T15:04:05Z" (placeholder "datetime-value" stands for any Edm.DateTimeOffset)`,
				`edit /ownerId = "6f9619ff-8b86-d011-b42d-00c04fc964ff" (placeholder "ownerId-value-2" stands for any Edm.Guid)`,
				`edit /status = "ready" (placeholder "@odata.type: microsoft.graph.widgetStatus" stands for any microsoft.graph.widgetStatus)`,
				`edit /weight = 1.5 (placeholder "4.2" stands for any Edm.Double)`,
			},
		},
		{
			name: "a required member the example omits is reported",
			body: "{\n  \"id\": \"w1\"\n}",
			mutate: func(pkg *model.Package, ex *model.Example) {
				pkg.Type("microsoft.graph.widget").Property("name").Required = true
			},
			want: []string{
				"type Widget",
				`known /name: example "microsoft.graph.widget": the body omits name, which the microsoft.graph.widget table marks required, so the round trip through Widget adds it; show the member in the example or mark it truncated, or drop the Required marker [generator-example-missing]`,
				`diag docs/widget.md:20:1: example "microsoft.graph.widget": the body omits name, which the microsoft.graph.widget table marks required, so the round trip through Widget adds it; show the member in the example or mark it truncated, or drop the Required marker [generator-example-missing]`,
			},
		},
		{
			name: "an object placeholder becomes an object with the required members",
			body: `{"owner": "String"}`,
			mutate: func(pkg *model.Package, ex *model.Example) {
				pkg.Type("microsoft.graph.owner").Property("email").Required = true
			},
			want: []string{"type Widget", `edit /owner = {"email":"String"} (placeholder "String" stands for any microsoft.graph.owner)`},
		},
		{
			name: "a cycle of required objects has no canonical value",
			body: `{"owner": "String"}`,
			mutate: func(pkg *model.Package, ex *model.Example) {
				o := pkg.Type("microsoft.graph.owner")
				o.Properties = append(o.Properties, &model.Property{Name: "boss", TypeRef: model.TypeRef{Name: "microsoft.graph.owner"}, Required: true})
			},
			want: []string{
				"type Widget",
				"edit /owner =  (the value does not decode as microsoft.graph.owner)",
				`known /owner: example "microsoft.graph.widget": /owner is "String", but microsoft.graph.owner is a JSON object; fix the value or the property's type [generator-example-value]`,
				`diag docs/widget.md:20:2: example "microsoft.graph.widget": /owner is "String", but microsoft.graph.owner is a JSON object; fix the value or the property's type [generator-example-value]`,
			},
		},
		{
			name: "a truncated example may omit required members",
			body: "{\n  \"id\": \"w1\"\n}",
			mutate: func(pkg *model.Package, ex *model.Example) {
				pkg.Type("microsoft.graph.widget").Property("name").Required = true
				ex.Truncated = true
			},
			want: []string{
				"type Widget",
				"known /name: the example is truncated and omits name, which is required: Widget always encodes it",
			},
		},
		{
			name: "a string with listed values is checked against them",
			body: `{"name": "c", "tags": ["a", "String"]}`,
			mutate: func(pkg *model.Package, ex *model.Example) {
				w := pkg.Type("microsoft.graph.widget")
				w.Property("name").Values = []string{"a", "b"}
				w.Property("tags").Values = []string{"a", "b"}
			},
			want: []string{
				"type Widget",
				`edit /tags/1 = "a" (placeholder "String" stands for any Edm.String)`,
				`known /name: example "microsoft.graph.widget": /name is "c", but "c" is not one of the values its description lists (a, b); fix the value or the property's type [generator-example-value]`,
				`diag docs/widget.md:20:2: example "microsoft.graph.widget": /name is "c", but "c" is not one of the values its description lists (a, b); fix the value or the property's type [generator-example-value]`,
			},
		},
		{
			name: "a single entity in a value envelope",
			body: `{"value": {"@odata.type": "#microsoft.graph.widget", "status": "String"}}`,
			want: []string{"envelope", "type Widget", `edit /value/status = "ready" (placeholder "String" stands for any microsoft.graph.widgetStatus)`},
		},
		{
			name: "placeholders become canonical values",
			body: "{\n  \"status\": \"String\",\n  \"createdDateTime\": \"String (timestamp)\",\n  \"ownerId\": \"String (identifier)\",\n  \"size\": \"Int32\",\n  \"weight\": \"Double\"\n}",
			want: []string{
				"type Widget",
				"kind /createdDateTime DateTimeOffset",
				"kind /weight Double",
				`edit /createdDateTime = "2006-01-02T15:04:05Z" (placeholder "String (timestamp)" stands for any Edm.DateTimeOffset)`,
				`edit /ownerId = "6f9619ff-8b86-d011-b42d-00c04fc964ff" (placeholder "String (identifier)" stands for any Edm.Guid)`,
				`edit /size = 1 (placeholder "Int32" stands for any Edm.Int32)`,
				`edit /status = "ready" (placeholder "String" stands for any microsoft.graph.widgetStatus)`,
				`edit /weight = 1.5 (placeholder "Double" stands for any Edm.Double)`,
			},
		},
		{
			name: "an alternatives placeholder picks a documented member",
			body: `{"status": "failed | ready"}`,
			want: []string{"type Widget", `edit /status = "failed" (placeholder "failed | ready" stands for any microsoft.graph.widgetStatus)`},
		},
		{
			name: "values that fit need nothing",
			body: `{"name": "String", "status": "failed", "createdDateTime": "2021-01-01T00:00:00", "size": 1024, "tags": ["String"], "owner": {"email": null}, "ownerId": "6f9619ff-8b86-d011-b42d-00c04fc964ff", "x": "Int32"}`,
			want: []string{"type Widget", "kind /createdDateTime DateTimeOffset"},
		},
		{
			name: "an undeclared enum value is reported and tolerated, not removed",
			body: "{\n  \"status\": \"bogus\"\n}",
			want: []string{
				"type Widget",
				`known /status: example "microsoft.graph.widget": /status is "bogus", but "bogus" is not a documented value of microsoft.graph.widgetStatus; fix the value or the property's type [generator-example-value]`,
				`diag docs/widget.md:21:3: example "microsoft.graph.widget": /status is "bogus", but "bogus" is not a documented value of microsoft.graph.widgetStatus; fix the value or the property's type [generator-example-value]`,
			},
		},
		{
			name: "a wrong primitive is reported and removed before decoding",
			body: "{\n  \"size\": \"many\",\n  \"tags\": [1, \"a\"]\n}",
			want: []string{
				"type Widget",
				"edit /size =  (the value does not decode as Edm.Int32)",
				"edit /tags/0 =  (the value does not decode as Edm.String)",
				`known /size: example "microsoft.graph.widget": /size is "many", but an Edm.Int32 is a JSON number; fix the value or the property's type [generator-example-value]`,
				`known /tags/0: example "microsoft.graph.widget": /tags/0 is 1, but an Edm.String is a JSON string; fix the value or the property's type [generator-example-value]`,
				`diag docs/widget.md:21:3: example "microsoft.graph.widget": /size is "many", but an Edm.Int32 is a JSON number; fix the value or the property's type [generator-example-value]`,
				`diag docs/widget.md:22:12: example "microsoft.graph.widget": /tags/0 is 1, but an Edm.String is a JSON string; fix the value or the property's type [generator-example-value]`,
			},
		},
		{
			name:  "a diagnostic already at the member is used instead of a new one",
			body:  "{\n  \"name\": \"a\", \"size\": 1.5\n}",
			diags: []model.Diagnostic{{Pos: model.Pos{File: "docs/widget.md", Line: 21, Col: 16}, Severity: model.Warning, Code: "lint-type", Message: "size is not an Int32"}},
			want: []string{
				"type Widget",
				"edit /size =  (the value does not decode as Edm.Int32)",
				"known /size: size is not an Int32 [lint-type]",
			},
		},
		{
			name:  "a diagnostic elsewhere on the line also counts as the report",
			body:  "{\n  \"name\": \"a\", \"size\": 1.5\n}",
			diags: []model.Diagnostic{{Pos: model.Pos{File: "docs/widget.md", Line: 21, Col: 3}, Severity: model.Warning, Code: "lint-type", Message: "size is not an Int32"}},
			want: []string{
				"type Widget",
				"edit /size =  (the value does not decode as Edm.Int32)",
				"known /name: size is not an Int32 [lint-type]",
				"known /size: size is not an Int32 [lint-type]",
			},
		},
		{
			name:  "a diagnostic on a line with no value start is body-level",
			body:  "{\n  \"name\": \"a\"\n}",
			diags: []model.Diagnostic{{Pos: model.Pos{File: "docs/widget.md", Line: 22}, Code: "json-repaired", Message: "m"}},
			want:  []string{"type Widget", "known : m [json-repaired]"},
		},
		{
			name: "a null collection is reported, kept",
			body: `{"tags": null}`,
			want: []string{
				"type Widget",
				`known /tags: example "microsoft.graph.widget": /tags is null, but a collection is written as an array, not null; fix the value or the property's type [generator-example-value]`,
				`diag docs/widget.md:20:2: example "microsoft.graph.widget": /tags is null, but a collection is written as an array, not null; fix the value or the property's type [generator-example-value]`,
			},
		},
		{
			name: "a placeholder for a collection or an object becomes an empty one",
			body: `{"tags": "String", "owner": "owner"}`,
			want: []string{
				"type Widget",
				`edit /owner = {} (placeholder "owner" stands for any microsoft.graph.owner)`,
				`edit /tags = [] (placeholder "String" stands for any Collection(Edm.String))`,
			},
		},
		{
			name:  "a repaired body is walked after the same repairs the test makes",
			body:  "{\n  // comment\n  \"status\": \"String\",\n}",
			state: model.RepairedJSON,
			want:  []string{"repaired", "type Widget", `edit /status = "ready" (placeholder "String" stands for any microsoft.graph.widgetStatus)`},
		},
		{
			// The parser repairs U+2000–U+200B; the generator's own copy of
			// the repair used to know only U+00A0 and U+202F and skipped
			// the example.
			name:  "an em space (U+2003) used as whitespace is repaired and the example tested",
			body:  "{\u2003\"status\": \"String\"\n}",
			state: model.RepairedJSON,
			want:  []string{"repaired", "type Widget", `edit /status = "ready" (placeholder "String" stands for any microsoft.graph.widgetStatus)`},
		},
		{
			// Raw newlines inside a string are escaped; diagnostics after
			// them still land on the member of their line.
			name:  "a raw newline inside a string is escaped and lines stay those of the page",
			body:  "{\n  \"name\": \"a\nb\",\n  \"size\": \"x\"\n}",
			state: model.RepairedJSON,
			diags: []model.Diagnostic{{Pos: model.Pos{File: "docs/widget.md", Line: 23, Col: 3}, Severity: model.Warning, Code: "lint-type", Message: "size is not an Int32"}},
			want: []string{
				"repaired", "type Widget",
				`edit /size =  (the value does not decode as Edm.Int32)`,
				"known /size: size is not an Int32 [lint-type]",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			state := tt.state
			if state == model.NoJSON {
				state = model.ValidJSON
			}
			pkg, ex := widgetExample(t, tt.body, state, tt.diags...)
			if tt.mutate != nil {
				tt.mutate(pkg, ex)
			}
			p := newPlan(pkg, Options{Package: "widgets"})
			tst := p.exampleTest(ex, nil, p.diagsByFile()["docs/widget.md"])
			if diff := cmp.Diff(tt.want, summary(p, tst)); diff != "" {
				t.Errorf("exampleTest (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExampleTypes(t *testing.T) {
	pkg := widgetPackage(t)
	p := newPlan(pkg, Options{Package: "widgets"})
	op := p.opByName("list-widgets")
	resp := op.Examples[1]
	tst := p.exampleTest(resp, op, nil)
	if diff := cmp.Diff([]string{"collection", "type Widget", "kind /value/0/createdDateTime DateTimeOffset"}, summary(p, tst)); diff != "" {
		t.Errorf("collection response (-want +got):\n%s", diff)
	}
	if got := exampleLabel(exampleSource{resp, op}); got != "list_widgets" {
		t.Errorf("an unnamed response is labelled %q, want its request's name", got)
	}

	// Without an annotation type, a response takes the operation's type.
	resp.Type = model.TypeRef{}
	resp.Annotation = nil
	tst = p.exampleTest(resp, op, nil)
	if !tst.collection || tst.typeName != "Widget" {
		t.Errorf("response without annotation type: collection %v, type %q; want the operation's Collection(widget)", tst.collection, tst.typeName)
	}

	// An untyped example is skipped with a reason and an info diagnostic.
	ex := &model.Example{Kind: model.JSONExample, Name: "example-1", Body: `{"a": 1}`, JSON: model.ValidJSON, BodyPos: model.Pos{File: "docs/widget.md", Line: 40, Col: 1}}
	tst = p.exampleTest(ex, nil, nil)
	if !strings.Contains(tst.skip, "names no type") {
		t.Errorf("untyped example: skip %q", tst.skip)
	}
	last := p.diags[len(p.diags)-1]
	if last.Code != CodeExampleUntested || last.Pos.Line != 40 {
		t.Errorf("untyped example: diagnostic %v", last)
	}

	// Running the analysis again (the handler tests reuse it) adds no
	// second diagnostic.
	n := len(p.diags)
	p.exampleTest(ex, nil, nil)
	if len(p.diags) != n {
		t.Errorf("a second exampleTest of the same example added %d diagnostics", len(p.diags)-n)
	}

	// Without a declared type, the body's own @odata.type is used.
	ex = &model.Example{Kind: model.RequestExample, Name: "update", Body: `{"@odata.type": "#microsoft.graph.widget", "status": "String"}`, JSON: model.ValidJSON, BodyPos: model.Pos{File: "docs/widget.md", Line: 40, Col: 1}}
	tst = p.exampleTest(ex, nil, nil)
	if tst.skip != "" || tst.typeName != "Widget" || len(tst.edits) != 1 {
		t.Errorf("body with @odata.type: skip %q, type %q, edits %v", tst.skip, tst.typeName, tst.edits)
	}

	// A primitive response in a {"value": x} envelope.
	ex = &model.Example{Kind: model.ResponseExample, Name: "count", Body: `{"value": 3}`, JSON: model.ValidJSON, BodyPos: model.Pos{File: "docs/widget.md", Line: 40, Col: 1}, Type: model.TypeRef{Name: "Edm.Int32"}}
	tst = p.exampleTest(ex, nil, nil)
	if !tst.envelope || tst.typeName != "int32" || tst.skip != "" {
		t.Errorf("primitive response: envelope %v, type %q, skip %q", tst.envelope, tst.typeName, tst.skip)
	}
}

func TestExampleNames(t *testing.T) {
	used := map[string]bool{"ListWidgets_Request": true}
	tests := []struct {
		label string
		kind  model.ExampleKind
		want  string
	}{
		{"list_widgets", model.RequestExample, "ListWidgets_Request_2"},
		{"list_widgets", model.RequestExample, "ListWidgets_Request_3"},
		{"list_widgets", model.ResponseExample, "ListWidgets_Response"},
		{"microsoft.graph.widget", model.ResourceExample, "MicrosoftGraphWidget"},
		{"!!!", model.JSONExample, "Example"},
	}
	for _, tt := range tests {
		if got := uniqueTestName(exampleTestName(tt.label, tt.kind), used); got != tt.want {
			t.Errorf("test name for %q (%v) = %q, want %q", tt.label, tt.kind, got, tt.want)
		}
	}
}

func TestGoStringLit(t *testing.T) {
	tests := []struct{ in, want string }{
		{"{\n  \"a\": 1\n}", "`{\n  \"a\": 1\n}`"},
		{"a`b", `"a` + "`" + `b"`},
		{"a\r\nb", `"a\r\nb"`},
		{"\ufeff{}", `"\ufeff{}"`},
	}
	for _, tt := range tests {
		f := fmt.Sprintf("%#v", goStringLit(tt.in))
		if f != tt.want {
			t.Errorf("goStringLit(%q) = %s, want %s", tt.in, f, tt.want)
		}
	}
}

func TestRepairJSON(t *testing.T) {
	body := "{\n  \"a\": 1, // c\n  \"b\": [\"//x\", {\"c\": 2},],\n  /* d */ \"e\": \"\u00a0\",\u00a0\n}"
	rep := jsonpos.Repair(body)
	got := string(rep.Out)
	if len(got) != len(body) || strings.Count(got, "\n") != strings.Count(body, "\n") {
		t.Fatalf("repair moved bytes:\n%q", got)
	}
	if !json.Valid([]byte(got)) {
		t.Fatalf("repair result is not JSON:\n%s", got)
	}
	if !strings.Contains(got, `"//x"`) || !strings.Contains(got, "\"\u00a0\"") {
		t.Errorf("repair changed string contents:\n%s", got)
	}
	places := fixturePlaces(t, body, got, &rep)
	want := []bodyPlace{{"", 0, 0}, {"/a", 1, 2}, {"/b", 2, 2}, {"/b/0", 2, 8}, {"/b/1", 2, 15}, {"/b/1/c", 2, 16}, {"/e", 3, 10}}
	if diff := cmp.Diff(want, places, cmp.AllowUnexported(bodyPlace{})); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}
}

// TestFixturePlacesDuplicate: a member name met twice keeps the place of
// its first occurrence, as the harness's exampleOffsets does.
func TestFixturePlacesDuplicate(t *testing.T) {
	body := "{\n \"a\": [1, {\"b/c\": 2}],\n \"a\": 3\n}"
	places := fixturePlaces(t, body, body, nil)
	want := []bodyPlace{{"", 0, 0}, {"/a", 1, 1}, {"/a/0", 1, 7}, {"/a/1", 1, 10}, {"/a/1/b~1c", 1, 11}}
	if diff := cmp.Diff(want, places, cmp.AllowUnexported(bodyPlace{})); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}
}

// fixturePlaces returns the places newFixture gives the values of text,
// body repaired as rep says, in body's lines.
func fixturePlaces(t *testing.T, body, text string, rep *jsonpos.Repaired) []bodyPlace {
	t.Helper()
	fx := (&plan{}).newFixture(&exampleTest{}, model.Pos{File: "x.md", Line: 1}, body, text, rep, nil)
	return fx.order
}

// TestJSONPlacesEscapedControl checks that places of a body whose repair
// escaped raw newlines inside a string are lines of the body as written.
func TestJSONPlacesEscapedControl(t *testing.T) {
	body := "{\n  \"a\": \"x\ny\nz\",\n  \"b\": [1,\n    2]\n}"
	rep := jsonpos.Repair(body)
	if len(rep.Shifts) == 0 || !json.Valid(rep.Out) {
		t.Fatalf("repair of %q: %q, shifts %v", body, rep.Out, rep.Shifts)
	}
	places := fixturePlaces(t, body, string(rep.Out), &rep)
	want := []bodyPlace{{"", 0, 0}, {"/a", 1, 2}, {"/b", 4, 2}, {"/b/0", 4, 8}, {"/b/1", 5, 4}}
	if diff := cmp.Diff(want, places, cmp.AllowUnexported(bodyPlace{})); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}
}
