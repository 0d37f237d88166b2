package main

import (
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

const generateSynopsis = "[-docs DIR] [-out DIR] [-pkg NAME] [-generate PARTS] [-select PATTERNS]"

// runGenerate is `docgen generate`: parse the docs, generate Go code in
// memory, print the diagnostics, and write the files that changed into
// -out. Exit 0 when there is no error diagnostic, 1 when there is one (the
// files are still written), 2 on usage or I/O errors (nothing is written
// when a file to replace is not docgen's).
func runGenerate(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("generate", generateSynopsis, stderr)
	docs := fs.String("docs", "docs", "folder of documentation pages (*.md, searched recursively)")
	out := fs.String("out", "generated", "folder to write the Go package into (created if missing)")
	pkgName := fs.String("pkg", "", "Go package name (default: the -out folder's name, sanitized)")
	partsFlag := fs.String("generate", defaultParts, partsUsage)
	selectFlag := fs.String("select", "", selectUsage)
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	var sel []string
	if *selectFlag != "" {
		var err error
		if sel, err = generator.ParseSelection(*selectFlag); err != nil {
			fmt.Fprintf(stderr, "docgen generate: %v\n", err)
			return exitUsage
		}
	}
	opts, err := parseParts(*partsFlag)
	if err != nil {
		fmt.Fprintf(stderr, "docgen generate: %v\n", err)
		fs.Usage()
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "docgen generate: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitUsage
	}
	name := *pkgName
	if name == "" {
		name = defaultPackage(*out)
	} else if generator.PackageName(name) != name {
		fmt.Fprintf(stderr, "docgen generate: -pkg %q is not a valid Go package name (try %q)\n", name, generator.PackageName(name))
		return exitUsage
	}
	pkg, err := loadDocs(*docs)
	if err != nil {
		fmt.Fprintf(stderr, "docgen generate: %v\n", err)
		return exitUsage
	}
	if sel != nil {
		var err error
		if pkg, err = selectDocs(pkg, sel); err != nil {
			fmt.Fprintf(stderr, "docgen generate: %v\n", err)
			return exitUsage
		}
	}
	opts.Package = name
	saveCache := withFormatCache(&opts, *docs, name, *partsFlag, *selectFlag)
	files, gdiags := generator.Generate(pkg, opts)
	saveCache()
	// Findings are printed whatever happens next. A page left out (not
	// UTF-8, over a limit) keeps its previous files; a declaration that
	// failed to format (a docgen bug, reported as generator-internal) is
	// left out of its file. Everything else is written: only I/O errors
	// and the header guard write nothing.
	failed := printGenerateFindings(stderr, pkg, gdiags, *docs, *out)
	leftOut := generator.LeftOutFiles(pkg)
	written, removed, err := generator.WriteKeeping(*out, files, keptFiles(leftOut))
	if err != nil {
		fmt.Fprintf(stderr, "docgen generate: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "docgen generate: %d files in %s: %d written, %d removed, %d unchanged\n",
		len(files), *out, len(written), len(removed), len(files)-len(written))
	for _, page := range slices.Sorted(maps.Keys(leftOut)) {
		var kept []string
		for _, name := range leftOut[page] {
			if _, err := os.Stat(filepath.Join(*out, name)); err == nil {
				kept = append(kept, name)
			}
		}
		what := "it had no generated files"
		if len(kept) > 0 {
			what = "its previously generated files are kept as they are: " + strings.Join(kept, ", ")
		}
		fmt.Fprintf(stderr, "docgen generate: %s was left out (see the errors above); %s\n", pagePath(*docs)(page), what)
	}
	if failed {
		return exitFindings
	}
	return exitOK
}

// The -generate flag of generate and check.
const (
	defaultParts = generator.PartModels + "," + generator.PartHandlers + "," + generator.PartTests
	partsUsage   = "comma-separated parts to generate: " + generator.PartModels + " (always), " + generator.PartHandlers + " (net/http servers), " + generator.PartTests + " (example and handler tests)"
)

// selectUsage is the -select flag's help, for generate and check.
const selectUsage = "generate only what the comma-separated `PATTERNS` select, plus every type it references, transitively: " +
	"operation names (the page stem: cloudpc-get), type names (microsoft.graph.cloudPc or cloudPc) or page paths inside -docs (api/cloudpc-get.md); " +
	"wildcards * ? [...] as in path.Match, case-insensitive, e.g. 'microsoft.graph.cloudPc*,api/cloudpc-*.md'; " +
	"base and property types are followed, derived types are not (select them to decode them polymorphically)"

// selectDocs narrows pkg to what the -select patterns select
// (generator.Select); a pattern that matches nothing is an error.
func selectDocs(pkg *model.Package, sel []string) (*model.Package, error) {
	sub, unmatched := generator.Select(pkg, sel)
	if len(unmatched) > 0 {
		return nil, fmt.Errorf("-select: no operation, type or page matches %s", strings.Join(quoteAll(unmatched), ", "))
	}
	return sub, nil
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// parseParts turns a -generate value into Options (without Package).
func parseParts(s string) (generator.Options, error) {
	opts := generator.Options{NoHandlers: true, NoTests: true}
	models := false
	for _, part := range strings.Split(s, ",") {
		switch strings.TrimSpace(part) {
		case generator.PartModels:
			models = true
		case generator.PartHandlers:
			opts.NoHandlers = false
		case generator.PartTests:
			opts.NoTests = false
		default:
			return opts, fmt.Errorf("-generate: unknown part %q (want %s)", strings.TrimSpace(part), defaultParts)
		}
	}
	if !models {
		return opts, fmt.Errorf("-generate %q: %s cannot be left out (the other parts use them)", s, generator.PartModels)
	}
	return opts, nil
}

// defaultPackage names the package after the output folder.
func defaultPackage(out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	return generator.PackageName(filepath.Base(abs))
}

// loadDocs parses every *.md file under dir. Positions name pages as
// "<base of dir>/<path inside dir>" ("docs/api/x.md"), whatever the
// working directory or the spelling of dir ("docs", "../docs", an absolute
// path), so the generated "// Source:" lines are the same from the
// repository root and from `go generate` in generated/. A file instead of
// a folder is parsed alone, named by its base name.
func loadDocs(dir string) (*model.Package, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	root := filepath.Base(abs)
	if !st.IsDir() {
		src, err := os.ReadFile(dir)
		if err != nil {
			return nil, err
		}
		return parser.ParseFiles([]parser.File{{Path: root, Src: src}}), nil
	}
	var names, paths []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		names = append(names, path.Join(root, filepath.ToSlash(rel)))
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	srcs, err := parser.ReadFiles(paths)
	if err != nil {
		return nil, err
	}
	files := make([]parser.File, len(paths))
	for i := range paths {
		files[i] = parser.File{Path: names[i], Src: srcs[i]}
	}
	return parser.ParseFiles(files), nil
}

// keptFiles flattens generator.LeftOutFiles into the files to keep.
func keptFiles(leftOut map[string][]string) []string {
	var out []string
	for _, names := range leftOut {
		out = append(out, names...)
	}
	slices.Sort(out)
	return out
}
