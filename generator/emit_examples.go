package generator

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/internal/examples"
	"github.com/docgen-dev/docgen/internal/gosafe"
	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// Example tests: for each page, <page>_examples_test.go holds one test per
// documented JSON example (request and response bodies of the page's
// operations, JSON representations and annotated JSON blocks of the page).
// Each test embeds the body verbatim and hands it, with three tables
// rendered from the example analysis's facts (internal/examples: the
// round-trip rules, run over the generated types; emit_examples_fixture.go
// renders), to the harness copied from templates/runtime
// (examples_test.go), which decodes, validates, re-encodes and compares:
//
//   - Kinds: the declared primitive type of every value the comparison must
//     normalise (DateTimeOffset, Date, TimeOfDay, Duration, Double, Single),
//     by JSON Pointer;
//   - Edits: placeholders ("String (timestamp)" in a DateTimeOffset, "String"
//     in an enum) replaced by a canonical valid value of the declared type,
//     and values that cannot decode removed, by JSON Pointer, each with the
//     reason the test logs;
//   - Known: the diagnostics reported at lines inside the body (by the
//     parser, the naming pass, or here when a value does not fit its
//     declared type and nothing else reported on its line; lint does not
//     run in generate), by the pointer of the value on that line; the test
//     logs them and tolerates problems at those pointers.
//
// Substitution happens at generation time because only here is the
// declared type of every member known; the test applies the edits by JSON
// Pointer to the parsed body before decoding.

// exampleCodes are the codes the generator reports the round-trip rules'
// problems (internal/examples) with.
var exampleCodes = map[examples.Rule]model.Code{
	examples.Value:   CodeExampleValue,
	examples.Missing: CodeExampleMissing,
}

// exampleTest is one generated test.
type exampleTest struct {
	// name is the subtest's name: want, made unique on the page; table is
	// the page's table variable and index the case's place in it.
	name, want string
	table      string
	index      int
	ex         *model.Example
	// elem is the Go type the body (or each element) decodes into, and
	// typeName its name in messages; collection and envelope say how.
	elem       jen.Code
	typeName   string
	collection bool
	envelope   bool
	repaired   bool
	// rule says why the body is tested as a runtime type (Reference,
	// Empty) rather than a documented one ("" when it is not).
	rule string
	// skip is why the example cannot be round-tripped ("" when it can).
	skip      string
	truncated bool
	kinds     map[string]string
	edits     []exampleEditSpec
	known     []exampleKnownSpec
}

type exampleEditSpec struct {
	pointer, value, reason string
}

type exampleKnownSpec struct {
	pointer, diagnostic string
}

// exampleFiles returns the example test files of every page that has
// examples, with test names unique in the package. Planning a test (the
// walk of its JSON body) is the cost: pages are planned in parallel, then
// names are given in page order, as if one by one, and the files are built
// by the render workers.
func (p *plan) exampleFiles() []*genFile {
	pages := map[string]*model.Page{}
	for _, pg := range p.pkg.Pages {
		if pg != nil {
			pages[pg.File] = pg
		}
	}
	diags := p.diagsByFile()
	tests := make([][]*exampleTest, len(p.files))
	parallelFor(len(p.files), runtime.GOMAXPROCS(0), func(i int) {
		fi := p.files[i]
		tests[i] = p.exampleTests(fi, pages[fi.Page], diags)
	})
	used := p.usedNames()
	p.exampleCases = map[*model.Example]*exampleTest{}
	var out []*genFile
	for i, fi := range p.files {
		if len(tests[i]) == 0 {
			continue
		}
		// One test function per page runs the page's table, one subtest
		// per example; subtest names are unique on the page.
		page := exportedName(fi.Base)
		if page == "" {
			page = "Page"
		}
		fn := uniqueTestName("Test"+page+"Examples", used)
		table := uniqueTestName("examples"+page, used)
		onPage := map[string]bool{}
		for n, t := range tests[i] {
			t.name = uniqueTestName(t.want, onPage)
			t.table, t.index = table, n
			if t.skip == "" {
				p.exampleCases[t.ex] = t
			}
			p.addLine(t.anchor(), t.line())
		}
		out = append(out, &genFile{Name: fi.Base + "_examples_test.go", Build: func() *jen.File {
			jf := p.newFile(fi.Page)
			p.emitExampleTable(jf, fi, fn, table, tests[i])
			return jf
		}})
	}
	return out
}

// usedNames is the set of package-level names a new test name must avoid:
// the plan's and those of the tests named so far. The caller adds its own
// to p.testNames.
func (p *plan) usedNames() map[string]bool {
	if p.testNames == nil {
		p.testNames = make(map[string]bool, len(p.scope))
		for name := range p.scope {
			p.testNames[name] = true
		}
	}
	return p.testNames
}

// diagsByFile indexes the diagnostics known so far (the model's and the
// naming pass's) by page.
func (p *plan) diagsByFile() map[string][]model.Diagnostic {
	p.mu.Lock()
	defer p.mu.Unlock()
	m := map[string][]model.Diagnostic{}
	for _, list := range [][]model.Diagnostic{p.pkg.Diagnostics, p.diags} {
		for _, d := range list {
			m[d.Pos.File] = append(m[d.Pos.File], d)
		}
	}
	return m
}

// exampleSource is an example with the operation it belongs to (nil for a
// page example).
type exampleSource struct {
	ex *model.Example
	op *opInfo
}

// exampleTests builds the tests of one page file, in document order.
func (p *plan) exampleTests(fi *fileInfo, page *model.Page, diags map[string][]model.Diagnostic) []*exampleTest {
	var srcs []exampleSource
	for _, o := range fi.ops {
		for _, ex := range o.Examples {
			srcs = append(srcs, exampleSource{ex, o})
		}
	}
	if page != nil {
		for _, ex := range page.Examples {
			srcs = append(srcs, exampleSource{ex, nil})
		}
	}
	slices.SortStableFunc(srcs, func(a, b exampleSource) int { return comparePos(a.ex.Pos, b.ex.Pos, a.ex.Name, b.ex.Name) })
	var tests []*exampleTest
	for _, s := range srcs {
		if !exampleTestable(s.ex) {
			continue
		}
		t := p.exampleTest(s.ex, s.op, diags[s.ex.BodyPos.File])
		t.want = exampleTestName(exampleLabel(s), s.ex.Kind)
		tests = append(tests, t)
	}
	return tests
}

// exampleTestable reports whether an example gets a test: a JSON body that
// parsed (possibly after repairs), in a block not marked "ignored".
func exampleTestable(ex *model.Example) bool {
	if ex == nil || strings.TrimSpace(ex.Body) == "" {
		return false
	}
	if ex.Annotation != nil && strings.EqualFold(ex.Annotation.BlockType, "ignored") {
		return false
	}
	return ex.JSON == model.ValidJSON || ex.JSON == model.RepairedJSON
}

// exampleLabel is the name a test is named after: the example's
// annotation name or, for an unnamed response, the name of the request it
// answers (docs name the pair once), else the example's "<kind>-<n>" name.
func exampleLabel(s exampleSource) string {
	ex := s.ex
	named := ex.Annotation != nil && len(ex.Annotation.Name) > 0
	if !named && s.op != nil && ex.Kind == model.ResponseExample && ex.PairIndex >= 0 && ex.PairIndex < len(s.op.Examples) {
		if req := s.op.Examples[ex.PairIndex]; req != nil && req.Annotation != nil && len(req.Annotation.Name) > 0 {
			return req.Name
		}
	}
	return ex.Name
}

// exampleTestName is the subtest name <Example>[_Request|_Response].
func exampleTestName(label string, kind model.ExampleKind) string {
	name := exampleNamePart(label)
	switch kind {
	case model.RequestExample:
		name += "_Request"
	case model.ResponseExample:
		name += "_Response"
	}
	return name
}

func exampleNamePart(s string) string {
	if n := exportedName(s); n != "" {
		return n
	}
	return "Example"
}

// uniqueTestName returns name, or name_2, name_3... when taken, and marks
// it taken.
func uniqueTestName(name string, used map[string]bool) string {
	n := name
	for i := 2; used[n]; i++ {
		n = name + "_" + strconv.Itoa(i)
	}
	used[n] = true
	return n
}

// exampleType resolves the type an example's body holds.
func (p *plan) exampleType(ex *model.Example, o *opInfo) (model.TypeRef, *typeInfo) {
	ref := ex.Type
	if ex.Kind == model.RequestExample && o != nil && o.Body != nil && p.byName[strings.TrimPrefix(ref.Name, "#")] == nil {
		// The operation's body struct, synthesized for an action's
		// parameters, when the annotation names nothing docgen defines
		// ("requestBodyResourceFor.x").
		return model.TypeRef{Name: o.Body.Name}, o.Body
	}
	if ref.Name == "" && o != nil {
		switch ex.Kind {
		case model.RequestExample:
			if o.RequestBody != nil {
				ref = o.RequestBody.Type
			}
		case model.ResponseExample:
			if o.Operation.Response != nil {
				ref = o.Operation.Response.Type
			}
		}
	}
	ref.Name = strings.TrimPrefix(ref.Name, "#")
	return ref, p.byName[ref.Name]
}

// exampleTest works out one example's test: the type the body decodes
// into, and, from the example analysis's facts (internal/examples), the
// Kinds, Edits and Known tables of its fixture.
func (p *plan) exampleTest(ex *model.Example, o *opInfo, fileDiags []model.Diagnostic) *exampleTest {
	t := &exampleTest{ex: ex, kinds: map[string]string{}}
	t.truncated = ex.Truncated || (ex.Annotation != nil && ex.Annotation.Truncated)
	where := ex.BodyPos
	if !where.IsValid() {
		where = ex.Pos
	}
	text := ex.Body
	var rep *jsonpos.Repaired
	if ex.JSON == model.RepairedJSON {
		t.repaired = true
		r := jsonpos.Repair(text)
		rep = &r
		text = string(r.Out)
	}
	doc, err := examples.ParseOne(text)
	if err != nil {
		if _, derr := jsonpos.Parse([]byte(text)); derr != nil {
			err = derr // the decoder's wording, as the test would see it
		}
		t.skip = fmt.Sprintf("the body is not JSON (%v); fix the JSON", err)
		p.diagOnce(model.Diagnostic{Pos: where, Severity: model.Info, Code: CodeExampleUntested, Message: fmt.Sprintf("no round-trip test for example %q: %s", ex.Name, t.skip)})
		return t
	}

	ref, ti := p.exampleType(ex, o)
	if ti == nil && (ref.Name == "" || ref.Name == model.JSONType) && doc.Kind == examples.Object {
		// No declared type: the body's own @odata.type, if it names one.
		if s := doc.Last("@odata.type"); s != nil && s.Kind == examples.String {
			if bt := p.byName[strings.TrimPrefix(s.Str, "#")]; bt != nil && bt.isStruct() {
				ref, ti = model.TypeRef{Name: bt.Name}, bt
			}
		}
	}
	var st *typeInfo // the declared named type, or nil
	var edm string   // else the declared primitive ("" for none)
	switch {
	case ti != nil:
		st = ti
	case ref.Name == model.JSONType || ref.Name == "":
	case p.byName[ref.Name] != nil:
		st = p.byName[ref.Name]
	default:
		if _, ok := edmTypes[ref.Name]; ok {
			edm = ref.Name
		}
	}
	if ex.Annotation != nil && ex.Annotation.ExpectError {
		t.skip = "the example is an error response (\"expectError\"); error bodies are not generated types"
		return t
	}
	if rule := bodyRuleFor(ex, o, st != nil || edm != "", doc); rule != nil {
		// A reference or parameterless body: a runtime type, not a
		// generated one; it has no declared members to walk.
		t.elem = jen.Id(rule.goName)
		t.typeName = rule.goName
		t.rule = rule.why
		p.newFixture(t, where, ex.Body, text, rep, fileDiags)
		return t
	}
	if st == nil && edm == "" {
		why := "the example names no type: annotate it with \"@odata.type\""
		if ref.Name != "" && ref.Name != model.JSONType {
			why = fmt.Sprintf("its type %s is not defined on any page", ref.String())
		}
		t.skip = why
		p.diagOnce(model.Diagnostic{Pos: where, Severity: model.Info, Code: CodeExampleUntested, Message: fmt.Sprintf("no round-trip test for example %q: %s", ex.Name, why)})
		return t
	}
	if edm == "Edm.Stream" || edm == "Edm.Untyped" {
		t.skip = fmt.Sprintf("its type %s is not a JSON document; annotate the block with the type of its JSON", edm)
		p.diagOnce(model.Diagnostic{Pos: where, Severity: model.Info, Code: CodeExampleUntested, Message: fmt.Sprintf("no round-trip test for example %q: %s", ex.Name, t.skip)})
		return t
	}
	value := doc.Last("value")
	if !ref.Collection && doc.Kind == examples.Object && value != nil {
		// A single primitive response is {"value": x} in OData, and
		// Intune pages wrap single entities the same way.
		switch {
		case st == nil || !st.isStruct():
			t.envelope = true
		case value.Kind == examples.Object && st.field("value") == nil:
			t.envelope = true
		}
	}

	// Polymorphism: a single object whose @odata.type names a type derived
	// from the declared one decodes into that type.
	if st != nil && st.isStruct() && !ref.Collection {
		body := doc
		if t.envelope {
			body = value
		}
		if d := p.derivedNamed(st, body); d != nil {
			st = d
		}
	}
	if st != nil {
		t.elem = jen.Id(st.GoName)
		t.typeName = st.GoName
	} else {
		t.elem = p.elemType(model.TypeRef{Name: edm})
		t.typeName = fmt.Sprintf("%#v", t.elem)
	}
	t.collection = ref.Collection

	rootPtr := ""
	if t.envelope || (ref.Collection && doc.Kind == examples.Object && value != nil) {
		rootPtr = "/value"
	}
	schema := p.exampleSchema()
	sh := examples.Shape{Edm: edm, Collection: ref.Collection}
	if st != nil {
		sh.Decl = schema.Decl(st.Name)
	}
	fx := p.newFixture(t, where, ex.Body, text, rep, fileDiags)
	fx.apply(schema.RoundTrip(ex, doc, rootPtr, sh, t.truncated))
	return t
}

// bodyRule is a runtime type an example body is tested as when the docs
// give it none of its own, with the rule that chose it.
type bodyRule struct {
	goName string // rtODataRef or rtEmptyObject (templates/runtime/reference.go)
	why    string // the rule, for the test's comment
}

// bodyRuleFor returns the runtime type an operation's example body is
// tested as, or nil:
//
//   - Reference, when the body is an object whose members are all
//     @odata.id, property@odata.bind or @odata.context (an OData reference,
//     what Graph's /$ref endpoints take), and the operation's path ends in
//     /$ref or the page documents no type for the body (typed is false);
//   - Empty, when the body is {} in a request to an operation that
//     documents no request body parameters and no body type.
func bodyRuleFor(ex *model.Example, o *opInfo, typed bool, doc *examples.Node) *bodyRule {
	if doc.Kind != examples.Object || o == nil || ex == nil {
		return nil
	}
	if len(doc.Members) > 0 && referenceMembers(doc) {
		switch {
		case refOperation(ex, o):
			return &bodyRule{rtODataRef, "every member is @odata.id, property@odata.bind or @odata.context, and the operation's path ends in /$ref"}
		case !typed:
			return &bodyRule{rtODataRef, "every member is @odata.id, property@odata.bind or @odata.context, and the page documents no type for the body"}
		}
		return nil
	}
	if len(doc.Members) == 0 && !typed && ex.Kind == model.RequestExample && o.Body == nil &&
		(o.RequestBody == nil || (len(o.RequestBody.Properties) == 0 && o.RequestBody.Type.Name == "")) {
		return &bodyRule{rtEmptyObject, "the body is {} and the operation documents no request body parameters"}
	}
	return nil
}

// referenceMembers reports whether every member of m is @odata.id,
// @odata.context or a property@odata.bind.
func referenceMembers(obj *examples.Node) bool {
	for _, m := range obj.Members {
		switch k := m.Key; {
		case k == "@odata.id", k == "@odata.context":
		case strings.HasSuffix(k, "@odata.bind") && len(k) > len("@odata.bind"):
		default:
			return false
		}
	}
	return true
}

// refOperation reports whether one of the operation's paths, or the URL of
// the example's request, ends in /$ref.
func refOperation(ex *model.Example, o *opInfo) bool {
	for _, pa := range o.Paths {
		if pa != nil && strings.HasSuffix(strings.TrimRight(pa.Template, "/ "), "/$ref") {
			return true
		}
	}
	if ex.Kind != model.RequestExample {
		return false
	}
	u, _, _ := strings.Cut(ex.URL, "?")
	return strings.HasSuffix(strings.TrimRight(u, "/ "), "/$ref")
}

// diagOnce records d unless the same diagnostic is already recorded:
// exampleTest may run more than once for one example (the handler tests
// reuse it).
func (p *plan) diagOnce(d model.Diagnostic) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := len(p.diags) - 1; i >= 0; i-- {
		if p.diags[i] == d {
			return
		}
	}
	p.diags = append(p.diags, d)
}

// derivedNamed returns the descendant of t that a JSON object's
// @odata.type names, or nil.
func (p *plan) derivedNamed(t *typeInfo, doc *examples.Node) *typeInfo {
	s := doc.Last("@odata.type")
	if s == nil || s.Kind != examples.String {
		return nil
	}
	name := strings.TrimPrefix(s.Str, "#")
	for _, d := range t.Descendants {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// emitExampleTable writes the page's test function and its table of
// example cases. No line number is written here: the harness takes them
// from docgen_lines_test.go, so that a page whose lines move changes that
// file only.
func (p *plan) emitExampleTable(f *jen.File, fi *fileInfo, fn, table string, tests []*exampleTest) {
	src := p.pageName(fi)
	addComments(f.Group, docComment(fmt.Sprintf("%s round-trips the JSON examples of %s, one subtest each (harness: docgen_examples_test.go).", fn, sanitizeText(src))))
	f.Func().Id(fn).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("runExamples").Call(jen.Id("t"), jen.Id(table)),
	)
	f.Line()
	addComments(f.Group, docComment(fmt.Sprintf("%s are the JSON examples of %s, in document order.", table, sanitizeText(src))))
	f.Var().Id(table).Op("=").Index().Op("*").Id("exampleCase").ValuesFunc(func(g *jen.Group) {
		for _, t := range tests {
			g.Line().Values(multiline(p.exampleCaseFields(t))...)
		}
		g.Line()
	})
}

// pageName is the page a file is generated from, for comments.
func (p *plan) pageName(fi *fileInfo) string {
	if fi.Page != "" {
		return fi.Page
	}
	return fi.Base
}

// anchor is the key of an example's line in docgen_lines_test.go: its
// file and its subtest name, which stay when the page's lines move.
func (t *exampleTest) anchor() string { return t.file() + "#" + t.name }

func (t *exampleTest) file() string {
	if t.ex.BodyPos.IsValid() {
		return t.ex.BodyPos.File
	}
	return t.ex.Pos.File
}

// line is the page line of the example body.
func (t *exampleTest) line() int {
	if t.ex.BodyPos.IsValid() {
		return t.ex.BodyPos.Line
	}
	return t.ex.Pos.Line
}

// caseRef is the exampleCase of t for a handler test: its entry in the
// page's table of round-trip cases.
func (p *plan) caseRef(t *exampleTest) jen.Code {
	if t.table != "" && p.exampleCases[t.ex] == t {
		return jen.Id(t.table).Index(jen.Lit(t.index))
	}
	return jen.Op("&").Id("exampleCase").Values(multiline(p.exampleCaseFields(t))...)
}

// exampleCaseFields are the fields of the exampleCase literal of t, as the
// round-trip tests (emitExampleTest) and the handler tests
// (emitHandlerTest) write them.
func (p *plan) exampleCaseFields(t *exampleTest) []jen.Code {
	ex := t.ex
	fields := []jen.Code{
		jen.Id("Test").Op(":").Lit(t.name),
		jen.Id("Name").Op(":").Lit(ex.Name),
		jen.Id("File").Op(":").Lit(t.file()),
	}
	if t.skip != "" {
		return append(fields, jen.Id("Skip").Op(":").Lit(t.skip))
	}
	goType := jen.Id("Go").Op(":").Parens(jen.Op("*").Add(t.elem)).Parens(jen.Nil())
	if t.rule != "" {
		goType = jen.Comment(fmt.Sprintf("tested as %s because %s", t.typeName, t.rule)).Line().Add(goType)
	}
	fields = append(fields,
		goType,
		jen.Id("Type").Op(":").Lit(t.typeName),
		jen.Id("Body").Op(":").Add(goStringLit(ex.Body)),
	)
	if t.repaired {
		fields = append(fields, jen.Id("Repaired").Op(":").True())
	}
	if t.collection {
		fields = append(fields, jen.Id("Collection").Op(":").True())
	}
	if t.envelope {
		fields = append(fields, jen.Id("Envelope").Op(":").True())
	}
	if t.truncated {
		fields = append(fields, jen.Id("Truncated").Op(":").True())
	}
	if len(t.kinds) > 0 {
		keys := make([]string, 0, len(t.kinds))
		for k := range t.kinds {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, comparePointers)
		fields = append(fields, jen.Id("Kinds").Op(":").Map(jen.String()).String().Values(jen.DictFunc(func(d jen.Dict) {
			for _, k := range keys {
				d[jen.Lit(k)] = jen.Lit(t.kinds[k])
			}
		})))
	}
	if len(t.edits) > 0 {
		var edits []jen.Code
		for _, e := range t.edits {
			edits = append(edits, jen.Values(
				jen.Id("Pointer").Op(":").Lit(e.pointer),
				jen.Id("Value").Op(":").Add(goStringLit(e.value)),
				jen.Id("Reason").Op(":").Lit(e.reason),
			))
		}
		fields = append(fields, jen.Id("Edits").Op(":").Index().Id("exampleEdit").Values(multiline(edits)...))
	}
	if len(t.known) > 0 {
		var known []jen.Code
		for _, k := range t.known {
			known = append(known, jen.Values(
				jen.Id("Pointer").Op(":").Lit(k.pointer),
				jen.Id("Diagnostic").Op(":").Lit(k.diagnostic),
			))
		}
		fields = append(fields, jen.Id("Known").Op(":").Index().Id("exampleKnown").Values(multiline(known)...))
	}
	return fields
}

// multiline lays a composite literal out one field per line.
func multiline(fields []jen.Code) []jen.Code {
	out := make([]jen.Code, 0, len(fields)+1)
	for _, f := range fields {
		out = append(out, jen.Line().Add(f))
	}
	return append(out, jen.Line())
}

// goStringLit returns s as a Go string literal of exactly its bytes
// (gosafe.Literal): a raw string when every rune is printable, else an
// interpreted one with escapes.
func goStringLit(s string) jen.Code { return jen.Op(gosafe.Literal(s)) }

// comparePointers orders JSON Pointers segment by segment, numbers
// numerically.
func comparePointers(a, b string) int {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(as) && i < len(bs); i++ {
		if as[i] == bs[i] {
			continue
		}
		ai, aerr := strconv.Atoi(as[i])
		bi, berr := strconv.Atoi(bs[i])
		if aerr == nil && berr == nil {
			if ai < bi {
				return -1
			}
			return 1
		}
		return strings.Compare(as[i], bs[i])
	}
	return len(as) - len(bs)
}

// addLine records the page line of a test anchor for docgen_lines_test.go.
// It is called while tests are named, one goroutine at a time.
func (p *plan) addLine(anchor string, line int) {
	if p.lines == nil {
		p.lines = map[string]int{}
	}
	p.lines[anchor] = line
}

// linesFile is docgen_lines_test.go: the page line of every example and
// handler test, by anchor (page file "#" subtest name). The tests carry no
// line numbers of their own, so an edit that moves a page's lines changes
// this one file, not the page's test files.
func (p *plan) linesFile() *genFile {
	return &genFile{Name: "docgen_lines_test.go", Build: func() *jen.File {
		jf := p.newFile("")
		jf.Comment("exampleLines maps a test anchor (page file \"#\" subtest name; handler")
		jf.Comment("tests \"#handler/\" and theirs) to the page line its failures point at.")
		keys := slices.Sorted(maps.Keys(p.lines))
		jf.Var().Id("exampleLines").Op("=").Map(jen.String()).Int().Values(jen.DictFunc(func(d jen.Dict) {
			for _, k := range keys {
				d[jen.Lit(k)] = jen.Lit(p.lines[k])
			}
		}))
		return jf
	}}
}
