package lint_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/docgen-dev/docgen/internal/lint"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

var corpusOut = flag.String("corpus-out", "", "write the corpus findings as JSON to this file")

// corpusDir is the Graph docs corpus, relative to this package.
var corpusDir = filepath.Join("..", "..", "..", "shared", "corpus", "graph-docs-v1.0-2021-07")

// TestCorpus lints the whole corpus: it must not panic, every finding must
// have a registered code and a position on a page, and the counts per code
// are logged (go test -run Corpus -v ./lint).
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test skipped with -short")
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("corpus not present:", err)
	}
	pkg, err := parser.ParsePaths(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	diags := lint.Run(pkg)
	counts := map[string]int{}
	for _, d := range diags {
		counts[string(d.Code)]++
		info, ok := model.LookupCode(lint.Codes(), d.Code)
		if !ok {
			t.Errorf("%s: unregistered code", d)
		} else if info.Severity != d.Severity {
			t.Errorf("%s: severity %s, registered %s", d, d.Severity, info.Severity)
		}
		if !d.Pos.IsValid() {
			t.Errorf("%s: no position", d)
		}
	}
	var codes []string
	for c := range counts {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		t.Logf("%-26s %5d", c, counts[c])
	}
	t.Logf("%-26s %5d (over %d pages)", "total", len(diags), len(pkg.Pages))
	if *corpusOut != "" {
		b, err := json.MarshalIndent(diags, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*corpusOut, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
