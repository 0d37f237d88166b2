package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

// runDump implements `docgen dump [-o FILE] PATH...`: it parses the pages
// (files, or folders searched recursively for *.md) and writes the typed
// model as one indented JSON document. Diagnostics go to stderr as
// "file:line:col: message [code]". Exit status: 0 without error
// diagnostics, 1 with some, 2 on usage or I/O errors.
func runDump(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("dump", "[-o FILE] PATH...", stderr)
	out := fs.String("o", "", "write the JSON to `FILE` (atomically) instead of standard output")
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "docgen dump: no PATH given")
		fs.Usage()
		return exitUsage
	}
	pkg, err := parser.ParsePaths(fs.Args()...)
	if err != nil {
		fmt.Fprintf(stderr, "docgen dump: %v\n", err)
		return exitUsage
	}
	data, err := encodeDump(pkg)
	if err != nil {
		fmt.Fprintf(stderr, "docgen dump: %v\n", err)
		return exitUsage
	}
	if *out == "" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintf(stderr, "docgen dump: %v\n", err)
			return exitUsage
		}
	} else if err := writeFileAtomic(*out, data); err != nil {
		fmt.Fprintf(stderr, "docgen dump: %v\n", err)
		return exitUsage
	}
	w := bufio.NewWriter(stderr)
	errors := 0
	for _, d := range pkg.Diagnostics {
		fmt.Fprintln(w, d.String())
		if d.Severity == model.Error {
			errors++
		}
	}
	if err := w.Flush(); err != nil {
		return exitUsage
	}
	if errors > 0 {
		return exitFindings
	}
	return exitOK
}

// encodeDump renders the package as indented JSON without HTML escaping.
func encodeDump(pkg *model.Package) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(pkg); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeFileAtomic writes data to a temporary file next to name and renames
// it into place, so readers never see a partial file.
func writeFileAtomic(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
