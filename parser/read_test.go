package parser

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadFiles: contents come back in the order of the names, whatever
// the order the goroutines read them in; the error is the first name's in
// order that failed.
func TestReadFiles(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for i := range 100 {
		name := filepath.Join(dir, fmt.Sprintf("p%03d.md", i))
		if err := os.WriteFile(name, []byte(strings.Repeat("x", i)), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	srcs, err := ReadFiles(names)
	if err != nil {
		t.Fatal(err)
	}
	for i, src := range srcs {
		if len(src) != i {
			t.Fatalf("file %d: %d bytes, want %d", i, len(src), i)
		}
	}
	bad := append(append(append([]string{}, names[:10]...), filepath.Join(dir, "missing-a.md")), names[10:]...)
	bad = append(bad, filepath.Join(dir, "missing-b.md"))
	_, err = ReadFiles(bad)
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "missing-a.md") {
		t.Fatalf("err = %v, want missing-a.md not found", err)
	}
	if srcs, err := ReadFiles(nil); err != nil || len(srcs) != 0 {
		t.Fatalf("no names: %v, %v", srcs, err)
	}
}
