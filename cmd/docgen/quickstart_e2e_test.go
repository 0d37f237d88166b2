package main

import (
	"bytes"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// linesIndexFile is the one generated file allowed to change when an edit
// only moves page lines: the index of page line numbers the generated
// tests report failures at (written once 14a's generated tests land).
const linesIndexFile = "docgen_lines_test.go"

// TestQuickstart follows README.md's "Quickstart" in a temporary git
// repository: an empty module with docgen as a tool (go.mod written as
// `go get -tool` writes it, with a replace to this checkout) and go-cmp,
// the pages in docs/, the hand-written graph/doc.go with the //go:generate
// line in a folder that did not exist, a consumer package that uses the
// generated code, and the CI job's check. Then:
//   - a blank line inserted above a table changes no generated file;
//   - a typo in a Type cell, committed, fails
//     `check -changed-since HEAD~1 -format github` with an api-break
//     annotation on the edited line, and regenerating indeed breaks the
//     consumer's build.
func TestQuickstart(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found:", err)
	}
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not found:", err)
	}
	repo, err := filepath.Abs(filepath.Join("..", ".."))
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
	read := func(name string) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	gitConfig := filepath.Join(t.TempDir(), "gitconfig") // an empty config of its own
	if err := os.WriteFile(gitConfig, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local",
		"GIT_CONFIG_GLOBAL="+gitConfig, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	runCmd := func(wantCode int, bin string, args ...string) (string, string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%s %s: %v", bin, strings.Join(args, " "), err)
		}
		if code != wantCode {
			t.Fatalf("%s %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", filepath.Base(bin), strings.Join(args, " "), code, wantCode, stdout.String(), stderr.String())
		}
		return stdout.String(), stderr.String()
	}
	// Step 1: git init, go mod init, go get -tool docgen, go get go-cmp.
	// Offline, the module requires what docgen requires (go-cmp among
	// them).
	runCmd(0, gitBin, "init", "-q")
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
	if !strings.Contains(strings.Join(reqs, "\n"), "github.com/google/go-cmp ") {
		t.Fatal("docgen's go.mod no longer requires go-cmp; the quickstart's go get github.com/google/go-cmp needs the network")
	}
	write("go.mod", "module example.com/myapi\n\ngo 1.24\n\n"+
		"tool github.com/docgen-dev/docgen/cmd/docgen\n\n"+
		"require (\n\tgithub.com/docgen-dev/docgen v0.0.0\n"+strings.Join(reqs, "\n")+"\n)\n\n"+
		"replace github.com/docgen-dev/docgen => "+repo+"\n")
	goSum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write("go.sum", string(goSum))
	// Step 2: the pages go in docs/.
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
	// Step 3: the hand-written file of the package docgen writes.
	write("graph/doc.go", "// Package graph is generated from ../docs by docgen.\npackage graph\n\n//go:generate go tool docgen generate -docs ../docs -out .\n")
	// A consumer of the generated code.
	write("app/app.go", `// Package app uses the generated package.
package app

import "example.com/myapi/graph"

// Ready reports whether a snapshot is ready.
func Ready(s *graph.CloudPcSnapshot) bool {
	return s.Status.State == graph.OptPresent && s.Status.Value == graph.CloudPcSnapshotStatusReady
}
`)
	// Step 4: go generate, test (and build the consumer); commit.
	runCmd(0, goBin, "generate", "./...")
	runCmd(0, goBin, "build", "./...")
	runCmd(0, goBin, "test", "./...")
	runCmd(0, gitBin, "add", ".")
	runCmd(0, gitBin, "commit", "-q", "-m", "docs and generated code")
	// Step 5, the CI job: clean.
	runCmd(0, goBin, "tool", "docgen", "check", "-docs", "docs", "-out", "graph", "-format", "github", "-changed-since", "HEAD")

	// A blank line above a table moves lines and changes no generated file.
	page := "docs/create-cloudpcsnapshot.md"
	src := read(page)
	const table = "\n|Property|Type|Description|"
	if !bytes.Contains(src, []byte(table)) {
		t.Fatal("seed page has no properties table")
	}
	write(page, string(bytes.Replace(src, []byte(table), []byte("\n"+table), 1)))
	runCmd(0, goBin, "generate", "./...")
	status, _ := runCmd(0, gitBin, "status", "--porcelain", "--", "graph")
	_, haveIndex := os.Stat(filepath.Join(dir, "graph", linesIndexFile))
	for _, l := range strings.Split(strings.TrimSpace(status), "\n") {
		f := strings.TrimSpace(l)
		if len(f) > 3 {
			f = strings.TrimSpace(f[2:])
		}
		switch {
		case f == "" || path.Base(f) == linesIndexFile:
		case strings.HasSuffix(f, "_test.go") && haveIndex != nil:
			// Until the generated tests keep their page lines in the
			// index file, they name lines themselves.
			t.Logf("blank line changed generated test %s", f)
		default:
			t.Errorf("a blank line above a table changed %s", f)
		}
	}
	runCmd(0, gitBin, "commit", "-q", "-a", "-m", "blank line")

	// A typo in a Type cell, committed without regenerating: the check job
	// fails with an api-break on the edited line.
	src = read(page)
	const cell = "|status|cloudPcSnapshotStatus|"
	i := bytes.Index(src, []byte(cell))
	if i < 0 {
		t.Fatal("seed page has no status row")
	}
	line := bytes.Count(src[:i], []byte("\n")) + 1
	write(page, string(bytes.Replace(src, []byte(cell), []byte("|status|cloudPcSnapshotStatu|"), 1)))
	runCmd(0, gitBin, "commit", "-q", "-a", "-m", "typo")
	stdout, _ := runCmd(exitFindings, goBin, "tool", "docgen", "check", "-docs", "docs", "-out", "graph", "-format", "github", "-changed-since", "HEAD~1")
	want := "::error file=" + page + ",line=" + strconv.Itoa(line) + ",col=1,title=api-break::"
	if !strings.Contains(stdout, want) {
		t.Errorf("check -format github lacks %q:\n%s", want, stdout)
	}
	// What the check protects: regenerated, the consumer no longer builds.
	runCmd(0, goBin, "generate", "./...")
	_, stderr := runCmd(1, goBin, "build", "./app")
	if !strings.Contains(stderr, "CloudPcSnapshotStatusReady") {
		t.Errorf("consumer build fails for another reason:\n%s", stderr)
	}
}
