package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

const generateSynopsis = "[-docs DIR] [-out DIR] [-pkg NAME] [-generate PARTS]"

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
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
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
	opts.Package = name
	files, gdiags := generator.Generate(pkg, opts)
	failed, internal := printGenerateFindings(stderr, pkg, gdiags, *docs, *out)
	if internal {
		fmt.Fprintln(stderr, "docgen generate: code generation failed; nothing written")
		return exitUsage
	}
	written, removed, err := generator.Write(*out, files)
	if err != nil {
		fmt.Fprintf(stderr, "docgen generate: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "docgen generate: %d files in %s: %d written, %d removed, %d unchanged\n",
		len(files), *out, len(written), len(removed), len(files)-len(written))
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
	var files []parser.File
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
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, parser.File{Path: path.Join(root, filepath.ToSlash(rel)), Src: src})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return parser.ParseFiles(files), nil
}
