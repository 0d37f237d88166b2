// Package fmtcache keeps gofmt's output between docgen runs, as the go
// command keeps compiled packages in its build cache: formatting is about
// half of what `docgen generate` and `docgen check` spend, and after a doc
// edit almost every file formats to what it did before.
//
// A Pack is one file in the cache directory holding the formatted files of
// one project (one docs folder and package name). Open reads it, Generate
// asks it (generator.FormatCache) from its workers, and Save writes back the
// entries this run used, so the pack never holds more than one run's
// output. Every entry carries the SHA-256 of its bytes, checked on load: a
// damaged or truncated pack loses entries, never returns wrong bytes. The
// key already says which formatter made the entry (generator.FormatKey), so
// a docgen built with another Go release simply misses.
//
// The cache changes speed only: the bytes Generate returns are those it
// would format itself (TestGenerateWithCacheIsIdentical).
package fmtcache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// magic starts every pack file; the digit is the pack format's version.
const magic = "docgen format cache 1\n"

// maxEntry bounds one entry's size on load, so a damaged length cannot ask
// for gigabytes.
const maxEntry = 64 << 20

type key = [sha256.Size]byte

// Pack is a format cache backed by one file. The zero Pack is not usable;
// use Open. Its methods are safe for concurrent use.
type Pack struct {
	path string

	mu     sync.Mutex
	loaded map[key][]byte // entries read from the file
	used   map[key][]byte // entries Get returned or Put stored this run
}

// Dir returns the cache directory: $DOCGEN_CACHE when set, else docgen
// under the user's cache directory (os.UserCacheDir). It returns "" when
// caching is off: DOCGEN_CACHE=off, or no cache directory is known.
func Dir() string {
	if d := os.Getenv("DOCGEN_CACHE"); d != "" {
		if d == "off" {
			return ""
		}
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "docgen")
}

// PackPath returns the pack file in dir for a project: the docs folder
// (made absolute) and the package name. Two folders of docs never share a
// pack, and writing the same docs to several output folders does.
func PackPath(dir, docs, pkg string) string {
	if abs, err := filepath.Abs(docs); err == nil {
		docs = abs
	}
	h := sha256.Sum256([]byte(docs + "\x00" + pkg))
	return filepath.Join(dir, "format-"+hex.EncodeToString(h[:8])+".pack")
}

// Open reads the pack at path. A missing file is an empty pack; so is one
// that is unreadable or not a pack. Entries after the first damaged one are
// dropped.
func Open(path string) *Pack {
	p := &Pack{path: path, loaded: map[key][]byte{}, used: map[key][]byte{}}
	data, err := os.ReadFile(path)
	if err != nil {
		return p
	}
	p.loaded = decode(data)
	return p
}

// decode returns the intact entries of a pack file's content.
func decode(data []byte) map[key][]byte {
	entries := map[key][]byte{}
	rest, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok {
		return entries
	}
	for len(rest) > 0 {
		if len(rest) < 2*sha256.Size {
			break
		}
		var k, sum key
		copy(k[:], rest)
		copy(sum[:], rest[sha256.Size:])
		rest = rest[2*sha256.Size:]
		n, w := binary.Uvarint(rest)
		if w <= 0 || n > maxEntry || n > uint64(len(rest)-w) {
			break
		}
		v := rest[w : w+int(n)]
		rest = rest[w+int(n):]
		if sha256.Sum256(v) != sum {
			break
		}
		entries[k] = v
	}
	return entries
}

// Get returns the formatted bytes stored for k.
func (p *Pack) Get(k [sha256.Size]byte) ([]byte, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.used[k]
	if !ok {
		v, ok = p.loaded[k]
	}
	if ok {
		p.used[k] = v
	}
	return v, ok
}

// Put stores v for k. The pack keeps v; the caller must not change it.
func (p *Pack) Put(k [sha256.Size]byte, v []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.used[k] = v
}

// Save writes the entries used since Open back to the pack file, in key
// order, through a temporary file renamed over it (a crash leaves the old
// pack or the new one). It writes nothing when the used entries are
// exactly the loaded ones.
func (p *Pack) Save() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.used) == len(p.loaded) {
		same := true
		for k := range p.used {
			if _, ok := p.loaded[k]; !ok {
				same = false
				break
			}
		}
		if same {
			return nil
		}
	}
	if err := os.MkdirAll(filepath.Dir(p.path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p.path), filepath.Base(p.path)+".tmp*")
	if err != nil {
		return err
	}
	err = p.write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

func (p *Pack) write(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(magic)
	keys := make([]key, 0, len(p.used))
	for k := range p.used {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int { return bytes.Compare(a[:], b[:]) })
	var n [binary.MaxVarintLen64]byte
	for _, k := range keys {
		v := p.used[k]
		sum := sha256.Sum256(v)
		bw.Write(k[:])
		bw.Write(sum[:])
		bw.Write(n[:binary.PutUvarint(n[:], uint64(len(v)))])
		bw.Write(v)
	}
	if err := bw.Flush(); err != nil {
		return errors.Join(errors.New("writing the format cache"), err)
	}
	return nil
}
