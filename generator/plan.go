package generator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/docgen-dev/docgen/internal/examples"
	"github.com/docgen-dev/docgen/parser/model"
)

// The plan is the naming pass that runs before any Go is emitted (the
// protogen pattern: the IR gets its Go identifiers up front, and emission
// functions only read them). It decides, for the whole package at once:
//
//   - the Go name of every type, enum constant, operation constant,
//     polymorphic decode function and request-body struct, unique in the
//     package scope and never one of the runtime's names;
//   - the Go name of every struct field, unique within its struct and never
//     one of the generated methods (Validate, MarshalJSON, ...);
//   - which Go file each declaration lives in (one file per page);
//   - the Go type of every field (T, Opt[T], *T and Opt[*T] for structs,
//     []T).
//
// Names never depend on the order of the model's slices: every collision is
// resolved in an order fixed by qualified names (types by OData name,
// fields by JSON name, operations by name), and every rename is reported as
// an info diagnostic (code generator-renamed).
//
// The emitters of the server side and the tests (emit_handler*.go,
// emit_examples*.go) reuse the plan rather than recomputing names: they
// look types up in p.byName (by qualified name) and operations in p.opsMap
// (by model name), and use
//
//	t.field(jsonName) *fieldInfo         // a struct's field (GoName, Plain, Ptr, Target)
//	p.goType(ref) *jen.Statement         // Go type of a bare TypeRef ([]T, T)
//	p.elemType(ref) *jen.Statement       // Go type of one value of ref
//	p.fieldType(f) *jen.Statement        // Go type of a struct field (Opt[T], ...)
//	o.ConstName, o.BaseName, o.Body, o.RespType
//	                                     // per-operation Op constant, stem and body/response types
//	fi.Name, fi.Base, fi.ops, fi.types   // a page's Go file ("x.go", "x") and its declarations
//	p.claim(want, owner, suffix, pos, what, natural) string
//	                                     // reserve a new package-level name (reported
//	                                     // as generator-renamed when it changes)
//	p.newFile(page) *jen.File            // a new file with header and Source line
//	p.diag(pos, code, format, args...)   // report with the code's documented severity
//
// Generate calls them after newPlan in a fixed order (see Generate), so
// names they claim are as deterministic as the plan's own.
type plan struct {
	pkg  *model.Package
	opts Options

	// types are the generated named types (structs and enums), sorted by
	// qualified name; request-body structs synthesized for actions are in
	// ops[i].body, not here.
	types  []*typeInfo
	byName map[string]*typeInfo
	// ops are sorted by name.
	ops    []*opInfo
	opsMap map[string]*opInfo
	// files are the page files, sorted by Name.
	files     []*fileInfo
	filesMap  map[string]*fileInfo // by page
	fileNames map[string]bool

	// scope maps a package-level Go name to the key of its owner.
	scope map[string]string
	// mu guards diags once files are built concurrently.
	mu    sync.Mutex
	diags []model.Diagnostic
	// handlers is the server side of the plan (emit_handler.go), built on
	// first use.
	handlers *handlerPlan
	// exampleCases maps an example to its round-trip test, once the
	// example tests are named (emit_examples.go); the handler tests refer
	// to their variables rather than repeating the bodies.
	exampleCases map[*model.Example]*exampleTest
	// testNames are the package-level names taken, with the generated
	// tests' (emit_examples.go usedNames).
	testNames map[string]bool
	// lines maps a test anchor to its page line (docgen_lines_test.go).
	lines map[string]int
	// undefined records types already reported as undefined, per position.
	reported map[string]bool
	// examples is the example analysis's view of the generated types
	// (emit_examples_fixture.go exampleSchema), built on first use.
	examplesOnce sync.Once
	examples     *examples.Schema
}

// typeInfo is a generated named type: a struct (entity or complex type, or
// an action's request body) or an enum.
type typeInfo struct {
	// Type is the model node; for a synthesized request-body struct it is a
	// Type with the operation's position and the request-body rows.
	*model.Type
	// GoName is the type's Go identifier.
	GoName string
	// Fields are a struct's fields, inherited ones first (root base first),
	// in documented order; a property redeclared by a derived type keeps
	// the base's place with the derived definition.
	Fields []*fieldInfo
	// Consts are an enum's constants, in documented order.
	Consts []*constInfo
	// DecodeFunc is "DecodeX" for a struct with derived types, else "";
	// such a struct also gets a Concrete method.
	DecodeFunc string
	// Descendants are the struct types derived from this one, directly or
	// not, sorted by qualified name.
	Descendants []*typeInfo
	// Synthetic marks a request-body struct the docs never name.
	Synthetic bool
	// BodyOf are the operations whose request body is this struct, sorted
	// by name; ValidateFor applies their rules.
	BodyOf []*opInfo
	file   *fileInfo
}

// isStruct reports whether t is generated as a struct.
func (t *typeInfo) isStruct() bool { return t.Kind != model.EnumType }

// field returns the struct field for a JSON member name, or nil.
func (t *typeInfo) field(jsonName string) *fieldInfo {
	for _, f := range t.Fields {
		if f.Name == jsonName {
			return f
		}
	}
	return nil
}

// fieldInfo is one field of a generated struct.
type fieldInfo struct {
	// Property is the model node (from the declaring type).
	*model.Property
	// GoName is the field's Go identifier, unique in its struct.
	GoName string
	// Owner is the type that declares the property (the struct itself or
	// one of its bases).
	Owner *typeInfo
	// Target is the named type the property refers to (struct or enum),
	// nil for primitives and untyped JSON.
	Target *typeInfo
	// Ptr marks a single-valued struct field: its type is *T (required) or
	// Opt[*T] (see markPointers).
	Ptr bool
	// Plain marks a field declared without Opt: required single values.
	Plain bool
}

// constInfo is one enum constant.
type constInfo struct {
	*model.EnumMember
	GoName string
}

// opInfo is one documented operation.
type opInfo struct {
	*model.Operation
	// ConstName is the Op constant, "OpCreateCloudPcSnapshot".
	ConstName string
	// BaseName is ConstName without the Op prefix, the stem other emitters
	// use for per-operation identifiers ("CreateCloudPcSnapshot").
	BaseName string
	// Body is the request body's struct: the named type, or a synthesized
	// "<BaseName>Body" struct for an action's parameter table; nil when
	// the operation documents no structured body.
	Body *typeInfo
	// RespType is the response's named type, nil for none or primitives.
	RespType *typeInfo
	// Required are the body fields the operation requires; ReadOnly are
	// the body fields a request must not carry.
	Required []*fieldInfo
	ReadOnly []*fieldInfo
	file     *fileInfo
}

// fileInfo is the Go file generated for one page.
type fileInfo struct {
	// Page is the page's path as in model.Pos.File.
	Page string
	// Name is the Go file name, "create_cloudpcsnapshot.go"; Base is the
	// same without ".go", the stem for sibling files such as
	// "<Base>_examples_test.go".
	Name string
	Base string
	// types and ops are sorted by position, then name.
	types []*typeInfo
	ops   []*opInfo
}

// builtinFile holds the types the docs never define on a page (EntityBase).
const builtinFile = "docgen_builtin"

// newPlan runs the naming pass over pkg.
func newPlan(pkg *model.Package, opts Options) *plan {
	p := &plan{
		pkg:       pkg,
		opts:      opts,
		byName:    map[string]*typeInfo{},
		opsMap:    map[string]*opInfo{},
		filesMap:  map[string]*fileInfo{},
		fileNames: map[string]bool{},
		scope:     map[string]string{},
		reported:  map[string]bool{},
	}
	for n := range loadRuntime().names {
		p.scope[n] = "runtime"
	}
	p.collectTypes()
	p.nameTypes()
	p.nameConsts()
	p.collectOps()
	p.resolveFields()
	p.markPointers()
	p.planPolymorphism()
	p.planOpRules()
	p.planFiles()
	return p
}

// opByName returns the operation with the model name, or nil.
func (p *plan) opByName(name string) *opInfo { return p.opsMap[name] }

// diag records a diagnostic with the code's documented severity.
func (p *plan) diag(pos model.Pos, code model.Code, format string, args ...any) {
	sev := model.Warning
	if c, ok := model.LookupCode(catalogue, code); ok {
		sev = c.Severity
	}
	d := model.Diagnostic{Pos: pos, Severity: sev, Code: code, Message: fmt.Sprintf(format, args...)}
	p.mu.Lock()
	p.diags = append(p.diags, d)
	p.mu.Unlock()
}

// collectTypes indexes the model's types, sorted by qualified name whatever
// the input order.
func (p *plan) collectTypes() {
	types := slices.DeleteFunc(slices.Clone(p.pkg.Types), func(t *model.Type) bool { return t == nil })
	slices.SortStableFunc(types, func(a, b *model.Type) int { return strings.Compare(a.Name, b.Name) })
	for _, t := range types {
		if t.Name == "" || p.byName[t.Name] != nil {
			if t.Name != "" {
				p.diag(t.Pos, CodeDuplicateType, "type %s is defined twice; the second definition is ignored, merge the two", t.Name)
			}
			continue
		}
		ti := &typeInfo{Type: t}
		p.types = append(p.types, ti)
		p.byName[t.Name] = ti
	}
}

// nameTypes gives every type its Go name. The plain name is the last
// segment of the qualified name; a type outside microsoft.graph whose plain
// name another type also has gets its sub-namespace as a prefix
// (microsoft.graph.callRecords.session → CallRecordsSession).
func (p *plan) nameTypes() {
	plain := map[string][]*typeInfo{}
	for _, t := range p.types {
		n := typePlainName(t.Name)
		plain[n] = append(plain[n], t)
	}
	for _, t := range p.types {
		natural := typePlainName(t.Name)
		want := natural
		if ns := subNamespace(t.Name); ns != "" && (len(plain[natural]) > 1 || p.scope[natural] != "") {
			want = exportedName(ns) + natural
			other := "a runtime declaration"
			if others := plain[natural]; len(others) > 1 {
				other = "type " + others[0].Name
				if others[0] == t {
					other = "type " + others[1].Name
				}
			}
			p.diag(t.Pos, CodeRenamed, "type %s is named %s in Go, with its namespace, because %s would also be %s", t.Name, want, other, natural)
		}
		t.GoName = p.claim(want, "type "+t.Name, "Type", t.Pos, fmt.Sprintf("type %s", t.Name), want)
	}
}

// typePlainName is the Go name of a qualified type name's last segment.
func typePlainName(qualified string) string {
	seg := qualified[strings.LastIndex(qualified, ".")+1:]
	if n := exportedName(seg); n != "" {
		return n
	}
	return "Type"
}

// subNamespace returns the part of a qualified name's namespace after
// "microsoft.graph." ("callRecords"), or "" for microsoft.graph itself and
// unrelated namespaces.
func subNamespace(qualified string) string {
	i := strings.LastIndex(qualified, ".")
	if i < 0 {
		return ""
	}
	ns := qualified[:i]
	if rest, ok := strings.CutPrefix(ns, "microsoft.graph."); ok {
		return rest
	}
	if ns == "microsoft.graph" || ns == "Edm" {
		return ""
	}
	return ns
}

// claim reserves a package-level name for owner. When want is taken it
// tries want+suffix, then numbered variants, and reports the rename
// (natural is the name the declaration would have had).
func (p *plan) claim(want, owner, suffix string, pos model.Pos, what, natural string) string {
	name := want
	if p.scope[name] != "" {
		name = want + suffix
		for i := 2; p.scope[name] != ""; i++ {
			name = want + suffix + strconv.Itoa(i)
		}
	}
	p.scope[name] = owner
	if name != natural {
		reason := "another declaration"
		if prev := p.scope[natural]; prev != "" {
			reason = prev
			if prev == "runtime" {
				reason = "a runtime declaration"
			}
		}
		p.diag(pos, CodeRenamed, "%s is named %s in Go because %s already uses %s", what, name, reason, natural)
	}
	return name
}

// nameConsts names enum constants: the type's Go name plus the member's.
func (p *plan) nameConsts() {
	for _, t := range p.types {
		if t.Kind != model.EnumType {
			continue
		}
		seen := map[string]bool{}
		for i, m := range t.Members {
			if m == nil || seen[m.Name] {
				continue
			}
			seen[m.Name] = true
			suffix := exportedName(m.Name)
			if suffix == "" {
				suffix = "Value" + strconv.Itoa(i)
			}
			natural := t.GoName + suffix
			name := p.claim(natural, "constant "+t.Name+"/"+m.Name, "Value", m.Pos, fmt.Sprintf("enum member %s.%s", t.Name, m.Name), natural)
			t.Consts = append(t.Consts, &constInfo{EnumMember: m, GoName: name})
		}
	}
}

// collectOps names operation constants and synthesizes request-body
// structs for actions ("<BaseName>Body").
func (p *plan) collectOps() {
	ops := slices.DeleteFunc(slices.Clone(p.pkg.Operations), func(o *model.Operation) bool { return o == nil })
	slices.SortStableFunc(ops, func(a, b *model.Operation) int { return strings.Compare(a.Name, b.Name) })
	// An operation is named after its title ("Create cloudPcSnapshot" →
	// OpCreateCloudPcSnapshot), unless several operations share that title
	// ("List members" on groups and on administrative units): then each of
	// them is named after its page (OpGroupListMembers).
	byTitle := map[string]int{}
	for _, op := range ops {
		byTitle[exportedName(op.Title)]++
	}
	for _, op := range ops {
		if op.Name == "" || p.opsMap[op.Name] != nil {
			continue
		}
		base := exportedName(op.Title)
		if base == "" || byTitle[base] > 1 {
			if base != "" {
				p.diag(op.Pos, CodeRenamed, "operation %s is named Op%s in Go, after its page, because %d operations have the title %q", op.Name, exportedName(op.Name), byTitle[base], op.Title)
			}
			base = exportedName(op.Name)
		}
		if base == "" {
			base = "Operation"
		}
		o := &opInfo{Operation: op}
		o.ConstName = p.claim("Op"+base, "operation "+op.Name, "", op.Pos, "operation "+op.Name, "Op"+base)
		o.BaseName = strings.TrimPrefix(o.ConstName, "Op")
		p.ops = append(p.ops, o)
		p.opsMap[op.Name] = o
	}
	for _, o := range p.ops {
		rb := o.RequestBody
		if rb == nil {
			continue
		}
		if rb.Type.Name == "" && !rb.Type.Collection && len(rb.Properties) > 0 {
			pos := rb.Pos
			if !pos.IsValid() {
				pos = o.Pos
			}
			t := &model.Type{
				Name:        "#request." + o.Name,
				Kind:        model.ComplexType,
				Description: "the request body of " + o.Title + ".",
				Pos:         pos,
				Properties:  rb.Properties,
			}
			natural := o.BaseName + "Body"
			t2 := &typeInfo{Type: t, Synthetic: true}
			t2.GoName = p.claim(natural, "request body of "+o.Name, "Type", pos, "the request body of "+o.Name, natural)
			o.Body = t2
		} else if bt := p.byName[rb.Type.Name]; bt != nil && bt.isStruct() && !rb.Type.Collection {
			o.Body = bt
		}
		if r := o.Operation.Response; r != nil {
			o.RespType = p.byName[r.Type.Name]
		}
	}
}

// structs returns every generated struct: named ones sorted by qualified
// name, then synthesized request bodies by operation name.
func (p *plan) structs() []*typeInfo {
	var out []*typeInfo
	for _, t := range p.types {
		if t.isStruct() {
			out = append(out, t)
		}
	}
	for _, o := range p.ops {
		if o.Body != nil && o.Body.Synthetic {
			out = append(out, o.Body)
		}
	}
	return out
}

// resolveFields flattens inherited properties and names every field.
func (p *plan) resolveFields() {
	for _, t := range p.structs() {
		props, owners := p.flatten(t)
		for i, prop := range props {
			f := &fieldInfo{Property: prop, Owner: owners[i]}
			f.Target = p.resolveRef(prop.TypeRef, prop.Pos)
			f.Plain = prop.Required && !prop.Collection
			t.Fields = append(t.Fields, f)
		}
		p.nameFields(t)
	}
}

// flatten returns a struct's properties with inherited ones first.
func (p *plan) flatten(t *typeInfo) ([]*model.Property, []*typeInfo) {
	chain := []*typeInfo{t}
	seen := map[string]bool{t.Name: true}
	// A built-in type (the entity root) is a root whatever Base says.
	for cur := t.Type; cur.Base != "" && !cur.Builtin; {
		base := p.byName[cur.Base]
		if base == nil {
			if cur.Base != model.EntityBase {
				p.diag(cur.Pos, CodeUndefinedBase, "base type %s of %s is not defined on any page; its properties are missing from %s", cur.Base, cur.Name, t.GoName)
			}
			break
		}
		if base.Name == cur.Name {
			// A type that names itself as its base (the built-in entity
			// type does in some models) simply has none.
			break
		}
		if seen[base.Name] {
			// Reported once per type on the cycle, not for every type
			// that derives from one.
			if base.Name == t.Name {
				p.diag(t.Pos, CodeBaseCycle, "the base types of %s lead back to itself (through %s); fix the baseType annotations", t.Name, cur.Name)
			}
			break
		}
		seen[base.Name] = true
		chain = append(chain, base)
		cur = base.Type
	}
	var props []*model.Property
	var owners []*typeInfo
	index := map[string]int{}
	add := func(prop *model.Property, owner *typeInfo) {
		if prop == nil || prop.Name == "" || prop.Name == "@odata.type" {
			return
		}
		if i, ok := index[prop.Name]; ok {
			props[i], owners[i] = prop, owner
			return
		}
		index[prop.Name] = len(props)
		props = append(props, prop)
		owners = append(owners, owner)
	}
	// An entity whose chain ends at the built-in entity type (not defined
	// in the model) still has its key.
	if root := chain[len(chain)-1]; root.Kind == model.EntityType && root.Name != model.EntityBase && p.byName[model.EntityBase] == nil {
		add(&model.Property{Name: "id", TypeRef: model.TypeRef{Name: "Edm.String"}, Description: "The unique identifier of the entity.", Pos: root.Pos}, root)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		for _, prop := range chain[i].Properties {
			add(prop, chain[i])
		}
	}
	return props, owners
}

// nameFields gives a struct's fields unique Go names, resolving collisions
// in JSON-name order so the result does not depend on property order.
func (p *plan) nameFields(t *typeInfo) {
	used := map[string]bool{}
	for _, m := range structMethods {
		used[m] = true
	}
	order := slices.Clone(t.Fields)
	slices.SortStableFunc(order, func(a, b *fieldInfo) int { return strings.Compare(a.Name, b.Name) })
	for _, f := range order {
		natural := exportedName(f.Name)
		if natural == "" {
			natural = "Field"
		}
		name := natural
		if used[name] {
			name = natural + "Field"
			for i := 2; used[name]; i++ {
				name = natural + "Field" + strconv.Itoa(i)
			}
		}
		used[name] = true
		f.GoName = name
		if name != natural && f.Owner == t {
			p.diag(f.Pos, CodeRenamed, "property %s of %s is the Go field %s because %s is already taken in the struct", f.Name, t.Name, name, natural)
		}
	}
}

// resolveRef returns the named type a TypeRef refers to, or nil for
// primitives and untyped JSON; an undefined name is reported once per
// position.
func (p *plan) resolveRef(ref model.TypeRef, pos model.Pos) *typeInfo {
	if ref.Name == "" || ref.Name == model.JSONType {
		return nil
	}
	if ref.IsPrimitive() {
		if _, ok := edmTypes[ref.Name]; !ok {
			p.reportOnce(pos, CodeUnknownPrimitive, "unknown primitive type %s; the value is kept as raw JSON (json.RawMessage); use a documented Edm type", ref.Name)
		}
		return nil
	}
	if t := p.byName[ref.Name]; t != nil {
		return t
	}
	p.reportOnce(pos, CodeUndefinedType, "type %s is not defined on any page; the value is kept as raw JSON (json.RawMessage); add its resource or enum page or fix the type name", ref.Name)
	return nil
}

func (p *plan) reportOnce(pos model.Pos, code model.Code, format string, args ...any) {
	key := pos.String() + "\x00" + string(code) + "\x00" + fmt.Sprint(args...)
	if p.reported[key] {
		return
	}
	p.reported[key] = true
	p.diag(pos, code, format, args...)
}

// markPointers makes every single-valued struct field a pointer: *T when
// required, Opt[*T] otherwise. Two reasons. Go rejects a struct that
// contains itself by value, and Graph's types are full of cycles (a
// directoryObject's manager is a directoryObject, a driveItem's listItem
// has a driveItem); a rule that only broke cycles would change a field's
// type whenever a page elsewhere closed a new cycle. And compile cost: all
// Opt[*T] share one generic shape, while every Opt[T] of a distinct struct
// T is its own instantiation; on the corpus, pointers cut the build of the
// generated models by about a fifth in time and memory. Absent, null and
// value stay distinct (absent Opt, null Opt, Opt holding a pointer).
// Collections are []T (a slice has a fixed size).
func (p *plan) markPointers() {
	for _, t := range p.structs() {
		for _, f := range t.Fields {
			if u := f.Target; u != nil && u.isStruct() && !f.Collection {
				f.Ptr = true
			}
		}
	}
}

// planPolymorphism gives every struct with derived types a DecodeX
// function that picks the concrete type from @odata.type.
func (p *plan) planPolymorphism() {
	for _, t := range p.types {
		if !t.isStruct() || len(t.Derived) == 0 || t.Builtin {
			continue
		}
		seen := map[string]bool{t.Name: true}
		queue := slices.Clone(t.Derived)
		for len(queue) > 0 {
			n := queue[0]
			queue = queue[1:]
			if seen[n] {
				continue
			}
			seen[n] = true
			if d := p.byName[n]; d != nil && d.isStruct() {
				t.Descendants = append(t.Descendants, d)
				queue = append(queue, d.Derived...)
			}
		}
		if len(t.Descendants) == 0 {
			continue
		}
		slices.SortFunc(t.Descendants, func(a, b *typeInfo) int { return strings.Compare(a.Name, b.Name) })
		natural := "Decode" + t.GoName
		t.DecodeFunc = p.claim(natural, "decode function of "+t.Name, "Value", t.Pos, "the decode function of "+t.Name, natural)
	}
}

// planOpRules works out which body fields each operation requires and
// which it must not receive (read-only ones).
//
// The documented examples are the contract: a member is required only when
// its own row says "Required" (a blanket "properties that are required
// when you create" sentence is reported by lint, never enforced), the row
// is not read-only, and every JSON request example of the page sends it. A
// read-only member is refused only when the request-body table does not
// list it and no request example sends it. A requirement the examples
// contradict, or one on a read-only member, is a diagnostic instead.
func (p *plan) planOpRules() {
	for _, o := range p.ops {
		rb := o.RequestBody
		if rb == nil || o.Body == nil {
			continue
		}
		o.Body.BodyOf = append(o.Body.BodyOf, o)
		for _, prop := range rb.Properties {
			if prop != nil && o.Body.field(prop.Name) == nil && prop.Name != "@odata.type" {
				p.diag(prop.Pos, CodeUnknownBodyProperty, "request-body property %s of %s is not a property of %s; add it to the resource's property table or fix its name", prop.Name, o.Name, o.Body.Name)
			}
		}
		rules := examples.NewBodyRules(o.Operation)
		for _, f := range o.Body.Fields {
			rule, row, ex := rules.Decide(f.Name, f.ReadOnly)
			switch rule {
			case examples.Required:
				o.Required = append(o.Required, f)
			case examples.ReadOnly:
				o.ReadOnly = append(o.ReadOnly, f)
			case examples.RequiredReadOnly:
				p.diag(row.Pos, CodeRequiredReadOnly, "request-body property %s of %s is marked Required but the resource marks it read-only; it is not enforced: drop the marker or the read-only note", f.Name, o.Name)
			case examples.RequiredUnsent:
				p.diag(ex.Pos, CodeRequiredUnsent, "request example %q of %s omits %s, which its row marks Required; it is not enforced: send it in the example or drop the marker", ex.Name, o.Name, f.Name)
			case examples.RequiredNull:
				p.diag(ex.Pos, CodeRequiredNull, "request example %q of %s sends %s as null, which its row marks Required; it is not enforced: send a value in the example or drop the marker", ex.Name, o.Name, f.Name)
			}
		}
	}
}
