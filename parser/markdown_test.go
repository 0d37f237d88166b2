package parser

import (
	"reflect"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"
)

// TestParsersAreGoldmarks checks that newMDReader's block and inline parsers
// are goldmark's defaults, in the same order with the same priorities
// (docgen's wrappers unwrapped): a goldmark upgrade that changes its
// defaults must be followed here.
func TestParsersAreGoldmarks(t *testing.T) {
	unwrap := func(v any) any {
		switch w := v.(type) {
		case atxHeadingParser:
			return w.BlockParser
		case reserveParser:
			return w.BlockParser
		}
		return v
	}
	same := func(what string, got, want []util.PrioritizedValue) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d parsers, goldmark has %d", what, len(got), len(want))
		}
		for i := range want {
			g, w := unwrap(got[i].Value), want[i].Value
			if reflect.TypeOf(g) != reflect.TypeOf(w) || got[i].Priority != want[i].Priority {
				t.Errorf("%s %d: %T at %d, goldmark has %T at %d", what, i, g, got[i].Priority, w, want[i].Priority)
			}
		}
	}
	same("block parser", blockParsers(&mdReader{}), parser.DefaultBlockParsers())
	same("inline parser", inlineParsers(), parser.DefaultInlineParsers())
}
