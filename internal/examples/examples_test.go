package examples

import (
	"github.com/docgen-dev/docgen/internal/jsonpos"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
	"github.com/google/go-cmp/cmp"
)

// ruleCodes are the codes lint and the generator report each rule with,
// so that the expectations read like the diagnostics.
var ruleCodes = map[Rule]string{
	UnknownMember: "example-unknown-member",
	TypeMismatch:  "example-type-mismatch",
	ODataType:     "example-odata-type",
	Placeholder:   "example-placeholder",
	EnumValue:     "example-enum-value",
	Value:         "generator-example-value",
	Missing:       "generator-example-missing",
}

// render shows facts one per line: "pointer@text ..." with what is set;
// text is the body at the fact's offset, up to a separator ("-" for none).
func render(body string, facts []Fact) []string {
	var out []string
	for _, f := range facts {
		at := "-"
		if f.Off >= 0 {
			at = body[f.Off:]
			if i := strings.IndexAny(at[1:], ",}]:"); i >= 0 {
				at = at[:i+1]
			}
		}
		s := showPointer(f.Pointer) + "@" + at
		if f.Declared != "" {
			s += " declared " + f.Declared
		}
		if f.Kind != "" {
			s += " kind " + f.Kind
		}
		if f.Placeholder != "" {
			s += " placeholder " + f.Placeholder
		}
		if f.Edit != nil {
			if f.Edit.Value == "" {
				s += " remove (" + f.Edit.Reason + ")"
			} else {
				s += " edit " + f.Edit.Value + " (" + f.Edit.Reason + ")"
			}
		}
		if f.Problem != nil {
			s += " problem " + ruleCodes[f.Problem.Rule] + " at " + showPointer(f.Problem.At) + ": " + f.Problem.Message
		}
		if f.Note != "" {
			s += " note: " + f.Note
		}
		out = append(out, s)
	}
	return out
}

// widgetSchema is a struct widget (count required, an owner struct, a
// status enum, a DateTimeOffset, tags, a size with listed values) and its
// types, as the generator would declare them.
func widgetSchema() *Schema {
	status := &Decl{Type: &model.Type{Name: "microsoft.graph.widgetStatus", Kind: model.EnumType}, GoName: "WidgetStatus",
		Members: []*model.EnumMember{{Name: "ready"}, {Name: "busy"}, {Name: model.SentinelMember}}}
	owner := &Decl{Type: &model.Type{Name: "microsoft.graph.owner", Kind: model.ComplexType}, GoName: "Owner"}
	owner.Fields = []*Field{{Property: &model.Property{Name: "name", TypeRef: model.TypeRef{Name: "Edm.String"}, Required: true}, Owner: owner, Plain: true}}
	w := &Decl{Type: &model.Type{Name: "microsoft.graph.widget", Kind: model.EntityType}, GoName: "Widget"}
	prop := func(name, typ string, coll bool) *model.Property {
		return &model.Property{Name: name, TypeRef: model.TypeRef{Name: typ, Collection: coll}}
	}
	count := prop("count", "Edm.Int32", false)
	count.Required = true
	size := prop("size", "Edm.String", false)
	size.Values = []string{"small", "large"}
	w.Fields = []*Field{
		{Property: prop("id", "Edm.String", false), Owner: w},
		{Property: count, Owner: w, Plain: true},
		{Property: prop("created", "Edm.DateTimeOffset", false), Owner: w},
		{Property: prop("status", "microsoft.graph.widgetStatus", false), Owner: w, Target: status},
		{Property: prop("owner", "microsoft.graph.owner", false), Owner: w, Target: owner},
		{Property: prop("tags", "Edm.String", true), Owner: w},
		{Property: size, Owner: w},
		{Property: prop("ratio", "Edm.Double", false), Owner: w},
	}
	known := map[string]bool{"Edm.String": true, "Edm.Int32": true, "Edm.DateTimeOffset": true, "Edm.Double": true}
	return NewSchema([]*Decl{status, owner, w}, func(n string) bool { return known[n] })
}

func TestRoundTrip(t *testing.T) {
	s := widgetSchema()
	widget := Shape{Decl: s.Decl("microsoft.graph.widget")}
	tests := []struct {
		name      string
		body      string
		ptr       string
		shape     Shape
		truncated bool
		marked    []string // pointers the parser marked as placeholders
		want      []string
	}{
		{
			name:  "valid values give kinds only",
			body:  `{"count": 1, "created": "2020-01-01T00:00:00Z", "ratio": 2, "status": "busy", "tags": ["a"]}`,
			shape: widget,
			want: []string{
				"/created@- declared Edm.DateTimeOffset kind DateTimeOffset",
				"/ratio@- declared Edm.Double kind Double",
			},
		},
		{
			name:  "placeholders are replaced by canonical values, with the kind of the value",
			body:  `{"count": "Int32", "created": "String (timestamp)", "status": "ready | busy", "owner": "owner", "tags": "String", "size": "String"}`,
			shape: widget,
			want: []string{
				`/count@"Int32" declared Edm.Int32 placeholder "Int32" edit 1 (placeholder "Int32" stands for any Edm.Int32)`,
				`/created@"String (timestamp)" declared Edm.DateTimeOffset kind DateTimeOffset placeholder "String (timestamp)" edit "2006-01-02T15:04:05Z" (placeholder "String (timestamp)" stands for any Edm.DateTimeOffset)`,
				`/owner@"owner" declared microsoft.graph.owner placeholder "owner" edit {"name":"String"} (placeholder "owner" stands for any microsoft.graph.owner)`,
				`/size@"String" declared Edm.String placeholder "String" edit "small" (placeholder "String" stands for any Edm.String)`,
				`/status@"ready | busy" declared microsoft.graph.widgetStatus placeholder "ready | busy" edit "ready" (placeholder "ready | busy" stands for any microsoft.graph.widgetStatus)`,
				`/tags@"String" declared Collection(Edm.String) placeholder "String" edit [] (placeholder "String" stands for any Collection(Edm.String))`,
			},
		},
		{
			name:   "a value the parser marked is a placeholder whatever its text",
			body:   `{"count": "many"}`,
			shape:  widget,
			marked: []string{"/count"},
			want:   []string{`/count@"many" declared Edm.Int32 placeholder "many" edit 1 (placeholder "many" stands for any Edm.Int32)`},
		},
		{
			name:  "misfits are problems; those that cannot decode are removed",
			body:  `{"count": 1, "created": "yesterday", "status": "gone", "tags": [null], "size": "medium", "owner": null}`,
			shape: widget,
			want: []string{
				`/created@"yesterday" declared Edm.DateTimeOffset remove (the value does not decode as Edm.DateTimeOffset) problem generator-example-value at /created: example "ex": /created is "yesterday", but an Edm.DateTimeOffset is an RFC 3339 date-time string like "2006-01-02T15:04:05Z"; fix the value or the property's type`,
				`/size@"medium" declared Edm.String problem generator-example-value at /size: example "ex": /size is "medium", but "medium" is not one of the values its description lists (small, large); fix the value or the property's type`,
				`/status@"gone" declared microsoft.graph.widgetStatus problem generator-example-value at /status: example "ex": /status is "gone", but "gone" is not a documented value of microsoft.graph.widgetStatus; fix the value or the property's type`,
				`/tags/0@null declared Edm.String problem generator-example-value at /tags/0: example "ex": /tags/0 is null, but a collection element cannot be null; fix the value or the property's type`,
			},
		},
		{
			name:  "a required member omitted is a problem at its object",
			body:  `{"owner": {}}`,
			shape: widget,
			want: []string{
				`/owner/name@- problem generator-example-missing at /owner: example "ex": /owner omits name, which the microsoft.graph.owner table marks required, so the round trip through Owner adds it; show the member in the example or mark it truncated, or drop the Required marker`,
				`/count@- problem generator-example-missing at the body: example "ex": the body omits count, which the microsoft.graph.widget table marks required, so the round trip through Widget adds it; show the member in the example or mark it truncated, or drop the Required marker`,
			},
		},
		{
			name:      "a truncated example omits members with a note",
			body:      `{"id": "x"}`,
			shape:     widget,
			truncated: true,
			want:      []string{`/count@- note: the example is truncated and omits count, which is required: Widget always encodes it`},
		},
		{
			name:  "{@odata.type} alone stands for any object",
			body:  `{"@odata.type": "microsoft.graph.widget"}`,
			shape: widget,
			want:  []string{`/count@- note: the example shows {"@odata.type"} only, the placeholder for any microsoft.graph.widget, and omits count, which is required: Widget always encodes it`},
		},
		{
			name:  "a collection at /value, duplicates decoded as the last",
			body:  `{"value": [{"count": 1, "ratio": 1, "ratio": "x"}]}`,
			ptr:   "/value",
			shape: Shape{Decl: s.Decl("microsoft.graph.widget"), Collection: true},
			want: []string{
				`/value/0/ratio@"x" declared Edm.Double remove (the value does not decode as Edm.Double) problem generator-example-value at /value/0/ratio: example "ex": /value/0/ratio is "x", but an Edm.Double is a JSON number; fix the value or the property's type`,
			},
		},
		{
			name:  "a primitive body",
			body:  `"PT1H"`,
			shape: Shape{Edm: "Edm.Duration"},
			want:  []string{"the body@- declared Edm.Duration kind Duration"},
		},
		{
			name:  "the body itself does not fit",
			body:  `[1]`,
			shape: widget,
			want:  []string{`the body@[1 declared microsoft.graph.widget problem generator-example-value at the body: example "ex": the body is an array, but microsoft.graph.widget is a JSON object; fix the value or the property's type`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := &model.Example{Name: "ex", Body: tt.body}
			for _, p := range tt.marked {
				ex.Placeholders = append(ex.Placeholders, &model.Placeholder{Pointer: p})
			}
			root, err := ParseOne(tt.body)
			if err != nil {
				t.Fatal(err)
			}
			got := render(tt.body, s.RoundTrip(ex, root, tt.ptr, tt.shape, tt.truncated))
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("facts (-want +got):\n%s", d)
			}
		})
	}
}

// checkPackage declares a widget entity (with a status enum and a base
// type's member), and a derived widget.
func checkPackage() *model.Package {
	pkg := &model.Package{Types: []*model.Type{
		{Name: "microsoft.graph.base", Kind: model.EntityType, Properties: []*model.Property{{Name: "label", TypeRef: model.TypeRef{Name: "Edm.String"}}}},
		{Name: "microsoft.graph.bigWidget", Kind: model.EntityType, Base: "microsoft.graph.widget", Properties: []*model.Property{{Name: "weight", TypeRef: model.TypeRef{Name: "Edm.Double"}}}},
		{Name: "microsoft.graph.setting", Kind: model.EntityType, Properties: []*model.Property{
			{Name: "displayName", TypeRef: model.TypeRef{Name: "Edm.String"}},
			{Name: "value", TypeRef: model.TypeRef{Name: "Edm.String"}},
		}},
		{Name: "microsoft.graph.status", Kind: model.EnumType, Members: []*model.EnumMember{{Name: "on"}, {Name: "off"}}},
		{Name: "microsoft.graph.widget", Kind: model.EntityType, Base: "microsoft.graph.base", Properties: []*model.Property{
			{Name: "count", TypeRef: model.TypeRef{Name: "Edm.Int32"}},
			{Name: "status", TypeRef: model.TypeRef{Name: "microsoft.graph.status"}},
			{Name: "tags", TypeRef: model.TypeRef{Name: "Edm.String", Collection: true}},
		}},
	}}
	return pkg
}

func TestCheck(t *testing.T) {
	c := NewChecker(checkPackage())
	widget := model.TypeRef{Name: "microsoft.graph.widget"}
	tests := []struct {
		name   string
		body   string
		want   model.TypeRef
		extra  []*model.Property
		marked []*model.Placeholder
		facts  []string
	}{
		{
			name:  "a body that agrees has no facts",
			body:  `{"id": "1", "label": "x", "count": 2, "status": "on,off", "tags": ["a"], "@odata.etag": "w"}`,
			want:  widget,
			facts: nil,
		},
		{
			name: "type mismatch, enum value, unknown member",
			body: `{"count": "2", "status": "On", "colour": "red", "Label": "x", "tags": "a"}`,
			want: widget,
			facts: []string{
				`/count@"2" declared Edm.Int32 problem example-type-mismatch at /count: example value of count is a string but the table declares a value of type Edm.Int32; fix the value or the Type cell`,
				`/status@"On" declared microsoft.graph.status problem example-enum-value at /status: example value "On" of status is not a member of microsoft.graph.status (on, off) (members are case-sensitive: write "on"); use a documented member or add it to the enum table`,
				`/colour@"colour" problem example-unknown-member at /colour: example member "colour" is not a property of microsoft.graph.widget (or its base types); fix the name or add the property to the table`,
				`/Label@"Label" problem example-unknown-member at /Label: example member "Label" is not a property of microsoft.graph.widget (or its base types) (did you mean "label"? names are case-sensitive); fix the name or add the property to the table`,
				`/tags@"a" declared Collection(Edm.String) problem example-type-mismatch at /tags: example value of tags is a string but the table declares an array (Collection(Edm.String)); fix the value or the Type cell`,
			},
		},
		{
			name: "a Type cell copied as a placeholder: Collection(T) fits a collection only",
			body: `{"tags": "Collection(String)", "label": "Collection(String)", "count": "Collection(Int32)"}`,
			want: widget,
			marked: []*model.Placeholder{
				{Pointer: "/tags", Kind: model.TypeNamePlaceholder, Text: `"Collection(String)"`, Type: "Collection(Edm.String)"},
				{Pointer: "/label", Kind: model.TypeNamePlaceholder, Text: `"Collection(String)"`, Type: "Collection(Edm.String)"},
				{Pointer: "/count", Kind: model.TypeNamePlaceholder, Text: `"Collection(Int32)"`, Type: "Collection(Edm.Int32)"},
			},
			facts: []string{
				`/label@"Collection(String)" declared Edm.String problem example-placeholder at /label: placeholder "Collection(String)" stands for a collection but label is Edm.String; write a placeholder or value of type Edm.String`,
				`/count@"Collection(Int32)" declared Edm.Int32 problem example-placeholder at /count: placeholder "Collection(Int32)" stands for a collection but count is Edm.Int32; write a placeholder or value of type Edm.Int32`,
			},
		},
		{
			name: "a type with its own value property: a wrapped object of the type is a wrapper",
			body: `{"value": {"@odata.type": "#microsoft.graph.setting", "displayName": "x", "value": "v"}}`,
			want: model.TypeRef{Name: "microsoft.graph.setting"},
			facts: []string{
				`/value@"value" declared microsoft.graph.setting problem example-unknown-member at /value: example member "value" wraps the microsoft.graph.setting object, but a single microsoft.graph.setting is returned unwrapped; move the members of "value" to the top level`,
			},
		},
		{
			name:  "a type with its own value property: its members unwrapped agree",
			body:  `{"displayName": "x", "value": "v"}`,
			want:  model.TypeRef{Name: "microsoft.graph.setting"},
			facts: nil,
		},
		{
			name: "a type with its own value property: an object that is not the type is a mismatch",
			body: `{"value": {"unrelated": 1}}`,
			want: model.TypeRef{Name: "microsoft.graph.setting"},
			facts: []string{
				`/value@{"unrelated" declared Edm.String problem example-type-mismatch at /value: example value of value is an object but the table declares a value of type Edm.String; fix the value or the Type cell`,
			},
		},
		{
			name:  "a derived @odata.type checks the derived members",
			body:  `{"@odata.type": "#microsoft.graph.bigWidget", "weight": "heavy"}`,
			want:  widget,
			facts: []string{`/weight@"heavy" declared Edm.Double problem example-type-mismatch at /weight: example value of weight is a string but the table declares a value of type Edm.Double; fix the value or the Type cell`},
		},
		{
			name:  "an @odata.type that is not derived",
			body:  `{"@odata.type": "#microsoft.graph.status"}`,
			want:  widget,
			facts: []string{`/@odata.type@"#microsoft.graph.status" declared microsoft.graph.widget problem example-odata-type at /@odata.type: @odata.type "#microsoft.graph.status" is neither microsoft.graph.widget nor a type derived from it (if microsoft.graph.status derives from microsoft.graph.widget, its page must say so: an "Inherits from" line or a baseType annotation); fix the @odata.type or the declared type`},
		},
		{
			name:  "a collection response is checked element by element",
			body:  `{"value": [{"count": 1}, {"count": true}], "@odata.nextLink": "x"}`,
			want:  model.TypeRef{Name: "microsoft.graph.widget", Collection: true},
			facts: []string{`/value/1/count@true declared Edm.Int32 problem example-type-mismatch at /value/1/count: example value of count is a boolean but the table declares a value of type Edm.Int32; fix the value or the Type cell`},
		},
		{
			name:  "a single object wrapped in value",
			body:  `{"value": {"count": 1}}`,
			want:  widget,
			facts: []string{`/value@"value" declared microsoft.graph.widget problem example-unknown-member at /value: example member "value" wraps the microsoft.graph.widget object, but a single microsoft.graph.widget is returned unwrapped; move the members of "value" to the top level`},
		},
		{
			name:  "request-body rows without a type",
			body:  `{"comment": 1, "other": 2}`,
			extra: []*model.Property{{Name: "comment", TypeRef: model.TypeRef{Name: "Edm.String"}}},
			facts: []string{
				`/comment@1 declared Edm.String problem example-type-mismatch at /comment: example value of comment is a number but the table declares a value of type Edm.String; fix the value or the Type cell`,
				`/other@"other" problem example-unknown-member at /other: example member "other" is not a property of the request-body table; fix the name or add the property to the table`,
			},
		},
		{
			name:   "a type-name placeholder of another type",
			body:   `{"count": "String"}`,
			want:   widget,
			marked: []*model.Placeholder{{Pointer: "/count", Kind: model.TypeNamePlaceholder, Type: "Edm.String", Text: `"String"`}},
			facts:  []string{`/count@"String" declared Edm.Int32 problem example-placeholder at /count: placeholder "String" stands for Edm.String but count is Edm.Int32; write a placeholder or value of type Edm.Int32`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := &model.Example{Name: "ex", Body: tt.body, JSON: model.ValidJSON, Placeholders: tt.marked}
			got := render(tt.body, c.Check(ex, tt.want, tt.extra))
			if d := cmp.Diff(tt.facts, got); d != "" {
				t.Errorf("facts (-want +got):\n%s", d)
			}
		})
	}
	// Only a body the parser found valid is checked.
	ex := &model.Example{Body: `{"count": "2"}`, JSON: model.RepairedJSON}
	if f := c.Check(ex, widget, nil); f != nil {
		t.Errorf("a repaired body was checked: %v", render(ex.Body, f))
	}
}

func TestIsPlaceholderString(t *testing.T) {
	for s, want := range map[string]bool{
		"String": true, "Edm.Int32": true, "String (identifier)": true, "datetime-value": true,
		"<password>": true, "{id}": true, "Display Name value": true, "a | b": true, "String (timestamp)": true,
		"a|b":   true, // the exact rule's alternatives (jsonpos.IsPlaceholderString)
		"hello": false, "value": false, "2020-01-01": false,
	} {
		if got := jsonpos.IsLoosePlaceholder(s); got != want {
			t.Errorf("IsLoosePlaceholder(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestResolve(t *testing.T) {
	body := "{\n \"a\": [1, {\"b/c\": 2}],\n \"a\": 3\n}"
	root, err := ParseOne(body)
	if err != nil {
		t.Fatal(err)
	}
	if n := Resolve(root, "/a"); n == nil || n.Kind != Number {
		t.Errorf("Resolve(/a) = %v, want the last member's number", n)
	}
	if n := Resolve(root, "/a/1/b~1c"); n != nil {
		t.Errorf("Resolve through a replaced member = %v, want nil", n)
	}
	if _, err := ParseOne(`{} {}`); err == nil || !strings.Contains(err.Error(), "more than one") {
		t.Errorf("ParseOne of two values: %v", err)
	}
}
