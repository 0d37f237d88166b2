package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/internal/check"
)

// checkResult is docgen check's JSON report.
type checkResult struct {
	Version  int `json:"version"`
	Findings []struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Col      int    `json:"col"`
		Severity string `json:"severity"`
		Code     string `json:"code"`
		Message  string `json:"message"`
	} `json:"findings"`
	Drift []struct {
		File string `json:"file"`
		Kind string `json:"kind"`
		Diff string `json:"diff"`
	} `json:"drift"`
}

func (r checkResult) codes() []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Code)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func (r checkResult) has(file string, line int, code string) bool {
	for _, f := range r.Findings {
		if f.File == file && (line == 0 || f.Line == line) && f.Code == code {
			return true
		}
	}
	return false
}

func (r checkResult) drift() map[string]string {
	m := map[string]string{}
	for _, d := range r.Drift {
		m[d.File] = d.Kind
	}
	return m
}

func runDocgen(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func checkJSON(t *testing.T, wantCode int, args ...string) checkResult {
	t.Helper()
	code, stdout, stderr := runDocgen(t, append([]string{"check", "-format", "json"}, args...)...)
	if code != wantCode {
		t.Fatalf("docgen check %q = %d, want %d; stderr:\n%s", args, code, wantCode, stderr)
	}
	var r checkResult
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("docgen check %q: bad JSON: %v\n%s", args, err, stdout)
	}
	if r.Version != 1 {
		t.Errorf("version = %d", r.Version)
	}
	return r
}

// setupDocs copies testdata/check/docs into a temporary folder and makes
// it the working directory.
func setupDocs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("testdata", "check", "docs")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "docs", e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return dir
}

func TestCheckUsageErrors(t *testing.T) {
	setupDocs(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-format", "xml"}, `unknown -format "xml"`},
		{[]string{"-ignore", "todo-text,no-such-code"}, `unknown code "no-such-code"`},
		{[]string{"-explain", "no-such-code"}, `unknown code "no-such-code"`},
		{[]string{"-changed-since", "HEAD", "docs/thing.md"}, "not both"},
		{[]string{"-changed-since", "--output=x"}, "invalid git ref"},
		{[]string{"-docs", "missing"}, "missing"},
		{[]string{"-docs", "docs/thing.md"}, "is not a folder"},
		{[]string{"-pkg", "1-bad"}, "not a valid Go package name"},
		{[]string{"-nope"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := runDocgen(t, append([]string{"check"}, tt.args...)...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.want)
			}
		})
	}
}

func TestCheckExplain(t *testing.T) {
	for _, c := range allCodes() {
		code, stdout, stderr := runDocgen(t, "check", "-explain", string(c.Code))
		if code != exitOK || stderr != "" {
			t.Fatalf("-explain %s = %d, stderr %q", c.Code, code, stderr)
		}
		if !strings.HasPrefix(stdout, string(c.Code)+" ("+c.Severity.String()+"): "+c.Summary+"\n\n") {
			t.Errorf("-explain %s printed %q", c.Code, stdout)
		}
		for _, line := range strings.Split(strings.TrimSpace(stdout), "\n")[2:] {
			if len(line) > 76 && strings.Contains(line, " ") {
				t.Errorf("-explain %s: line longer than 76 bytes: %q", c.Code, line)
			}
		}
	}
	code, stdout, _ := runDocgen(t, "check", "-explain", "list")
	if code != exitOK || strings.Count(stdout, "\n") != len(allCodes()) {
		t.Errorf("-explain list = %d:\n%s", code, stdout)
	}
}

// TestCheckTestdata runs check over testdata/check/docs: pages with one
// defect of each parser-level and lint code, an inline suppression that
// is used and one that is not.
func TestCheckTestdata(t *testing.T) {
	setupDocs(t)

	// Nothing generated yet: every file is missing.
	r := checkJSON(t, exitFindings, "-out", "gen")
	wantCodes := []string{
		// parser
		"annotation-json", "enum-conflict", "http-blank-line", "http-header-body", "todo-text",
		// lint
		"example-method-mismatch", "example-status-mismatch", "example-unknown-member",
		"example-url-mismatch", "required-prose-only", "type-undefined",
		// check
		"unused-ignore",
	}
	for _, c := range wantCodes {
		if !slices.Contains(r.codes(), c) {
			t.Errorf("no %s finding; codes: %v", c, r.codes())
		}
	}
	// The inline ignore suppresses the type mismatch in the block after it
	// (past its annotation comment) and reports the unused code.
	if r.has("docs/thing.md", 0, "example-type-mismatch") {
		t.Error("example-type-mismatch was not suppressed by docgen-ignore")
	}
	if !r.has("docs/thing.md", 52, "unused-ignore") {
		t.Error("no unused-ignore for the unused docgen-ignore code")
	}
	if len(r.Drift) == 0 {
		t.Fatal("no drift before generating")
	}
	for _, d := range r.Drift {
		if d.Kind != "missing" || !strings.HasPrefix(d.File, "gen/") || !strings.Contains(d.Diff, "+++ b/"+d.File) {
			t.Errorf("drift %s %s, diff %.60q", d.File, d.Kind, d.Diff)
		}
	}

	// Generate, then check finds no drift; suppressing the error-level
	// findings makes it pass, and -ignore of a code that matches nothing
	// is reported.
	if code, _, stderr := runDocgen(t, "generate", "-docs", "docs", "-out", "gen"); code == exitUsage {
		t.Fatalf("generate failed:\n%s", stderr)
	}
	r = checkJSON(t, exitFindings, "-out", "gen")
	if len(r.Drift) != 0 {
		t.Errorf("drift right after generate: %v", r.drift())
	}
	var errs []string
	for _, f := range r.Findings {
		if f.Severity == "error" {
			errs = append(errs, f.Code)
		}
	}
	slices.Sort(errs)
	errs = slices.Compact(errs)
	r = checkJSON(t, exitOK, "-out", "gen", "-ignore", strings.Join(append(errs, "enum-conflict"), ","))
	for _, f := range r.Findings {
		if slices.Contains(errs, f.Code) || f.Code == "enum-conflict" {
			t.Errorf("ignored code reported: %+v", f)
		}
	}
	r = checkJSON(t, exitOK, "-out", "gen", "-ignore", strings.Join(append(errs, "example-odata-type"), ","))
	if !r.has(check.IgnoreFlagFile, 0, "unused-ignore") {
		t.Errorf("no unused-ignore for -ignore example-odata-type: %v", r.codes())
	}

	// Drift of each kind, in text format: findings on stderr, diffs on
	// stdout.
	thing, err := os.ReadFile("gen/thing.go")
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(thing, []byte("type Thing struct {"), []byte("type Thing struct {\n\tHandEdited int"), 1)
	if err := os.WriteFile("gen/thing.go", edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("gen/old.go", []byte("// Code generated by docgen. DO NOT EDIT.\n// Source: docs/old.md\n\npackage gen\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove("gen/enums.go"); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runDocgen(t, "check", "-out", "gen")
	if code != exitFindings {
		t.Errorf("check after edits = %d", code)
	}
	for _, want := range []string{
		"gen/thing.go:", "[generated-modified]", "gen/old.go:1: ", "[generated-stale]", "gen/enums.go:1: ", "[generated-missing]",
		"docs/thing.md:46:3: ",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, want := range []string{"--- a/gen/thing.go\n+++ b/gen/thing.go\n@@ ", "-\tHandEdited int\n", "--- a/gen/old.go\n+++ /dev/null\n", "--- /dev/null\n+++ b/gen/enums.go\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}

	// Scoped to create-thing.md: its findings only, and no drift of files
	// generated from other pages.
	// Its findings are warnings only: the check passes.
	r = checkJSON(t, exitOK, "-out", "gen", "docs/create-thing.md")
	for _, f := range r.Findings {
		if f.File != "docs/create-thing.md" {
			t.Errorf("out-of-scope finding: %+v", f)
		}
	}
	if len(r.Findings) == 0 {
		t.Error("no findings for docs/create-thing.md")
	}
	if len(r.Drift) != 0 {
		t.Errorf("out-of-scope drift: %v", r.drift())
	}
	r = checkJSON(t, exitFindings, "-out", "gen", "docs/thing.md")
	if got := r.drift(); got["gen/thing.go"] != "modified" || len(got) != 1 {
		t.Errorf("drift for docs/thing.md = %v, want gen/thing.go modified", got)
	}
	r = checkJSON(t, exitFindings, "-out", "gen", "docs")
	if got := r.drift(); len(got) != 3 {
		t.Errorf("drift for docs = %v, want 3 files", got)
	}
}

func TestCheckChangedSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := setupDocs(t)
	// An empty global config of the test's own, not /dev/null: on some CI
	// machines /dev/null is not an empty character device and git refuses
	// to read it as a config file.
	gitConfig := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(gitConfig, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL="+gitConfig, "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "docs")
	if code, _, stderr := runDocgen(t, "generate", "-docs", "docs", "-out", "gen"); code == exitUsage {
		t.Fatalf("generate failed:\n%s", stderr)
	}

	// Nothing changed: no findings, no drift.
	r := checkJSON(t, exitOK, "-out", "gen", "-changed-since", "HEAD")
	if len(r.Findings)+len(r.Drift) != 0 {
		t.Errorf("findings with no change: %+v", r)
	}
	// A changed page and a new untracked page are in scope; the other
	// pages' defects are not reported.
	b, err := os.ReadFile("docs/create-thing.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("docs/create-thing.md", append(b, "\nMore text.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("docs/new.md", []byte("# New page\n\n**TODO: Add Description**\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The new page also produces a new file: drift, exit 1.
	r = checkJSON(t, exitFindings, "-out", "gen", "-changed-since", "HEAD")
	if got := r.drift(); got["gen/new.go"] != "missing" || len(got) != 1 {
		t.Errorf("drift = %v, want gen/new.go missing", got)
	}
	if !r.has("docs/new.md", 3, "todo-text") {
		t.Errorf("untracked page's findings missing: %+v", r.Findings)
	}
	for _, f := range r.Findings {
		if f.File != "docs/create-thing.md" && f.File != "docs/new.md" {
			t.Errorf("finding outside the changed page: %+v", f)
		}
	}
	if !r.has("docs/create-thing.md", 0, "example-status-mismatch") {
		t.Errorf("changed page's findings missing: %v", r.codes())
	}
	if code, _, stderr := runDocgen(t, "check", "-out", "gen", "-changed-since", "no-such-ref"); code != exitUsage || !strings.Contains(stderr, "git diff") {
		t.Errorf("bad ref = %d, %q", code, stderr)
	}

	// From the generated package's folder, as go:generate runs: the same
	// Source headers, so only the new page's file drifts, and page paths
	// are reachable from there.
	t.Chdir("gen")
	r = checkJSON(t, exitFindings, "-docs", "../docs", "-out", ".")
	if got := r.drift(); got["new.go"] != "missing" || len(got) != 1 {
		t.Errorf("drift from gen/ = %v, want new.go missing", got)
	}
	if !r.has("../docs/thing.md", 46, "example-unknown-member") {
		t.Errorf("findings from gen/ lack ../docs/thing.md:46: %v", r.Findings)
	}
}

func TestCheckFormats(t *testing.T) {
	setupDocs(t)
	code, stdout, _ := runDocgen(t, "check", "-out", "gen", "-format", "github")
	if code != exitFindings || !strings.Contains(stdout, "::warning file=docs/create-thing.md,line=") || !strings.Contains(stdout, "::error file=gen/thing.go,line=1,title=generated-missing::") {
		t.Errorf("github format = %d:\n%.2000s", code, stdout)
	}
	code, stdout, _ = runDocgen(t, "check", "-out", "gen", "-format", "sarif")
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil || code != exitFindings {
		t.Fatalf("sarif = %d, %v", code, err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 || len(log.Runs[0].Tool.Driver.Rules) == 0 {
		t.Errorf("sarif log: %+v", log)
	}
}
