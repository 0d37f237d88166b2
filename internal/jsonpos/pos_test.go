package jsonpos

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLineIndex(t *testing.T) {
	text := "ab\ncd\n\nef"
	for _, tt := range []struct{ off, line, col int }{
		{0, 0, 0}, {2, 0, 2}, {3, 1, 0}, {5, 1, 2}, {6, 2, 0}, {7, 3, 0}, {9, 3, 2},
	} {
		var x LineIndex
		line, col := x.LineCol(text, tt.off)
		if line != tt.line || col != tt.col || x.Line(text, tt.off) != tt.line {
			t.Errorf("LineCol(%d) = %d, %d; want %d, %d", tt.off, line, col, tt.line, tt.col)
		}
	}
}

func TestPointers(t *testing.T) {
	for _, tt := range []struct{ key, tok string }{
		{"a", "a"}, {"a/b", "a~1b"}, {"~c", "~0c"}, {"~1", "~01"}, {"", ""}, {"é", "é"},
	} {
		if got := EscapeToken(tt.key); got != tt.tok {
			t.Errorf("EscapeToken(%q) = %q, want %q", tt.key, got, tt.tok)
		}
		if got := UnescapeToken(tt.tok); got != tt.key {
			t.Errorf("UnescapeToken(%q) = %q, want %q", tt.tok, got, tt.key)
		}
		raw, _ := json.Marshal(tt.key)
		if got := string(AppendKey(nil, string(raw))); got != "/"+tt.tok {
			t.Errorf("AppendKey(%s) = %q", raw, got)
		}
	}
	if got := string(AppendKey([]byte("/x"), `"a\u002fb"`)); got != "/x/a~1b" {
		t.Errorf("AppendKey of an escaped key = %q", got)
	}
	segs := []string{"a/b", "~c", "0", ""}
	if p := Join(segs); p != "/a~1b/~0c/0/" || !reflect.DeepEqual(Split(p), segs) {
		t.Errorf("Join = %q, Split = %q", p, Split(p))
	}
	if Split("") != nil || Join(nil) != "" {
		t.Error("the root pointer is not empty")
	}
	if got := string(AppendIndex([]byte("/a"), 12)); got != "/a/12" || Index("/a", 0) != "/a/0" || Child("", "x/y") != "/x~1y" {
		t.Errorf("AppendIndex = %q", got)
	}
}

func TestPlaces(t *testing.T) {
	text := "{\n  \"a\": 1,\n  \"b~/\": [\"x\", {\"c\": 2}],\n  \"a\": null\n}"
	want := []Place{{"", 0}, {"/a", 4}, {"/b~0~1", 14}, {"/b~0~1/0", 22}, {"/b~0~1/1", 27}, {"/b~0~1/1/c", 28}, {"/a", 40}}
	if diff := cmp.Diff(want, Places([]byte(text))); diff != "" {
		t.Errorf("Places (-want +got):\n%s", diff)
	}
	if got := Places([]byte(`{"a": [1, }`)); len(got) != 3 {
		t.Errorf("Places stops at the syntax error: %v", got)
	}
}

func TestParse(t *testing.T) {
	v, err := Parse([]byte(`{"a": [1.50, "x", true, null]}`))
	want := map[string]any{"a": []any{json.Number("1.50"), "x", true, nil}}
	if err != nil || !reflect.DeepEqual(v, want) {
		t.Errorf("Parse = %#v, %v", v, err)
	}
	for _, bad := range []string{`{} {}`, `{`, ``, `[1,]`} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}

func TestParseTree(t *testing.T) {
	text := `{"a": [1, "x", true, null, {"b": 1.5}], "a": {}}`
	n, err := ParseTree(text)
	if err != nil {
		t.Fatal(err)
	}
	if n.Kind != Object || len(n.Members) != 2 || n.Members[1].Off != strings.LastIndex(text, `"a"`) {
		t.Fatalf("root = %+v", n)
	}
	a := n.Get("a")
	if a.Kind != Array || len(a.Elems) != 5 || a.Elems[1].Str != "x" || !a.Elems[2].Bool || a.Elems[3].Kind != Null {
		t.Fatalf("/a = %+v", a)
	}
	if b := a.Elems[4].Get("b"); b.Kind != Number || b.Num != "1.5" || text[b.Off:b.Off+3] != "1.5" {
		t.Errorf("/a/4/b = %+v", b)
	}
	if n.Get("z") != nil || Kind(99).String() == "" || String.String() != "a string" {
		t.Error("Get or Kind.String")
	}
	deep := strings.Repeat("[", MaxTreeDepth+2) + strings.Repeat("]", MaxTreeDepth+2)
	if _, err := ParseTree(deep); err != ErrDepth {
		t.Errorf("deep: %v", err)
	}
}
