package generator_test

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

// A damage kind turns a real page into a damaged one. seed makes the
// damage deterministic and different per page.
type damage struct {
	name string
	fn   func(src []byte, seed uint32) []byte
	// code, when set, must be reported for some damaged page (the damage
	// did hit what it aims at).
	code string
}

// at returns a position in src chosen by seed (never 0 for non-empty src).
func at(src []byte, seed uint32) int {
	if len(src) == 0 {
		return 0
	}
	return 1 + int(seed%uint32(len(src)))
}

// nthLine returns the offset of the start of the first line at or after
// offset off that starts with prefix, or -1.
func lineWith(src []byte, from int, prefix string) int {
	for i := max(0, from); i < len(src); {
		if bytes.HasPrefix(src[i:], []byte(prefix)) {
			return i
		}
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return -1
		}
		i += j + 1
	}
	return -1
}

func insert(src []byte, off int, s string) []byte {
	off = min(max(0, off), len(src))
	return slices.Concat(src[:off], []byte(s), src[off:])
}

var damages = []damage{
	{"truncate", func(src []byte, seed uint32) []byte { return src[:at(src, seed)-1] }, ""},
	{"fence", func(src []byte, seed uint32) []byte {
		// Drop the closing line of a fence in the second half: the fence
		// swallows the rest of the page.
		i := lineWith(src, len(src)/2, "```")
		if i < 0 {
			i = lineWith(src, 0, "```")
		}
		if i < 0 {
			return insert(src, len(src)/2, "\n```json\n{\"a\": [1,\n")
		}
		return slices.Concat(src[:i], []byte("~~"), src[i+3:])
	}, "fence-unclosed"},
	{"table", func(src []byte, seed uint32) []byte {
		// Break the delimiter row of a table and give a row extra cells.
		out := bytes.Replace(src, []byte("|:---"), []byte("|:-x-"), 1)
		out = bytes.Replace(out, []byte("\n|---"), []byte("\n|-x-"), 1)
		if i := lineWith(out, len(out)/3, "|"); i >= 0 {
			out = insert(out, i, "| a | b | c | d | e | f | g | h |\n|")
		}
		return out
	}, ""},
	{"annotation", func(src []byte, seed uint32) []byte {
		// Damage every annotation: a missing brace, a quote, a key.
		out := bytes.ReplaceAll(src, []byte("<!-- {"), []byte("<!-- "))
		out = bytes.Replace(out, []byte(`"blockType": "`), []byte(`"blockType: "`), 1)
		return bytes.Replace(out, []byte(`"@odata.type": "`), []byte(`"@odata.type": "#"#`), 1)
	}, ""},
	{"flip", func(src []byte, seed uint32) []byte {
		out := slices.Clone(src)
		for k := range 8 {
			if len(out) > 0 {
				i := int((seed*uint32(2654435761+k*40503))>>3) % len(out)
				out[i] ^= 1 << (k % 8)
			}
		}
		return out
	}, ""},
	{"invalid-utf8", func(src []byte, seed uint32) []byte {
		// A path in the HTTP request block (the bug this test was written
		// for) or anywhere.
		if i := lineWith(src, 0, "POST /"); i >= 0 {
			return insert(src, i+7, "\xff")
		}
		if i := lineWith(src, 0, "GET /"); i >= 0 {
			return insert(src, i+6, "\xc3\x28")
		}
		return insert(src, at(src, seed)-1, "\xed\xa0\x80")
	}, "page-encoding"},
	{"crlf-cr", func(src []byte, seed uint32) []byte {
		if seed%2 == 0 {
			return bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))
		}
		return bytes.ReplaceAll(src, []byte("\n"), []byte("\r"))
	}, ""},
	{"bom-nul", func(src []byte, seed uint32) []byte {
		out := append([]byte("\xef\xbb\xbf"), src...)
		for k := uint32(1); k <= 4; k++ {
			out = insert(out, at(out, seed*k), "\x00")
		}
		return insert(out, lineWith(out, len(out)/2, "|")+2, "\x00\x1b[31m")
	}, "page-hidden-text"},
	{"bidi", func(src []byte, seed uint32) []byte {
		// Trojan Source: bidi controls and invisible characters in
		// descriptions, names, paths and example bodies.
		out := bytes.ReplaceAll(src, []byte("The "), []byte("The \u202e\u2066"))
		out = bytes.ReplaceAll(out, []byte(`": "`), []byte("\": \"\u2067\u200b"))
		out = bytes.Replace(out, []byte("| id "), []byte("| i\u200dd\u2069 "), 1)
		if i := lineWith(out, 0, "GET /"); i >= 0 {
			out = insert(out, i+6, "\u202a")
		}
		return insert(out, at(out, seed)-1, "\ufeff\u2028")
	}, "page-hidden-text"},
	{"long-line", func(src []byte, seed uint32) []byte {
		line := bytes.Repeat([]byte("word "), 1<<20/5+1)
		return insert(src, lineWith(src, len(src)/2, "")+0, string(line)+"\n")
	}, "page-limit"},
	{"deep-json", func(src []byte, seed uint32) []byte {
		deep := strings.Repeat(`{"a":[`, 5000) + strings.Repeat("]}", 5000)
		block := "\n<!-- {\"blockType\": \"example\"} -->\n```json\n" + deep + "\n```\n"
		out := insert(src, lineWith(src, len(src)/2, "#"), block)
		return bytes.Replace(out, []byte("```json\n{"), []byte("```json\n"+strings.Repeat("[", 10000)+"{"), 1)
	}, "json-invalid"},
	{"headings", func(src []byte, seed uint32) []byte {
		// Thousands of headings and repeated annotations.
		var b bytes.Buffer
		for i := range 3000 {
			fmt.Fprintf(&b, "## Properties %d\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"x.y%d\"} -->\n", i, i%7)
		}
		return insert(src, lineWith(src, len(src)/2, "#"), b.String())
	}, ""},
}

// damagePages is how many corpus pages each kind of damage is applied to
// (a different slice of the corpus per kind), healthyPages how many
// undamaged pages are generated beside them.
const (
	damagePages  = 20
	healthyPages = 6
)

// TestDamage applies each kind of damage to a few hundred corpus pages in
// all and generates them beside healthy pages: nothing panics, the healthy
// pages' files are still generated, every file is valid UTF-8 with no raw
// bidi, invisible or control character and no directive, is gofmt'd, and
// the output type-checks in process (checkFiles); `go vet` runs once per
// kind (not with -short).
func TestDamage(t *testing.T) {
	pages := seedPages(t, (len(damages)+1)*damagePages)
	if len(pages) < (len(damages)+1)*damagePages {
		t.Skipf("corpus not found at %s", corpusDir)
	}
	read := func(p string) []byte {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return src
	}
	var healthy []parser.File
	for _, p := range pages[:healthyPages] {
		healthy = append(healthy, parser.File{Path: "docs/healthy/" + filepath.Base(filepath.Dir(p)) + "/" + filepath.Base(p), Src: read(p)})
	}
	alone, _ := generator.Generate(parser.ParseFiles(healthy), generator.Options{Package: "generated"})
	var want []string
	for _, f := range alone {
		if !strings.HasPrefix(f.Name, "docgen_") {
			want = append(want, f.Name)
		}
	}
	mod := t.TempDir()
	start := time.Now()
	for k, d := range damages {
		t.Run(d.name, func(t *testing.T) {
			files := slices.Clone(healthy)
			for i, p := range pages[damagePages*(k+1) : damagePages*(k+2)] {
				h := fnv.New32a()
				h.Write([]byte(d.name + p))
				src := d.fn(read(p), h.Sum32()+uint32(i))
				files = append(files, parser.File{Path: "docs/" + filepath.Base(filepath.Dir(p)) + "/" + filepath.Base(p), Src: src})
			}
			pkg := parser.ParseFiles(files)
			out, gdiags := generator.Generate(pkg, generator.Options{Package: "generated"})
			if d.code != "" && !slices.ContainsFunc(append(pkg.Diagnostics, gdiags...), func(g model.Diagnostic) bool { return string(g.Code) == d.code }) {
				t.Errorf("no %s diagnostic: the damage missed", d.code)
			}
			names := map[string]bool{}
			for _, f := range out {
				names[f.Name] = true
			}
			for _, w := range want {
				if !names[w] {
					t.Errorf("healthy page file %s not generated", w)
				}
			}
			for _, err := range checkFiles(out) {
				t.Error(err)
			}
			dir := filepath.Join(mod, strings.ReplaceAll(d.name, "-", ""))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, f := range out {
				if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	t.Logf("generated and type-checked %d kinds of damage on %d pages in %v", len(damages), len(damages)*damagePages, time.Since(start))
	if testing.Short() {
		return
	}
	writeModule(t, mod)
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	start = time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go vet: %v\n%s", err, out)
	}
	t.Logf("go vet of %d packages: %v", len(damages), time.Since(start))
}
