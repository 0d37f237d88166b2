// Package parser reads Microsoft Graph documentation pages (Markdown) into
// docgen's typed model (package model).
//
// Pages are parsed with goldmark and its GFM table extension. Every node of
// the model keeps the position (file, line, column) it was read from,
// computed from goldmark segments through a per-file line index. The parser
// never panics on bad input and never stops at a bad page: defects become
// diagnostics with stable codes (see Codes).
package parser

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/docgen-dev/docgen/parser/model"
)

// File is one page to parse. Path is used verbatim (slash form) in
// positions.
type File struct {
	Path string
	Src  []byte
}

// ParseFiles parses pages and merges them into one package. The result
// does not depend on the order of files or on GOMAXPROCS.
func ParseFiles(files []File) *model.Package {
	sorted := make([]File, len(files))
	copy(sorted, files)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Path < sorted[j].Path })
	results := make([]*PageResult, len(sorted))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(sorted) {
		workers = len(sorted)
	}
	if workers <= 1 {
		md := newMDReader()
		for i, f := range sorted {
			results[i] = parsePage(md, f.Path, f.Src)
		}
	} else {
		// Biggest pages first, so that no worker is left with a big page
		// at the end; workers take the next page from a shared counter
		// (no channel hand-off per page). results[i] is always the page
		// sorted[i], whatever the order of work.
		order := make([]int, len(sorted))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return len(sorted[order[a]].Src) > len(sorted[order[b]].Src) })
		var next atomic.Int64
		var wg sync.WaitGroup
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				md := newMDReader()
				for {
					k := int(next.Add(1)) - 1
					if k >= len(order) {
						return
					}
					i := order[k]
					results[i] = parsePage(md, sorted[i].Path, sorted[i].Src)
				}
			}()
		}
		wg.Wait()
	}
	return merge(results)
}

// ParsePaths parses files and folders (recursively, every *.md file, in
// sorted order). The error reports I/O failures only; page defects are
// diagnostics in the package.
func ParsePaths(paths ...string) (*model.Package, error) {
	var names []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			names = append(names, p)
			continue
		}
		err = filepath.WalkDir(p, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(name, ".md") {
				names = append(names, name)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(names)
	var unique []string
	seen := map[string]bool{}
	for _, n := range names {
		slash := filepath.ToSlash(n)
		if !seen[slash] {
			seen[slash] = true
			unique = append(unique, n)
		}
	}
	srcs, err := ReadFiles(unique)
	if err != nil {
		return nil, err
	}
	files := make([]File, len(unique))
	for i, n := range unique {
		files[i] = File{Path: filepath.ToSlash(n), Src: srcs[i]}
	}
	return ParseFiles(files), nil
}

// sortStrings sorts s in increasing order.
func sortStrings(s []string) { sort.Strings(s) }

// sortDiagnostics orders diagnostics by position, then code, then message,
// and drops exact duplicates.
func sortDiagnostics(ds []model.Diagnostic) []model.Diagnostic {
	return model.SortDiagnostics(ds)
}
