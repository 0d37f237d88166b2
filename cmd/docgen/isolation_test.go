package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestGenerateLeavesOutBadPage is issue 13's report: one byte of invalid
// UTF-8 in the path of an `## HTTP request` block made generate exit 2
// and write nothing. Now the page is left out with an error at its
// file:line:col, its previously generated files stay as they are, every
// other page is written, and generate exits 1.
func TestGenerateLeavesOutBadPage(t *testing.T) {
	dir := t.TempDir()
	docs, out := filepath.Join(dir, "docs"), filepath.Join(dir, "out")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"create-cloudpcsnapshot.md", "create-cloudpcdeviceimage.md"} {
		src, err := os.ReadFile(filepath.Join("../../docs", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(docs, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stderr bytes.Buffer
	if code := runGenerate([]string{"-docs", docs, "-out", out}, &bytes.Buffer{}, &stderr); code == exitUsage {
		t.Fatalf("first generate: exit %d\n%s", code, stderr.String())
	}
	before := map[string][]byte{}
	for _, name := range []string{"create_cloudpcsnapshot.go", "create_cloudpcsnapshot_examples_test.go", "create_cloudpcsnapshot_handlers_test.go"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		before[name] = b
	}
	// Damage the snapshot page and touch the other one, so that it must be
	// written again.
	page := filepath.Join(docs, "create-cloudpcsnapshot.md")
	src, _ := os.ReadFile(page)
	i := bytes.Index(src, []byte("POST /"))
	src = append(src[:i+7:i+7], append([]byte("\xff"), src[i+7:]...)...)
	if err := os.WriteFile(page, src, 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(docs, "create-cloudpcdeviceimage.md")
	osrc, _ := os.ReadFile(other)
	osrc = bytes.Replace(osrc, []byte("Namespace: microsoft.graph"), []byte("Namespace: microsoft.graph\n\nAn edited paragraph."), 1)
	if err := os.WriteFile(other, osrc, 0o644); err != nil {
		t.Fatal(err)
	}
	stderr.Reset()
	code := runGenerate([]string{"-docs", docs, "-out", out}, &bytes.Buffer{}, &stderr)
	msg := stderr.String()
	if code != exitFindings {
		t.Errorf("exit %d, want %d\n%s", code, exitFindings, msg)
	}
	line := bytes.Count(src[:i], []byte("\n")) + 1
	for _, want := range []string{
		filepath.ToSlash(docs) + "/create-cloudpcsnapshot.md:" + strconv.Itoa(line) + ":8: byte 0xff is not UTF-8; the page is left out [page-encoding]",
		"create-cloudpcsnapshot.md was left out (see the errors above); its previously generated files are kept as they are: create_cloudpcsnapshot.go, create_cloudpcsnapshot_examples_test.go, create_cloudpcsnapshot_handlers_test.go",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("stderr lacks %q:\n%s", want, msg)
		}
	}
	for name, b := range before {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("%s of the left-out page changed or went (%v)", name, err)
		}
	}
	img, err := os.ReadFile(filepath.Join(out, "create_cloudpcdeviceimage.go"))
	if err != nil || !strings.Contains(string(img), "An edited paragraph.") {
		t.Errorf("the healthy page was not written again (%v)", err)
	}
}
