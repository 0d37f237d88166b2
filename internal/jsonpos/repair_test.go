package jsonpos

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRepair(t *testing.T) {
	for _, tt := range []struct {
		name, body, want string
		fixes            []string // Fix.Msg, in order
	}{
		{"valid", `{"a": [1, "x"]}`, `{"a": [1, "x"]}`, nil},
		{"trailing comma", "{\"a\": 1,\n}", "{\"a\": 1 \n}", []string{"a trailing comma before }"}},
		{"trailing comma in array", `[1, 2,]`, `[1, 2 ]`, []string{"a trailing comma before ]"}},
		{"line comment", "{\"a\": 1 // one\n}", "{\"a\": 1       \n}", []string{"a // comment"}},
		{"block comment keeps lines", "{/* a\nb */\"a\": 1}", "{    \n    \"a\": 1}", []string{"a /* */ comment"}},
		{"comment text in string", `{"a": "//x /*y*/"}`, `{"a": "//x /*y*/"}`, nil},
		{"nbsp", "{\"a\":\u00a01}", "{\"a\":  1}", []string{"a no-break space (U+00A0) used as whitespace"}},
		{"em space", "{\u2003\"a\": 1}", "{   \"a\": 1}", []string{"a Unicode space (U+2000–U+200B or U+202F) used as whitespace"}},
		{"narrow nbsp", "[\u202f1]", "[   1]", []string{"a Unicode space (U+2000–U+200B or U+202F) used as whitespace"}},
		{"em space in string kept", "{\"a\": \"\u2003\"}", "{\"a\": \"\u2003\"}", nil},
		{"bom", "\ufeff{}", "   {}", []string{"a byte-order mark"}},
		{"raw newline", "{\"a\": \"x\ny\"}", `{"a": "x\ny"}`, []string{"a raw control character inside a string"}},
		{"raw control", "\"\x01\t\r\"", `"\u0001\t\r"`, []string{"a raw control character inside a string"}},
		{"escaped quote", "\"\\\"\n\"", `"\"\n"`, []string{"a raw control character inside a string"}},
		{"one fix per kind and line", "[1,]\n[[2,],]", "[1 ]\n[[2 ] ]", []string{"a trailing comma before ]", "a trailing comma before ]"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rep := Repair(tt.body)
			if string(rep.Out) != tt.want {
				t.Errorf("Repair(%q) = %q, want %q", tt.body, rep.Out, tt.want)
			}
			var msgs []string
			for _, f := range rep.Fixes {
				msgs = append(msgs, f.Msg)
			}
			if diff := cmp.Diff(tt.fixes, msgs); diff != "" {
				t.Errorf("fixes (-want +got):\n%s", diff)
			}
			if rep.Changed != (len(tt.fixes) > 0) {
				t.Errorf("Changed = %v", rep.Changed)
			}
		})
	}
}

func TestRepairShifts(t *testing.T) {
	body := "{\"a\": \"x\ny\", \"b\": 1}"
	rep := Repair(body)
	if !json.Valid(rep.Out) {
		t.Fatalf("not JSON: %q", rep.Out)
	}
	for _, key := range []string{`"a"`, `"b"`, `1}`} {
		out := strings.Index(string(rep.Out), key)
		if in := rep.InOffset(out); !strings.HasPrefix(body[in:], key) {
			t.Errorf("InOffset(%d) = %d: %q, want %s", out, in, body[in:], key)
		}
	}
}

func TestRepairFixCap(t *testing.T) {
	body := strings.Repeat("[1,]\n", 30)
	if rep := Repair(body); len(rep.Fixes) != MaxFixes || strings.Contains(string(rep.Out), ",") {
		t.Errorf("%d fixes, out %q", len(rep.Fixes), rep.Out)
	}
}

// FuzzRepair checks that Repair never panics, leaves valid JSON as it is,
// and maps every repaired offset inside the body, structural bytes onto
// the same bytes.
//
//	go test ./internal/jsonpos -run '^$' -fuzz FuzzRepair -fuzztime 30s
func FuzzRepair(f *testing.F) {
	for _, s := range repairSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		rep := Repair(body)
		if json.Valid([]byte(body)) && (string(rep.Out) != body || rep.Changed || rep.Shifts != nil) {
			t.Fatalf("valid JSON %q repaired to %q", body, rep.Out)
		}
		if !rep.Changed && string(rep.Out) != body {
			t.Fatalf("%q changed without a fix: %q", body, rep.Out)
		}
		grow := 0
		if n := len(rep.Shifts); n > 0 {
			grow = rep.Shifts[n-1].Out - rep.Shifts[n-1].In
		}
		if len(rep.Out) != len(body)+grow {
			t.Fatalf("%q: repaired length %d, body %d, shifts %v", body, len(rep.Out), len(body), rep.Shifts)
		}
		prev := 0
		for o := 0; o <= len(rep.Out); o++ {
			in := rep.InOffset(o)
			if in < 0 || in > len(body) || in < prev {
				t.Fatalf("%q: InOffset(%d) = %d (previous %d)", body, o, in, prev)
			}
			prev = in
			if o < len(rep.Out) && strings.IndexByte("{}[]:\"\n", rep.Out[o]) >= 0 && body[in] != rep.Out[o] {
				t.Fatalf("%q: out[%d] = %q maps to body[%d] = %q", body, o, rep.Out[o], in, body[in])
			}
		}
		for _, fx := range rep.Fixes {
			if fx.Off < 0 || fx.Off >= len(body) {
				t.Fatalf("%q: fix %+v outside the body", body, fx)
			}
		}
	})
}
