// Package apidiff compares the exported API of two versions of a generated
// Go package — the one checked in and the one the docs produce now — and
// reports what would stop a consumer's code from compiling or from reading
// the same JSON: a removed or renamed type, field, constant, method or
// function, a changed field type or JSON name, a changed constant value or
// type, a changed signature. Additions are compatible and not reported.
//
// golang.org/x/exp/apidiff is the reference for what is incompatible; this
// package does not use it because apidiff needs both packages type-checked
// (go/types, with every import of the generated package — net/http and the
// rest of its standard library closure — type-checked from source or
// loaded from export data the go command builds), which costs seconds and a
// go toolchain at run time, and it would be a dependency beyond the
// project's four. Generated code is regular enough that a syntactic
// comparison of the exported declarations (go/ast, types compared as
// printed by go/printer) is exact here: both versions come from the same
// generator, name types the same way and use no aliases. Two rules differ
// from apidiff on purpose: a change of a field's JSON name (its struct tag)
// is a break, because it changes the wire format; a method added to an
// interface (a new operation in a server interface) is not, because docgen
// generates an Unimplemented type to embed for exactly that case.
//
// Each declaration carries its provenance — the text of its "// Source:"
// doc comment line, or its parent's (a field without one: its struct's; a
// method: its receiver's; anything else: the file header's) — so that the
// caller can place a break on the page line that caused it.
package apidiff

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// File is one Go source file of a package.
type File struct {
	Name    string
	Content []byte
}

// Kind says what a declaration is.
type Kind string

const (
	Type   Kind = "type"
	Field  Kind = "field"
	Method Kind = "method" // a method of a named type, or of an interface
	Const  Kind = "const"
	Var    Kind = "var"
	Func   Kind = "func"
)

// Decl is one exported declaration.
type Decl struct {
	// Key names the declaration uniquely: "T", "T.Field", "T.Method",
	// "Const", "Func".
	Key  string
	Kind Kind
	// Parent is the Key of the type a field or method belongs to.
	Parent string
	// Text is the Go declaration on one line, as a reader would write it:
	// "type CloudPcSnapshot struct", "Status Opt[CloudPcSnapshotStatus]
	// json:\"status,omitzero\"" (a field's tag unquoted), "func (v *T)
	// Validate() error".
	Text string
	// sig is what compatibility compares (Text without names that may
	// change compatibly, such as parameter names).
	sig string
	// JSON is a field's JSON member name (its tag's first element).
	JSON string
	// Type is a field's, constant's or variable's type as printed.
	Type string
	// Source is the provenance ("docs/x.md#cloudPcSnapshot.status", or
	// "docs/x.md:50" in files generated before anchors): the declaration's
	// own "// Source:" comment, else its parent's, else the file's.
	Source string
	// File is the name of the file that declares it.
	File string
	seq  int // declaration order in Read
}

// API is the exported API of a package.
type API struct {
	Decls map[string]*Decl
}

// Read parses files (test files, whose names end in _test.go, are skipped)
// and collects their exported declarations. A file that does not parse is
// skipped: the caller reports it (it is drift anyway).
func Read(files []File) *API {
	api := &API{Decls: map[string]*Decl{}}
	fset := token.NewFileSet()
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") || strings.HasSuffix(f.Name, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			continue
		}
		r := reader{fset: fset, api: api, file: f.Name, fileSource: headerSource(af)}
		r.read(af)
	}
	api.inheritSources()
	return api
}

// ident matches an exported identifier in a declaration's text.
var ident = regexp.MustCompile(`\b[A-Z][A-Za-z0-9_]*\b`)

// inheritSources gives declarations without a "// Source:" of their own
// (and in a file without a Source header: the shared docgen_*.go files)
// the provenance of what they stand for, in this order: a type, its first
// member's own; a field or method, its type's; then anything, the first
// declaration with a Source its text names (a server interface field, the
// interface; an Unimplemented server's method, its request type); last, a
// type, its first member's so found.
func (api *API) inheritSources() {
	var all []*Decl
	for _, d := range api.Decls {
		all = append(all, d)
	}
	slices.SortFunc(all, func(a, b *Decl) int { return a.seq - b.seq })
	members := map[string][]*Decl{}
	for _, d := range all {
		if d.Parent != "" {
			members[d.Parent] = append(members[d.Parent], d)
		}
	}
	for _, d := range all {
		if d.Source == "" && d.Kind == Type {
			for _, m := range members[d.Key] {
				if m.Source != "" {
					d.Source = m.Source
					break
				}
			}
		}
	}
	for _, d := range all {
		if d.Source == "" && d.Parent != "" {
			if p := api.Decls[d.Parent]; p != nil {
				d.Source = p.Source
			}
		}
	}
	named := func(d *Decl) string {
		for _, id := range ident.FindAllString(d.Text, -1) {
			if id == d.Key || id == d.Parent || d.Key == d.Parent+"."+id {
				continue
			}
			if n := api.Decls[id]; n != nil && n.Source != "" {
				return n.Source
			}
		}
		return ""
	}
	for _, d := range all {
		if d.Source == "" {
			d.Source = named(d)
		}
	}
	for _, d := range all {
		if d.Source == "" && d.Kind == Type {
			for _, m := range members[d.Key] {
				if m.Source != "" {
					d.Source = m.Source
					break
				}
			}
		}
	}
}

type reader struct {
	fset       *token.FileSet
	api        *API
	file       string
	fileSource string
}

func (r *reader) add(d *Decl) {
	d.File = r.file
	d.seq = len(r.api.Decls)
	if d.Source == "" && d.Parent == "" {
		d.Source = r.fileSource
	}
	if _, dup := r.api.Decls[d.Key]; !dup {
		r.api.Decls[d.Key] = d
	}
}

func (r *reader) read(af *ast.File) {
	for _, decl := range af.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			r.readFunc(decl)
		case *ast.GenDecl:
			for _, spec := range decl.Specs {
				doc := decl.Doc
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					if spec.Doc != nil {
						doc = spec.Doc
					}
					r.readType(spec, source(doc))
				case *ast.ValueSpec:
					if spec.Doc != nil || len(decl.Specs) > 1 {
						doc = spec.Doc
					}
					r.readValue(decl.Tok, spec, source(doc))
				}
			}
		}
	}
}

func (r *reader) readType(spec *ast.TypeSpec, src string) {
	if !spec.Name.IsExported() {
		return
	}
	name := spec.Name.Name
	d := &Decl{Key: name, Kind: Type, Source: src}
	tparams := ""
	if spec.TypeParams != nil {
		tparams = r.print(spec.TypeParams)
		tparams = "[" + strings.TrimSuffix(strings.TrimPrefix(tparams, "("), ")") + "]"
	}
	switch t := spec.Type.(type) {
	case *ast.StructType:
		d.Text = "type " + name + tparams + " struct"
		d.sig = d.Text
		r.add(d)
		for _, f := range t.Fields.List {
			tag := ""
			if f.Tag != nil {
				tag = f.Tag.Value
			}
			typ := r.print(f.Type)
			names := f.Names
			if len(names) == 0 { // embedded: the field is named after the type
				base := strings.TrimPrefix(typ, "*")
				if i := strings.IndexByte(base, '['); i >= 0 {
					base = base[:i]
				}
				if i := strings.LastIndexByte(base, '.'); i >= 0 {
					base = base[i+1:]
				}
				names = []*ast.Ident{ast.NewIdent(base)}
			}
			for _, n := range names {
				if !n.IsExported() {
					continue
				}
				text := n.Name + " " + typ
				if t, err := strconv.Unquote(tag); err == nil && t != "" {
					text += " " + t // without its quotes, to sit in a message's backquotes
				}
				json := jsonName(tag)
				r.add(&Decl{Key: name + "." + n.Name, Kind: Field, Parent: name, Text: text,
					sig: typ + " json:" + json, JSON: json, Type: typ, Source: source(f.Doc)})
			}
		}
	case *ast.InterfaceType:
		d.Text = "type " + name + tparams + " interface"
		d.sig = d.Text
		r.add(d)
		for _, m := range t.Methods.List {
			typ := r.print(m.Type)
			for _, n := range m.Names {
				if !n.IsExported() {
					continue
				}
				ft, _ := m.Type.(*ast.FuncType)
				r.add(&Decl{Key: name + "." + n.Name, Kind: Method, Parent: name,
					Text: n.Name + strings.TrimPrefix(typ, "func"), sig: r.funcSig(ft), Source: source(m.Doc)})
			}
			if len(m.Names) == 0 { // embedded interface
				r.add(&Decl{Key: name + "." + typ, Kind: Method, Parent: name, Text: typ, sig: typ, Source: source(m.Doc)})
			}
		}
	default:
		op := " "
		if spec.Assign.IsValid() {
			op = " = "
		}
		d.Text = "type " + name + tparams + op + r.print(spec.Type)
		d.sig = d.Text
		r.add(d)
	}
}

func (r *reader) readValue(tok token.Token, spec *ast.ValueSpec, src string) {
	typ := ""
	if spec.Type != nil {
		typ = r.print(spec.Type)
	}
	for i, n := range spec.Names {
		if !n.IsExported() {
			continue
		}
		text := tok.String() + " " + n.Name
		if typ != "" {
			text += " " + typ
		}
		sig := text
		if i < len(spec.Values) {
			v := r.print(spec.Values[i])
			text += " = " + v
			if tok == token.CONST {
				sig = text // a constant's value is part of its API
			}
		}
		kind := Var
		if tok == token.CONST {
			kind = Const
		}
		r.add(&Decl{Key: n.Name, Kind: kind, Text: text, sig: sig, Type: typ, Source: src})
	}
}

func (r *reader) readFunc(fd *ast.FuncDecl) {
	if !fd.Name.IsExported() {
		return
	}
	cp := *fd
	cp.Doc, cp.Body = nil, nil
	text := r.print(&cp)
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		r.add(&Decl{Key: fd.Name.Name, Kind: Func, Text: text, sig: "func" + r.typeParams(fd.Type) + r.funcSig(fd.Type), Source: source(fd.Doc)})
		return
	}
	recv := fd.Recv.List[0].Type
	ptr := ""
	if s, ok := recv.(*ast.StarExpr); ok {
		recv, ptr = s.X, "*"
	}
	switch x := recv.(type) {
	case *ast.IndexExpr:
		recv = x.X
	case *ast.IndexListExpr:
		recv = x.X
	}
	id, ok := recv.(*ast.Ident)
	if !ok || !id.IsExported() {
		return
	}
	r.add(&Decl{Key: id.Name + "." + fd.Name.Name, Kind: Method, Parent: id.Name, Text: text,
		sig: ptr + r.funcSig(fd.Type), Source: source(fd.Doc)})
}

// funcSig prints a function type's parameter and result types, without
// names (renaming a parameter is compatible).
func (r *reader) funcSig(ft *ast.FuncType) string {
	if ft == nil {
		return ""
	}
	list := func(fl *ast.FieldList) string {
		if fl == nil {
			return "()"
		}
		var parts []string
		for _, f := range fl.List {
			t := r.print(f.Type)
			for range max(1, len(f.Names)) {
				parts = append(parts, t)
			}
		}
		return "(" + strings.Join(parts, ", ") + ")"
	}
	return list(ft.Params) + " " + list(ft.Results)
}

func (r *reader) typeParams(ft *ast.FuncType) string {
	if ft == nil || ft.TypeParams == nil {
		return ""
	}
	return r.print(ft.TypeParams)
}

func (r *reader) print(n any) string {
	var buf bytes.Buffer
	if err := printer.Fprint(&buf, r.fset, n); err != nil {
		return ""
	}
	return strings.Join(strings.Fields(buf.String()), " ")
}

// SourcePrefix starts a provenance line in a doc comment.
const SourcePrefix = "Source: "

// source returns the text after "Source: " in a doc comment, or "".
func source(cg *ast.CommentGroup) string {
	if cg == nil {
		return ""
	}
	for i, c := range cg.List {
		t := strings.TrimSpace(strings.TrimPrefix(c.Text, "//"))
		if t == strings.TrimSpace(SourcePrefix) && i+1 < len(cg.List) {
			// A long path wraps after "Source:".
			return strings.TrimSpace(strings.TrimPrefix(cg.List[i+1].Text, "//"))
		}
		if rest, ok := strings.CutPrefix(t, SourcePrefix); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}

// headerSource is the file header's "// Source:" page (the comments before
// the package clause), or "".
func headerSource(af *ast.File) string {
	for _, cg := range af.Comments {
		if cg.Pos() >= af.Package {
			break
		}
		if s := source(cg); s != "" {
			return s
		}
	}
	return ""
}

// jsonName is the name in a struct tag's json key ("" for none).
func jsonName(tag string) string {
	if tag == "" {
		return ""
	}
	s, err := strconv.Unquote(tag)
	if err != nil {
		return ""
	}
	v := reflect.StructTag(s).Get("json")
	name, _, _ := strings.Cut(v, ",")
	return name
}
