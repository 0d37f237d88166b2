package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

func TestDumpSeeds(t *testing.T) {
	out := filepath.Join(t.TempDir(), "model.json")
	var stdout, stderr bytes.Buffer
	code := run([]string{"dump", "-o", out, "../../docs"}, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitOK, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout not empty with -o: %q", stdout.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var pkg model.Package
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatalf("dump is not a model.Package: %v", err)
	}
	if len(pkg.Operations) != 2 || pkg.Type("microsoft.graph.cloudPcSnapshot") == nil || len(pkg.Pages) != 2 {
		t.Errorf("dump has %d operations, %d pages, types %d", len(pkg.Operations), len(pkg.Pages), len(pkg.Types))
	}
	// Diagnostics are printed as file:line:col: message [code].
	line := regexp.MustCompile(`^\.\./\.\./docs/[a-z-]+\.md:\d+:\d+: .+ \[[a-z-]+\]$`)
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) != len(pkg.Diagnostics) {
		t.Errorf("%d stderr lines for %d diagnostics", len(lines), len(pkg.Diagnostics))
	}
	for _, l := range lines {
		if !line.MatchString(l) {
			t.Errorf("bad diagnostic line %q", l)
		}
	}
	// The same dump goes to stdout without -o.
	var stdout2 bytes.Buffer
	if code := run([]string{"dump", "../../docs"}, &stdout2, &bytes.Buffer{}); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !bytes.Equal(stdout2.Bytes(), data) {
		t.Error("stdout dump differs from -o dump")
	}
}

func TestDumpExitCodes(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.md")
	// A fence that swallows a heading is an error diagnostic.
	if err := os.WriteFile(bad, []byte("# Get x\n\n## HTTP request\n\n```http\nGET /x\n## Response\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"help", []string{"dump", "-h"}, exitOK},
		{"no path", []string{"dump"}, exitUsage},
		{"bad flag", []string{"dump", "-x", "a"}, exitUsage},
		{"missing path", []string{"dump", filepath.Join(dir, "nope")}, exitUsage},
		{"unwritable output", []string{"dump", "-o", filepath.Join(dir, "no", "such", "dir.json"), bad}, exitUsage},
		{"error diagnostics", []string{"dump", "-o", filepath.Join(dir, "out.json"), bad}, exitFindings},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := run(tc.args, &stdout, &stderr); got != tc.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", got, tc.want, stderr.String())
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "out.json")); err != nil {
		t.Errorf("output not written when diagnostics are errors: %v", err)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// TestWriteDumpMatchesEncoder: the streamed, parallel dump is byte for byte
// what encoding/json writes for the package as one value.
func TestWriteDumpMatchesEncoder(t *testing.T) {
	seeds, err := parser.ParsePaths("../../docs")
	if err != nil {
		t.Fatal(err)
	}
	many := &model.Package{Types: []*model.Type{}, Pages: []*model.Page{}}
	for i := range 3*dumpChunk + 5 {
		many.Types = append(many.Types, &model.Type{Name: fmt.Sprintf("t%d <&>", i)})
		many.Diagnostics = append(many.Diagnostics, model.Diagnostic{Message: fmt.Sprintf(`d%d "q" \\"{[,:]}\\`, i)})
	}
	many.Types[7] = nil
	for _, tc := range []struct {
		name string
		pkg  *model.Package
	}{
		{"seeds", seeds},
		{"zero", &model.Package{}},
		{"empty lists", &model.Package{Types: []*model.Type{}, Operations: []*model.Operation{}, Pages: []*model.Page{}, Diagnostics: []model.Diagnostic{}}},
		{"chunks, nil element, HTML characters", many},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(tc.pkg); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := writeDump(&got, tc.pkg); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("writeDump differs from json.Encoder:\n got %q\nwant %q", clip(got.String()), clip(want.String()))
			}
		})
	}
}

func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}
