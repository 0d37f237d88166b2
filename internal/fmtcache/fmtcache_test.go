package fmtcache

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func k(s string) key { return sha256.Sum256([]byte(s)) }

func TestPackRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "p.pack")
	p := Open(path)
	if _, ok := p.Get(k("a")); ok {
		t.Fatal("empty pack has an entry")
	}
	p.Put(k("a"), []byte("package a\n"))
	p.Put(k("b"), []byte(""))
	if err := p.Save(); err != nil {
		t.Fatal(err)
	}
	q := Open(path)
	for name, want := range map[string]string{"a": "package a\n", "b": ""} {
		got, ok := q.Get(k(name))
		if !ok || string(got) != want {
			t.Errorf("Get(%s) = %q, %v; want %q", name, got, ok, want)
		}
	}
}

// TestPackKeepsOnlyUsed: Save writes what this run used, so a pack does
// not grow with every edit; nothing is written when nothing changed.
func TestPackKeepsOnlyUsed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.pack")
	p := Open(path)
	p.Put(k("old"), []byte("old"))
	p.Put(k("kept"), []byte("kept"))
	if err := p.Save(); err != nil {
		t.Fatal(err)
	}
	q := Open(path)
	q.Get(k("kept"))
	q.Get(k("old"))
	before, _ := os.Stat(path)
	if err := os.Chmod(filepath.Dir(path), 0o500); err != nil {
		t.Fatal(err)
	}
	err := q.Save() // unchanged: must not need to write
	os.Chmod(filepath.Dir(path), 0o700)
	if err != nil {
		t.Fatalf("Save of an unchanged pack wrote: %v", err)
	}
	if after, _ := os.Stat(path); !after.ModTime().Equal(before.ModTime()) {
		t.Error("unchanged pack rewritten")
	}
	r := Open(path)
	r.Get(k("kept"))
	r.Put(k("new"), []byte("new"))
	if err := r.Save(); err != nil {
		t.Fatal(err)
	}
	s := Open(path)
	got := map[string]bool{}
	for _, name := range []string{"old", "kept", "new"} {
		_, got[name] = s.Get(k(name))
	}
	if diff := cmp.Diff(map[string]bool{"old": false, "kept": true, "new": true}, got); diff != "" {
		t.Errorf("entries after Save (-want +got):\n%s", diff)
	}
}

// TestPackDamage: a damaged pack loses entries from the damage on and never
// returns bytes other than those stored.
func TestPackDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.pack")
	p := Open(path)
	for i := range 5 {
		p.Put(k(fmt.Sprint(i)), []byte(fmt.Sprintf("value %d\n", i)))
	}
	if err := p.Save(); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	damage := map[string][]byte{
		"empty":      nil,
		"not a pack": []byte("hello"),
		"truncated":  good[:len(good)-3],
		"flipped":    flip(good, len(good)-2),
		"length":     flip(good, len(magic)+2*sha256.Size),
	}
	for name, data := range damage {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			q := Open(path)
			for i := range 5 {
				got, ok := q.Get(k(fmt.Sprint(i)))
				if want := fmt.Sprintf("value %d\n", i); ok && string(got) != want {
					t.Errorf("entry %d = %q, want %q or a miss", i, got, want)
				}
			}
		})
	}
}

func flip(b []byte, i int) []byte {
	c := append([]byte(nil), b...)
	c[i] ^= 0x55
	return c
}

func TestPackConcurrent(t *testing.T) {
	p := Open(filepath.Join(t.TempDir(), "p.pack"))
	var wg sync.WaitGroup
	var hits atomic.Int64
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				key := k(fmt.Sprint(g, i))
				if _, ok := p.Get(key); ok {
					hits.Add(1)
				} else {
					p.Put(key, []byte(fmt.Sprint(i)))
				}
			}
		}()
	}
	wg.Wait()
	if hits.Load() != 0 {
		t.Errorf("%d hits in an empty pack", hits.Load())
	}
	if err := p.Save(); err != nil {
		t.Fatal(err)
	}
	q := Open(p.path)
	for g := range 4 {
		for i := range 100 {
			if v, ok := q.Get(k(fmt.Sprint(g, i))); !ok || string(v) != fmt.Sprint(i) {
				t.Fatalf("entry %d,%d after Save: %q, %v", g, i, v, ok)
			}
		}
	}
}

func TestDirAndPackPath(t *testing.T) {
	t.Setenv("DOCGEN_CACHE", "off")
	if d := Dir(); d != "" {
		t.Errorf("DOCGEN_CACHE=off: Dir() = %q", d)
	}
	t.Setenv("DOCGEN_CACHE", "/x/cache")
	if d := Dir(); d != "/x/cache" {
		t.Errorf("Dir() = %q", d)
	}
	a, b := PackPath("/c", "docs", "p"), PackPath("/c", "docs", "q")
	if a == b || filepath.Dir(a) != "/c" {
		t.Errorf("PackPath: %q, %q", a, b)
	}
	wd, _ := os.Getwd()
	if PackPath("/c", "docs", "p") != PackPath("/c", filepath.Join(wd, "docs"), "p") {
		t.Error("PackPath depends on how the docs folder is spelled")
	}
}
