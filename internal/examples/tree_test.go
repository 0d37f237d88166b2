package examples

import (
	"encoding/json"
	"github.com/docgen-dev/docgen/internal/jsonpos"
	"strings"
	"testing"
)

func TestParseDepth(t *testing.T) {
	deep := strings.Repeat("[", jsonpos.MaxTreeDepth+10) + strings.Repeat("]", jsonpos.MaxTreeDepth+10)
	if _, err := Parse(deep); err == nil {
		t.Error("Parse accepted nesting past jsonpos.MaxTreeDepth")
	}
	if _, err := Parse(`{"a": [1, "x", true, null, {"b": 1.5}]}`); err != nil {
		t.Error(err)
	}
}

func TestPrimitiveAccepts(t *testing.T) {
	tests := []struct {
		typ, json string
		want      bool
	}{
		{"Edm.String", `"x"`, true},
		{"Edm.String", `1`, false},
		{"Edm.Guid", `"x"`, true},
		{"Edm.Boolean", `true`, true},
		{"Edm.Boolean", `"true"`, false},
		{"Edm.Int32", `5`, true},
		{"Edm.Int32", `5.5`, false},
		{"Edm.Int32", `"5"`, false},
		{"Edm.Int64", `"5"`, true},
		{"Edm.Int64", `"five"`, false},
		{"Edm.Double", `1e3`, true},
		{"Edm.Double", `"NaN"`, true},
		{"Edm.Double", `"1.5"`, false},
		{"Edm.Decimal", `"1.5"`, true},
		{"Edm.Stream", `{}`, true},
		{"Edm.GeographyPoint", `{"type": "Point"}`, true},
	}
	for _, tt := range tests {
		n, err := Parse(tt.json)
		if err != nil {
			t.Fatal(err)
		}
		if got := primitiveAccepts(tt.typ, n); got != tt.want {
			t.Errorf("primitiveAccepts(%s, %s) = %v, want %v", tt.typ, tt.json, got, tt.want)
		}
	}
}

func TestCompatiblePrimitive(t *testing.T) {
	tests := []struct {
		ph, prop string
		want     bool
	}{
		{"Edm.String", "Edm.String", true},
		{"Edm.Int32", "Edm.Int64", true},
		{"Edm.Int32", "Edm.Double", true},
		{"Edm.Double", "Edm.Int32", false},
		{"Edm.String", "Edm.Guid", false},
		{"Edm.DateTimeOffset", "Edm.String", false},
	}
	for _, tt := range tests {
		if got := compatiblePrimitive(tt.ph, tt.prop); got != tt.want {
			t.Errorf("compatiblePrimitive(%s, %s) = %v, want %v", tt.ph, tt.prop, got, tt.want)
		}
	}
}

// FuzzParse checks Parse against encoding/json: it accepts every
// valid document (within the depth limit), and every member offset points
// at the key's opening quote.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`{}`, `{"a": [1, {"b": null}], "c": "\"x\""}`, " [ 1 , 2 ] ", `{"a":{"b":{"c":true}}}`, `"s"`, `{"a" : 1,"b":2}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if !json.Valid([]byte(s)) {
			return
		}
		if err != nil {
			if err == jsonpos.ErrDepth {
				return
			}
			t.Fatalf("Parse(%q): %v", s, err)
		}
		var walk func(*Node)
		walk = func(n *Node) {
			if n.Off < 0 || n.Off >= len(s) {
				t.Fatalf("value offset %d out of range in %q", n.Off, s)
			}
			for _, m := range n.Members {
				if m.Off >= len(s) || s[m.Off] != '"' {
					t.Fatalf("key %q offset %d does not point at a quote in %q", m.Key, m.Off, s)
				}
				walk(m.Val)
			}
			for _, e := range n.Elems {
				walk(e)
			}
		}
		walk(n)
	})
}
