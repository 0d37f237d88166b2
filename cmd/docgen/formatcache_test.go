package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMain points the format cache at a folder of this test run, so that
// every test that generates goes through it (a cache that changed output
// would fail them) and none writes into the user's cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "docgen-cache-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("DOCGEN_CACHE", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestGenerateFormatCache: a second generate of the same docs into a fresh
// folder reads its formatted files from the cache and writes the same
// bytes; with nothing new the pack is not rewritten; DOCGEN_CACHE=off
// writes no pack.
func TestGenerateFormatCache(t *testing.T) {
	dir := t.TempDir()
	docs := copySeeds(t, dir)
	cache := filepath.Join(dir, "cache")
	t.Setenv("DOCGEN_CACHE", cache)
	gen := func(out string) map[string]string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run([]string{"generate", "-docs", docs, "-out", filepath.Join(dir, out), "-pkg", "models"}, &stdout, &stderr); code != exitOK {
			t.Fatalf("exit %d:\n%s", code, stderr.String())
		}
		return readTree(t, filepath.Join(dir, out))
	}
	first := gen("a")
	packs, _ := filepath.Glob(filepath.Join(cache, "*.pack"))
	if len(packs) != 1 {
		t.Fatalf("packs after the first run: %v", packs)
	}
	before, err := os.Stat(packs[0])
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first, gen("b")); diff != "" {
		t.Errorf("output with a warm cache differs (-cold +warm):\n%s", diff)
	}
	if after, err := os.Stat(packs[0]); err != nil || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("the pack was rewritten though nothing changed (%v)", err)
	}
	// Off: not even the user's cache directory is used.
	off := filepath.Join(dir, "usercache")
	t.Setenv("XDG_CACHE_HOME", off)
	t.Setenv("HOME", filepath.Join(dir, "home"))
	t.Setenv("DOCGEN_CACHE", "off")
	if diff := cmp.Diff(first, gen("c")); diff != "" {
		t.Errorf("output without a cache differs:\n%s", diff)
	}
	if _, err := os.Stat(off); err == nil {
		t.Error("DOCGEN_CACHE=off wrote into the user's cache directory")
	}
}

// readTree returns the files under dir by relative name.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
