package model

import "testing"

func TestLookupCode(t *testing.T) {
	codes := []CodeInfo{{Code: "a-b", Severity: Warning, Summary: "s", Explain: "e"}, {Code: "c", Severity: Info}}
	if got, ok := LookupCode(codes, "c"); !ok || got.Severity != Info {
		t.Errorf("LookupCode(c) = %v, %v", got, ok)
	}
	if _, ok := LookupCode(codes, "no-such-code"); ok {
		t.Error("LookupCode(no-such-code) found a code")
	}
	if _, ok := LookupCode(nil, "c"); ok {
		t.Error("LookupCode in an empty catalogue found a code")
	}
}
