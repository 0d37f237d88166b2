package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/internal/metacheck"
)

// setupSeedDocs copies the seed pages (docs/) and the seed metadata into a
// temporary folder, which becomes the working directory: no generated/
// folder exists there.
func setupSeedDocs(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []struct{ from, to string }{
		{"../../docs/create-cloudpcdeviceimage.md", "docs/create-cloudpcdeviceimage.md"},
		{"../../docs/create-cloudpcsnapshot.md", "docs/create-cloudpcsnapshot.md"},
		{"testdata/metadata/seed.xml", "seed.xml"},
	} {
		b, err := os.ReadFile(f.from)
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(dir, filepath.FromSlash(f.to))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.xml"), []byte("<Schema Namespace=\"n\">\n<EntityType Name=\"a\">\n</Schema>"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
}

// TestCheckMetadata: check -metadata reports every cross-check code on the
// seed pages at their lines, without an output folder (no drift), prints
// the summary after the findings, and honours -ignore and PATH scoping.
func TestCheckMetadata(t *testing.T) {
	setupSeedDocs(t)
	r := checkJSON(t, exitFindings, "-metadata", "seed.xml")
	if len(r.Drift) != 0 {
		t.Errorf("drift without an output folder: %v", r.drift())
	}
	byCode := map[string][]string{}
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Code, "metadata-") {
			byCode[f.Code] = append(byCode[f.Code], fmt.Sprintf("%s:%d", f.File, f.Line))
		}
	}
	for _, c := range metacheck.Codes() {
		if c.Code == metacheck.CodeBaseType {
			continue // the seed pages state no base (internal/metacheck's TestCheck covers it)
		}
		if len(byCode[string(c.Code)]) == 0 {
			t.Errorf("no %s finding; got %v", c.Code, byCode)
		}
	}
	if !r.has("docs/create-cloudpcsnapshot.md", 0, string(metacheck.CodePathUnresolved)) {
		t.Errorf("the snapshots path resolves: %v", byCode)
	}
	if got := byCode[string(metacheck.CodeNameCase)]; len(got) != 1 || !strings.HasPrefix(got[0], "docs/create-cloudpcdeviceimage.md:") {
		t.Errorf("name-case findings = %v", got)
	}

	// JSON: the summary is the "metadata" field too.
	_, stdout, _ := runDocgen(t, "check", "-format", "json", "-metadata", "seed.xml")
	var withSum struct {
		Metadata struct {
			Measures []struct {
				Name     string
				Num, Den int
			}
			UndocumentedTypes int
		}
	}
	if err := json.Unmarshal([]byte(stdout), &withSum); err != nil || len(withSum.Metadata.Measures) != len(knownMeasures) ||
		withSum.Metadata.Measures[0].Name != metacheck.Types || withSum.Metadata.Measures[0].Num != 4 || withSum.Metadata.UndocumentedTypes != 4 {
		t.Errorf("JSON summary = %+v (%v)", withSum, err)
	}

	// Text: findings, then the summary, on stderr.
	code, _, stderr := runDocgen(t, "check", "-metadata", "seed.xml", "-out", "nowhere")
	if code != exitFindings {
		t.Errorf("text: exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if n := len(lines); n < 12 || !strings.HasPrefix(lines[n-11], "metadata types: 4 of 8 (50.0%)") || !strings.HasPrefix(lines[n-2], "metadata types no page documents: 4") ||
		!strings.HasPrefix(lines[n-1], "metadata bases no page states: 2") {
		t.Errorf("summary lines:\n%s", stderr)
	}

	// -ignore drops the only error; PATH scoping keeps one page's findings.
	checkJSON(t, exitOK, "-metadata", "seed.xml", "-ignore", string(metacheck.CodeNameCase))
	r = checkJSON(t, exitOK, "-metadata", "seed.xml", "docs/create-cloudpcsnapshot.md")
	for _, f := range r.Findings {
		if f.File != "docs/create-cloudpcsnapshot.md" {
			t.Errorf("out-of-scope finding %+v", f)
		}
	}

	for _, args := range [][]string{{"-metadata", "bad.xml"}, {"-metadata", "missing.xml"}} {
		code, _, stderr := runDocgen(t, append([]string{"check"}, args...)...)
		if code != exitUsage || !strings.Contains(stderr, "-metadata") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if _, _, stderr := runDocgen(t, "check", "-metadata", "bad.xml"); !strings.Contains(stderr, "malformed metadata XML") {
		t.Errorf("malformed: %q", stderr)
	}
}

// ratchetFile holds the corpus cross-check figures; they may only improve.
const ratchetFile = "testdata/metadata-ratchet.txt"

var updateRatchet = os.Getenv("DOCGEN_UPDATE_RATCHET") == "1"

// TestMetadataRatchet runs check -metadata on the corpus with its
// metadata and fails when a figure is worse than testdata/metadata-ratchet.txt.
// When a figure is better it asks for the file to be updated
// (DOCGEN_UPDATE_RATCHET=1 rewrites it). It takes about 10 s, so it runs
// with the corpus tests (DOCGEN_CORPUS_BUILD=1; .ci/run runs it as its own step).
func TestMetadataRatchet(t *testing.T) {
	if os.Getenv("DOCGEN_CORPUS_BUILD") != "1" && !updateRatchet {
		t.Skip("set DOCGEN_CORPUS_BUILD=1 to run the corpus metadata ratchet")
	}
	corpus := "../../../shared/corpus/graph-docs-v1.0-2021-07"
	metadata := "../../../shared/metadata/v1.0.xml"
	for _, p := range []string{corpus, metadata} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("corpus or metadata not present: %v", err)
		}
	}
	start := time.Now()
	code, _, stderr := runDocgen(t, "check", "-docs", corpus, "-metadata", metadata, "-out", filepath.Join(t.TempDir(), "none"))
	if code == exitUsage {
		t.Fatalf("check failed:\n%s", firstLines(stderr, 20))
	}
	got := map[string][2]int{}
	var order []string
	counts := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(stderr))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if i := strings.LastIndex(l, " [metadata-"); i >= 0 {
			counts[strings.TrimSuffix(l[i+2:], "]")]++
		}
		name, num, den, ok := parseFigure(l)
		if ok {
			got[name] = [2]int{num, den}
			order = append(order, name)
		}
	}
	t.Logf("check -metadata on the corpus: %v; findings by code: %v", time.Since(start), counts)
	if len(order) == 0 {
		t.Fatalf("no summary in the output:\n%s", firstLines(stderr, 20))
	}
	if updateRatchet {
		var sb strings.Builder
		sb.WriteString("# docgen check -docs ../shared/corpus/graph-docs-v1.0-2021-07 -metadata ../shared/metadata/v1.0.xml\n")
		sb.WriteString("# Figures may only improve (cmd/docgen TestMetadataRatchet); DOCGEN_UPDATE_RATCHET=1 rewrites them.\n")
		for _, n := range order {
			if got[n][1] == 0 && !slices.Contains(knownMeasures, n) {
				fmt.Fprintf(&sb, "%s: %d\n", n, got[n][0])
				continue
			}
			fmt.Fprintf(&sb, "%s: %d of %d\n", n, got[n][0], got[n][1])
		}
		if err := os.WriteFile(ratchetFile, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(ratchetFile)
	if err != nil {
		t.Fatal(err)
	}
	better := false
	for _, l := range strings.Split(string(b), "\n") {
		name, num, den, ok := parseFigure(l)
		if !ok {
			continue
		}
		g, have := got[name]
		switch {
		case !have:
			t.Errorf("%s: no longer measured", name)
		case worse(g[0], g[1], num, den, name):
			t.Errorf("%s got worse: %d of %d, the ratchet says %d of %d", name, g[0], g[1], num, den)
		case g != [2]int{num, den}:
			t.Logf("%s changed: %d of %d (was %d of %d)", name, g[0], g[1], num, den)
			better = true
		}
	}
	if better && !t.Failed() {
		t.Errorf("figures improved: update %s with DOCGEN_UPDATE_RATCHET=1 go test ./cmd/docgen -run TestMetadataRatchet", ratchetFile)
	}
}

// worse reports whether num/den is worse than the ratchet's wantNum/wantDen:
// a lower ratio, or for the undocumented-type count a higher number.
func worse(num, den, wantNum, wantDen int, name string) bool {
	if name == "types no page documents" {
		return num > wantNum
	}
	// num/den < wantNum/wantDen, in integers.
	return int64(num)*int64(wantDen) < int64(wantNum)*int64(den)
}

// parseFigure reads "metadata NAME: N of D (...)" or "NAME: N of D", and
// "metadata types no page documents: N".
func parseFigure(l string) (name string, num, den int, ok bool) {
	l = strings.TrimPrefix(l, "metadata ")
	name, rest, found := strings.Cut(l, ": ")
	if !found || strings.HasPrefix(l, "#") || strings.Contains(name, "/") || strings.Contains(name, "[") {
		return "", 0, 0, false
	}
	f := strings.Fields(rest)
	if len(f) == 1 {
		n, err := strconv.Atoi(f[0])
		return name, n, 0, err == nil
	}
	if len(f) < 3 || f[1] != "of" {
		return "", 0, 0, false
	}
	n, err1 := strconv.Atoi(f[0])
	d, err2 := strconv.Atoi(f[2])
	if err1 != nil || err2 != nil || !slices.Contains(knownMeasures, name) {
		return "", 0, 0, false
	}
	return name, n, d, true
}

var knownMeasures = []string{metacheck.Types, metacheck.TypePrecision, metacheck.Properties, metacheck.PropertyPrecision,
	metacheck.PropertyTypes, metacheck.BaseTypes, metacheck.EnumMembers, metacheck.EnumPrecision, metacheck.Paths}

// TestRatchetFigures: the ratchet reads the summary lines and the file's
// lines alike, and only a lower ratio (or more undocumented types) is worse.
func TestRatchetFigures(t *testing.T) {
	for _, tc := range []struct {
		line     string
		name     string
		num, den int
		ok       bool
	}{
		{"metadata types: 1247 of 1344 (92.8%)", "types", 1247, 1344, true},
		{"property precision: 5593 of 5698", "property precision", 5593, 5698, true},
		{"types no page documents: 97", "types no page documents", 97, 0, true},
		{"# comment: 1 of 2", "", 0, 0, false},
		{"docs/x.md:3:1: x: 1 of 2 [metadata-type-unknown]", "", 0, 0, false},
		{"bogus measure: 1 of 2", "", 0, 0, false},
	} {
		name, num, den, ok := parseFigure(tc.line)
		if name != tc.name || num != tc.num || den != tc.den || ok != tc.ok {
			t.Errorf("parseFigure(%q) = %q %d %d %v", tc.line, name, num, den, ok)
		}
	}
	if !worse(9, 10, 91, 100, "types") || worse(92, 100, 91, 100, "types") || worse(910, 1000, 91, 100, "types") {
		t.Error("worse: ratios")
	}
	if !worse(98, 0, 97, 0, "types no page documents") || worse(96, 0, 97, 0, "types no page documents") {
		t.Error("worse: undocumented count")
	}
}
