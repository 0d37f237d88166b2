package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestDownstreamModule uses docgen the way a downstream project does: a
// module that adds docgen with Go's tool directive (and a replace
// pointing at this checkout), generates its package with go:generate,
// builds and tests it, and gates on `go tool docgen check`, which must
// fail with the edited page's line after a doc change.
func TestDownstreamModule(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped with -short")
	}
	// go test puts its own GOROOT/bin first on PATH.
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found:", err)
	}
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	goSum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The downstream module requires what docgen requires (from its
	// go.mod), so that the build needs nothing beyond the module cache.
	modFile, err := os.ReadFile(filepath.Join(repo, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	var reqs []string
	inRequire := false
	for _, l := range strings.Split(string(modFile), "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "require (":
			inRequire = true
		case l == ")":
			inRequire = false
		case inRequire && l != "":
			if f := strings.Fields(l); len(f) >= 2 {
				reqs = append(reqs, "\t"+f[0]+" "+f[1])
			}
		}
	}
	write("go.mod", "module example.com/downstream\n\ngo 1.24\n\n"+
		"tool github.com/docgen-dev/docgen/cmd/docgen\n\n"+
		"require (\n\tgithub.com/docgen-dev/docgen v0.0.0\n"+strings.Join(reqs, "\n")+"\n)\n\n"+
		"replace github.com/docgen-dev/docgen => "+repo+"\n")
	write("go.sum", string(goSum))
	write("api/doc.go", "// Package api is generated from ../docs by docgen.\npackage api\n\n//go:generate go tool docgen generate -docs ../docs -out .\n")
	seeds, err := filepath.Glob(filepath.Join(repo, "docs", "*.md"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seed pages in %s/docs: %v", repo, err)
	}
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		write("docs/"+filepath.Base(s), string(b))
	}

	goCmd := func(wantOK bool, args ...string) (string, string) {
		t.Helper()
		cmd := exec.Command(goBin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		if wantOK && err != nil {
			t.Fatalf("go %s: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
		}
		if !wantOK {
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFindings {
				t.Fatalf("go %s: %v, want exit status %d\nstderr:\n%s", strings.Join(args, " "), err, exitFindings, stderr.String())
			}
		}
		return stdout.String(), stderr.String()
	}

	goCmd(true, "generate", "./...")
	generated, _ := filepath.Glob(filepath.Join(dir, "api", "*.go"))
	if len(generated) < 3 {
		t.Fatalf("go generate wrote %d files", len(generated))
	}
	goCmd(true, "build", "./...")
	goCmd(true, "test", "./...")
	goCmd(true, "tool", "docgen", "check", "-docs", "docs", "-out", "api", "-ignore", "todo-text")

	// Misspell a member of the request example: check fails, naming the
	// page line, and shows the drift of the generated example test.
	page := filepath.Join(dir, "docs", "create-cloudpcsnapshot.md")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(src, []byte(`"cloudPcId": "String",`))
	if i < 0 {
		t.Fatal("seed page lacks the cloudPcId example member")
	}
	line := bytes.Count(src[:i], []byte("\n")) + 1
	edited := bytes.Replace(src, []byte(`"cloudPcId": "String",`), []byte(`"cloudPcID": "String",`), 1)
	if err := os.WriteFile(page, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr := goCmd(false, "tool", "docgen", "check", "-docs", "docs", "-out", "api", "-ignore", "todo-text")
	want := "docs/create-cloudpcsnapshot.md:" + strconv.Itoa(line) + ":3: example member \"cloudPcID\""
	if !strings.Contains(stderr, want) || !strings.Contains(stderr, "[example-unknown-member]") {
		t.Errorf("check output lacks %q:\n%s", want, stderr)
	}
	if !strings.Contains(stderr, "[generated-modified]") || !strings.Contains(stdout, `+  "cloudPcID": "String",`) {
		t.Errorf("check shows no drift:\nstderr:\n%s\nstdout:\n%s", stderr, stdout)
	}
	// GitHub Actions annotations point at the same line.
	stdout, _ = goCmd(false, "tool", "docgen", "check", "-docs", "docs", "-out", "api", "-ignore", "todo-text", "-format", "github")
	if want := "::error file=docs/create-cloudpcsnapshot.md,line=" + strconv.Itoa(line) + ",col=3,title=example-unknown-member::"; !strings.Contains(stdout, want) {
		t.Errorf("github output lacks %q:\n%s", want, stdout)
	}
}
