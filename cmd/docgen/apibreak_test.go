package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var updateAPIBreak = flag.Bool("update-apibreak", false, "rewrite testdata/apibreak/*.golden")

// TestCheckAPIBreak generates testdata/apibreak/docs, edits a page as a
// docs author would, and runs `docgen check` (with the edited page as
// PATH, as -changed-since would give it): each incompatible change is an
// api-break on the page line that caused it, an addition is none, and a
// finding one page's edit causes on an unchanged page is in scope. The
// golden file holds the exit code and the api-break, type-conflict and
// drift lines of the text report.
func TestCheckAPIBreak(t *testing.T) {
	src, err := filepath.Abs("testdata/apibreak/docs")
	if err != nil {
		t.Fatal(err)
	}
	const (
		snap  = "create-cloudpcsnapshot.md"
		image = "create-cloudpcdeviceimage.md"
		res   = "cloudpcsnapshot.md"
	)
	tests := []struct {
		name     string
		page     string
		old, new string // old == "": delete the page
	}{
		// A typo in a Type cell renames the enum the cell names.
		{"type-rename", snap, "|status|cloudPcSnapshotStatus|", "|status|cloudPcSnapshotStatu|"},
		{"field-removal", image, "|osBuildNumber|String|**TODO: Add Description**|\n", ""},
		{"json-name-change", image, "|osBuildNumber|", "|osBuildNo|"},
		{"field-type-change", image, "|version|String|", "|version|Int32|"},
		{"enum-member-removal", image, "`pending`, `ready`, `failed`", "`pending`, `ready`"},
		{"operation-removal", image, "", ""},
		{"added-property", image, "|version|String|**TODO: Add Description**|\n", "|version|String|**TODO: Add Description**|\n|region|String|The Azure region.|\n"},
		// The edited resource page changes a property the unchanged API
		// page documents too: the type-conflict the parser reports on the
		// API page is the edit's.
		{"scope-conflict-on-unchanged-page", res, "|createdDateTime|DateTimeOffset|", "|createdDateTime|String|"},
		// A blank line above a table moves lines and changes nothing.
		{"blank-line", image, "\n|Property|Type|Description|", "\n\n|Property|Type|Description|"},
	}
	base := t.TempDir()
	copyDocs(t, src, filepath.Join(base, "docs"))
	t.Chdir(base)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"generate", "-generate", "models,handlers"}, &stdout, &stderr); code > exitFindings {
		t.Fatalf("generate = %d:\n%s", code, stderr.String())
	}
	pristine := map[string][]byte{}
	for _, tt := range tests {
		if _, ok := pristine[tt.page]; !ok {
			b, err := os.ReadFile(filepath.Join("docs", tt.page))
			if err != nil {
				t.Fatal(err)
			}
			pristine[tt.page] = b
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := filepath.Join("docs", tt.page)
			orig := pristine[tt.page]
			defer func() {
				if err := os.WriteFile(page, orig, 0o644); err != nil {
					t.Fatal(err)
				}
			}()
			if tt.old == "" && tt.new == "" {
				if err := os.Remove(page); err != nil {
					t.Fatal(err)
				}
			} else {
				if !bytes.Contains(orig, []byte(tt.old)) {
					t.Fatalf("%s has no %q", tt.page, tt.old)
				}
				if err := os.WriteFile(page, bytes.Replace(orig, []byte(tt.old), []byte(tt.new), 1), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var stdout, stderr bytes.Buffer
			code := run([]string{"check", "-generate", "models,handlers", "docs/" + tt.page}, &stdout, &stderr)
			var sb strings.Builder
			sb.WriteString("exit " + strconv.Itoa(code) + "\n")
			for _, l := range strings.Split(stdout.String()+stderr.String(), "\n") {
				if strings.HasSuffix(l, "[api-break]") || strings.HasSuffix(l, "[type-conflict]") || strings.Contains(l, "[generated-") {
					sb.WriteString(l + "\n")
				}
			}
			golden := filepath.Join(src, "..", tt.name+".golden")
			if *updateAPIBreak {
				if err := os.WriteFile(golden, []byte(sb.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update-apibreak)", err)
			}
			if got := sb.String(); got != string(want) {
				t.Errorf("docgen check %s:\n%s\nwant:\n%s\nstderr:\n%s", page, got, want, stderr.String())
			}
		})
	}
}

// copyDocs copies the *.md files of folder src into dst.
func copyDocs(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
