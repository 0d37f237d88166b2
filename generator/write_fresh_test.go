package generator

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestWriteFresh: a folder that does not exist is written whole through a
// temporary folder beside it, nested names included, and a failure leaves
// neither the folder nor the temporary one behind.
func TestWriteFresh(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "pkg")
	files := []File{
		{Name: "b.go", Content: []byte(Header + "\nb\n")},
		{Name: "a.go", Content: []byte(Header + "\na\n")},
		{Name: "sub/c.go", Content: []byte(Header + "\nc\n")},
	}
	written, removed, err := Write(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a.go", "b.go", "sub/c.go"}; !slices.Equal(written, want) || removed != nil {
		t.Errorf("written %q removed %q, want %q and none", written, removed, want)
	}
	for _, f := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Name)))
		if err != nil || string(got) != string(f.Content) {
			t.Errorf("%s: %q, %v; want %q", f.Name, got, err, f.Content)
		}
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm()&0o700 != 0o700 {
		t.Errorf("stat %s: %v, %v", dir, st, err)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("%s holds %d entries, want only pkg (a temporary folder left?)", root, len(entries))
	}
	// A file that cannot be created (its folder's name is taken by a file).
	dir2 := filepath.Join(root, "pkg2")
	if _, _, err := Write(dir2, []File{{Name: "x", Content: []byte(Header)}, {Name: "x/y.go", Content: []byte(Header)}}); err == nil {
		t.Fatal("Write of x and x/y.go succeeded")
	}
	entries, _ = os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("after a failed fresh write %s holds %d entries, want 1", root, len(entries))
	}
}
