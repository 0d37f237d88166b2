package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/templates"
)

// runtimeFile is one runtime source file as templates provides it.
type runtimeFile struct {
	Name string // "opt.go", "examples_test.go"
	Src  []byte // the source as in templates/runtime (package runtime)
}

// runtimeInfo is what the generator needs to know about the runtime: its
// files and every package-level name they declare (so generated names never
// collide with them).
type runtimeInfo struct {
	files []runtimeFile
	names map[string]bool
}

var (
	runtimeOnce sync.Once
	runtimeData runtimeInfo
)

// loadRuntime reads the embedded runtime once. The names come from parsing
// the sources, so a name R adds to the runtime is reserved automatically;
// runtimeNames (naming.go) lists the ones reserved even if a file is
// missing.
func loadRuntime() runtimeInfo {
	runtimeOnce.Do(func() {
		runtimeData.names = map[string]bool{}
		for _, n := range runtimeNames {
			runtimeData.names[n] = true
		}
		for _, f := range append(templates.Files(), templates.TestFiles()...) {
			rf := runtimeFile{Name: f.Name, Src: []byte(f.Src)}
			runtimeData.files = append(runtimeData.files, rf)
			if strings.HasSuffix(f.Name, "_test.go") {
				continue
			}
			for _, n := range declaredNames(rf.Src) {
				runtimeData.names[n] = true
			}
		}
		slices.SortFunc(runtimeData.files, func(a, b runtimeFile) int { return strings.Compare(a.Name, b.Name) })
	})
	return runtimeData
}

// declaredNames returns the package-level identifiers a Go source declares.
func declaredNames(src []byte) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	var names []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				names = append(names, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					names = append(names, s.Name.Name)
				case *ast.ValueSpec:
					for _, n := range s.Names {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	return names
}

// runtimeFiles copies each runtime file into the package as
// docgen_<name>: package clause replaced, header and Source line added.
// The runtime's example harness (templates.TestFiles) is copied as a test
// file the same way.
func (p *plan) runtimeFiles() []*genFile {
	var out []*genFile
	for _, f := range loadRuntime().files {
		if p.opts.NoTests && strings.HasSuffix(f.Name, "_test.go") {
			continue // helpers of the generated tests
		}
		src := templates.Rewrite(f.Src, p.opts.Package, path.Join("templates/runtime", f.Name))
		out = append(out, &genFile{Name: "docgen_" + f.Name, Src: src})
	}
	return out
}

// opsFile declares the Op type unless the runtime already does.
func (p *plan) opsFile() []*genFile {
	if loadRuntime().declares("Op") {
		return nil
	}
	f := p.newFile("")
	f.Comment("Op names a documented operation: the page file name without folder and")
	f.Comment("extension (\"create-cloudpcsnapshot\"). Each page's file declares the")
	f.Comment("constants of its operations (OpCreateCloudPcSnapshot); ValidateFor")
	f.Comment("applies the rules of one.")
	f.Type().Id("Op").String()
	f.Comment("String returns the operation's name.")
	f.Func().Params(jen.Id("op").Id("Op")).Id("String").Params().String().Block(jen.Return(jen.String().Call(jen.Id("op"))))
	return []*genFile{{Name: "docgen_ops.go", Jen: f}}
}

// declares reports whether a runtime source file declares name.
func (r runtimeInfo) declares(name string) bool {
	for _, f := range r.files {
		if !strings.HasSuffix(f.Name, "_test.go") && slices.Contains(declaredNames(f.Src), name) {
			return true
		}
	}
	return false
}
