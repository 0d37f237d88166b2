package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
)

// One message names every page from the same base: with -docs ../docs,
// the page a type-conflict message points at is "../docs/y.md" too.
func TestDisplayDiagOneBase(t *testing.T) {
	d := model.Diagnostic{Pos: model.Pos{File: "docs/x.md", Line: 24, Col: 1}, Code: "type-conflict",
		Message: "property a of microsoft.graph.t is Edm.String here but Edm.Int32 at docs/y.md:38:1; use one type"}
	got := displayDiag(d, pagePath(filepath.Join("..", "docs"))).String()
	want := "../docs/x.md:24:1: property a of microsoft.graph.t is Edm.String here but Edm.Int32 at ../docs/y.md:38:1; use one type [type-conflict]"
	if got != want {
		t.Errorf("displayDiag = %q, want %q", got, want)
	}
}

// generate prints the doc lints' warnings check reports, and their count
// with the check command.
func TestGeneratePrintsLints(t *testing.T) {
	docs, err := filepath.Abs(filepath.Join("..", "..", "docs"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "generated")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"generate", "-docs", docs, "-out", out, "-generate", "models"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("generate = %d:\n%s", code, stderr.String())
	}
	s := stderr.String()
	if !strings.Contains(s, "[todo-text]") {
		t.Errorf("generate does not print the todo-text lint:\n%s", s)
	}
	if !strings.Contains(s, "warnings in the docs; `docgen check -docs "+docs+" -out "+out+"`") {
		t.Errorf("generate prints no count line with the check command:\n%s", s)
	}
}
