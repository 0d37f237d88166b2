package generator

import (
	"bytes"
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

// The runtime identifiers generated code refers to by name. The runtime
// names its exported identifiers so that no Graph type, enum constant or
// entity set can take them (Edm*, Graph*, OData*, JSON*, Opt*, Server*,
// Validation* and the short Opt helpers Some and Null; see
// TestRuntimeNamesFreeForMetadata), and TestRuntimeIdentifiersDeclared
// checks that templates/runtime declares every one listed here.
const (
	rtOp              = "Op"              // operation names; the OpXxx constants
	rtOpt             = "Opt"             // absent/null/value wrapper of optional members
	rtJSONMembers     = "JSONMembers"     // the Extra field: members no field holds
	rtProblems        = "problems"        // validation's problem accumulator
	rtODataQuery      = "ODataQuery"      // a request's query options
	rtODataCollection = "ODataCollection" // a collection response
	rtODataRef        = "ODataRef"        // a $ref / @odata.bind request body
	rtEmptyObject     = "EmptyObject"     // the {} body of a parameterless action
	rtEdmDate         = "EdmDate"
	rtEdmTimeOfDay    = "EdmTimeOfDay"
	rtEdmDuration     = "EdmDuration"
	rtEdmDecimal      = "EdmDecimal"
	rtServer          = "Server"       // the http.Handler of every operation group
	rtServerOption    = "ServerOption" // NewServer's options
)

// runtimeIdentifiers are the constants above, for the test.
var runtimeIdentifiers = []string{
	rtOp, rtOpt, rtJSONMembers, rtProblems, rtODataQuery, rtODataCollection, rtODataRef,
	rtEmptyObject, rtEdmDate, rtEdmTimeOfDay, rtEdmDuration, rtEdmDecimal, rtServer, rtServerOption,
}

// loadRuntime reads the embedded runtime once. The reserved names are
// computed, never listed by hand: every package-level name the runtime's
// non-test sources declare, and every name the fixed part of the generated
// files declares (fixedNames).
func loadRuntime() runtimeInfo {
	runtimeOnce.Do(func() {
		runtimeData.names = map[string]bool{}
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
		for _, n := range fixedNames() {
			runtimeData.names[n] = true
		}
		slices.SortFunc(runtimeData.files, func(a, b runtimeFile) int { return strings.Compare(a.Name, b.Name) })
	})
	return runtimeData
}

// fixedNames returns the package-level names docgen declares in generated
// files whatever the docs say (NewServer, Servers): the fixed declarations
// are rendered once without any group and parsed, so a name added to them
// is reserved automatically.
func fixedNames() []string {
	f := jen.NewFile("fixed")
	emitServerAPI(f, nil, nil)
	var b bytes.Buffer
	if err := f.Render(&b); err != nil {
		return nil
	}
	return declaredNames(b.Bytes())
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
