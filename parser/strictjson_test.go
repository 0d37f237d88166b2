package parser

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// TestStrictPlaceholders checks that the one-pass reading of strict JSON
// gives what CheckJSON and FindPlaceholders give, and that it refuses
// every body encoding/json refuses.
func TestStrictPlaceholders(t *testing.T) {
	pos := model.Pos{File: "x.md", Line: 3, Col: 1}
	for _, tc := range []struct {
		body string
		ok   bool
	}{
		{`{"id": "String", "n": 1024, "a": [1, 2.5e-3, -0, true, false, null], "o": {}}`, true},
		{"{\n  \"x\": \"a | b | c\",\n  \"y\": \"{userId}\",\n  \"k\\u00e9y\": \"\\\"q\\\" \\/ \\n\"\n}", true},
		{`[]`, true},
		{`"String"`, true},
		{` 1024 `, true},
		{"{\"a\": \"\xff\"}", true},
		{`{"a": 1,}`, false},
		{`[1,]`, false},
		{`{"a": 01}`, false},
		{`{"a": 1.}`, false},
		{`{"a": .5}`, false},
		{`{"a": +1}`, false},
		{`{"a": 1e}`, false},
		{`{"a": -}`, false},
		{`{"a": tru}`, false},
		{`{"a": NaN}`, false},
		{`{a: 1}`, false},
		{`{"a" 1}`, false},
		{`{"a": 1} x`, false},
		{`{"a": 1}{}`, false},
		{"{\"a\": \"x\ty\"}", false},
		{`{"a": "\x"}`, false},
		{`{"a": "\u12G4"}`, false},
		{`{"a": "\u12"}`, false},
		{"{\"a\":\f1}", false},
		{"\v{}", false},
		{`{"a": "unterminated}`, false},
		{`{"a": 1`, false},
		{`[1 2]`, false},
		{"\u00a0{}", false},
		{`{"a": 'x'}`, false},
		{`{"a": [1, {"b": [null, "Int32"]}]}`, true},
	} {
		got, ok := strictPlaceholders(tc.body, pos)
		if ok != tc.ok {
			t.Errorf("strictPlaceholders(%q) ok = %v, want %v", tc.body, ok, tc.ok)
		}
		state, js, diags := CheckJSON(tc.body, pos)
		if !ok {
			continue
		}
		if state != model.ValidJSON || len(diags) != 0 {
			t.Errorf("%q: strict, but CheckJSON says %v %v", tc.body, state, diags)
			continue
		}
		want := FindPlaceholders(js, tc.body, pos)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%q: placeholders differ (-FindPlaceholders +strict):\n%s", tc.body, diff)
		}
	}
}

// TestStrictPlaceholdersDepth checks that very deep bodies are left to
// encoding/json.
func TestStrictPlaceholdersDepth(t *testing.T) {
	deep := ""
	for i := 0; i < jsonpos.StrictDepth+5; i++ {
		deep += "["
	}
	for i := 0; i < jsonpos.StrictDepth+5; i++ {
		deep += "]"
	}
	if _, ok := strictPlaceholders(deep, model.Pos{}); ok {
		t.Errorf("a body nested %d levels deep was read in one pass", jsonpos.StrictDepth+5)
	}
}

// FuzzStrictPlaceholders checks that a body read in one pass is valid JSON
// and has FindPlaceholders' placeholders.
func FuzzStrictPlaceholders(f *testing.F) {
	for _, s := range []string{`{"id": "String", "n": 1024}`, `[1, -0.5e3, "a | b"]`, `{"a": "\u00e9\n"}`, `{"a": 01}`, "{\"a\":\f1}"} {
		f.Add(s)
	}
	pos := model.Pos{File: "x.md", Line: 1, Col: 1}
	f.Fuzz(func(t *testing.T, body string) {
		got, ok := strictPlaceholders(body, pos)
		if !ok {
			return
		}
		if !json.Valid([]byte(body)) {
			t.Fatalf("%q read in one pass but is not JSON", body)
		}
		if diff := cmp.Diff(FindPlaceholders([]byte(body), body, pos), got); diff != "" {
			t.Fatalf("%q: placeholders differ:\n%s", body, diff)
		}
	})
}
