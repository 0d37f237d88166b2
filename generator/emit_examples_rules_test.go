package generator

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/google/go-cmp/cmp"

	"github.com/docgen-dev/docgen/parser/model"
)

// refModel has a $ref operation (POST /widgets/{id}/owners/$ref, body
// documented without a type), an action without parameters (POST
// /widgets/{id}/reset) and an update with a typed body (PATCH
// /widgets/{id}), each with a request/response pair.
const refModel = `{
  "types": [
    {"name": "microsoft.graph.widget", "kind": "entity", "key": "id", "pos": "docs/widget.md:1:1", "properties": [
      {"name": "id", "type": "Edm.String", "pos": "docs/widget.md:9:1"},
      {"name": "name", "type": "Edm.String", "pos": "docs/widget.md:10:1"}
    ]}
  ],
  "operations": [
    {"name": "widget-post-owners", "title": "Add owner", "page": "docs/widget-post-owners.md", "pos": "docs/widget-post-owners.md:1:1", "method": "POST",
     "paths": [{"method": "POST", "template": "/widgets/{id}/owners/$ref", "segments": [
       {"kind": "literal", "raw": "widgets", "name": "widgets"}, {"kind": "param", "raw": "{id}", "params": [{"name": "id", "alternatives": ["id"]}]},
       {"kind": "literal", "raw": "owners", "name": "owners"}, {"kind": "literal", "raw": "$ref", "name": "$ref"}], "pos": "docs/widget-post-owners.md:5:1"}],
     "requestBody": {"type": {"type": ""}, "pos": "docs/widget-post-owners.md:8:1"},
     "response": {"status": 204, "type": {"type": ""}, "noContent": true, "pos": "docs/widget-post-owners.md:9:1"},
     "examples": [
       {"kind": "request", "name": "add_owner", "pos": "docs/widget-post-owners.md:20:1", "pairIndex": 1, "method": "POST", "url": "https://graph.microsoft.com/v1.0/widgets/w1/owners/$ref",
        "annotation": {"pos": "docs/widget-post-owners.md:18:1", "blockType": "request", "name": ["add_owner"]},
        "body": "{\n  \"@odata.id\": \"https://graph.microsoft.com/v1.0/directoryObjects/u1\"\n}", "bodyPos": "docs/widget-post-owners.md:23:1", "json": "valid", "bodyType": {"type": ""}},
       {"kind": "response", "name": "response-1", "pos": "docs/widget-post-owners.md:30:1", "pairIndex": 0, "status": 204,
        "annotation": {"pos": "docs/widget-post-owners.md:28:1", "blockType": "response"}, "bodyPos": "-", "json": "none", "bodyType": {"type": ""}}
     ]}
  ],
  "pages": [
    {"file": "docs/widget-post-owners.md", "kind": "api", "titlePos": "docs/widget-post-owners.md:1:1"},
    {"file": "docs/widget.md", "kind": "resource", "titlePos": "docs/widget.md:1:1", "types": ["microsoft.graph.widget"]}
  ],
  "diagnostics": []
}`

func refPlan(t *testing.T) *plan {
	t.Helper()
	var pkg model.Package
	if err := json.Unmarshal([]byte(refModel), &pkg); err != nil {
		t.Fatalf("ref model: %v", err)
	}
	return newPlan(&pkg, Options{Package: "widgets"})
}

func TestExampleBodyRules(t *testing.T) {
	p := refPlan(t)
	refOp := p.opByName("widget-post-owners")
	if refOp == nil {
		t.Fatal("no widget-post-owners operation")
	}
	mkOp := func(path string, rb *model.RequestBody) *opInfo {
		return &opInfo{Operation: &model.Operation{Name: "x", Paths: []*model.Path{{Method: "POST", Template: path}}, RequestBody: rb}}
	}
	plainOp := mkOp("/widgets/{id}/reset", nil)
	paramsOp := mkOp("/widgets/{id}/reset", &model.RequestBody{Properties: []*model.Property{{Name: "force", TypeRef: model.TypeRef{Name: "Edm.Boolean"}}}})
	at := model.Pos{File: "docs/x.md", Line: 40, Col: 1}
	tests := []struct {
		name   string
		kind   model.ExampleKind
		typ    string
		url    string
		body   string
		op     *opInfo
		want   string // type name, or "skip"
		wantBy string // words of the rule
	}{
		{name: "ref path untyped", body: `{"@odata.id": "https://graph.microsoft.com/v1.0/users/1"}`, op: refOp, want: "ODataRef", wantBy: "ends in /$ref"},
		{name: "ref path typed", typ: "microsoft.graph.widget", body: `{"@odata.id": "users/1"}`, op: refOp, want: "ODataRef", wantBy: "ends in /$ref"},
		{name: "ref url only", typ: "microsoft.graph.widget", url: "https://graph.microsoft.com/v1.0/widgets/1/owners/$ref?x=1", body: `{"@odata.id": "users/1"}`, op: plainOp, want: "ODataRef", wantBy: "ends in /$ref"},
		{name: "typed elsewhere", typ: "microsoft.graph.widget", body: `{"@odata.id": "users/1"}`, op: plainOp, want: "Widget"},
		{name: "untyped binds", body: `{"@odata.context": "x", "teamsApp@odata.bind": "apps/1", "m@odata.bind": ["a"]}`, op: plainOp, want: "ODataRef", wantBy: "documents no type"},
		{name: "untyped other member", body: `{"@odata.id": "users/1", "roles": []}`, op: plainOp, want: "skip"},
		{name: "bare @odata.bind", body: `{"@odata.bind": "users/1"}`, op: plainOp, want: "skip"},
		{name: "page example", body: `{"@odata.id": "users/1"}`, want: "skip"},
		{name: "empty request", body: `{}`, op: plainOp, want: "EmptyObject", wantBy: "no request body parameters"},
		{name: "empty request, untyped body", body: ` { } `, op: refOp, want: "EmptyObject", wantBy: "no request body parameters"},
		{name: "empty request with parameters", body: `{}`, op: paramsOp, want: "skip"},
		{name: "empty response", kind: model.ResponseExample, body: `{}`, op: plainOp, want: "skip"},
		{name: "empty typed", typ: "microsoft.graph.widget", body: `{}`, op: plainOp, want: "Widget"},
		{name: "array", body: `[{"@odata.id": "users/1"}]`, op: refOp, want: "skip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind := tt.kind
			if kind == 0 && tt.kind != model.ResponseExample {
				kind = model.RequestExample
			}
			ex := &model.Example{Kind: kind, Name: tt.name, URL: tt.url, Body: tt.body, JSON: model.ValidJSON, BodyPos: at, Type: model.TypeRef{Name: tt.typ}}
			tst := p.exampleTest(ex, tt.op, nil)
			got := tst.typeName
			if tst.skip != "" {
				got = "skip"
			}
			if got != tt.want {
				t.Fatalf("tested as %q (skip %q), want %q", got, tst.skip, tt.want)
			}
			if !strings.Contains(tst.rule, tt.wantBy) || (tt.wantBy == "") != (tst.rule == "") {
				t.Errorf("rule %q, want one with %q", tst.rule, tt.wantBy)
			}
		})
	}
}

// TestExampleBodyRuleEmitted checks the generated test of a rule-typed
// example: it decodes into the runtime type and its comment names the rule.
func TestExampleBodyRuleEmitted(t *testing.T) {
	p := refPlan(t)
	o := p.opByName("widget-post-owners")
	tst := p.exampleTest(o.Examples[0], o, nil)
	tst.name = "AddOwner"
	f := jen.NewFile("widgets")
	p.emitExampleTable(f, &fileInfo{Base: "add_owner", Page: "docs/widget.md"}, "TestAddOwnerExamples", "examplesAddOwner", []*exampleTest{tst})
	src := fmt.Sprintf("%#v", f)
	for _, want := range []string{
		"// tested as ODataRef because every member is @odata.id, property@odata.bind or @odata.context, and the operation's path ends in /$ref",
		"runExamples(t, examplesAddOwner)",
		"var examplesAddOwner = []*exampleCase{",
		`Test: "AddOwner",`,
		`Go:   (*ODataRef)(nil),`,
		`Type: "ODataRef",`,
	} {
		if !strings.Contains(src, want) {
			t.Errorf("generated test lacks %q:\n%s", want, src)
		}
	}
}

// TestHandlerRefRoute checks that the handler test of a $ref operation
// routes and sends the reference body.
func TestHandlerRefRoute(t *testing.T) {
	p := refPlan(t)
	hp := p.handlerPlan()
	o := p.opByName("widget-post-owners")
	ho := hp.byOp[o.Name]
	if ho == nil {
		t.Fatal("no handler for the $ref operation")
	}
	tests := p.handlerTests(ho, nil, true)
	var got []string
	for _, ht := range tests {
		s := ht.want + " " + ht.url
		if ht.skip != "" {
			s += " skip: " + ht.skip
		}
		if ht.reqT != nil {
			s += " request as " + ht.reqT.typeName
		}
		got = append(got, s)
	}
	want := []string{"AddOwner /v1.0/widgets/w1/owners/$ref request as ODataRef"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("handler tests (-want +got):\n%s", diff)
	}
	if why := hp.routesTo("POST", "/widgets/w1/owners/$ref", ho); why != "" {
		t.Errorf("POST /widgets/w1/owners/$ref does not route: %s", why)
	}
	if why := hp.routesTo("POST", "/widgets/w1/owners", ho); why == "" {
		t.Error("POST /widgets/w1/owners routes to the $ref operation")
	}
}
