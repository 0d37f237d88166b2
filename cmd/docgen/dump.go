package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

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
	if *out == "" {
		bw := bufio.NewWriterSize(stdout, 1<<16)
		err = writeDump(bw, pkg)
		if err == nil {
			err = bw.Flush()
		}
	} else {
		err = writeFileAtomic(*out, func(w io.Writer) error { return writeDump(w, pkg) })
	}
	if err != nil {
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

// writeDump writes pkg to w as json.Encoder does with SetIndent("", "  ")
// and SetEscapeHTML(false), byte for byte, without holding the document in
// memory: the elements of the package's lists are encoded in chunks on all
// cores and written in order as they are ready. (Encoding the package as one
// value built the compact document, then its indented copy, in buffers
// grown by doubling: a third of dump's CPU and most of its peak memory.)
func writeDump(w io.Writer, pkg *model.Package) error {
	d := &dumpWriter{w: w}
	d.str("{\n")
	writeDumpList(d, "types", pkg.Types)
	d.str(",\n")
	writeDumpList(d, "operations", pkg.Operations)
	if len(pkg.Pages) > 0 {
		d.str(",\n")
		writeDumpList(d, "pages", pkg.Pages)
	}
	d.str(",\n")
	writeDumpList(d, "diagnostics", pkg.Diagnostics)
	d.str("\n}\n")
	return d.err
}

// dumpWriter keeps the first write error.
type dumpWriter struct {
	w   io.Writer
	err error
}

func (d *dumpWriter) write(b []byte) {
	if d.err == nil {
		_, d.err = d.w.Write(b)
	}
}

func (d *dumpWriter) str(s string) { d.write([]byte(s)) }

// appendIndented appends src, compact JSON as encoding/json writes it (no
// whitespace outside strings), indented as json.Indent(dst, src, prefix,
// "  ") would: after each newline the prefix, then two spaces per level;
// empty objects and arrays stay "{}" and "[]". It is json.Indent without the
// validating scanner, whose per-byte state machine cost more than the
// encoding itself; strings are skipped with IndexByte.
func appendIndented(dst, src []byte, prefix string) []byte {
	depth := 0
	newline := func(dst []byte) []byte {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, "  "...)
		}
		return dst
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			j := i + 1
			for {
				k := bytes.IndexByte(src[j:], '"')
				if k < 0 {
					j = len(src)
					break
				}
				j += k
				bs := 0
				for b := j - 1; b > i && src[b] == '\\'; b-- {
					bs++
				}
				if bs%2 == 0 {
					break
				}
				j++
			}
			end := min(j+1, len(src))
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, c, src[i+1])
				i++
				continue
			}
			dst = append(dst, c)
			depth++
			dst = newline(dst)
		case '}', ']':
			depth--
			dst = newline(dst)
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = newline(dst)
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// dumpChunk is how many list elements one goroutine encodes at a time.
const dumpChunk = 32

// writeDumpList writes `  "name": ` and the list at depth 1 of the
// document. Elements are encoded through their address, so the encoding is
// the one they get as elements of the slice (pointer-receiver methods
// included).
func writeDumpList[T any](d *dumpWriter, name string, items []T) {
	d.str("  \"" + name + "\": ")
	switch {
	case items == nil:
		d.str("null")
		return
	case len(items) == 0:
		d.str("[]")
		return
	}
	d.str("[\n")
	type chunk struct {
		buf  []byte
		err  error
		done chan struct{}
	}
	n := (len(items) + dumpChunk - 1) / dumpChunk
	chunks := make([]*chunk, n)
	for k := range chunks {
		chunks[k] = &chunk{done: make(chan struct{})}
	}
	// At most 2×GOMAXPROCS chunks are encoded and not yet written.
	inFlight := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	go func() {
		for k, c := range chunks {
			inFlight <- struct{}{}
			go func() {
				defer close(c.done)
				var one bytes.Buffer
				enc := json.NewEncoder(&one)
				enc.SetEscapeHTML(false)
				for i := k * dumpChunk; i < min(len(items), (k+1)*dumpChunk); i++ {
					one.Reset()
					if err := enc.Encode(&items[i]); err != nil {
						c.err = err
						return
					}
					c.buf = append(c.buf, "    "...)
					c.buf = appendIndented(c.buf, bytes.TrimSuffix(one.Bytes(), []byte("\n")), "    ")
					if i < len(items)-1 {
						c.buf = append(c.buf, ',')
					}
					c.buf = append(c.buf, '\n')
				}
			}()
		}
	}()
	for _, c := range chunks {
		<-c.done
		if c.err != nil && d.err == nil {
			d.err = c.err
		}
		d.write(c.buf)
		c.buf = nil
		<-inFlight
	}
	d.str("  ]")
}

// writeFileAtomic writes what fill writes (buffered) to a temporary file
// next to name and renames it into place, so readers never see a partial
// file.
func writeFileAtomic(name string, fill func(w io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	bw := bufio.NewWriterSize(f, 1<<16)
	err = fill(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
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
