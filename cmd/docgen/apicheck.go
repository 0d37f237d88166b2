package main

import (
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/internal/apidiff"
	"github.com/docgen-dev/docgen/parser/model"
)

// apiBreaks compares the exported API of the generated files that changed
// (Old on disk, New from the docs) and reports each incompatible change as
// an api-break on the page line that caused it. Only changed files are
// read: an unchanged file declares the same API on both sides, and a
// declaration that moves between files changes both.
func apiBreaks(pkg *model.Package, changes []generator.Change) []model.Diagnostic {
	var oldFiles, newFiles []apidiff.File
	for _, c := range changes {
		if c.Old != nil {
			oldFiles = append(oldFiles, apidiff.File{Name: c.Name, Content: c.Old})
		}
		if c.New != nil {
			newFiles = append(newFiles, apidiff.File{Name: c.Name, Content: c.New})
		}
	}
	if len(oldFiles) == 0 {
		return nil
	}
	breaks := apidiff.Compare(apidiff.Read(oldFiles), apidiff.Read(newFiles))
	if len(breaks) == 0 {
		return nil
	}
	resolve := sourceResolver(pkg)
	diags := make([]model.Diagnostic, 0, len(breaks))
	for _, b := range breaks {
		diags = append(diags, model.Diagnostic{Pos: resolve(b.Source), Severity: model.Error,
			Code: apidiff.CodeAPIBreak, Message: b.Message()})
	}
	return diags
}

// sourceResolver returns the function that turns the text of a "// Source:"
// line into a page position: an anchor the docs still have
// ("docs/x.md#cloudPcSnapshot.status") is its node's line; a page alone,
// or an anchor the page no longer has, is the page's operation (the HTTP
// request block) or else its title; a line from a file generated before
// anchors ("docs/x.md:50") is that line; a page that no longer exists is
// its first line.
func sourceResolver(pkg *model.Package) func(string) model.Pos {
	anchors := generator.SourcePositions(pkg)
	pages := map[string]model.Pos{}
	for _, p := range pkg.Pages {
		if p != nil {
			pos := p.TitlePos
			if !pos.IsValid() {
				pos = model.Pos{File: p.File, Line: 1, Col: 1}
			}
			pages[p.File] = pos
		}
	}
	for _, o := range pkg.Operations {
		if o != nil && o.Pos.IsValid() {
			pages[o.Pos.File] = o.Pos
		}
	}
	return func(src string) model.Pos {
		if pos, ok := anchors[src]; ok {
			return pos
		}
		file, _, _ := strings.Cut(src, "#")
		if i := strings.LastIndex(file, ".md:"); i >= 0 {
			if line, err := strconv.Atoi(file[i+len(".md:"):]); err == nil && line > 0 {
				return model.Pos{File: file[:i+len(".md")], Line: line, Col: 1}
			}
			file = file[:i+len(".md")]
		}
		if pos, ok := pages[file]; ok {
			return pos
		}
		return model.Pos{File: file, Line: 1, Col: 1}
	}
}
