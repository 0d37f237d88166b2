package runtime

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFlags(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"read", []string{"read"}},
		{"read,write", []string{"read", "write"}},
		{" read , write ,, admin ", []string{"read", "write", "admin"}},
		{",", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, splitFlags(tt.in)); diff != "" {
			t.Errorf("splitFlags(%q) (-want +got):\n%s", tt.in, diff)
		}
		for _, f := range tt.want {
			if !hasFlag(tt.in, f) {
				t.Errorf("hasFlag(%q, %q) = false", tt.in, f)
			}
		}
	}
	for _, tt := range []struct {
		s, v string
		want bool
	}{{"read, write", "write", true}, {"read, write", "rea", false}, {"readwrite", "read", false}, {"", "", false}, {"a,,b", "", true}} {
		if got := hasFlag(tt.s, tt.v); got != tt.want {
			t.Errorf("hasFlag(%q, %q) = %v", tt.s, tt.v, got)
		}
	}
	if got := joinFlags([]string{"a", "b"}); got != "a,b" {
		t.Errorf("joinFlags = %q", got)
	}
	known := []string{"read", "write"}
	if !containsString(known, "read") || containsString(known, "Read") || containsString(nil, "") {
		t.Error("containsString")
	}
	if diff := cmp.Diff([]string{"admin", "Read"}, unknownFlags("read, admin, Read,write", known)); diff != "" {
		t.Errorf("unknownFlags (-want +got):\n%s", diff)
	}
	if got := unknownFlags("read", known); got != nil {
		t.Errorf("unknownFlags = %v", got)
	}
	for _, tt := range []struct {
		in   []string
		want string
	}{{nil, ""}, {[]string{"a"}, `"a"`}, {[]string{"a", "b"}, `"a" or "b"`}, {[]string{"a", "b", "c"}, `"a", "b" or "c"`}} {
		if got := oneOf(tt.in); got != tt.want {
			t.Errorf("oneOf(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKnownValue(t *testing.T) {
	type color string
	values := []color{"red", "green", "unknownFutureValue"}
	for _, tt := range []struct {
		v    color
		want bool
	}{{"red", true}, {"unknownFutureValue", true}, {"Red", false}, {"", false}, {"red,green", false}} {
		if got := knownValue(values, tt.v); got != tt.want {
			t.Errorf("knownValue(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
	if knownValue(nil, color("red")) {
		t.Error("knownValue(nil, red) = true")
	}
	for _, tt := range []struct {
		v    color
		want bool
	}{{"", true}, {"red", true}, {"red, green", true}, {" green ,, red", true}, {"red,Green", false}, {"blue", false}} {
		if got := knownFlags(values, tt.v); got != tt.want {
			t.Errorf("knownFlags(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
	if !knownFlags(nil, color("")) || knownFlags(nil, color("red")) {
		t.Error("knownFlags with no documented members")
	}
}
