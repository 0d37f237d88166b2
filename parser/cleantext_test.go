package parser

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/yuin/goldmark/util"
)

// cleanTextRef is cleanText as it was written first (two scans), the
// reference for TestCleanTextScan.
func cleanTextRef(s string) string {
	if strings.ContainsAny(s, "&\\") {
		b := util.ResolveEntityNames([]byte(s))
		b = util.ResolveNumericReferences(b)
		b = util.UnescapePunctuations(b)
		s = string(b)
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2007':
			space = true
			continue
		case '\u200b', '\ufeff':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// TestCleanTextScan compares cleanText and collapseSpace with the
// reference on strings made of the bytes that matter.
func TestCleanTextScan(t *testing.T) {
	parts := []string{" ", "  ", "\t", "\n", "\r", "a", "Z", "&amp;", "&", "\\", "\\*", "\u00a0", "\u202f", "\u2007", "\u200b", "\ufeff", "é", "\x01", "&#42;", "x y"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		var sb strings.Builder
		for k := rng.Intn(8); k > 0; k-- {
			sb.WriteString(parts[rng.Intn(len(parts))])
		}
		s := sb.String()
		if got, want := cleanText(s), cleanTextRef(s); got != want {
			t.Fatalf("cleanText(%q) = %q, want %q", s, got, want)
		}
		if !strings.ContainsAny(s, "&\\") {
			if got, want := collapseSpace(s), cleanTextRef(s); got != want {
				t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want)
			}
		}
	}
}
