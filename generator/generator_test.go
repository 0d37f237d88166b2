package generator

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docgen-dev/docgen/parser/model"
)

// TestImportBoundary: the generator reads only the model, never Markdown.
func TestImportBoundary(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go tool")
	}
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(dep, "yuin/goldmark") || dep == "github.com/docgen-dev/docgen/parser" {
			t.Errorf("generator depends on %s; it must read only parser/model", dep)
		}
	}
	if !strings.Contains(string(out), "github.com/docgen-dev/docgen/parser/model\n") {
		t.Errorf("go list -deps output does not list parser/model; the test is not looking at the right package:\n%s", out)
	}
}

// shuffled returns a deep-enough copy of pkg with every slice the generator
// reads permuted.
func shuffled(pkg *model.Package, r *rand.Rand) *model.Package {
	cp := *pkg
	cp.Types = slices.Clone(pkg.Types)
	r.Shuffle(len(cp.Types), func(i, j int) { cp.Types[i], cp.Types[j] = cp.Types[j], cp.Types[i] })
	cp.Operations = slices.Clone(pkg.Operations)
	r.Shuffle(len(cp.Operations), func(i, j int) { cp.Operations[i], cp.Operations[j] = cp.Operations[j], cp.Operations[i] })
	cp.Pages = slices.Clone(pkg.Pages)
	r.Shuffle(len(cp.Pages), func(i, j int) { cp.Pages[i], cp.Pages[j] = cp.Pages[j], cp.Pages[i] })
	for i, t := range cp.Types {
		tc := *t
		tc.Derived = slices.Clone(t.Derived)
		r.Shuffle(len(tc.Derived), func(i, j int) { tc.Derived[i], tc.Derived[j] = tc.Derived[j], tc.Derived[i] })
		cp.Types[i] = &tc
	}
	return &cp
}

// TestDeterminism generates every golden case in model order, reversed and
// shuffled, with GOMAXPROCS 1 and 4, and requires identical output.
func TestDeterminism(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			pkg := loadModel(t, filepath.Join(c.dir, "model.json"))
			opts := c.options(t)
			want, wantDiags := Generate(pkg, opts)
			r := rand.New(rand.NewPCG(1, 2))
			rev := shuffled(pkg, r)
			slices.Reverse(rev.Types)
			slices.Reverse(rev.Operations)
			prev := runtime.GOMAXPROCS(1)
			got1, diags1 := Generate(rev, opts)
			runtime.GOMAXPROCS(4)
			got2, diags2 := Generate(shuffled(pkg, r), opts)
			runtime.GOMAXPROCS(prev)
			for i, got := range [][]File{got1, got2} {
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("run %d: files differ (-want +got):\n%s", i+1, diff)
				}
			}
			for i, got := range [][]model.Diagnostic{diags1, diags2} {
				if diff := cmp.Diff(wantDiags, got); diff != "" {
					t.Errorf("run %d: diagnostics differ (-want +got):\n%s", i+1, diff)
				}
			}
		})
	}
}

// TestGenerateHeaders: every file starts with the header, is sorted, and
// the page files name their page.
func TestGenerateHeaders(t *testing.T) {
	files, _ := Generate(loadModel(t, "testdata/seeds/model.json"), Options{Package: "seeds"})
	if !slices.IsSortedFunc(files, func(a, b File) int { return strings.Compare(a.Name, b.Name) }) {
		t.Errorf("files are not sorted by name")
	}
	for _, f := range files {
		if !bytes.HasPrefix(f.Content, []byte(Header+"\n")) {
			t.Errorf("%s does not start with the header", f.Name)
		}
		if !IsGenerated(f.Content) {
			t.Errorf("IsGenerated(%s) = false", f.Name)
		}
	}
	for _, name := range []string{"create_cloudpcsnapshot.go", "create_cloudpcdeviceimage.go"} {
		i := slices.IndexFunc(files, func(f File) bool { return f.Name == name })
		if i < 0 {
			t.Fatalf("no %s", name)
		}
		if want := "// Source: docs/" + strings.ReplaceAll(strings.TrimSuffix(name, ".go"), "_", "-") + ".md\n"; !bytes.Contains(files[i].Content, []byte(want)) {
			t.Errorf("%s lacks %q", name, want)
		}
	}
}

// TestGenerateNil: no model, bad names and a nil package still give a
// compilable runtime, never a panic.
func TestGenerateNil(t *testing.T) {
	files, diags := Generate(nil, Options{Package: "func"})
	if len(files) == 0 {
		t.Fatal("no files for an empty model")
	}
	if len(diags) != 0 {
		t.Errorf("diagnostics for an empty model: %v", diags)
	}
	for _, f := range files {
		if !bytes.Contains(f.Content, []byte("\npackage funcx\n")) {
			t.Errorf("%s: package clause not sanitized", f.Name)
		}
	}
	pkg := &model.Package{Types: []*model.Type{nil, {Name: ""}, {Name: "microsoft.graph.x", Kind: model.ComplexType, Properties: []*model.Property{nil, {Name: ""}}}}, Operations: []*model.Operation{nil, {Name: ""}}}
	if files, _ := Generate(pkg, Options{}); len(files) == 0 {
		t.Error("no files")
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(data)
	}
	return out
}

func TestWriteAndCompare(t *testing.T) {
	gen := func(s string) string { return Header + "\n\npackage x\n\n// " + s + "\n" }
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"same.go":    gen("same"),
		"changed.go": gen("old"),
		"stale.go":   gen("stale"),
		"doc.go":     "// Package x is hand-written.\npackage x\n",
		"notes.txt":  Header + "\n",
	})
	files := []File{
		{Name: "changed.go", Content: []byte(gen("new"))},
		{Name: "new.go", Content: []byte(gen("new"))},
		{Name: "same.go", Content: []byte(gen("same"))},
	}
	changes, err := Compare(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	wantChanges := []Change{
		{Name: "changed.go", Kind: Modified, Old: []byte(gen("old")), New: []byte(gen("new"))},
		{Name: "new.go", Kind: Missing, New: []byte(gen("new"))},
		{Name: "stale.go", Kind: Stale, Old: []byte(gen("stale"))},
	}
	if diff := cmp.Diff(wantChanges, changes); diff != "" {
		t.Errorf("Compare mismatch (-want +got):\n%s", diff)
	}
	info, err := os.Stat(filepath.Join(dir, "same.go"))
	if err != nil {
		t.Fatal(err)
	}
	written, removed, err := Write(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"changed.go", "new.go"}, written); diff != "" {
		t.Errorf("written mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"stale.go"}, removed); diff != "" {
		t.Errorf("removed mismatch (-want +got):\n%s", diff)
	}
	want := map[string]string{
		"same.go":    gen("same"),
		"changed.go": gen("new"),
		"new.go":     gen("new"),
		"doc.go":     "// Package x is hand-written.\npackage x\n",
		"notes.txt":  Header + "\n",
	}
	if diff := cmp.Diff(want, readDir(t, dir)); diff != "" {
		t.Errorf("directory mismatch (-want +got):\n%s", diff)
	}
	after, err := os.Stat(filepath.Join(dir, "same.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !after.ModTime().Equal(info.ModTime()) {
		t.Errorf("unchanged same.go was rewritten")
	}
	if changes, err := Compare(dir, files); err != nil || len(changes) != 0 {
		t.Errorf("after Write, Compare = %v, %v; want no changes", changes, err)
	}
}

// TestWriteManyFiles: the parallel writer writes every file whole, in a
// subdirectory too, reports them in name order, leaves no temporary file,
// and gives files the usual 0644 mode (before the umask).
func TestWriteManyFiles(t *testing.T) {
	dir := t.TempDir()
	var files []File
	want := map[string]string{}
	var names []string
	for i := range 100 {
		name := fmt.Sprintf("f%03d.go", 99-i)
		if i%10 == 0 {
			name = "sub/" + name
		}
		content := fmt.Sprintf("%s\n\npackage x\n\n// %s\n", Header, strings.Repeat("x", i*100))
		files = append(files, File{Name: name, Content: []byte(content)})
		want[name] = content
		names = append(names, name)
	}
	slices.Sort(names)
	written, removed, err := Write(dir, files)
	if err != nil || len(removed) != 0 {
		t.Fatalf("Write = %v, %v", removed, err)
	}
	if diff := cmp.Diff(names, written); diff != "" {
		t.Errorf("written mismatch (-want +got):\n%s", diff)
	}
	got := map[string]string{}
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		got[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("directory mismatch (-want +got):\n%s", diff)
	}
	info, err := os.Stat(filepath.Join(dir, "f000.go"))
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm&0o600 != 0o600 || perm&^0o644 != 0 {
		t.Errorf("mode = %v, want 0644 less the umask", perm)
	}
}

func TestWriteRefusesHandWritten(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.go":     "package x\n",
		"stale.go": Header + "\npackage x\n",
	})
	files := []File{
		{Name: "a.go", Content: []byte(Header + "\npackage x\n")},
		{Name: "b.go", Content: []byte(Header + "\npackage x\n")},
	}
	_, _, err := Write(dir, files)
	if err == nil || !strings.Contains(err.Error(), "a.go") {
		t.Fatalf("Write over a hand-written file: err = %v, want one naming a.go", err)
	}
	want := map[string]string{"a.go": "package x\n", "stale.go": Header + "\npackage x\n"}
	if diff := cmp.Diff(want, readDir(t, dir)); diff != "" {
		t.Errorf("Write changed the directory after refusing (-want +got):\n%s", diff)
	}
	if _, err := Compare(dir, files); err == nil {
		t.Error("Compare did not report the hand-written file")
	}
}

func TestWriteCreatesDirAndRejectsBadNames(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "pkg")
	if _, _, err := Write(dir, []File{{Name: "a.go", Content: []byte(Header + "\n")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.go")); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{"../a.go", "/abs.go", "", `a\b.go`} {
		if _, _, err := Write(dir, []File{{Name: bad}}); err == nil {
			t.Errorf("Write accepted file name %q", bad)
		}
	}
}

// TestCodesDocumented: every diagnostic Generate reports over the golden
// models has a code of the generator's catalogue, with its documented
// severity.
func TestCodesDocumented(t *testing.T) {
	seen := map[model.Code]bool{}
	for _, c := range goldenCases(t) {
		_, diags := Generate(loadModel(t, filepath.Join(c.dir, "model.json")), c.options(t))
		for _, d := range diags {
			seen[d.Code] = true
			info, ok := model.LookupCode(Codes(), d.Code)
			if !ok {
				t.Errorf("%s: code %s is not in generator/codes.go", c.name, d)
			} else if info.Severity != d.Severity {
				t.Errorf("%s: %s has severity %s, documented %s", c.name, d, d.Severity, info.Severity)
			}
		}
	}
	if len(seen) < 3 {
		t.Errorf("the golden models report only %d codes; the test is not looking at the right models", len(seen))
	}
}

// TestNoDirectivesFromText: documentation text can never become a
// directive, a block comment or code (the injection case tries).
func TestNoDirectivesFromText(t *testing.T) {
	bad := regexp.MustCompile(`(?m)^\s*(//go:|//line |/\*|func init)`)
	for _, c := range goldenCases(t) {
		files, _ := Generate(loadModel(t, filepath.Join(c.dir, "model.json")), c.options(t))
		for _, f := range files {
			if isRuntimeFile(f.Name) {
				continue
			}
			if m := bad.Find(f.Content); m != nil {
				t.Errorf("%s/%s: %q", c.name, f.Name, m)
			}
		}
	}
}

// TestEditChangesOnlyThatPage: editing one page (a description changed,
// lines shifted) changes only the files generated from that page.
func TestEditChangesOnlyThatPage(t *testing.T) {
	const page = "docs/create-cloudpcsnapshot.md"
	before, _ := Generate(loadModel(t, "testdata/seeds/model.json"), Options{Package: "seeds"})
	edited := loadModel(t, "testdata/seeds/model.json")
	shift := func(p *model.Pos) {
		if p.File == page {
			p.Line += 3
		}
	}
	for _, ty := range edited.Types {
		shift(&ty.Pos)
		for _, m := range ty.Members {
			shift(&m.Pos)
		}
		for _, pr := range ty.Properties {
			shift(&pr.Pos)
			if pr.Pos.File == page {
				pr.Description = "Edited."
			}
		}
	}
	for _, op := range edited.Operations {
		shift(&op.Pos)
	}
	after, _ := Generate(edited, Options{Package: "seeds"})
	old := map[string]string{}
	for _, f := range before {
		old[f.Name] = string(f.Content)
	}
	var changed []string
	for _, f := range after {
		if old[f.Name] != string(f.Content) {
			changed = append(changed, f.Name)
		}
	}
	for _, name := range changed {
		if !strings.HasPrefix(name, "create_cloudpcsnapshot") {
			t.Errorf("editing %s changed %s", page, name)
		}
	}
	if !slices.Contains(changed, "create_cloudpcsnapshot.go") {
		t.Errorf("editing %s did not change its file; changed: %v", page, changed)
	}
}

// TestRenderFailure: a file that does not format (a generator bug) is
// reported as generator-internal and salvaged: what does not format (here
// a stray line outside any declaration) is left out and named, the rest
// of the file and the other files are kept (see also TestSalvage).
func TestRenderFailure(t *testing.T) {
	p := newPlan(loadModel(t, "testdata/seeds/model.json"), Options{Package: "generated"})
	r := newRenderer(nil)
	good := p.newFile("")
	good.Var().Id("x").Int()
	broken := p.newFile("")
	broken.Op("}")
	r.submit(&genFile{Name: "good.go", Jen: good}, &genFile{Name: "broken.go", Jen: broken})
	r.done()
	r.done()
	files := p.collect(r)
	diags := p.diags
	if i := slices.IndexFunc(files, func(f File) bool { return f.Name == "broken.go" }); i < 0 || strings.Contains(string(files[i].Content), "}") {
		t.Errorf("the broken file was not salvaged: %v", files)
	}
	i := slices.IndexFunc(diags, func(d model.Diagnostic) bool { return d.Code == "generator-internal" })
	if i < 0 {
		t.Fatalf("no generator-internal diagnostic: %v", diags)
	}
	if d := diags[i]; d.Severity != model.Error || !strings.Contains(d.Message, "broken.go") || !strings.Contains(d.Message, "declaration at line 6 does not format") {
		t.Errorf("diagnostic = %v", d)
	}
	if len(files) != 2 || files[1].Name != "good.go" {
		t.Errorf("files = %v, want broken.go and good.go", files)
	}
}
