package generator

import (
	"fmt"
	"path"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// ParseSelection splits a -select value: comma-separated patterns, each a
// name or a page path, with the wildcards of path.Match (*, ?, [...]).
// Empty patterns and malformed globs are errors.
func ParseSelection(s string) ([]string, error) {
	var pats []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil, fmt.Errorf("-select %q: empty pattern", s)
		}
		if _, err := path.Match(p, ""); err != nil {
			return nil, fmt.Errorf("-select: bad pattern %q: %v", p, err)
		}
		pats = append(pats, p)
	}
	return pats, nil
}

// Select returns the part of pkg that patterns select, for generating a
// subset of a large docs tree: the operations and types the patterns match,
// plus every type they reference, transitively. A pattern matches,
// case-insensitively and with path.Match wildcards:
//
//   - a page, when it contains "/" or ends in ".md": against the page's path
//     inside the docs folder ("api/cloudpc-*.md") or its full name; it
//     selects the operation of the page and the types the page documents;
//   - otherwise a name: an operation ("cloudpc-get", the page's stem), a
//     type's qualified name ("microsoft.graph.cloudPc*") or its last
//     segment ("cloudPc").
//
// A selected operation brings its request-body type and the types of its
// request-body properties, its response type and the types of its query
// parameters; a selected type brings its base types up to the root and the
// types of its properties (navigation properties included). Derived types
// are not followed (every entity derives from microsoft.graph.entity): the
// decode function of a selected base type knows the selected derived types
// only, and a body naming another @odata.type decodes as the base, its
// other members kept in Extra. Select a derived type by name or glob to
// have it decoded as itself.
//
// The result keeps pkg's order and shares its nodes (it is a view; Select
// changes nothing in pkg); its pages are the pages of the selected
// operations and types, and its diagnostics those on these pages (and
// those without a page). unmatched lists the patterns that matched nothing.
func Select(pkg *model.Package, patterns []string) (sub *model.Package, unmatched []string) {
	pats := make([]string, len(patterns))
	for i, p := range patterns {
		pats[i] = strings.ToLower(p)
	}
	matched := make([]bool, len(pats))
	match := func(isPage bool, names ...string) bool {
		hit := false
		for i, p := range pats {
			if isPagePattern(p) != isPage {
				continue
			}
			for _, n := range names {
				if ok, _ := path.Match(p, strings.ToLower(n)); ok && n != "" {
					matched[i] = true
					hit = true
					break
				}
			}
		}
		return hit
	}
	pageNames := func(file string) []string {
		_, rel, _ := strings.Cut(file, "/")
		return []string{file, rel}
	}

	byName := map[string]*model.Type{}
	for _, t := range pkg.Types {
		if t != nil && byName[t.Name] == nil {
			byName[t.Name] = t
		}
	}
	types := map[string]bool{}
	var queue []string
	want := func(name string) {
		if name != "" && !types[name] && byName[name] != nil {
			types[name] = true
			queue = append(queue, name)
		}
	}
	pagesSel := map[string]bool{}
	for _, pg := range pkg.Pages {
		if pg != nil && match(true, pageNames(pg.File)...) {
			pagesSel[pg.File] = true
			for _, n := range pg.Types {
				want(n)
			}
		}
	}
	for _, t := range pkg.Types {
		if t == nil {
			continue
		}
		plain := t.Name[strings.LastIndexByte(t.Name, '.')+1:]
		if match(false, t.Name, plain) || match(true, pageNames(t.Pos.File)...) {
			want(t.Name)
		}
	}
	ops := map[*model.Operation]bool{}
	for _, op := range pkg.Operations {
		if op == nil {
			continue
		}
		if match(false, op.Name) || match(true, pageNames(op.Page)...) {
			ops[op] = true
			if rb := op.RequestBody; rb != nil {
				want(rb.Type.Name)
				for _, p := range rb.Properties {
					if p != nil {
						want(p.TypeRef.Name)
					}
				}
			}
			if r := op.Response; r != nil {
				want(r.Type.Name)
			}
			for _, p := range op.QueryParameters {
				if p != nil {
					want(p.TypeRef.Name)
				}
			}
		}
	}
	for len(queue) > 0 {
		t := byName[queue[0]]
		queue = queue[1:]
		want(t.Base)
		for _, p := range t.Properties {
			if p != nil {
				want(p.TypeRef.Name)
			}
		}
	}
	for i, ok := range matched {
		if !ok {
			unmatched = append(unmatched, patterns[i])
		}
	}

	sub = &model.Package{}
	keep := map[string]bool{}
	for _, t := range pkg.Types {
		if t != nil && types[t.Name] && byName[t.Name] == t {
			sub.Types = append(sub.Types, t)
			keep[t.Pos.File] = true
		}
	}
	for _, op := range pkg.Operations {
		if ops[op] {
			sub.Operations = append(sub.Operations, op)
			keep[op.Page] = true
		}
	}
	for _, pg := range pkg.Pages {
		if pg != nil && keep[pg.File] {
			sub.Pages = append(sub.Pages, pg)
		}
	}
	for _, d := range pkg.Diagnostics {
		if d.Pos.File == "" || keep[d.Pos.File] {
			sub.Diagnostics = append(sub.Diagnostics, d)
		}
	}
	if sub.Types == nil {
		sub.Types = []*model.Type{}
	}
	if sub.Operations == nil {
		sub.Operations = []*model.Operation{}
	}
	return sub, unmatched
}

// SelectedPages returns the set of page names (as in model.Pos.File) sub
// holds: those of its types, operations and pages.
func SelectedPages(sub *model.Package) map[string]bool {
	pages := map[string]bool{}
	for _, t := range sub.Types {
		pages[t.Pos.File] = true
	}
	for _, op := range sub.Operations {
		pages[op.Page] = true
	}
	for _, pg := range sub.Pages {
		pages[pg.File] = true
	}
	delete(pages, "")
	return pages
}

func isPagePattern(p string) bool { return strings.Contains(p, "/") || strings.HasSuffix(p, ".md") }
