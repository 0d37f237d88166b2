package generator

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/parser/model"
)

// Example tests: for each page, <page>_examples_test.go holds one test per
// documented JSON example (request and response bodies of the page's
// operations, JSON representations and annotated JSON blocks of the page).
// Each test embeds the body verbatim and hands it, with three tables
// computed here, to the harness copied from templates/runtime
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
//     parser, the linter, the naming pass, or here when a value does not
//     fit its declared type and nothing else reported it), by the pointer of
//     the value on that line; the test logs them and tolerates problems at
//     those pointers.
//
// Substitution happens at generation time because only here is the
// declared type of every member known; the test applies the edits by JSON
// Pointer to the parsed body before decoding.

func init() {
	registerHook(hook{name: "examples", part: PartTests, files: (*plan).exampleFiles})
}

// Example diagnostic codes (registered in parser/model/codes_generator.go).
const (
	codeExampleValue    = "generator-example-value"
	codeExampleUntested = "generator-example-untested"
	codeExampleMissing  = "generator-example-missing"
)

// exampleTest is one generated test.
type exampleTest struct {
	// name is the test function's name: want, made unique in the package.
	name, want string
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
		for _, t := range tests[i] {
			// The test's name and, unless it is skipped, its case
			// variable's are both new in the package.
			for t.name = uniqueTestName(t.want, used); t.skip == "" && used[t.varName()]; {
				t.name = uniqueTestName(t.want, used)
			}
			if t.skip == "" {
				used[t.varName()] = true
				p.exampleCases[t.ex] = t
			}
		}
		out = append(out, &genFile{Name: fi.Base + "_examples_test.go", Build: func() *jen.File {
			jf := p.newFile(fi.Page)
			for _, t := range tests[i] {
				p.emitExampleTest(jf, t)
			}
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
		t.want = exampleTestName(fi, exampleLabel(s), s.ex.Kind)
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

// exampleTestName is Test<Page>_<Example>[_Request|_Response].
func exampleTestName(fi *fileInfo, label string, kind model.ExampleKind) string {
	name := "Test" + exportedName(fi.Base) + "_" + exampleNamePart(label)
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

// exampleShape is the declared type of a JSON value: a generated struct or
// enum, or a primitive (edm, "" for untyped JSON), possibly a collection.
type exampleShape struct {
	t          *typeInfo
	edm        string
	collection bool
	field      *fieldInfo // the struct field holding the value, if any
}

func (p *plan) shapeOf(ref model.TypeRef) exampleShape {
	s := exampleShape{collection: ref.Collection}
	if ref.Name == model.JSONType {
		// Untyped JSON (json.RawMessage in the struct) takes any value,
		// even where a page documents a "Json" type of its own.
		s.edm = "Edm.Untyped"
		return s
	}
	if t := p.byName[ref.Name]; t != nil {
		s.t = t
	} else if _, ok := edmTypes[ref.Name]; ok {
		s.edm = ref.Name
	}
	return s
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

// exampleTest works out one example's test.
func (p *plan) exampleTest(ex *model.Example, o *opInfo, fileDiags []model.Diagnostic) *exampleTest {
	t := &exampleTest{ex: ex, kinds: map[string]string{}}
	t.truncated = ex.Truncated || (ex.Annotation != nil && ex.Annotation.Truncated)
	where := ex.BodyPos
	if !where.IsValid() {
		where = ex.Pos
	}
	text := ex.Body
	if ex.JSON == model.RepairedJSON {
		t.repaired = true
		text = repairJSON(text)
	}
	doc, err := parseJSON(text)
	if err != nil {
		t.skip = fmt.Sprintf("the body is JSON only after repairs the test cannot make without moving lines (%v); fix the JSON", err)
		p.diagOnce(model.Diagnostic{Pos: where, Severity: model.Info, Code: codeExampleUntested, Message: fmt.Sprintf("no round-trip test for example %q: %s", ex.Name, t.skip)})
		return t
	}

	ref, ti := p.exampleType(ex, o)
	if ti == nil && (ref.Name == "" || ref.Name == model.JSONType) {
		// No declared type: the body's own @odata.type, if it names one.
		if m, ok := doc.(map[string]any); ok {
			if s, ok := m["@odata.type"].(string); ok {
				if bt := p.byName[strings.TrimPrefix(s, "#")]; bt != nil && bt.isStruct() {
					ref, ti = model.TypeRef{Name: bt.Name}, bt
				}
			}
		}
	}
	var sh exampleShape
	switch {
	case ti != nil:
		sh = exampleShape{t: ti, collection: ref.Collection}
	case ref.Name != "" && ref.Name != model.JSONType:
		sh = p.shapeOf(ref)
	}
	if ex.Annotation != nil && ex.Annotation.ExpectError {
		t.skip = "the example is an error response (\"expectError\"); error bodies are not generated types"
		return t
	}
	if rule := bodyRuleFor(ex, o, sh.t != nil || sh.edm != "", doc); rule != nil {
		// A reference or parameterless body: a runtime type, not a
		// generated one; it has no declared members to walk.
		t.elem = jen.Id(rule.goName)
		t.typeName = rule.goName
		t.rule = rule.why
		w := &exampleWalker{p: p, t: t, ex: ex, where: where, places: map[string]jsonPlace{}}
		for _, pl := range jsonPlaces(text) {
			if _, ok := w.places[pl.pointer]; !ok {
				w.places[pl.pointer] = pl
				w.order = append(w.order, pl)
			}
		}
		w.knownDiags(fileDiags, text)
		return t
	}
	if sh.t == nil && sh.edm == "" {
		why := "the example names no type: annotate it with \"@odata.type\""
		if ref.Name != "" && ref.Name != model.JSONType {
			why = fmt.Sprintf("its type %s is not defined on any page", ref.String())
		}
		t.skip = why
		p.diagOnce(model.Diagnostic{Pos: where, Severity: model.Info, Code: codeExampleUntested, Message: fmt.Sprintf("no round-trip test for example %q: %s", ex.Name, why)})
		return t
	}
	if sh.edm == "Edm.Stream" || sh.edm == "Edm.Untyped" {
		t.skip = fmt.Sprintf("its type %s is not a JSON document; annotate the block with the type of its JSON", sh.edm)
		p.diagOnce(model.Diagnostic{Pos: where, Severity: model.Info, Code: codeExampleUntested, Message: fmt.Sprintf("no round-trip test for example %q: %s", ex.Name, t.skip)})
		return t
	}
	if !sh.collection {
		// A single primitive response is {"value": x} in OData, and
		// Intune pages wrap single entities the same way.
		if m, ok := doc.(map[string]any); ok {
			if v, ok := m["value"]; ok {
				_, isObj := v.(map[string]any)
				switch {
				case sh.t == nil || !sh.t.isStruct():
					t.envelope = true
				case isObj && sh.t.field("value") == nil:
					t.envelope = true
				}
			}
		}
	}

	// Polymorphism: a single object whose @odata.type names a type derived
	// from the declared one decodes into that type.
	if sh.t != nil && sh.t.isStruct() && !sh.collection {
		body := doc
		if t.envelope {
			body = doc.(map[string]any)["value"]
		}
		if d := p.derivedNamed(sh.t, body); d != nil {
			sh.t = d
		}
	}
	if sh.t != nil {
		t.elem = jen.Id(sh.t.GoName)
		t.typeName = sh.t.GoName
	} else {
		t.elem = p.elemType(model.TypeRef{Name: sh.edm})
		t.typeName = fmt.Sprintf("%#v", t.elem)
	}
	t.collection = sh.collection

	w := &exampleWalker{p: p, t: t, ex: ex, where: where, places: map[string]jsonPlace{}}
	for _, pl := range jsonPlaces(text) {
		if _, ok := w.places[pl.pointer]; !ok {
			w.places[pl.pointer] = pl
			w.order = append(w.order, pl)
		}
	}
	w.placeholders = map[string]*model.Placeholder{}
	for _, ph := range ex.Placeholders {
		if ph != nil {
			w.placeholders[ph.Pointer] = ph
		}
	}
	w.knownDiags(fileDiags, text)
	root := doc
	rootPtr := ""
	if t.envelope {
		root = doc.(map[string]any)["value"]
		rootPtr = "/value"
	} else if sh.collection {
		if m, ok := doc.(map[string]any); ok {
			if v, ok := m["value"]; ok {
				root, rootPtr = v, "/value"
			}
		}
	}
	w.walk(root, sh, rootPtr)
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
func bodyRuleFor(ex *model.Example, o *opInfo, typed bool, doc any) *bodyRule {
	m, ok := doc.(map[string]any)
	if !ok || o == nil || ex == nil {
		return nil
	}
	if len(m) > 0 && referenceMembers(m) {
		switch {
		case refOperation(ex, o):
			return &bodyRule{rtODataRef, "every member is @odata.id, property@odata.bind or @odata.context, and the operation's path ends in /$ref"}
		case !typed:
			return &bodyRule{rtODataRef, "every member is @odata.id, property@odata.bind or @odata.context, and the page documents no type for the body"}
		}
		return nil
	}
	if len(m) == 0 && !typed && ex.Kind == model.RequestExample && o.Body == nil &&
		(o.RequestBody == nil || (len(o.RequestBody.Properties) == 0 && o.RequestBody.Type.Name == "")) {
		return &bodyRule{rtEmptyObject, "the body is {} and the operation documents no request body parameters"}
	}
	return nil
}

// referenceMembers reports whether every member of m is @odata.id,
// @odata.context or a property@odata.bind.
func referenceMembers(m map[string]any) bool {
	for k := range m {
		switch {
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
func (p *plan) derivedNamed(t *typeInfo, doc any) *typeInfo {
	m, ok := doc.(map[string]any)
	if !ok {
		return nil
	}
	s, _ := m["@odata.type"].(string)
	name := strings.TrimPrefix(s, "#")
	for _, d := range t.Descendants {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// exampleWalker walks an example body along its declared type.
type exampleWalker struct {
	p     *plan
	t     *exampleTest
	ex    *model.Example
	where model.Pos
	// places maps pointers to where their values start; order lists them
	// in document order.
	places       map[string]jsonPlace
	order        []jsonPlace
	placeholders map[string]*model.Placeholder
	// knownAt marks pointers that already have a known diagnostic;
	// lineDiags holds the diagnostics by body line (0-based).
	knownAt   map[string]bool
	lineDiags map[int][]string
}

// pos returns the page position of the value at pointer ptr.
func (w *exampleWalker) pos(ptr string) model.Pos {
	pl, ok := w.places[ptr]
	if !ok {
		return w.where
	}
	col := pl.col + 1
	if pl.line == 0 && w.where.Col > 0 {
		col += w.where.Col - 1
	}
	return model.Pos{File: w.where.File, Line: w.where.Line + pl.line, Col: col}
}

// knownDiags turns the diagnostics at lines inside the body into Known
// entries, at the pointer of the value on that line (the one at or before
// the diagnostic's column), or the body as a whole.
func (w *exampleWalker) knownDiags(diags []model.Diagnostic, text string) {
	w.knownAt = map[string]bool{}
	w.lineDiags = map[int][]string{}
	first := w.where.Line
	last := first + strings.Count(text, "\n")
	for _, d := range diags {
		if d.Pos.File != w.where.File || d.Pos.Line < first || d.Pos.Line > last {
			continue
		}
		line := d.Pos.Line - first
		ptr := ""
		found := false
		for _, pl := range w.order {
			if pl.line != line {
				continue
			}
			col := pl.col + 1
			if line == 0 && w.where.Col > 0 {
				col += w.where.Col - 1
			}
			if !found || (d.Pos.Col > 0 && col <= d.Pos.Col) {
				ptr, found = pl.pointer, true
			}
		}
		w.addKnown(ptr, d.String())
		w.lineDiags[line] = append(w.lineDiags[line], d.String())
	}
}

func (w *exampleWalker) addKnown(ptr, text string) {
	for _, k := range w.t.known {
		if k.pointer == ptr && k.diagnostic == text {
			return
		}
	}
	w.t.known = append(w.t.known, exampleKnownSpec{ptr, text})
	w.knownAt[ptr] = true
}

// walk checks the value v at pointer ptr against its declared shape,
// recording kinds, edits and known problems.
func (w *exampleWalker) walk(v any, sh exampleShape, ptr string) {
	if v == nil {
		w.checkNull(sh, ptr)
		return
	}
	if sh.collection {
		arr, ok := v.([]any)
		if !ok {
			w.misfit(v, sh, ptr, "a collection ("+w.describe(sh)+") is written as a JSON array", true)
			return
		}
		elem := sh
		elem.collection = false
		for i, e := range arr {
			if e == nil {
				w.misfit(e, elem, ptr+"/"+strconv.Itoa(i), "a collection element cannot be null", false)
				continue
			}
			w.walk(e, elem, ptr+"/"+strconv.Itoa(i))
		}
		return
	}
	switch {
	case sh.t != nil && sh.t.isStruct():
		obj, ok := v.(map[string]any)
		if !ok {
			w.misfit(v, sh, ptr, sh.t.Name+" is a JSON object", true)
			return
		}
		// A nested object decodes into the declared struct even when its
		// @odata.type names a derived one (the derived members land in
		// Extra); only the body itself picks the derived type (exampleTest).
		st := sh.t
		for _, k := range sortedKeys(obj) {
			if k == "@odata.type" {
				continue
			}
			f := st.field(k)
			if f == nil {
				continue // kept in Extra, compared verbatim
			}
			fs := w.p.shapeOf(f.TypeRef)
			if f.Target != nil {
				fs.t = f.Target
			}
			fs.field = f
			w.walk(obj[k], fs, ptr+"/"+escapePointerSeg(k))
		}
		w.checkRequired(st, obj, ptr)
	case sh.t != nil:
		w.walkEnum(v, sh, ptr)
	default:
		w.walkPrimitive(v, sh, ptr)
	}
}

// checkRequired handles the required members an object omits: the
// generated struct holds them as plain values, so the round trip adds
// their zero value (and Validate may reject it). A truncated example says
// it omits members, so that is tolerated with a note; otherwise it is a
// docs defect, reported here (unless already reported on the line).
func (w *exampleWalker) checkRequired(st *typeInfo, obj map[string]any, ptr string) {
	// {"@odata.type": "microsoft.graph.x"} alone is the docs' placeholder
	// for "an object of type x" (resource JSON representations): it shows
	// no members on purpose.
	_, hasType := obj["@odata.type"]
	placeholder := hasType && len(obj) == 1
	for _, f := range st.Fields {
		if !f.Plain {
			continue
		}
		if _, ok := obj[f.Name]; ok {
			continue
		}
		fp := ptr + "/" + escapePointerSeg(f.Name)
		if placeholder {
			w.addKnown(fp, fmt.Sprintf("the example shows {\"@odata.type\"} only, the placeholder for any %s, and omits %s, which is required: %s always encodes it", st.Name, f.Name, st.GoName))
			continue
		}
		if w.t.truncated {
			w.addKnown(fp, fmt.Sprintf("the example is truncated and omits %s, which is required: %s always encodes it", f.Name, st.GoName))
			continue
		}
		if pl, ok := w.places[ptr]; ok {
			for _, text := range w.lineDiags[pl.line] {
				w.addKnown(fp, text)
			}
		}
		if w.knownAt[fp] {
			continue
		}
		d := model.Diagnostic{Pos: w.pos(ptr), Severity: model.Warning, Code: codeExampleMissing,
			Message: fmt.Sprintf("example %q: %s omits %s, which the %s table marks required, so the round trip through %s adds it; show the member in the example or mark it truncated, or drop the Required marker", w.ex.Name, exampleShowPointer(ptr), f.Name, f.Owner.Name, st.GoName)}
		w.p.diagOnce(d)
		w.addKnown(fp, d.String())
	}
}

// checkNull reports a null the generated Validate rejects: in a collection
// or required field, or one the docs call not nullable.
func (w *exampleWalker) checkNull(sh exampleShape, ptr string) {
	f := sh.field
	if f == nil || ptr == "" {
		return
	}
	switch {
	case f.Collection:
		w.misfit(nil, sh, ptr, "a collection is written as an array, not null", false)
	case f.Plain:
		w.misfit(nil, sh, ptr, f.Name+" is required and cannot be null", false)
	case f.Nullable == model.False:
		w.misfit(nil, sh, ptr, f.Name+" is documented as not nullable", false)
	}
}

func (w *exampleWalker) walkEnum(v any, sh exampleShape, ptr string) {
	s, ok := v.(string)
	if !ok {
		w.misfit(v, sh, ptr, "an enum value is a JSON string", true)
		return
	}
	members := map[string]bool{}
	for _, c := range sh.t.Consts {
		members[c.Name] = true
	}
	parts := []string{s}
	if sh.t.Flags {
		parts = strings.Split(s, ",")
	}
	for _, part := range parts {
		if !members[strings.TrimSpace(part)] {
			w.misfit(v, sh, ptr, fmt.Sprintf("%q is not a documented value of %s", part, sh.t.Name), false)
			return
		}
	}
}

var (
	stubValueRE = regexp.MustCompile(`^[a-z][a-z0-9]*-value(-\d+)?$`)
	guidRE      = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	timeOfDayRE = regexp.MustCompile(`^\d\d:\d\d(:\d\d(\.\d{1,12})?)?$`)
	durationRE  = regexp.MustCompile(`^-?P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$`)
)

// intRanges are the bounds of the Edm integer types.
var intRanges = map[string][2]int64{
	"Edm.Byte": {0, 255}, "Edm.SByte": {-128, 127}, "Edm.Int16": {-1 << 15, 1<<15 - 1},
	"Edm.Int32": {-1 << 31, 1<<31 - 1}, "Edm.Int64": {-1 << 63, 1<<63 - 1},
}

// walkPrimitive checks a primitive value and records its kind.
func (w *exampleWalker) walkPrimitive(v any, sh exampleShape, ptr string) {
	edm := sh.edm
	s, isStr := v.(string)
	num, isNum := v.(json.Number)
	switch edm {
	case "", "Edm.Untyped":
		return
	case "Edm.String":
		switch {
		case !isStr:
			w.misfit(v, sh, ptr, "an Edm.String is a JSON string", true)
		case sh.field != nil && len(sh.field.Values) > 0 && !slices.Contains(sh.field.Values, s):
			// Validate checks the values the description lists.
			w.misfit(v, sh, ptr, fmt.Sprintf("%q is not one of the values its description lists (%s)", s, strings.Join(sh.field.Values, ", ")), false)
		}
	case "Edm.Guid":
		switch {
		case !isStr:
			w.misfit(v, sh, ptr, "an Edm.Guid is a JSON string", true)
		case !guidRE.MatchString(s):
			w.misfit(v, sh, ptr, fmt.Sprintf("%q is not a GUID", s), false)
		}
	case "Edm.Boolean":
		if _, ok := v.(bool); !ok {
			w.misfit(v, sh, ptr, "an Edm.Boolean is true or false", true)
		}
	case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64":
		r := intRanges[edm]
		if !isNum {
			w.misfit(v, sh, ptr, "an "+edm+" is a JSON number", true)
			return
		}
		n, err := strconv.ParseInt(string(num), 10, 64)
		if err != nil || n < r[0] || n > r[1] {
			w.misfit(v, sh, ptr, fmt.Sprintf("%s is not an %s", num, edm), true)
		}
	case "Edm.Single", "Edm.Double":
		if !isNum {
			w.misfit(v, sh, ptr, "an "+edm+" is a JSON number", true)
			return
		}
		w.t.kinds[ptr] = strings.TrimPrefix(edm, "Edm.")
	case "Edm.Decimal":
		if isStr {
			if _, ok := new(big.Rat).SetString(s); !ok || strings.ContainsAny(s, "/ ") {
				w.misfit(v, sh, ptr, fmt.Sprintf("%q is not a number", s), true)
			}
		} else if !isNum {
			w.misfit(v, sh, ptr, "an Edm.Decimal is a JSON number", true)
		}
	case "Edm.DateTimeOffset":
		if !isStr || !isDateTimeOffset(s) {
			w.misfit(v, sh, ptr, "an Edm.DateTimeOffset is an RFC 3339 date-time string like \"2006-01-02T15:04:05Z\"", true)
			return
		}
		w.t.kinds[ptr] = "DateTimeOffset"
	case "Edm.Date":
		if _, err := time.Parse(time.DateOnly, s); !isStr || err != nil {
			w.misfit(v, sh, ptr, "an Edm.Date is a string like \"2006-01-02\"", true)
			return
		}
		w.t.kinds[ptr] = "Date"
	case "Edm.TimeOfDay":
		if !isStr || !timeOfDayRE.MatchString(s) || !validTimeOfDay(s) {
			w.misfit(v, sh, ptr, "an Edm.TimeOfDay is a string like \"15:04:05\"", true)
			return
		}
		w.t.kinds[ptr] = "TimeOfDay"
	case "Edm.Duration":
		if !isStr || !durationRE.MatchString(s) || strings.HasSuffix(s, "T") || s == "P" || s == "-P" {
			w.misfit(v, sh, ptr, "an Edm.Duration is an ISO 8601 duration like \"PT1H30M\"", true)
			return
		}
		w.t.kinds[ptr] = "Duration"
	case "Edm.Binary", "Edm.Stream":
		if _, err := base64.StdEncoding.DecodeString(s); !isStr || err != nil {
			w.misfit(v, sh, ptr, "an "+edm+" is a base64 string", true)
		}
	}
}

func isDateTimeOffset(s string) bool {
	if _, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return true
	}
	_, err := time.Parse("2006-01-02T15:04:05.999999999", s)
	return err == nil
}

func validTimeOfDay(s string) bool {
	h, _ := strconv.Atoi(s[0:2])
	m, _ := strconv.Atoi(s[3:5])
	sec := 0
	if len(s) >= 8 {
		sec, _ = strconv.Atoi(s[6:8])
	}
	return h < 24 && m < 60 && sec < 60
}

// describe names a shape for messages.
func (w *exampleWalker) describe(sh exampleShape) string {
	name := sh.edm
	if sh.t != nil {
		name = sh.t.Name
	}
	if sh.collection {
		return "Collection(" + name + ")"
	}
	return name
}

// misfit handles a value that does not fit its declared type: a
// placeholder is replaced by a canonical value; anything else is a docs
// defect, reported here unless a diagnostic is already on its line, and
// tolerated by the test (removed before decoding when it would not decode).
func (w *exampleWalker) misfit(v any, sh exampleShape, ptr, why string, breaks bool) {
	if canon, ok := w.canonical(sh); ok && w.isPlaceholder(v, sh, ptr) {
		if alt := w.alternative(v, sh); alt != "" {
			canon = alt
		}
		text := placeholderText(v)
		w.t.edits = append(w.t.edits, exampleEditSpec{ptr, canon, fmt.Sprintf("placeholder %s stands for any %s", text, w.describe(sh))})
		w.recordKind(sh, ptr)
		return
	}
	if pl, ok := w.places[ptr]; ok && !w.knownAt[ptr] {
		// Something was reported on the value's line: that is the report.
		for _, text := range w.lineDiags[pl.line] {
			w.addKnown(ptr, text)
		}
	}
	if !w.knownAt[ptr] {
		d := model.Diagnostic{Pos: w.pos(ptr), Severity: model.Warning, Code: codeExampleValue,
			Message: fmt.Sprintf("example %q: %s is %s, but %s; fix the value or the property's type", w.ex.Name, exampleShowPointer(ptr), placeholderText(v), why)}
		w.p.diagOnce(d)
		w.addKnown(ptr, d.String())
	}
	if breaks && ptr != "" {
		w.t.edits = append(w.t.edits, exampleEditSpec{ptr, "", "the value does not decode as " + w.describe(sh)})
	}
}

func exampleShowPointer(p string) string {
	if p == "" {
		return "the body"
	}
	return p
}

// recordKind records the kind of a substituted primitive.
func (w *exampleWalker) recordKind(sh exampleShape, ptr string) {
	if sh.t != nil || sh.collection {
		return
	}
	switch sh.edm {
	case "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration", "Edm.Single", "Edm.Double":
		w.t.kinds[ptr] = strings.TrimPrefix(sh.edm, "Edm.")
	}
}

// canonicalEdm are the values substituted for placeholders, as JSON.
var canonicalEdm = map[string]string{
	"Edm.String":         `"String"`,
	"Edm.Guid":           `"6f9619ff-8b86-d011-b42d-00c04fc964ff"`,
	"Edm.Boolean":        `true`,
	"Edm.Byte":           `1`,
	"Edm.SByte":          `1`,
	"Edm.Int16":          `1`,
	"Edm.Int32":          `1`,
	"Edm.Int64":          `1`,
	"Edm.Single":         `1.5`,
	"Edm.Double":         `1.5`,
	"Edm.Decimal":        `1.5`,
	"Edm.DateTimeOffset": `"2006-01-02T15:04:05Z"`,
	"Edm.Date":           `"2006-01-02"`,
	"Edm.TimeOfDay":      `"15:04:05"`,
	"Edm.Duration":       `"PT1H"`,
	"Edm.Binary":         `"AA=="`,
	"Edm.Stream":         `"AA=="`,
}

// canonical returns the JSON of a canonical valid value of a shape.
func (w *exampleWalker) canonical(sh exampleShape) (string, bool) {
	return canonicalValue(sh, 0)
}

// canonicalValue is canonical to a depth: a struct's canonical value holds
// its required members (which the generated struct always encodes) with
// their canonical values, so it round-trips unchanged.
func canonicalValue(sh exampleShape, depth int) (string, bool) {
	switch {
	case sh.collection:
		return `[]`, true
	case sh.t != nil && sh.t.isStruct():
		if depth > 4 {
			return "", false // a chain of required objects, maybe a cycle
		}
		var members []string
		for _, f := range sh.t.Fields {
			if !f.Plain {
				continue
			}
			fs := exampleShape{t: f.Target, field: f}
			if f.Target == nil {
				if _, ok := edmTypes[f.TypeRef.Name]; ok {
					fs.edm = f.TypeRef.Name
				}
			}
			v, ok := canonicalValue(fs, depth+1)
			if !ok || (fs.t == nil && fs.edm == "") {
				return "", false
			}
			members = append(members, strconv.Quote(f.Name)+":"+v)
		}
		return "{" + strings.Join(members, ",") + "}", true
	case sh.t != nil:
		for _, c := range sh.t.Consts {
			if !c.AfterSentinel && c.Name != model.SentinelMember {
				return strconv.Quote(c.Name), true
			}
		}
		return "", false
	}
	if sh.edm == "Edm.String" && sh.field != nil && len(sh.field.Values) > 0 {
		return strconv.Quote(sh.field.Values[0]), true
	}
	c, ok := canonicalEdm[sh.edm]
	return c, ok
}

// alternative returns, for an "a | b | c" placeholder in an enum, the first
// alternative that is a documented member.
func (w *exampleWalker) alternative(v any, sh exampleShape) string {
	s, ok := v.(string)
	if !ok || sh.collection || !strings.Contains(s, "|") {
		return ""
	}
	var members []string
	switch {
	case sh.t != nil && !sh.t.isStruct():
		for _, c := range sh.t.Consts {
			members = append(members, c.Name)
		}
	case sh.t == nil && sh.field != nil:
		members = sh.field.Values
	}
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); slices.Contains(members, a) {
			return strconv.Quote(a)
		}
	}
	return ""
}

// isPlaceholder reports whether the value at ptr stands for "any value":
// the parser marked it, or it is a type name such as "String", "Int32" or
// "String (timestamp)", a "<Property Name> value" or "name-value" string,
// a template such as "<password>", the declared type's own name
// ("resourceReference" where a resourceReference belongs), or a number in
// quotes where a number belongs ("4.2").
func (w *exampleWalker) isPlaceholder(v any, sh exampleShape, ptr string) bool {
	if _, ok := w.placeholders[ptr]; ok {
		return true
	}
	s, ok := v.(string)
	if !ok {
		return false
	}
	if sh.t != nil {
		// The declared type's own name: "resourceReference",
		// "microsoft.graph.accessAction", "Collection(microsoft.graph.x)".
		name := strings.ToLower(strings.TrimSpace(s))
		if inner, ok := strings.CutPrefix(name, "collection("); ok && sh.collection {
			name = strings.TrimSuffix(inner, ")")
		}
		full := strings.ToLower(sh.t.Name)
		if name == full || name == full[strings.LastIndex(full, ".")+1:] {
			return true
		}
	}
	if !sh.collection && sh.t == nil && numericEdm[sh.edm] && json.Valid([]byte(s)) {
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return true // "4.2" for a Double: the stub generator's number
		}
	}
	return isPlaceholderString(s)
}

// numericEdm are the Edm types written as JSON numbers.
var numericEdm = map[string]bool{
	"Edm.Byte": true, "Edm.SByte": true, "Edm.Int16": true, "Edm.Int32": true,
	"Edm.Int64": true, "Edm.Single": true, "Edm.Double": true,
}

// placeholderNames are the lower-case type names docs write in place of a
// value (ApiDoctor's vocabulary, corpus-catalog §10).
var placeholderNames = map[string]bool{
	"string": true, "etag": true, "range": true, "url": true, "uri": true, "int64": true,
	"long": true, "number": true, "integer": true, "int": true, "int32": true,
	"int16": true, "short": true, "single": true, "float": true, "decimal": true,
	"double": true, "guid": true, "uuid": true, "bool": true, "boolean": true, "datetime": true,
	"datetimeoffset": true, "timestamp": true, "timeofday": true, "date": true,
	"duration": true, "stream": true, "binary": true, "byte": true, "json": true,
	"object": true, "enum": true, "base64": true,
}

func isPlaceholderString(s string) bool {
	t := strings.ToLower(strings.TrimSpace(s))
	t = strings.TrimPrefix(t, "edm.")
	if placeholderNames[t] || strings.Contains(t, "timestamp") {
		return true
	}
	if base, rest, ok := strings.Cut(t, " ("); ok && strings.HasSuffix(rest, ")") && placeholderNames[base] {
		return true // "String (identifier)", "Int32 (enum)"
	}
	if stubValueRE.MatchString(t) {
		return true // "datetime-value", "skuId-value-2": the old stub generator's values
	}
	switch {
	case strings.HasPrefix(t, "@odata.type:"), // "@odata.type: microsoft.graph.alertStatus"
		strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">"),
		strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}"),
		strings.HasSuffix(t, " value") && len(t) > len(" value"),
		strings.Contains(t, " | "),
		strings.HasPrefix(t, "base64"):
		return true
	}
	return false
}

// placeholderText shows a JSON value briefly.
func placeholderText(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		if utf8.RuneCountInString(v) > 60 {
			v = string([]rune(v)[:57]) + "..."
		}
		return strconv.Quote(v)
	case json.Number:
		return string(v)
	case bool:
		return strconv.FormatBool(v)
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	}
	return fmt.Sprint(v)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// emitExampleTest writes one test function.
func (p *plan) emitExampleTest(f *jen.File, t *exampleTest) {
	ex := t.ex
	where := ex.BodyPos
	if !where.IsValid() {
		where = ex.Pos
	}
	loc := model.Pos{File: where.File, Line: where.Line}.String()
	kind := ex.Kind.String()
	f.Comment(fmt.Sprintf("%s round-trips the %s example %q (%s).", t.name, kind, sanitizeText(ex.Name), sanitizeText(loc)))
	if t.rule != "" {
		f.Comment(fmt.Sprintf("It is tested as %s because %s.", t.typeName, t.rule))
	}
	if t.skip != "" {
		f.Func().Id(t.name).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
			jen.Id("t").Dot("Skip").Call(jen.Lit(fmt.Sprintf("%s: example %q: %s", loc, ex.Name, t.skip))),
		)
		return
	}
	f.Func().Id(t.name).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("runExample").Types(t.elem).Call(jen.Id("t"), jen.Id(t.varName())),
	)
	f.Line()
	f.Comment(fmt.Sprintf("%s is the %s example %q (%s).", t.varName(), kind, sanitizeText(ex.Name), sanitizeText(loc)))
	f.Var().Id(t.varName()).Op("=").Op("&").Id("exampleCase").Values(multiline(p.exampleCaseFields(t))...)
}

// varName is the package-level variable that holds the example case of a
// named, not skipped test ("example" and the test name without "Test"; the
// handler tests use it too).
func (t *exampleTest) varName() string { return "example" + strings.TrimPrefix(t.name, "Test") }

// caseRef is the exampleCase of t for a handler test: the variable of its
// round-trip test when it has one, else the literal.
func (p *plan) caseRef(t *exampleTest) jen.Code {
	if t.name != "" && p.exampleCases[t.ex] == t {
		return jen.Id(t.varName())
	}
	return jen.Op("&").Id("exampleCase").Values(multiline(p.exampleCaseFields(t))...)
}

// exampleCaseFields are the fields of the exampleCase literal of t, as the
// round-trip tests (emitExampleTest) and the handler tests
// (emitHandlerTest) write them.
func (p *plan) exampleCaseFields(t *exampleTest) []jen.Code {
	ex := t.ex
	where := ex.BodyPos
	if !where.IsValid() {
		where = ex.Pos
	}
	fields := []jen.Code{
		jen.Id("Name").Op(":").Lit(ex.Name),
		jen.Id("File").Op(":").Lit(where.File),
		jen.Id("Line").Op(":").Lit(where.Line),
		jen.Id("Type").Op(":").Lit(t.typeName),
		jen.Id("Body").Op(":").Add(goStringLit(ex.Body)),
	}
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

// goStringLit returns s as a Go string literal: a raw string when that
// keeps every byte (no backquote, carriage return, NUL or byte-order mark,
// valid UTF-8), else an interpreted one.
func goStringLit(s string) jen.Code {
	if utf8.ValidString(s) && !strings.ContainsAny(s, "`\r\x00\uFEFF") {
		return jen.Op("`" + s + "`")
	}
	return jen.Lit(s)
}

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
