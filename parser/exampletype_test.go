package parser

import (
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
	"github.com/google/go-cmp/cmp"
)

func TestPrimitiveProse(t *testing.T) {
	tests := []struct {
		text string
		want model.TypeRef
		ok   bool
	}{
		{"If successful, this function returns a `200 OK` response code and a String collection in the response body.", model.TypeRef{Name: "Edm.String", Collection: true}, true},
		{"If successful, this action returns a `200 OK` response code and a Stream in the response body.", model.TypeRef{Name: "Edm.Stream"}, true},
		{"returns `200 OK` and an Int32 in the response body.", model.TypeRef{Name: "Edm.Int32"}, true},
		{"returns `200 OK` and a Boolean in the response body", model.TypeRef{Name: "Edm.Boolean"}, true},
		// Not canonical spellings, not a type, or no "in the response body".
		{"returns `200 OK` and a string in the response body.", model.TypeRef{}, false},
		{"returns `200 OK` and a Json in the response body.", model.TypeRef{}, false},
		{"returns `200 OK` and a new user object in the response body.", model.TypeRef{}, false},
		{"returns `200 OK` and a String collection.", model.TypeRef{}, false},
		{"returns `200 OK` and a String value list in the response body.", model.TypeRef{}, false},
		{"", model.TypeRef{}, false},
	}
	for _, tt := range tests {
		got, ok := primitiveProse(tt.text)
		if ok != tt.ok || !cmp.Equal(got, tt.want) {
			t.Errorf("primitiveProse(%q) = %v, %v; want %v, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTitleVerb(t *testing.T) {
	tests := []struct {
		in, verb, name string
	}{
		{"Update user", "update", "user"},
		{"Update DriveItem properties", "update", "DriveItem"},
		{"Create a new shift", "create", "shift"},
		{"Update conversation thread", "update", ""},
		{"Create", "create", ""},
		{"Get user", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		v, n := titleVerb(tt.in)
		if v != tt.verb || n != tt.name {
			t.Errorf("titleVerb(%q) = %q, %q; want %q, %q", tt.in, v, n, tt.verb, tt.name)
		}
	}
}

func TestObjectBody(t *testing.T) {
	tests := []struct {
		body string
		want bool
	}{
		{`{"a": 1}`, true},
		{`{"value": [1]}`, false},
		{`{"value": {"a": 1}}`, true},
		{`[1]`, false},
		{`{"value": [1],}`, true},
	}
	for _, tt := range tests {
		if got := objectBody(tt.body); got != tt.want {
			t.Errorf("objectBody(%q) = %v, want %v", tt.body, got, tt.want)
		}
	}
}
