package generator

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	gofmt "go/format"
	"go/parser"
	"go/scanner"
	"go/token"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// A file that fails to format is a docgen bug, but one bad declaration must
// not cost the rest of the output: salvage drops the declarations that
// hold a syntax error, one at a time, until the file formats, and names
// each for the report.

// droppedDecl is a declaration salvage left out.
type droppedDecl struct {
	name   string // "func Foo", "type Bar", or "line 12" when no declaration holds the error
	source string // the "Source: page:line" of its doc comment, if any
	err    string // the first error within it
}

// maxSalvage bounds the declarations salvage drops before giving the file up.
const maxSalvage = 20

// salvage takes a jennifer render error, recovers the unformatted source
// from it and returns the file formatted without the declarations that do
// not parse.
func salvage(renderErr error) ([]byte, []droppedDecl, error) {
	_, src, ok := strings.Cut(renderErr.Error(), " while formatting source:\n")
	if !ok {
		return nil, nil, renderErr
	}
	var dropped []droppedDecl
	for range maxSalvage {
		out, err := gofmt.Source([]byte(src))
		if err == nil {
			out, err = dropUnusedImports(out)
			if err == nil {
				return out, dropped, nil
			}
		}
		var list scanner.ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			return nil, dropped, err
		}
		fset := token.NewFileSet()
		f, _ := parser.ParseFile(fset, "", src, parser.ParseComments|parser.SkipObjectResolution)
		tf := fset.File(f.Pos())
		if f == nil || tf == nil {
			return nil, dropped, err
		}
		first := list[0]
		off := tf.Offset(tf.LineStart(max(1, min(first.Pos.Line, tf.LineCount()))))
		off = min(off+max(0, first.Pos.Column-1), len(src))
		start, end, d := declAt(f, tf, src, off)
		d.err = first.Msg
		dropped = append(dropped, d)
		src = src[:start] + "\n" + src[end:]
	}
	return nil, dropped, fmt.Errorf("more than %d declarations do not format", maxSalvage)
}

var sourceLine = regexp.MustCompile(`Source: (\S+)`)

// declAt returns the byte range (doc comment included) of the top-level
// declaration of f holding offset off, and its name; the line of off when
// no declaration holds it.
func declAt(f *ast.File, tf *token.File, src string, off int) (int, int, droppedDecl) {
	for _, decl := range f.Decls {
		start, end := tf.Offset(decl.Pos()), tf.Offset(decl.End())
		var doc *ast.CommentGroup
		var d droppedDecl
		switch x := decl.(type) {
		case *ast.FuncDecl:
			doc = x.Doc
			d.name = "func " + x.Name.Name
			if x.Recv != nil && len(x.Recv.List) > 0 {
				d.name = "method " + x.Name.Name
			}
		case *ast.GenDecl:
			doc = x.Doc
			d.name = x.Tok.String()
			if len(x.Specs) > 0 {
				switch s := x.Specs[0].(type) {
				case *ast.TypeSpec:
					d.name += " " + s.Name.Name
				case *ast.ValueSpec:
					d.name += " " + s.Names[0].Name
				}
			}
		default:
			d.name = "declaration at line " + strconv.Itoa(tf.Line(decl.Pos()))
		}
		if doc != nil {
			start = tf.Offset(doc.Pos())
			if m := sourceLine.FindStringSubmatch(doc.Text()); m != nil {
				d.source = m[1]
			}
		}
		if off >= start && off < end || off == end && end == len(src) {
			return start, end, d
		}
	}
	// Not in a declaration (a stray comment): drop the line.
	start := strings.LastIndexByte(src[:off], '\n') + 1
	end := len(src)
	if i := strings.IndexByte(src[off:], '\n'); i >= 0 {
		end = off + i
	}
	return start, end, droppedDecl{name: "line " + strconv.Itoa(strings.Count(src[:start], "\n")+1)}
}

// dropUnusedImports removes the imports a salvaged file no longer uses.
func dropUnusedImports(src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	tf := fset.File(f.Pos())
	var cut [][2]int
	for _, decl := range f.Decls {
		g, ok := decl.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT {
			continue
		}
		var specs [][2]int
		for _, spec := range g.Specs {
			im := spec.(*ast.ImportSpec)
			p, _ := strconv.Unquote(im.Path.Value)
			name := path.Base(p)
			if im.Name != nil {
				name = im.Name.Name
			}
			if name == "_" || name == "." || used[name] {
				continue
			}
			specs = append(specs, [2]int{tf.Offset(im.Pos()), tf.Offset(im.End())})
		}
		if len(specs) == len(g.Specs) && len(specs) > 0 {
			cut = append(cut, [2]int{tf.Offset(g.Pos()), tf.Offset(g.End())})
		} else {
			cut = append(cut, specs...)
		}
	}
	if len(cut) == 0 {
		return src, nil
	}
	var b bytes.Buffer
	last := 0
	for _, c := range cut {
		b.Write(src[last:c[0]])
		last = c[1]
	}
	b.Write(src[last:])
	return gofmt.Source(b.Bytes())
}
