package generator

import (
	"crypto/sha256"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// mapCache is a FormatCache in memory that counts its hits.
type mapCache struct {
	mu   sync.Mutex
	m    map[[sha256.Size]byte][]byte
	hits int
}

func (c *mapCache) Get(k [sha256.Size]byte) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	if ok {
		c.hits++
	}
	return v, ok
}

func (c *mapCache) Put(k [sha256.Size]byte, v []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

// TestGenerateWithCacheIsIdentical: a format cache changes speed only. A
// cold cache and a warm one give the bytes Generate gives without one, the
// warm run takes every rendered file from the cache, and an entry is used
// only for the source it was stored for (a poisoned cache shows it).
func TestGenerateWithCacheIsIdentical(t *testing.T) {
	pkg := loadModel(t, "testdata/seeds/model.json")
	want, _ := Generate(pkg, Options{Package: "generated"})
	cache := &mapCache{m: map[[sha256.Size]byte][]byte{}}
	for run, name := range []string{"cold", "warm"} {
		got, _ := Generate(pkg, Options{Package: "generated", FormatCache: cache})
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%s cache: output differs (-without +with):\n%s", name, diff)
		}
		if run == 0 && cache.hits != 0 {
			t.Errorf("cold cache: %d hits", cache.hits)
		}
		if run == 1 && (cache.hits == 0 || cache.hits != len(cache.m)) {
			t.Errorf("warm cache: %d hits of %d entries", cache.hits, len(cache.m))
		}
	}
	// Another package name changes every source: nothing may be reused.
	cache.hits = 0
	for k := range cache.m {
		cache.m[k] = []byte("poisoned")
	}
	other, _ := Generate(pkg, Options{Package: "other"})
	got, _ := Generate(pkg, Options{Package: "other", FormatCache: cache})
	if diff := cmp.Diff(other, got); diff != "" || cache.hits != 0 {
		t.Errorf("entries of another source used (%d hits):\n%s", cache.hits, diff)
	}
}
