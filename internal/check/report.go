// Package check turns what `docgen check` found — diagnostics about the docs
// and drift between the docs and the generated code on disk — into a
// report: it applies suppressions (-ignore and inline docgen-ignore
// comments), scopes the report to changed pages, and writes it as text,
// JSON, GitHub workflow commands or SARIF 2.1.0.
//
// The package knows nothing of parsing or generation: the caller passes the
// diagnostics, the pages (for their inline ignores) and the file changes.
package check

import (
	"bufio"
	"bytes"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// DriftKind says how a generated file on disk differs from the docs.
type DriftKind int

const (
	// Modified: the file exists and its content differs.
	Modified DriftKind = iota
	// Missing: the docs produce the file but it does not exist.
	Missing
	// Stale: the file carries docgen's header but the docs no longer produce it.
	Stale
)

var driftKindNames = [...]string{"modified", "missing", "stale"}

func (k DriftKind) String() string {
	if int(k) >= 0 && int(k) < len(driftKindNames) {
		return driftKindNames[k]
	}
	return "drift(" + strconv.Itoa(int(k)) + ")"
}

var driftKindCodes = [...]model.Code{CodeGeneratedModified, CodeGeneratedMissing, CodeGeneratedStale}

// Code is the diagnostic code reporting drift of this kind
// (generated-modified, generated-missing or generated-stale).
func (k DriftKind) Code() model.Code {
	if int(k) >= 0 && int(k) < len(driftKindCodes) {
		return driftKindCodes[k]
	}
	return model.Code("generated-" + k.String())
}

// Change is one generated file that differs from the docs. File is the
// path reported to users (the output directory joined with the file name,
// forward slashes); Old is the content on disk (nil when Missing), New the
// generated content (nil when Stale).
type Change struct {
	File     string
	Kind     DriftKind
	Old, New []byte
}

// Drift is a reported change with its unified diff.
type Drift struct {
	File string
	Kind DriftKind
	// Line is the first line of the on-disk file the diff changes (1 for
	// missing and stale files).
	Line int
	Diff string
}

// Report is what `docgen check` prints.
type Report struct {
	// Findings are sorted by position, then code, then message.
	Findings []model.Diagnostic
	// Drift is sorted by File.
	Drift []Drift
}

// Failed reports whether the check must exit 1: there is drift or an
// error-level finding.
func (r *Report) Failed() bool {
	if len(r.Drift) > 0 {
		return true
	}
	for _, d := range r.Findings {
		if d.Severity >= model.Error {
			return true
		}
	}
	return false
}

// IgnoreFlagFile is the Pos.File of an unused-ignore diagnostic about a
// code given to -ignore.
const IgnoreFlagFile = "-ignore flag"

// Options control Build.
type Options struct {
	// Ignore lists codes to suppress everywhere (the -ignore flag).
	Ignore []string
	// InScope reports whether findings for a page file (a Pos.File) are
	// reported. Nil means every page is in scope.
	InScope func(file string) bool
	// SourcePath maps a page named in a generated file's "// Source:"
	// header to the page file InScope expects. Nil means unchanged.
	SourcePath func(source string) string
	// Codes documents the codes docgen reports (cmd/docgen passes them
	// all): an inline docgen-ignore of a code listed neither here nor in
	// the check's own Codes is reported as naming no code.
	Codes []model.CodeInfo
}

// Build applies suppressions and scoping to the diagnostics, diffs the
// changes, and returns the sorted report.
//
// Suppressions apply to the whole docs tree before scoping: an inline
// `<!-- docgen-ignore CODE -->` drops diagnostics with that code on the
// lines of the block after it (Ignore.FromLine..ToLine of the same page);
// an -ignore code drops every diagnostic with that code. A suppression that
// dropped nothing is reported as unused-ignore (at the comment, or at
// IgnoreFlagFile). Then only findings of in-scope pages, and unused -ignore
// codes, are kept.
//
// A finding is in scope when its page is, or when its message names a page
// position in scope ("… here but Edm.Int32 at docs/y.md:38:1"): a finding
// one page's edit caused on another page (a type conflict between a
// changed page and an unchanged one) is the changed page's. An api-break
// sits on the page that caused it.
//
// Drift is kept when InScope is nil, or when the file names no source page
// in its header, or when one of its "// Source: page" lines (old or new
// content) names an in-scope page.
func Build(diags []model.Diagnostic, pages []*model.Page, changes []Change, opts Options) *Report {
	flagUsed := map[string]bool{}
	flagCodes := map[string]bool{}
	for _, c := range opts.Ignore {
		flagCodes[c] = true
	}
	type inline struct {
		ign  *model.Ignore
		file string
		used []bool
	}
	var inlines []*inline
	for _, p := range pages {
		if p == nil {
			continue
		}
		for _, ig := range p.Ignores {
			if ig == nil {
				continue
			}
			file := ig.Pos.File
			if file == "" {
				file = p.File
			}
			inlines = append(inlines, &inline{ign: ig, file: file, used: make([]bool, len(ig.Codes))})
		}
	}
	suppressed := func(d model.Diagnostic) bool {
		hit := false
		for _, in := range inlines {
			if in.file != d.Pos.File || d.Pos.Line < in.ign.FromLine || d.Pos.Line > in.ign.ToLine {
				continue
			}
			for i, c := range in.ign.Codes {
				if c == string(d.Code) {
					in.used[i] = true
					hit = true
				}
			}
		}
		if flagCodes[string(d.Code)] {
			flagUsed[string(d.Code)] = true
			hit = true
		}
		return hit
	}
	var kept []model.Diagnostic
	for _, d := range diags {
		if !suppressed(d) {
			kept = append(kept, d)
		}
	}
	// Unused inline suppressions, themselves subject to -ignore.
	for _, in := range inlines {
		for i, c := range in.ign.Codes {
			if in.used[i] {
				continue
			}
			pos := in.ign.Pos
			if pos.File == "" {
				pos.File = in.file
			}
			msg := "docgen-ignore " + c + " suppresses nothing in the block after it; remove the comment or fix the code name"
			if _, known := lookup(opts.Codes, model.Code(c)); !known {
				msg = "docgen-ignore " + c + " names no diagnostic code (docgen check -explain list prints them); fix or remove it"
			}
			d := model.Diagnostic{Pos: pos, Severity: unusedSeverity(), Code: CodeUnusedIgnore, Message: msg}
			if !suppressed(d) {
				kept = append(kept, d)
			}
		}
	}
	var unusedFlags []model.Diagnostic
	for _, c := range opts.Ignore {
		if c == string(CodeUnusedIgnore) || flagUsed[c] {
			continue
		}
		flagUsed[c] = true // report each code once
		unusedFlags = append(unusedFlags, model.Diagnostic{Pos: model.Pos{File: IgnoreFlagFile},
			Severity: unusedSeverity(), Code: CodeUnusedIgnore,
			Message: "-ignore " + c + " suppresses nothing in the docs tree; remove it from the command line"})
	}
	r := &Report{}
	for _, d := range kept {
		if opts.InScope == nil || causeInScope(d, opts.InScope) {
			r.Findings = append(r.Findings, d)
		}
	}
	r.Findings = append(r.Findings, unusedFlags...)
	slices.SortStableFunc(r.Findings, model.CompareDiagnostics)
	r.Findings = slices.CompactFunc(r.Findings, func(a, b model.Diagnostic) bool { return a == b })

	for _, c := range changes {
		if opts.InScope != nil && !driftInScope(c, opts.InScope, opts.SourcePath) {
			continue
		}
		r.Drift = append(r.Drift, newDrift(c))
	}
	slices.SortFunc(r.Drift, func(a, b Drift) int { return strings.Compare(a.File, b.File) })
	return r
}

func unusedSeverity() model.Severity {
	if c, ok := model.LookupCode(catalogue, CodeUnusedIgnore); ok {
		return c.Severity
	}
	return model.Warning
}

func newDrift(c Change) Drift {
	d := Drift{File: c.File, Kind: c.Kind, Line: 1}
	label := strings.TrimPrefix(c.File, "/")
	oldName, newName := "a/"+label, "b/"+label
	switch c.Kind {
	case Missing:
		oldName = "/dev/null"
	case Stale:
		newName = "/dev/null"
	}
	d.Diff = UnifiedDiff(oldName, newName, c.Old, c.New)
	if c.Kind == Modified {
		d.Line = firstDifferentLine(c.Old, c.New)
	}
	return d
}

// firstDifferentLine returns the 1-based line of old where old and new
// first differ.
func firstDifferentLine(old, new []byte) int {
	n := min(len(old), len(new))
	i := 0
	for i < n && old[i] == new[i] {
		i++
	}
	return bytes.Count(old[:i], []byte("\n")) + 1
}

// SourcePrefix starts the header lines of a generated file that name the
// pages it was generated from: "// Source: docs/x.md".
const SourcePrefix = "// Source: "

// headerLines is how many leading lines of a generated file Sources reads.
const headerLines = 40

// Sources returns the pages a generated file names in "// Source:" lines
// among its first lines (the file header). Several pages may be listed on
// one line, separated by commas or spaces.
func Sources(content []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(content))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 0; n < headerLines && sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		rest, ok := strings.CutPrefix(line, SourcePrefix)
		if !ok {
			if strings.HasPrefix(line, "package ") {
				break
			}
			continue
		}
		for _, f := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
			out = append(out, path.Clean(f))
		}
	}
	return out
}

func driftInScope(c Change, inScope func(string) bool, sourcePath func(string) string) bool {
	srcs := append(Sources(c.Old), Sources(c.New)...)
	if len(srcs) == 0 {
		return true
	}
	for _, s := range srcs {
		if sourcePath != nil {
			s = sourcePath(s)
		}
		if inScope(s) {
			return true
		}
	}
	return false
}

// mentionedPage matches a page position inside a message: "docs/x.md:38"
// (the page path is group 1).
var mentionedPage = regexp.MustCompile(`([^\s"'(),;\[\]]+\.md):\d+`)

// causeInScope reports whether d's page, or a page position its message
// names, is in scope.
func causeInScope(d model.Diagnostic, inScope func(string) bool) bool {
	if inScope(d.Pos.File) {
		return true
	}
	if !strings.Contains(d.Message, ".md:") {
		return false
	}
	for _, m := range mentionedPage.FindAllStringSubmatch(d.Message, -1) {
		if inScope(m[1]) {
			return true
		}
	}
	return false
}
