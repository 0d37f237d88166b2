package generator

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// planFiles assigns every declaration to its page's file.
func (p *plan) planFiles() {
	pageOf := func(pos model.Pos) string {
		if pos.File == "" {
			return builtinFile
		}
		return pos.File
	}
	leftOut := leftOutPages(p.pkg)
	for _, name := range pageStems(p.pkg) {
		if leftOut[name[0]] {
			continue // no file: its previous files are kept (LeftOutFiles)
		}
		f := &fileInfo{Page: name[0], Base: name[1], Name: name[1] + ".go"}
		p.files = append(p.files, f)
		p.filesMap[f.Page] = f
	}
	for _, t := range p.types {
		t.file = p.filesMap[pageOf(t.Pos)]
		t.file.types = append(t.file.types, t)
	}
	for _, o := range p.ops {
		o.file = p.filesMap[pageOf(model.Pos{File: o.Page})]
		o.file.ops = append(o.file.ops, o)
		if o.Body != nil && o.Body.Synthetic {
			o.Body.file = o.file
		}
	}
	for _, f := range p.files {
		slices.SortStableFunc(f.types, func(a, b *typeInfo) int { return comparePos(a.Pos, b.Pos, a.Name, b.Name) })
		slices.SortStableFunc(f.ops, func(a, b *opInfo) int { return comparePos(a.Pos, b.Pos, a.Name, b.Name) })
	}
	slices.SortFunc(p.files, func(a, b *fileInfo) int { return strings.Compare(a.Name, b.Name) })
}

// pageStems maps every page that gets a file (or would, when left out) to
// its file stem, sorted by page. Left-out pages take part, so that leaving
// one out never renames another page's files.
func pageStems(pkg *model.Package) [][2]string {
	pages := map[string]bool{}
	for _, pg := range pkg.Pages {
		if pg != nil && pg.File != "" && (pg.Kind != model.ConceptualPage || pg.LeftOut) {
			pages[pg.File] = true
		}
	}
	for _, t := range pkg.Types {
		if t != nil {
			if t.Pos.File == "" {
				pages[builtinFile] = true
			} else {
				pages[t.Pos.File] = true
			}
		}
	}
	for _, o := range pkg.Operations {
		if o != nil {
			if o.Page == "" {
				pages[builtinFile] = true
			} else {
				pages[o.Page] = true
			}
		}
	}
	return assignFileNames(slices.Sorted(mapsKeys(pages)))
}

func leftOutPages(pkg *model.Package) map[string]bool {
	out := map[string]bool{}
	for _, pg := range pkg.Pages {
		if pg != nil && pg.LeftOut {
			out[pg.File] = true
		}
	}
	return out
}

// LeftOutFiles maps each page left out of pkg (model.Page.LeftOut: not
// UTF-8, over a limit) to the files it had or would have, sorted. Write
// and Compare are given them as files to keep (WriteKeeping), so that a
// damaged page never deletes its previously generated code.
func LeftOutFiles(pkg *model.Package) map[string][]string {
	if pkg == nil {
		return nil
	}
	leftOut := leftOutPages(pkg)
	if len(leftOut) == 0 {
		return nil
	}
	out := map[string][]string{}
	for _, name := range pageStems(pkg) {
		if leftOut[name[0]] {
			out[name[0]] = []string{name[1] + ".go", name[1] + "_examples_test.go", name[1] + "_handlers_test.go"}
		}
	}
	return out
}

func comparePos(a, b model.Pos, an, bn string) int {
	switch {
	case a.Before(b):
		return -1
	case b.Before(a):
		return 1
	}
	return strings.Compare(an, bn)
}

func mapsKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// assignFileNames maps sorted page paths to unique file stems. A page's
// stem is its file name without extension, lower-cased, with every run of
// other characters than letters and digits turned into "_"
// (create-cloudpcsnapshot.md → create_cloudpcsnapshot). Pages whose stems
// collide (api/x.md and resources/x.md) all use their full path instead
// (api_x, resources_x). Stems never start with "docgen_" (reserved for the
// runtime files) or "_", and never end in a suffix the go tool reads as a
// build constraint (_test, _windows, _amd64...).
func assignFileNames(pages []string) [][2]string {
	stems := make([]string, len(pages))
	count := map[string]int{}
	for i, pg := range pages {
		if pg == builtinFile {
			stems[i] = builtinFile
			continue
		}
		stems[i] = fileStem(strings.TrimSuffix(path.Base(pg), path.Ext(pg)))
		count[stems[i]]++
	}
	for i, pg := range pages {
		if pg != builtinFile && count[stems[i]] > 1 {
			stems[i] = fileStem(strings.TrimSuffix(pg, path.Ext(pg)))
		}
	}
	used := map[string]bool{}
	out := make([][2]string, len(pages))
	for i, pg := range pages {
		s := stems[i]
		for n := 2; used[s]; n++ {
			s = stems[i] + "_" + strconv.Itoa(n)
		}
		used[s] = true
		out[i] = [2]string{pg, s}
	}
	return out
}

// fileStem sanitizes a page path into a Go file stem.
func fileStem(s string) string {
	var b strings.Builder
	underscore := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			underscore = false
		} else if !underscore && b.Len() > 0 {
			b.WriteByte('_')
			underscore = true
		}
	}
	stem := strings.TrimSuffix(b.String(), "_")
	if stem == "" || strings.HasPrefix(stem, "docgen") {
		stem = "page_" + stem
	}
	if last := stem[strings.LastIndex(stem, "_")+1:]; strings.Contains(stem, "_") && buildSuffixes[last] {
		stem += "_page"
	}
	return strings.TrimSuffix(stem, "_")
}

// buildSuffixes are the file-name suffixes the go tool treats as build
// constraints (GOOS and GOARCH values) or as tests.
var buildSuffixes = map[string]bool{
	"test": true, "aix": true, "android": true, "darwin": true, "dragonfly": true,
	"freebsd": true, "hurd": true, "illumos": true, "ios": true, "js": true,
	"linux": true, "nacl": true, "netbsd": true, "openbsd": true, "plan9": true,
	"solaris": true, "wasip1": true, "windows": true, "zos": true,
	"386": true, "amd64": true, "amd64p32": true, "arm": true, "armbe": true,
	"arm64": true, "arm64be": true, "loong64": true, "mips": true, "mipsle": true,
	"mips64": true, "mips64le": true, "mips64p32": true, "mips64p32le": true,
	"ppc": true, "ppc64": true, "ppc64le": true, "riscv": true, "riscv64": true,
	"s390": true, "s390x": true, "sparc": true, "sparc64": true, "wasm": true,
}

// sortDiags orders diagnostics by position, then code, then message.
func sortDiags(d []model.Diagnostic) {
	slices.SortStableFunc(d, func(a, b model.Diagnostic) int {
		if c := model.CompareDiagnostics(a, b); c != 0 {
			return c
		}
		return int(a.Severity) - int(b.Severity)
	})
}
