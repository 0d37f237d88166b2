package jsonpos

import (
	"encoding/json"
	"testing"
)

// TestTopMembers checks member values against encoding/json.
func TestTopMembers(t *testing.T) {
	for _, body := range []string{
		`{"a": 1, "b": "x\"}", "c": [1, [2, {"d": "]"}]], "e": {"f": null}, "a": true}`,
		"{\n\t\"x\" :\r\n -1.5e3 ,\"y\":false}",
		`{}`,
	} {
		ms, obj, plain := TopMembers([]byte(body))
		if !obj || !plain {
			t.Fatalf("TopMembers(%s): obj=%v plain=%v", body, obj, plain)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(body), &m); err != nil {
			t.Fatal(err)
		}
		for k, v := range m {
			got, ok := LastMember(ms, k)
			if !ok || string(got) != string(v) {
				t.Errorf("%s: member %q = %q, %v; want %q", body, k, got, ok, v)
			}
		}
		for _, mem := range ms {
			if _, ok := m[string(mem.Key)]; !ok {
				t.Errorf("%s: extra member %q", body, mem.Key)
			}
		}
	}
	if _, _, plain := TopMembers([]byte(`{"a\u0062": 1}`)); plain {
		t.Error("escaped key reported plain")
	}
	if _, obj, _ := TopMembers([]byte(`[1]`)); obj {
		t.Error("array reported as object")
	}
}
