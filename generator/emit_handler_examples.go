package generator

import (
	"fmt"
	"net/url"
	"runtime"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// Handler example tests: for each page, <page>_handlers_test.go holds one
// test per documented request/response pair of its operations, as a table
// (data only: no code per operation). The harness
// (templates/runtime/examples_handler_test.go) mounts NewServer with the
// operation answered by a stub that returns the documented response decoded
// into its response type, sends the documented request through the real
// router with a real HTTP client, and checks the documented status and a
// semantically equal body.
// The request and response bodies get the same placeholder edits and known
// diagnostics as the round-trip tests (emit_examples.go computes them).

// handlerTest is one generated handler test.
type handlerTest struct {
	// name is the subtest's name: want, made unique on the page.
	name   string
	want   string
	ho     *handlerOp
	req    *model.Example
	resp   *model.Example
	reqT   *exampleTest // nil without a request body
	respT  *exampleTest // nil without a response body
	url    string
	prefix string
	// problems are the members the documented request breaks the rules on.
	problems []string
	skip     string
	// via is the operation whose handler the request reaches when it is
	// not ho's (the same path documented by another page): the test runs
	// through via's route and answer.
	via *handlerOp
}

// server is the operation whose handler serves the test.
func (t *handlerTest) server() *handlerOp {
	if t.via != nil {
		return t.via
	}
	return t.ho
}

// handlerTestFiles returns the handler test file of every page whose
// operations have documented request/response pairs. As in exampleFiles,
// pages are planned in parallel, named in page order, built by the render
// workers.
func (p *plan) handlerTestFiles(hp *handlerPlan) []*genFile {
	diags := p.diagsByFile()
	type pageTests struct {
		tests []*handlerTest
	}
	planned := make([]pageTests, len(p.files))
	parallelFor(len(p.files), runtime.GOMAXPROCS(0), func(i int) {
		for _, o := range p.files[i].ops {
			ho := hp.byOp[o.Name]
			if ho == nil {
				if why, ok := hp.noRoute[o.Name]; ok {
					// Still documented pairs: skips that say why.
					planned[i].tests = append(planned[i].tests, p.unroutedTests(o, why, diags)...)
				}
				continue
			}
			if ts := p.handlerTests(ho, diags, true); len(ts) > 0 {
				planned[i].tests = append(planned[i].tests, ts...)
			}
		}
	})
	used := p.usedNames()
	var out []*genFile
	for i, fi := range p.files {
		pt := planned[i]
		if len(pt.tests) == 0 {
			continue
		}
		page := exportedName(fi.Base)
		if page == "" {
			page = "Page"
		}
		fn := uniqueTestName("Test"+page+"Handlers", used)
		table := uniqueTestName("handlers"+page, used)
		onPage := map[string]bool{}
		for _, t := range pt.tests {
			t.name = uniqueTestName(t.want, onPage)
			p.addLine(t.req.Pos.File+"#handler/"+t.name, t.req.Pos.Line)
			// A body that has no round-trip case of its own is written
			// in the handler case, with an anchor of its own.
			for kind, et := range map[string]*exampleTest{"request": t.reqT, "response": t.respT} {
				if et != nil && p.exampleCases[et.ex] != et {
					et.name = "handler/" + t.name + "/" + kind
					p.addLine(et.anchor(), et.line())
				}
			}
		}
		out = append(out, &genFile{Name: fi.Base + "_handlers_test.go", Build: func() *jen.File {
			jf := p.newFile(fi.Page)
			p.emitHandlerTable(jf, fi, fn, table, pt.tests)
			return jf
		}})
	}
	return out
}

// handlerTests builds the tests of one operation, in document order;
// without plan, they are left for the caller to skip.
func (p *plan) handlerTests(ho *handlerOp, diags map[string][]model.Diagnostic, plan bool) []*handlerTest {
	o := ho.o
	var tests []*handlerTest
	for _, ex := range o.Examples {
		if ex == nil || ex.Kind != model.RequestExample || ex.PairIndex < 0 || ex.PairIndex >= len(o.Examples) {
			continue
		}
		resp := o.Examples[ex.PairIndex]
		if resp == nil || resp.Kind != model.ResponseExample {
			continue
		}
		if ex.Annotation != nil && strings.EqualFold(ex.Annotation.BlockType, "ignored") {
			continue
		}
		t := &handlerTest{ho: ho, req: ex, resp: resp}
		label := exampleLabel(exampleSource{ex, o})
		t.want = exampleNamePart(label)
		if !plan {
			tests = append(tests, t) // unroutedTests gives the reason
			continue
		}
		t.skip = p.planHandlerTest(t, diags[ex.Pos.File])
		tests = append(tests, t)
	}
	return tests
}

// unroutedTests are the tests of an operation without a route: those
// whose request reaches an operation that answers as this one does (the
// same path documented by another page, which took the route) run
// through that operation's handler; the others are skipped.
func (p *plan) unroutedTests(o *opInfo, why string, diags map[string][]model.Diagnostic) []*handlerTest {
	if why == "" {
		why = "no documented path of the operation is routable"
	}
	ho := p.handlerPlan().unrouted[o.Name]
	planned := ho != nil
	if !planned {
		ho = &handlerOp{o: o}
	}
	tests := p.handlerTests(ho, diags, planned)
	for _, t := range tests {
		if t.skip == "" && t.via != nil {
			continue // it runs
		}
		reason := "the operation has no handler route: " + why
		if t.skip != "" {
			reason += "; " + t.skip
		}
		t.skip = reason
		t.reqT, t.respT, t.via = nil, nil, nil
	}
	return tests
}

// planHandlerTest fills in a test, or returns why it is skipped.
func (p *plan) planHandlerTest(t *handlerTest, fileDiags []model.Diagnostic) string {
	ho, ex, resp := t.ho, t.req, t.resp
	if resp.Annotation != nil && resp.Annotation.ExpectError {
		return "the response example is an error response"
	}
	// Docs write spaces in query strings literally ($filter=a eq 'b').
	u, err := url.Parse(strings.ReplaceAll(strings.TrimSpace(ex.URL), " ", "%20"))
	if err != nil || ex.URL == "" {
		return fmt.Sprintf("the request example's URL %q does not parse", ex.URL)
	}
	t.url = u.EscapedPath()
	if t.url == "" || t.url[0] != '/' {
		t.url = "/" + t.url
	}
	if u.RawQuery != "" {
		t.url += "?" + u.RawQuery
	}
	if first, _, _ := strings.Cut(strings.TrimPrefix(t.url, "/"), "/"); first == "v1.0" || first == "beta" {
		t.prefix = "/" + first
	}
	if strings.ToUpper(ex.Method) != ex.Method || ex.Method == "" {
		return fmt.Sprintf("the request example's method %q is not an HTTP method", ex.Method)
	}
	if why := p.reachHandler(t, strings.TrimPrefix(u.EscapedPath(), t.prefix)); why != "" {
		return why
	}
	switch ho.body {
	case bodyRaw:
		return "the request body is not JSON"
	case bodyJSON:
		if strings.TrimSpace(ex.Body) == "" {
			return "the request example has no body"
		}
		if !exampleTestable(ex) {
			return "the request example's body is not JSON"
		}
		t.reqT = p.exampleTestOf(ex, ho.o, fileDiags)
		if t.reqT.skip != "" {
			return "the request body cannot be tested: " + t.reqT.skip
		}
		t.problems = p.ruleProblems(t.server(), ex, t.reqT)
	}
	// A response without a testable JSON body (none documented, a stream,
	// a redirect) is checked for its status and for reaching the
	// implementation; the stub answers with a zero value.
	if ho.resp == respJSON && exampleTestable(resp) {
		if rt := p.exampleTestOf(resp, ho.o, fileDiags); rt.skip == "" {
			t.respT = rt
		}
	}
	return ""
}

// exampleTestOf is the round-trip test of ex when the example tests have
// one (the handler test then shares its variable), else a new plan of it.
func (p *plan) exampleTestOf(ex *model.Example, o *opInfo, fileDiags []model.Diagnostic) *exampleTest {
	if t := p.exampleCases[ex]; t != nil {
		return t
	}
	return p.exampleTest(ex, o, fileDiags)
}

// ruleProblems lists the JSON Pointers of the members the documented
// request breaks the operation's rules on: required members it lacks (or
// that the edits remove) and read-only members it sends.
func (p *plan) ruleProblems(ho *handlerOp, ex *model.Example, t *exampleTest) []string {
	if ho.o.Body == nil || (len(ho.o.Required) == 0 && len(ho.o.ReadOnly) == 0) {
		return nil
	}
	text := []byte(ex.Body)
	if t.repaired {
		text = jsonpos.Repair(ex.Body).Out
	}
	doc, err := jsonpos.Parse(text)
	if err != nil {
		return nil
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return nil
	}
	present := map[string]bool{}
	for k := range obj {
		present[k] = true
	}
	for _, e := range t.edits {
		if e.value == "" && strings.Count(e.pointer, "/") == 1 {
			present[jsonpos.UnescapeToken(e.pointer[1:])] = false
		}
	}
	var out []string
	for _, f := range ho.o.Required {
		if !present[f.Name] {
			out = append(out, "/"+jsonpos.EscapeToken(f.Name))
		}
	}
	for _, f := range ho.o.ReadOnly {
		if present[f.Name] {
			out = append(out, "/"+jsonpos.EscapeToken(f.Name))
		}
	}
	slices.Sort(out)
	return out
}

// emitHandlerTable writes the page's handler test function and its table
// of cases (no line numbers: see linesFile).
func (p *plan) emitHandlerTable(f *jen.File, fi *fileInfo, fn, table string, tests []*handlerTest) {
	src := p.pageName(fi)
	addComments(f.Group, docComment(fmt.Sprintf("%s sends the documented requests of %s through NewServer and checks each answer against the documented response, one subtest each (harness: docgen_examples_handler_test.go).", fn, sanitizeText(src))))
	f.Func().Id(fn).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("runHandlerExamples").Call(jen.Id("t"), jen.Id("NewServer"), jen.Id(table)),
	)
	f.Line()
	addComments(f.Group, docComment(fmt.Sprintf("%s are the documented request/response pairs of %s.", table, sanitizeText(src))))
	f.Var().Id(table).Op("=").Index().Op("*").Id("handlerCase").ValuesFunc(func(g *jen.Group) {
		for _, t := range tests {
			g.Line().Values(multiline(p.handlerCaseFields(t))...)
		}
		g.Line()
	})
}

// handlerCaseFields are the fields of the handlerCase literal of t.
func (p *plan) handlerCaseFields(t *handlerTest) []jen.Code {
	fields := []jen.Code{
		jen.Id("Test").Op(":").Lit(t.name),
		jen.Id("Name").Op(":").Lit(t.req.Name),
		jen.Id("File").Op(":").Lit(t.req.Pos.File),
	}
	if t.skip != "" {
		return append(fields, jen.Id("Skip").Op(":").Lit(t.skip))
	}
	fields = append(fields,
		jen.Id("Method").Op(":").Lit(t.req.Method),
		jen.Id("URL").Op(":").Lit(t.url),
	)
	var hdrs []jen.Code
	for _, h := range t.req.Headers {
		if h == nil {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(h.Name)) {
		case "", "content-length", "host":
			continue
		}
		hdrs = append(hdrs, jen.Values(jen.Lit(strings.TrimSpace(h.Name)), jen.Lit(strings.TrimSpace(h.Value))))
	}
	if len(hdrs) > 0 {
		fields = append(fields, jen.Id("Headers").Op(":").Index().Index(jen.Lit(2)).String().Values(hdrs...))
	}
	if t.reqT != nil {
		fields = append(fields, jen.Id("Request").Op(":").Add(p.caseRef(t.reqT)))
	}
	if t.respT != nil {
		fields = append(fields, jen.Id("Response").Op(":").Add(p.caseRef(t.respT)))
	}
	fields = append(fields, jen.Id("Status").Op(":").Add(statusCode(t.server().status)))
	if len(t.problems) > 0 {
		var ps []jen.Code
		for _, pr := range t.problems {
			ps = append(ps, jen.Lit(pr))
		}
		fields = append(fields, jen.Id("Problems").Op(":").Index().String().Values(ps...))
	}
	if t.prefix != "" {
		fields = append(fields, jen.Id("Prefix").Op(":").Lit(t.prefix))
	}
	// The case names the operation that serves it (another page's when
	// the request reaches that one's route) and the type its documented
	// response decodes into.
	srv := t.server()
	fields = append(fields, jen.Id("Op").Op(":").Id(srv.o.ConstName))
	if srv.resp == respJSON {
		fields = append(fields, jen.Id("Resp").Op(":").Parens(jen.Op("*").Add(srv.respElem())).Parens(jen.Nil()))
	}
	return fields
}
