package main

import (
	"fmt"
	"io"
	"regexp"
	"slices"

	"github.com/docgen-dev/docgen/internal/check"
	"github.com/docgen-dev/docgen/internal/lint"
	"github.com/docgen-dev/docgen/parser/model"
)

// pageRef matches a page path inside a diagnostic message ("docs/x.md" in
// "… at docs/x.md:38:1").
var pageRef = regexp.MustCompile(`[^\s"'(),;\[\]]+\.md\b`)

// displayDiag names d's page, and the pages its message mentions, as
// display does (pagePath: reachable from the working directory), so one
// message never mixes "../docs/x.md" and "docs/x.md".
func displayDiag(d model.Diagnostic, display func(string) string) model.Diagnostic {
	d.Pos.File = display(d.Pos.File)
	d.Message = pageRef.ReplaceAllStringFunc(d.Message, display)
	return d
}

// printGenerateFindings prints what `docgen generate` knows about the docs
// to w: the parser's, the linter's and the generator's error and warning
// diagnostics, after the inline docgen-ignore suppressions `docgen check`
// applies, so that a tree generate reports clean does not fail check on
// findings nobody saw. It ends with a count line naming the check command
// when there is any. It reports whether a parser or generator error was
// among them (generate exits 1).
func printGenerateFindings(w io.Writer, pkg *model.Package, gdiags []model.Diagnostic, docs, out string) (failed bool) {
	diags := slices.Clone(pkg.Diagnostics)
	diags = append(diags, gdiags...)
	for _, d := range diags {
		failed = failed || d.Severity == model.Error
	}
	diags = dropSuperseded(append(diags, lint.Run(pkg)...))
	display := pagePath(docs)
	for i := range diags {
		diags[i] = displayDiag(diags[i], display)
	}
	r := check.Build(diags, displayPages(pkg, display), nil, check.Options{Codes: allCodes()})
	var errs, warns int
	for _, d := range r.Findings {
		switch {
		case d.Severity >= model.Error:
			errs++
		case d.Severity == model.Warning:
			warns++
		default:
			continue
		}
		fmt.Fprintln(w, d.String())
	}
	if errs+warns > 0 {
		fmt.Fprintf(w, "docgen generate: %d errors, %d warnings in the docs; `docgen check -docs %s -out %s` reports them as CI does (-explain CODE says more)\n",
			errs, warns, docs, out)
	}
	return failed
}

// displayPages copies the pages' files and inline suppressions with their
// paths as display names them, for check.Build.
func displayPages(pkg *model.Package, display func(string) string) []*model.Page {
	pages := make([]*model.Page, 0, len(pkg.Pages))
	for _, p := range pkg.Pages {
		if p == nil {
			continue
		}
		cp := &model.Page{File: display(p.File)}
		for _, ig := range p.Ignores {
			if ig != nil {
				c := *ig
				c.Pos.File = display(c.Pos.File)
				cp.Ignores = append(cp.Ignores, &c)
			}
		}
		pages = append(pages, cp)
	}
	return pages
}
