package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/internal/check"
	"github.com/docgen-dev/docgen/internal/csdl"
	"github.com/docgen-dev/docgen/internal/lint"
	"github.com/docgen-dev/docgen/internal/metacheck"
	"github.com/docgen-dev/docgen/parser/model"
)

const checkSynopsis = "[-docs DIR] [-out DIR] [-metadata FILE] [-pkg NAME] [-generate PARTS] [-format text|json|github|sarif] [-ignore CODE,...] [-changed-since GIT_REF] [-select PATTERNS] [-explain CODE] [PATH...]"

// runCheck is `docgen check`: the docs-to-code CI gate. It parses the whole
// docs tree, lints it, generates the code in memory and compares it with
// -out. Findings are reported for the pages in scope (every page, or the
// PATH arguments, or the pages changed since -changed-since); drift is
// reported for generated files whose "// Source:" header names a page in
// scope, and always for files that name no page (the runtime, the
// operations table).
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", checkSynopsis, stderr)
	docs := fs.String("docs", "docs", "folder of documentation pages (always parsed whole)")
	out := fs.String("out", "generated", "folder of the generated code to compare with")
	pkg := fs.String("pkg", "", "Go package name of the generated code, as given to docgen generate (default: generator's default)")
	partsFlag := fs.String("generate", defaultParts, partsUsage+", as given to docgen generate")
	format := fs.String("format", "text", "output format: "+strings.Join(check.Formats, ", "))
	ignore := fs.String("ignore", "", "comma-separated diagnostic codes to suppress everywhere")
	since := fs.String("changed-since", "", "report findings only for pages changed since this git ref (plus untracked pages)")
	explain := fs.String("explain", "", "print the explanation of a diagnostic code and exit")
	selectFlag := fs.String("select", "", selectUsage+"; findings are reported on the selected pages only")
	metadata := fs.String("metadata", "", "CSDL/EDMX `$metadata` file to cross-check the docs against (when -out does not exist, the drift check is skipped)")
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	if *explain != "" {
		return explainCode(*explain, stdout, stderr)
	}
	if !slices.Contains(check.Formats, *format) {
		fmt.Fprintf(stderr, "docgen check: unknown -format %q (want one of %s)\n", *format, strings.Join(check.Formats, ", "))
		return exitUsage
	}
	codes, err := parseCodes(*ignore)
	if err != nil {
		fmt.Fprintf(stderr, "docgen check: -ignore: %v\n", err)
		return exitUsage
	}
	opts, err := parseParts(*partsFlag)
	if err != nil {
		fmt.Fprintf(stderr, "docgen check: %v\n", err)
		return exitUsage
	}
	var sel []string
	if *selectFlag != "" {
		if sel, err = generator.ParseSelection(*selectFlag); err != nil {
			fmt.Fprintf(stderr, "docgen check: %v\n", err)
			return exitUsage
		}
	}
	if *since != "" && fs.NArg() > 0 {
		fmt.Fprintln(stderr, "docgen check: give either -changed-since or PATH arguments, not both")
		return exitUsage
	}
	scope := fs.Args()
	if *since != "" {
		scope, err = changedPages(*since, *docs)
		if err != nil {
			fmt.Fprintf(stderr, "docgen check: -changed-since %s: %v\n", *since, err)
			return exitUsage
		}
	}
	var inScope func(string) bool
	if *since != "" || len(scope) > 0 {
		inScope, err = scopeFunc(scope)
		if err != nil {
			fmt.Fprintf(stderr, "docgen check: %v\n", err)
			return exitUsage
		}
	}

	var md func() (*csdl.Model, error)
	if *metadata != "" {
		// Read the metadata while the docs are parsed.
		type result struct {
			m   *csdl.Model
			err error
		}
		ch := make(chan result, 1)
		go func() {
			m, err := csdl.ReadFile(*metadata)
			ch <- result{m, err}
		}()
		md = func() (*csdl.Model, error) {
			r := <-ch
			if r.err != nil {
				return nil, fmt.Errorf("-metadata: %w", r.err)
			}
			return r.m, nil
		}
	}
	r, sum, err := checkDocs(*docs, *out, *pkg, opts, sel, codes, inScope, md)
	if err != nil {
		fmt.Fprintf(stderr, "docgen check: %v\n", err)
		return exitUsage
	}
	tool := check.Tool{Name: "docgen", Version: versionString(), InformationURI: "https://github.com/docgen-dev/docgen", Codes: allCodes()}
	bout, berr := bufio.NewWriter(stdout), bufio.NewWriter(stderr)
	if *format == "json" && sum != nil {
		err = writeJSONWithSummary(bout, r, tool, sum)
	} else {
		err = check.Write(*format, bout, berr, r, tool)
	}
	if ferr := berr.Flush(); err == nil {
		err = ferr
	}
	if ferr := bout.Flush(); err == nil {
		err = ferr
	}
	if err == nil && sum != nil {
		err = writeSummary(stderr, sum)
	}
	if err != nil {
		fmt.Fprintf(stderr, "docgen check: %v\n", err)
		return exitUsage
	}
	if r.Failed() {
		return exitFindings
	}
	return exitOK
}

// jsonMeasure is one summary figure in the JSON report's "metadata" field.
type jsonMeasure struct {
	Name string `json:"name"`
	Num  int    `json:"num"`
	Den  int    `json:"den"`
}

// writeJSONWithSummary writes the JSON report (check.WriteJSON) with one
// more field, "metadata": {"measures": [{"name","num","den"}],
// "undocumentedTypes": N}, the cross-check's summary.
func writeJSONWithSummary(w io.Writer, r *check.Report, tool check.Tool, sum *metacheck.Summary) error {
	var buf bytes.Buffer
	if err := check.Write("json", &buf, io.Discard, r, tool); err != nil {
		return err
	}
	var rep struct {
		Version  int             `json:"version"`
		Findings json.RawMessage `json:"findings"`
		Drift    json.RawMessage `json:"drift"`
		Metadata struct {
			Measures          []jsonMeasure `json:"measures"`
			UndocumentedTypes int           `json:"undocumentedTypes"`
			UnstatedBases     int           `json:"unstatedBases"`
		} `json:"metadata"`
	}
	if err := json.Unmarshal(buf.Bytes(), &rep); err != nil {
		return err
	}
	for _, m := range sum.Measures {
		rep.Metadata.Measures = append(rep.Metadata.Measures, jsonMeasure{m.Name, m.Num, m.Den})
	}
	rep.Metadata.UndocumentedTypes = sum.Undocumented
	rep.Metadata.UnstatedBases = sum.UnstatedBases
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// writeSummary prints the metadata cross-check's figures, one measure a
// line, after the findings.
func writeSummary(w io.Writer, sum *metacheck.Summary) error {
	var sb strings.Builder
	for _, m := range sum.Measures {
		fmt.Fprintf(&sb, "metadata %s\n", m)
	}
	fmt.Fprintf(&sb, "metadata types no page documents: %d\n", sum.Undocumented)
	fmt.Fprintf(&sb, "metadata bases no page states: %d\n", sum.UnstatedBases)
	_, err := io.WriteString(w, sb.String())
	return err
}

// checkDocs parses, lints, generates and compares, and builds the report.
// It reads the docs and names the package exactly as docgen generate does
// (loadDocs, defaultPackage), so a tree generate just wrote has no drift.
// Page paths in the report are reachable from the working directory
// ("../docs/x.md" for -docs ../docs).
//
// With metadata (-metadata; the function waits for the metadata read
// concurrently with the docs), the docs are also cross-checked against it
// (internal/metacheck), its findings go through the same suppressions and
// scoping, and the summary is returned; when -out does not exist the
// drift check is skipped, for docs repositories that generate nothing.
//
// With sel (-select), the code is generated from the selected part of the
// docs (generator.Select, as docgen generate -select does) and findings are
// reported on the selected pages only (and within inScope); lints and the
// metadata cross-check still see every page.
func checkDocs(docs, out, pkgName string, opts generator.Options, sel, ignore []string, inScope func(string) bool, metadata func() (*csdl.Model, error)) (*check.Report, *metacheck.Summary, error) {
	if st, err := os.Stat(docs); err != nil {
		return nil, nil, err
	} else if !st.IsDir() {
		return nil, nil, fmt.Errorf("-docs %s is not a folder", docs)
	}
	if pkgName == "" {
		pkgName = defaultPackage(out)
	} else if generator.PackageName(pkgName) != pkgName {
		return nil, nil, fmt.Errorf("-pkg %q is not a valid Go package name (try %q)", pkgName, generator.PackageName(pkgName))
	}
	pkg, err := loadDocs(docs)
	if err != nil {
		return nil, nil, err
	}
	var md *csdl.Model
	if metadata != nil {
		if md, err = metadata(); err != nil {
			return nil, nil, err
		}
	}
	diags := slices.Clone(pkg.Diagnostics)
	diags = append(diags, lint.Run(pkg)...)
	opts.Package = pkgName
	gen := pkg
	display := pagePath(docs)
	if sel != nil {
		if gen, err = selectDocs(pkg, sel); err != nil {
			return nil, nil, err
		}
		selected := map[string]bool{}
		for p := range generator.SelectedPages(gen) {
			selected[display(p)] = true
		}
		outer := inScope
		inScope = func(f string) bool { return selected[f] && (outer == nil || outer(f)) }
	}
	saveCache := withFormatCache(&opts, docs, opts.Package, fmt.Sprint(opts.NoHandlers, opts.NoTests), strings.Join(sel, "\x00"))
	files, gdiags := generator.Generate(gen, opts)
	saveCache()
	diags = dropSuperseded(append(diags, gdiags...))
	var sum *metacheck.Summary
	if md != nil {
		mdiags, s := metacheck.Check(pkg, md)
		diags = append(diags, mdiags...)
		sum = &s
	}
	var changes []generator.Change
	if _, serr := os.Stat(out); md == nil || serr == nil {
		changes, err = generator.CompareKeeping(out, files, keptFiles(generator.LeftOutFiles(pkg)))
		if err != nil {
			return nil, nil, err
		}
		diags = append(diags, apiBreaks(pkg, changes)...)
	}
	for i := range diags {
		diags[i] = displayDiag(diags[i], display)
	}
	pages := displayPages(pkg, display)
	var cc []check.Change
	for _, c := range changes {
		kind := check.Modified
		switch c.Kind {
		case generator.Missing:
			kind = check.Missing
		case generator.Stale:
			kind = check.Stale
		}
		cc = append(cc, check.Change{
			File: filepath.ToSlash(filepath.Join(out, filepath.FromSlash(c.Name))),
			Kind: kind, Old: c.Old, New: c.New,
		})
	}
	return check.Build(diags, pages, cc, check.Options{Ignore: ignore, InScope: inScope, SourcePath: display, Codes: allCodes()}), sum, nil
}

// pagePath returns the function that turns a page name as loadDocs gives
// it ("docs/x.md", after the base name of the docs folder) into a path
// from the working directory (docs joined with the rest).
func pagePath(docs string) func(string) string {
	abs, err := filepath.Abs(docs)
	if err != nil {
		return func(f string) string { return f }
	}
	prefix := filepath.Base(abs) + "/"
	return func(f string) string {
		if rest, ok := strings.CutPrefix(f, prefix); ok {
			return filepath.ToSlash(filepath.Join(docs, filepath.FromSlash(rest)))
		}
		return f
	}
}

// superseded maps a code to the codes that report the same defect on the
// same line: the generator notes that it fell back to raw JSON for an
// undefined type, or that an example value does not fit its Go type, and
// lint already reports the defect with its own code.
var superseded = map[model.Code][]model.Code{
	generator.CodeUndefinedType: {lint.CodeTypeUndefined},
	generator.CodeUndefinedBase: {lint.CodeTypeUndefined},
	generator.CodeExampleValue:  {lint.CodeExampleEnumValue, lint.CodeExampleTypeMismatch, lint.CodeExamplePlaceholder},
}

// dropSuperseded removes diagnostics that repeat, on the same line, a
// defect another code reports.
func dropSuperseded(diags []model.Diagnostic) []model.Diagnostic {
	type key struct {
		file string
		line int
		code model.Code
	}
	have := map[key]bool{}
	for _, d := range diags {
		have[key{d.Pos.File, d.Pos.Line, d.Code}] = true
	}
	return slices.DeleteFunc(diags, func(d model.Diagnostic) bool {
		for _, by := range superseded[d.Code] {
			if have[key{d.Pos.File, d.Pos.Line, by}] {
				return true
			}
		}
		return false
	})
}

// parseCodes splits a comma-separated code list and rejects unknown codes.
func parseCodes(s string) ([]string, error) {
	var codes []string
	for _, c := range strings.Split(s, ",") {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if _, ok := model.LookupCode(allCodes(), model.Code(c)); !ok {
			return nil, fmt.Errorf("unknown code %q (docgen check -explain list prints the codes)", c)
		}
		codes = append(codes, c)
	}
	return codes, nil
}

// explainCode prints a code's explanation, or every code's summary for
// "list".
func explainCode(code string, stdout, stderr io.Writer) int {
	if code == "list" {
		for _, c := range allCodes() {
			fmt.Fprintf(stdout, "%-28s %-8s %s\n", c.Code, c.Severity, c.Summary)
		}
		return exitOK
	}
	c, ok := model.LookupCode(allCodes(), model.Code(code))
	if !ok {
		fmt.Fprintf(stderr, "docgen check: unknown code %q; docgen check -explain list prints the codes\n", code)
		return exitUsage
	}
	fmt.Fprintf(stdout, "%s (%s): %s\n\n%s\n", c.Code, c.Severity, c.Summary, wrap(c.Explain, 76))
	return exitOK
}

// wrap breaks text into lines of at most width bytes at spaces.
func wrap(text string, width int) string {
	var sb strings.Builder
	n := 0
	for _, w := range strings.Fields(text) {
		if n > 0 && n+1+len(w) > width {
			sb.WriteByte('\n')
			n = 0
		} else if n > 0 {
			sb.WriteByte(' ')
			n++
		}
		sb.WriteString(w)
		n += len(w)
	}
	return sb.String()
}

// changedPages lists the pages under docs that differ from git ref, plus
// untracked pages, as paths relative to the working directory.
func changedPages(ref, docs string) ([]string, error) {
	if strings.HasPrefix(ref, "-") {
		return nil, fmt.Errorf("invalid git ref %q", ref)
	}
	diff, err := gitLines("diff", "--name-only", "--relative", "--no-renames", ref, "--", docs)
	if err != nil {
		return nil, err
	}
	untracked, err := gitLines("ls-files", "--others", "--exclude-standard", "--", docs)
	if err != nil {
		return nil, err
	}
	var pages []string
	for _, f := range append(diff, untracked...) {
		if strings.HasSuffix(f, ".md") {
			pages = append(pages, filepath.FromSlash(f))
		}
	}
	slices.Sort(pages)
	return slices.Compact(pages), nil
}

func gitLines(args ...string) ([]string, error) {
	cmd := exec.Command("git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines, nil
}

// scopeFunc returns a predicate that is true for page files (as the
// parser names them) equal to or under one of paths.
func scopeFunc(paths []string) (func(string) bool, error) {
	var abs []string
	for _, p := range paths {
		a, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		abs = append(abs, a)
	}
	return func(file string) bool {
		a, err := filepath.Abs(filepath.FromSlash(file))
		if err != nil {
			return false
		}
		for _, s := range abs {
			if a == s || strings.HasPrefix(a, s+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}, nil
}
