package parser

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/text"

	"github.com/docgen-dev/docgen/parser/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// corpusDir is the real documentation corpus, outside the repository.
const corpusDir = "../../shared/corpus"

// readCase reads every .md file under dir, with paths relative to dir.
func readCase(t testing.TB, dir string) []File {
	t.Helper()
	var files []File
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files = append(files, File{Path: filepath.ToSlash(rel), Src: src})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func encode(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden parses each testdata/<case>/ folder and compares the model
// dump (types, operations, pages, diagnostics) with want.json.
func TestGolden(t *testing.T) {
	dirs, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "fuzz" {
			continue
		}
		n++
		dir := filepath.Join("testdata", d.Name())
		t.Run(d.Name(), func(t *testing.T) {
			files := readCase(t, dir)
			if len(files) == 0 {
				t.Fatal("no .md input")
			}
			pkg := ParseFiles(files)
			checkInvariants(t, pkg, files)
			got := encode(t, pkg)
			golden := filepath.Join(dir, "want.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("model mismatch (-want +got):\n%s", diff)
			}
		})
	}
	if n < 10 {
		t.Errorf("only %d golden cases", n)
	}
}

// checkInvariants verifies what must hold for any input: sorted, unique
// types; every diagnostic located inside its file with a registered code.
func checkInvariants(t testing.TB, pkg *model.Package, files []File) {
	t.Helper()
	lines := map[string]int{}
	for _, f := range files {
		lines[f.Path] = bytes.Count(f.Src, []byte{'\n'}) + 1
	}
	for i, ty := range pkg.Types {
		if i > 0 && pkg.Types[i-1].Name >= ty.Name {
			t.Errorf("types not sorted/unique at %s", ty.Name)
		}
	}
	for i, d := range pkg.Diagnostics {
		if _, ok := model.LookupCode(Codes(), d.Code); !ok {
			t.Errorf("unregistered code %q: %s", d.Code, d)
		}
		n, ok := lines[d.Pos.File]
		if !ok || d.Pos.Line < 1 || d.Pos.Line > n || d.Pos.Col < 0 {
			t.Errorf("diagnostic outside its file (%d lines): %s", n, d)
		}
		if i > 0 {
			p := pkg.Diagnostics[i-1]
			if d.Pos.Before(p.Pos) || (d.Pos == p.Pos && d.Code < p.Code) {
				t.Errorf("diagnostics not sorted: %s after %s", d, p)
			}
		}
	}
}

// TestOrderIndependent parses the golden inputs in shuffled order and with
// GOMAXPROCS 1: the dump must not change.
func TestOrderIndependent(t *testing.T) {
	var files []File
	dirs, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if d.IsDir() && d.Name() != "fuzz" {
			for _, f := range readCase(t, filepath.Join("testdata", d.Name())) {
				f.Path = d.Name() + "/" + f.Path
				files = append(files, f)
			}
		}
	}
	if len(files) == 0 {
		t.Fatal("no golden inputs under testdata")
	}
	want := encode(t, ParseFiles(files))
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 3; i++ {
		shuffled := append([]File(nil), files...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := encode(t, ParseFiles(shuffled)); !bytes.Equal(got, want) {
			t.Fatalf("shuffle %d changed the result:\n%s", i, cmp.Diff(string(want), string(got)))
		}
	}
}

// TestSeeds checks the facts the seeds alone must give.
func TestSeeds(t *testing.T) {
	pkg, err := ParsePaths("../docs")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"microsoft.graph.cloudPcSnapshot", "microsoft.graph.cloudPcDeviceImage"} {
		ty := pkg.Type(name)
		if ty == nil {
			t.Fatalf("no type %s", name)
		}
		if ty.Kind != model.EntityType || ty.Base != model.EntityBase || ty.Key != "id" {
			t.Errorf("%s: kind %v base %q key %q, want entity based on %s with key id", name, ty.Kind, ty.Base, ty.Key, model.EntityBase)
		}
		if ty.Property("id") != nil {
			t.Errorf("%s: id must come from entity, not be an own property", name)
		}
	}
	enums := map[string][]string{
		"microsoft.graph.cloudPcDeviceImageStatus":        {"pending", "ready", "failed"},
		"microsoft.graph.cloudPcSnapshotStatus":           {"ready", "unknownFutureValue"},
		"microsoft.graph.cloudPcDeviceImageStatusDetails": {"internalServerError", "sourceImageNotFound"},
	}
	for name, want := range enums {
		ty := pkg.Type(name)
		if ty == nil || ty.Kind != model.EnumType {
			t.Errorf("no enum %s", name)
			continue
		}
		var got []string
		for _, m := range ty.Members {
			got = append(got, m.Name)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s members (-want +got):\n%s", name, diff)
		}
	}
	if e := pkg.Type(model.EntityBase); e == nil || !e.Builtin || e.Key != "id" || e.Property("id") == nil {
		t.Errorf("built-in entity missing or incomplete: %+v", e)
	}
	if len(pkg.Operations) != 2 {
		t.Fatalf("got %d operations, want 2", len(pkg.Operations))
	}
	for _, op := range pkg.Operations {
		if op.Method != "POST" || op.Response == nil || op.Response.Status != 201 || len(op.Examples) != 2 {
			t.Errorf("%s: method %q response %+v examples %d", op.Name, op.Method, op.Response, len(op.Examples))
		}
		if op.Examples[0].PairIndex != 1 || op.Examples[1].PairIndex != 0 {
			t.Errorf("%s: examples not paired", op.Name)
		}
		for _, ex := range op.Examples {
			if ex.JSON != model.ValidJSON || len(ex.Placeholders) == 0 {
				t.Errorf("%s %s: json %v, %d placeholders", op.Name, ex.Name, ex.JSON, len(ex.Placeholders))
			}
		}
	}
	img := pkg.Operations[0]
	if img.Name != "create-cloudpcdeviceimage" || img.RequestBody == nil || !img.RequestBody.RequiredClaim {
		t.Errorf("%s: request body %+v, want the required claim", img.Name, img.RequestBody)
	}
}

// TestPositions checks positions come out exactly, front matter included.
func TestPositions(t *testing.T) {
	src := "--- \ntitle: a: b\ndoc_type: apiPageType\n---\n\n# Get thing\n\n## HTTP request\n\n```http\nGET /things/{id}\n```\n\n## Request body\n\n|Property|Type|Description|\n|:---|:---|:---|\n|x|String|one \\| two|\n|y|Int32|a | b|\n"
	res := ParsePage("api/get-thing.md", []byte(src))
	if res.Page.TitlePos.Line != 6 || res.Page.TitlePos.Col != 1 {
		t.Errorf("title at %v, want line 6", res.Page.TitlePos)
	}
	op := res.Operation
	if op == nil || len(op.Paths) != 1 || op.Paths[0].Pos.Line != 11 || op.Pos.Line != 10 {
		t.Fatalf("operation %+v", op)
	}
	rb := op.RequestBody
	if rb == nil || len(rb.Properties) != 2 || rb.Properties[1].Pos.Line != 19 || rb.Properties[1].Description != "a | b" {
		t.Fatalf("request body %+v", rb)
	}
	codes := map[string]int{}
	for _, d := range res.Diagnostics {
		codes[string(d.Code)] = d.Pos.Line
	}
	if codes["frontmatter-invalid"] != 2 || codes["table-cells"] != 19 {
		t.Errorf("diagnostics %v", res.Diagnostics)
	}
}

func TestSplitRow(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"|a|b|", []string{"a", "b"}},
		{"a|b", []string{"a", "b"}},
		{"|a \\| b|c|", []string{"a \\| b", "c"}},
		{"|`x|y`|z|", []string{"`x", "y`", "z"}},
		{"", nil},
		{"|", nil},
	} {
		if got := splitRow(tc.in); !cmp.Equal(got, tc.want) {
			t.Errorf("splitRow(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestStatusIn(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"returns a `201 Created` response code", 201},
		{"returns a 204 No Content response code", 204},
		{"returns 200 OK and a collection", 200},
		{"returns up to 999 items", 0},
		{"no status", 0},
	} {
		if got, _ := statusIn(tc.in); got != tc.want {
			t.Errorf("statusIn(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

// FuzzParsePage: no panic, and every diagnostic lies within the page.
func FuzzParsePage(f *testing.F) {
	for _, p := range []string{"../docs/create-cloudpcsnapshot.md", "../docs/create-cloudpcdeviceimage.md"} {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			if src, err := os.ReadFile(p); err == nil {
				f.Add(src)
			}
		}
		return nil
	})
	f.Add([]byte("---\n---\n# x\n```http\n# y\n"))
	f.Add([]byte("<!-- {\"blockType\": \"request\",} -->\n\n|a|\n|-|-|\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, name := range []string{"api/x.md", "resources/x.md"} {
			res := ParsePage(name, src)
			n := bytes.Count(normalise(src), []byte{'\n'}) + 1
			for _, d := range res.Diagnostics {
				if d.Pos.File != name || d.Pos.Line < 1 || d.Pos.Line > n || d.Pos.Col < 0 {
					t.Fatalf("diagnostic outside the page (%d lines): %s", n, d)
				}
				if strings.Contains(d.Message, "internal error") {
					t.Fatalf("parser failed: %s", d)
				}
			}
		}
	})
}

// FuzzTable feeds arbitrary rows to a properties table: no panic, rows
// stay inside the table, a row never has more cells than the header.
func FuzzTable(f *testing.F) {
	f.Add("|a|String|x|\n|b|Int32|y \\| z|")
	f.Add("|a|[t](t.md) collection|`p|q`|extra|")
	f.Add("a|b\n|:-|\n|c|")
	f.Fuzz(func(t *testing.T, rows string) {
		src := "# x resource type\n\n## Properties\n\n|Property|Type|Description|\n|:---|:---|:---|\n" + rows + "\n"
		res := ParsePage("resources/x.md", []byte(src))
		n := bytes.Count(normalise([]byte(src)), []byte{'\n'}) + 1
		for _, ty := range res.Types {
			for _, p := range ty.Properties {
				if p.Pos.Line < 5 || p.Pos.Line > n {
					t.Fatalf("property %q at %v outside the table", p.Name, p.Pos)
				}
			}
		}
		for _, l := range strings.Split(rows, "\n") {
			_ = splitRow(l)
			_ = isDelimiterRow(l)
			_, _ = stripInline(l)
		}
	})
}

// TestCorpus parses the real corpus: every page parses, nothing panics,
// every diagnostic is located and registered; the count of diagnostics
// per code is compared with testdata/corpus_summary.txt.
func TestCorpus(t *testing.T) {
	files := corpusFiles(t)
	pkg := ParseFiles(files)
	checkInvariants(t, pkg, files)
	if len(pkg.Pages) != len(files) {
		t.Errorf("%d pages for %d files", len(pkg.Pages), len(files))
	}
	counts := map[string]int{}
	for _, d := range pkg.Diagnostics {
		if strings.Contains(d.Message, "internal error") {
			t.Errorf("parser failed on a page: %s", d)
		}
		counts[string(d.Code)]++
	}
	kinds := map[string]int{}
	for _, p := range pkg.Pages {
		kinds[p.Kind.String()]++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# docgen parser over %s: diagnostics per code, pages per kind\n", corpusDir)
	fmt.Fprintf(&b, "pages %d\ntypes %d\noperations %d\n", len(pkg.Pages), len(pkg.Types), len(pkg.Operations))
	for _, k := range sortedKeys(kinds) {
		fmt.Fprintf(&b, "kind %s %d\n", k, kinds[k])
	}
	for _, c := range sortedKeys(counts) {
		fmt.Fprintf(&b, "code %s %d\n", c, counts[c])
	}
	got := b.String()
	golden := filepath.Join("testdata", "corpus_summary.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("corpus summary changed (-want +got):\n%s", diff)
	}
}

func sortedKeys(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

var (
	corpusOnce  sync.Once
	corpusCache []File
	corpusErr   error
)

// corpusFiles loads the corpus pages once, paths relative to corpusDir.
func corpusFiles(t testing.TB) []File {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("corpus not present at " + corpusDir)
	}
	corpusOnce.Do(func() {
		corpusErr = filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(corpusDir, p)
			corpusCache = append(corpusCache, File{Path: filepath.ToSlash(rel), Src: src})
			return nil
		})
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpusCache
}

// BenchmarkGoldmarkCorpus is the baseline: goldmark + GFM tables only,
// every corpus page, one goroutine.
func BenchmarkGoldmarkCorpus(b *testing.B) {
	files := corpusFiles(b)
	md := newMarkdown()
	var size int64
	for _, f := range files {
		size += int64(len(f.Src))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	cpu := processCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			md.Parser().Parse(text.NewReader(f.Src))
		}
	}
	b.ReportMetric(float64(processCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

// BenchmarkParseCorpus is docgen's full parse and merge of the corpus
// (pages in parallel up to GOMAXPROCS; run with -cpu 1 for one core).
func BenchmarkParseCorpus(b *testing.B) {
	files := corpusFiles(b)
	var size int64
	for _, f := range files {
		size += int64(len(f.Src))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	cpu := processCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ParseFiles(files)
	}
	b.ReportMetric(float64(processCPU()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

func TestCleanText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"  two  spaces ", "two spaces"},
		{"tab\tand\nnewline", "tab and newline"},
		{"nbsp\u00a0and\u202fnarrow", "nbsp and narrow"},
		{"zero\u200bwidth", "zerowidth"},
		{"Bearer &lt;token&gt;&nbsp;Required.", "Bearer <token> Required."},
		{`a\_b \* c`, "a_b * c"},
		{"café", "café"},
	} {
		if got := cleanText(tc.in); got != tc.want {
			t.Errorf("cleanText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestStripFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		base      int
		docType   string
		diags     int
	}{
		{"none", "# x\n", 0, "", 0},
		{"plain", "---\ndoc_type: apiPageType\n---\n# x\n", 30, "apiPageType", 0},
		{"trailing space", "--- \ndoc_type: \"resourcePageType\"\n---  \n# x\n", 40, "resourcePageType", 0},
		{"invalid yaml", "---\ntitle: a: b\n---\n", 20, "", 1},
		{"unclosed", "---\ntitle: a\n# x\n", 0, "", 1},
	} {
		base, fm, diags := stripFrontMatter("x.md", []byte(tc.src))
		if base != tc.base || fm.get("doc_type") != tc.docType || len(diags) != tc.diags {
			t.Errorf("%s: base %d doc_type %q diags %v; want %d %q %d", tc.name, base, fm.get("doc_type"), diags, tc.base, tc.docType, tc.diags)
		}
	}
}
