package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenerateSelect: generate -select writes the selected operation and the
// types it references, and no other page's file; check -select finds no
// drift in that folder (and check without it does); a pattern that matches
// nothing is a usage error. Outside -short, the subset passes go vet (which
// type-checks the package and its tests).
func TestGenerateSelect(t *testing.T) {
	mod := t.TempDir()
	out := filepath.Join(mod, "sub")
	sel := "create-cloudpcsnapshot"
	var stdout, stderr bytes.Buffer
	if code := run([]string{"generate", "-docs", "../../docs", "-out", out, "-select", sel}, &stdout, &stderr); code != exitOK {
		t.Fatalf("generate -select: exit %d\n%s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out, "create_cloudpcsnapshot.go")); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(out, "create_cloudpcdeviceimage.go")); err == nil {
		t.Error("the unselected page create-cloudpcdeviceimage.md was generated")
	}
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"check", "-docs", "../../docs", "-out", out, "-select", sel}, exitOK},
		{[]string{"check", "-docs", "../../docs", "-out", out, "-select", "Create-CloudPc*napshot"}, exitOK},
		{[]string{"check", "-docs", "../../docs", "-out", out}, exitFindings},
		{[]string{"check", "-docs", "../../docs", "-out", out, "-select", "create-cloudpcdeviceimage"}, exitFindings},
		{[]string{"generate", "-docs", "../../docs", "-out", out, "-select", "nothing*"}, exitUsage},
		{[]string{"check", "-docs", "../../docs", "-out", out, "-select", "a,,b"}, exitUsage},
	} {
		stderr.Reset()
		if code := run(tc.args, &stdout, &stderr); code != tc.want {
			t.Errorf("%s: exit %d, want %d\n%s", strings.Join(tc.args, " "), code, tc.want, firstLines(stderr.String(), 20))
		}
	}
	if testing.Short() {
		return
	}
	buildSubset(t, mod, "vet")
}

// TestCorpusSelectBuild generates a subset of the corpus (the event pages and
// the calendar type) and builds, vets and tests it. DOCGEN_CORPUS_BUILD=1.
func TestCorpusSelectBuild(t *testing.T) {
	if os.Getenv("DOCGEN_CORPUS_BUILD") == "" {
		t.Skip("set DOCGEN_CORPUS_BUILD=1 to generate and build a corpus subset")
	}
	corpus := "../../../shared/corpus/graph-docs-v1.0-2021-07"
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus not present: %v", err)
	}
	mod := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"generate", "-docs", corpus, "-out", filepath.Join(mod, "sub"), "-select", "api/event-*.md,calendar"}, &stdout, &stderr)
	if code == exitUsage {
		t.Fatalf("generate -select: exit %d\n%s", code, firstLines(stderr.String(), 40))
	}
	t.Log(lastLine(stderr.String()))
	buildSubset(t, mod, "build", "vet", "test")
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// buildSubset makes mod a module (go-cmp from this repository's go.sum) and
// runs the go commands (build, vet, test) on ./... in it.
func buildSubset(t *testing.T, mod string, commands ...string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module x\n\ngo 1.24\n\nrequire github.com/google/go-cmp v0.7.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile("../../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	var keep []string
	for _, l := range strings.Split(string(sum), "\n") {
		if strings.HasPrefix(l, "github.com/google/go-cmp ") {
			keep = append(keep, l)
		}
	}
	if err := os.WriteFile(filepath.Join(mod, "go.sum"), []byte(strings.Join(keep, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range commands {
		args := []string{c, "./..."}
		cmd := exec.Command("go", args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, firstLines(string(out), 60))
		}
	}
}
