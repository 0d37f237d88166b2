package runtime

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// otNode is encoded the way the generator now writes a struct: MarshalJSON
// runs appendJSON on a pooled buffer, and appendJSON writes the members
// with an appendObject writer. It nests itself as Opt[*T] (optional
// struct), *T (required struct) and []T (collection), as generated structs
// do.
type otNode struct {
	ODataType Opt[string]
	Name      Opt[string]
	Score     Opt[float64]
	Child     Opt[*otNode]
	Parent    *otNode
	Items     []otNode
	Extra     JSONMembers
}

func (v otNode) MarshalJSON() ([]byte, error) {
	s := getScratch()
	b, err := v.appendJSON(*s)
	return putScratch(s, b, err)
}

func (v *otNode) appendJSON(b []byte) ([]byte, error) {
	w := appendObject(b)
	optField(&w, "@odata.type", v.ODataType)
	optField(&w, "name", v.Name)
	optField(&w, "score", v.Score)
	optField(&w, "child", v.Child)
	w.field("parent", v.Parent)
	w.field("items", v.Items)
	w.extra(v.Extra)
	return w.close()
}

// otNodeJSON is the same shape for encoding/json alone, to compare with.
type otNodeJSON struct {
	ODataType *string        `json:"@odata.type,omitempty"`
	Name      *string        `json:"name,omitempty"`
	Score     *float64       `json:"score,omitempty"`
	Child     **otNodeJSON   `json:"child,omitempty"`
	Parent    *otNodeJSON    `json:"parent,omitempty"`
	Items     []otNodeJSON   `json:"items,omitempty"`
	Extra     map[string]int `json:"-"`
}

func TestAppendObjectNested(t *testing.T) {
	leaf := &otNode{Name: Some("<leaf> & \u2028"), Score: Some(1e-7)}
	tests := []struct {
		name string
		v    otNode
		want string
	}{
		{"empty", otNode{}, `{}`},
		{"null child", otNode{Child: Null[*otNode]()}, `{"child":null}`},
		{"present nil child", otNode{Child: Some[*otNode](nil)}, `{"child":null}`},
		{"empty items", otNode{Items: []otNode{}}, `{"items":[]}`},
		{"extra", otNode{Extra: JSONMembers{{"@odata.etag", json.RawMessage(`"W/\"1\""`)}}}, `{"@odata.etag":"W/\"1\""}`},
		{
			"deep",
			otNode{
				ODataType: Some("#x"),
				Child:     Some(&otNode{Child: Some(leaf), Items: []otNode{*leaf, {}}}),
				Parent:    &otNode{Parent: leaf, Extra: JSONMembers{{"a", json.RawMessage(`[1]`)}}},
				Items:     []otNode{{Items: []otNode{{Name: Some("x")}}}},
			},
			`{"@odata.type":"#x","child":{"child":{"name":"\u003cleaf\u003e \u0026 \u2028","score":1e-7},` +
				`"items":[{"name":"\u003cleaf\u003e \u0026 \u2028","score":1e-7},{}]},` +
				`"parent":{"parent":{"name":"\u003cleaf\u003e \u0026 \u2028","score":1e-7},"a":[1]},` +
				`"items":[{"items":[{"name":"x"}]}]}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.v.MarshalJSON()
			if err != nil || string(got) != tt.want {
				t.Fatalf("MarshalJSON = %s, %v\nwant %s", got, err, tt.want)
			}
			// encoding/json, which compacts and validates what
			// MarshalJSON returns, changes nothing.
			viaJSON, err := json.Marshal(tt.v)
			if err != nil || string(viaJSON) != tt.want {
				t.Errorf("json.Marshal = %s, %v\nwant %s", viaJSON, err, tt.want)
			}
			// appendJSON appends after what the buffer holds.
			prefix := []byte(`[1,`)
			out, err := tt.v.appendJSON(prefix)
			if err != nil || string(out) != `[1,`+tt.want {
				t.Errorf("appendJSON = %s, %v", out, err)
			}
		})
	}
}

func TestAppendObjectMatchesEncodingJSON(t *testing.T) {
	name, score := "a<b>", 0.5
	child := &otNodeJSON{Name: &name}
	want, err := json.Marshal(otNodeJSON{
		Name:   &name,
		Score:  &score,
		Child:  &child,
		Parent: &otNodeJSON{Items: []otNodeJSON{{Name: &name}}},
		Items:  []otNodeJSON{{Score: &score}, {Child: &child}},
	})
	if err != nil {
		t.Fatal(err)
	}
	c := &otNode{Name: Some(name)}
	got, err := otNode{
		Name:   Some(name),
		Score:  Some(score),
		Child:  Some(c),
		Parent: &otNode{Items: []otNode{{Name: Some(name)}}},
		Items:  []otNode{{Score: Some(score)}, {Child: Some(c)}},
	}.MarshalJSON()
	if err != nil || string(got) != string(want) {
		t.Errorf("got  %s, %v\nwant %s", got, err, want)
	}
}

func TestAppendObjectErrors(t *testing.T) {
	bad := otNode{Score: Some(math.Inf(-1))}
	tests := []struct {
		name string
		v    otNode
		want string
	}{
		{"field", bad, "json: /score: unsupported value: -Inf"},
		{"child", otNode{Name: Some("n"), Child: Some(&bad)}, "json: /child/score: unsupported value: -Inf"},
		{"parent", otNode{Parent: &otNode{Child: Some(&bad)}}, "json: /parent/child/score: unsupported value: -Inf"},
		{"item", otNode{Items: []otNode{{}, {Items: []otNode{bad}}}}, "json: /items/1/items/0/score: unsupported value: -Inf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := tt.v.MarshalJSON()
			if err == nil || err.Error() != tt.want || out != nil {
				t.Errorf("MarshalJSON = %s, %v; want nil, %s", out, err, tt.want)
			}
			prefix := []byte(`{"k":`)
			b, err := tt.v.appendJSON(prefix)
			if err == nil || err.Error() != tt.want || string(b) != `{"k":` {
				t.Errorf("appendJSON = %s, %v; want the buffer unchanged and %s", b, err, tt.want)
			}
		})
	}
	// The pooled buffer given back after an error is not reused dirty.
	if got, err := (otNode{Name: Some("ok")}).MarshalJSON(); err != nil || string(got) != `{"name":"ok"}` {
		t.Errorf("after errors: %s, %v", got, err)
	}
}

// TestAppendObjectAllocs checks that nesting costs no allocation: optional
// and required nested structs are appended into the outer buffer, and
// MarshalJSON allocates only its result.
func TestAppendObjectAllocs(t *testing.T) {
	v := otNode{Name: Some("n"), Child: Some(&otNode{Child: Some(&otNode{Name: Some(strings.Repeat("x", 100))})}), Parent: &otNode{}}
	if n := testing.AllocsPerRun(100, func() {
		if _, err := v.MarshalJSON(); err != nil {
			t.Fatal(err)
		}
	}); n != 1 {
		t.Errorf("MarshalJSON allocates %v times, want 1", n)
	}
	buf := make([]byte, 0, 1024)
	if n := testing.AllocsPerRun(100, func() {
		if _, err := v.appendJSON(buf[:0]); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("appendJSON allocates %v times, want 0", n)
	}
}

// otNodeCopy is otNode encoded the way generated structs were before
// appendJSON: each level returns its own MarshalJSON bytes, which the
// level above copies in.
type otNodeCopy struct {
	Name   Opt[string]
	Score  Opt[float64]
	Child  Opt[*otNodeCopy]
	Parent *otNodeCopy
	Items  []otNodeCopy
	Extra  JSONMembers
}

func (v otNodeCopy) MarshalJSON() ([]byte, error) {
	var w objectWriter
	optField(&w, "name", v.Name)
	optField(&w, "score", v.Score)
	optField(&w, "child", v.Child)
	w.field("parent", v.Parent)
	w.field("items", v.Items)
	w.extra(v.Extra)
	return w.bytes()
}

// benchTree is a document nested depth levels deep, fanout items a level.
func benchTree(depth, fanout int) string {
	if depth == 0 {
		return `{"name":"leaf <x>","score":0.25}`
	}
	items := make([]string, fanout)
	for i := range items {
		items[i] = benchTree(depth-1, fanout)
	}
	return `{"name":"node","child":` + benchTree(depth-1, 1) + `,"items":[` + strings.Join(items, ",") + `]}`
}

// BenchmarkEncodeNested encodes a 5-level document through json.Marshal:
// appending nested structs in place (appendJSON), copying each level's
// MarshalJSON result (the former generated code), and encoding/json on
// pointer structs.
func BenchmarkEncodeNested(b *testing.B) {
	doc := []byte(benchTree(5, 3))
	run := func(b *testing.B, v any) {
		if err := json.Unmarshal(doc, v); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(v); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("append", func(b *testing.B) { run(b, new(otNode)) })
	b.Run("copy", func(b *testing.B) { run(b, new(otNodeCopy)) })
	b.Run("pointer-struct", func(b *testing.B) { run(b, new(otNodeJSON)) })
}

// TestEncodeNestedSame keeps BenchmarkEncodeNested honest: the three
// encodings of its document are the same bytes.
func TestEncodeNestedSame(t *testing.T) {
	doc := benchTree(3, 2)
	for _, v := range []any{new(otNode), new(otNodeCopy), new(otNodeJSON)} {
		if err := json.Unmarshal([]byte(doc), v); err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(v)
		if err != nil || string(out) != strings.ReplaceAll(strings.ReplaceAll(doc, "<", `\u003c`), ">", `\u003e`) {
			t.Errorf("%T: %s, %v\nwant %s", v, out, err, doc)
		}
	}
}
