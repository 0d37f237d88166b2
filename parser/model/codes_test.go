package model

import (
	"regexp"
	"strings"
	"testing"
)

var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

func TestCodesRegistry(t *testing.T) {
	seen := map[string]string{}
	groups := map[string][]CodeInfo{
		"parser":    parserCodes,
		"generator": generatorCodes,
		"lint":      lintCodes,
		"check":     checkCodes,
	}
	for owner, group := range groups {
		for _, c := range group {
			if prev, dup := seen[c.Code]; dup {
				t.Errorf("code %q registered by both %s and %s", c.Code, prev, owner)
			}
			seen[c.Code] = owner
			if !kebab.MatchString(c.Code) {
				t.Errorf("%s code %q is not kebab-case", owner, c.Code)
			}
			if strings.TrimSpace(c.Summary) == "" {
				t.Errorf("%s code %q has an empty summary", owner, c.Code)
			}
			if strings.TrimSpace(c.Explain) == "" {
				t.Errorf("%s code %q has an empty explanation", owner, c.Code)
			}
			if c.Severity < Info || c.Severity > Error {
				t.Errorf("%s code %q has invalid severity %d", owner, c.Code, c.Severity)
			}
		}
	}
	all := Codes()
	if len(all) != len(seen) {
		t.Errorf("Codes() returned %d codes, want %d", len(all), len(seen))
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].Code >= all[i].Code {
			t.Errorf("Codes() not sorted or has duplicates at %q, %q", all[i-1].Code, all[i].Code)
		}
	}
}

func TestLookupCode(t *testing.T) {
	for _, c := range Codes() {
		got, ok := LookupCode(c.Code)
		if !ok || got.Code != c.Code {
			t.Errorf("LookupCode(%q) = %v, %v", c.Code, got, ok)
		}
	}
	if _, ok := LookupCode("no-such-code"); ok {
		t.Error("LookupCode(no-such-code) found a code")
	}
	for _, code := range []string{"example-unknown-member", "unused-ignore", "generated-stale"} {
		if _, ok := LookupCode(code); !ok {
			t.Errorf("LookupCode(%q) not found", code)
		}
	}
}
