// Package lint reports documentation defects that the parser cannot see on
// one block alone: examples that disagree with the property tables, enum
// tables, HTTP request blocks and Response prose, required-ness stated in
// prose only, and types referenced but defined nowhere.
//
// Lints read only the model (never Markdown). Example bodies are checked by
// the documentation rules of internal/examples, whose problem facts become
// the example-* findings here. Every code lint reports is a constant
// documented in codes.go (Codes) with its explanation.
package lint

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/internal/examples"
	"github.com/docgen-dev/docgen/parser/model"
)

// Run lints pkg and returns its findings sorted by position, then code.
// It never modifies pkg.
func Run(pkg *model.Package) []model.Diagnostic {
	if pkg == nil {
		return nil
	}
	l := &linter{pkg: pkg, bodies: examples.NewChecker(pkg)}
	l.typeRefs()
	for _, op := range pkg.Operations {
		if op == nil {
			continue
		}
		l.requiredness(op)
		l.operationExamples(op)
	}
	for _, p := range pkg.Pages {
		if p == nil {
			continue
		}
		for _, ex := range p.Examples {
			if ex == nil || ex.Kind == model.RequestExample || ex.Kind == model.ResponseExample {
				continue
			}
			l.facts(ex, l.bodies.Check(ex, ex.Type, nil))
		}
	}
	return model.SortDiagnostics(l.diags)
}

type linter struct {
	pkg   *model.Package
	diags []model.Diagnostic
	// bodies checks example bodies (internal/examples): its problem
	// facts are the example-* findings.
	bodies *examples.Checker
}

// exampleCodes are the codes lint reports the documentation rules'
// problems (internal/examples) with.
var exampleCodes = map[examples.Rule]model.Code{
	examples.UnknownMember: CodeExampleUnknownMember,
	examples.TypeMismatch:  CodeExampleTypeMismatch,
	examples.ODataType:     CodeExampleODataType,
	examples.Placeholder:   CodeExamplePlaceholder,
	examples.EnumValue:     CodeExampleEnumValue,
}

// facts reports the problems among an example body's facts.
func (l *linter) facts(ex *model.Example, facts []examples.Fact) {
	for _, f := range facts {
		if f.Problem != nil {
			l.add(posAt(ex, f.Off), exampleCodes[f.Problem.Rule], f.Problem.Message)
		}
	}
}

// report records a finding with the code's documented severity.
func (l *linter) report(pos model.Pos, code model.Code, format string, args ...any) {
	l.add(pos, code, fmt.Sprintf(format, args...))
}

// add records a finding with the severity its code is documented with.
func (l *linter) add(pos model.Pos, code model.Code, msg string) {
	sev := model.Warning
	if c, ok := model.LookupCode(catalogue, code); ok {
		sev = c.Severity
	}
	l.diags = append(l.diags, model.Diagnostic{Pos: pos, Severity: sev, Code: code, Message: msg})
}

// typeDefined reports whether name needs no definition or has one.
func (l *linter) typeDefined(name string) bool {
	return name == "" || name == model.JSONType || strings.HasPrefix(name, "Edm.") || l.pkg.Type(name) != nil
}

// typeRefs reports type-undefined for base types, property types, request
// bodies, responses and query parameters.
func (l *linter) typeRefs() {
	folded := map[string]string{}
	for _, t := range l.pkg.Types {
		if t != nil {
			folded[strings.ToLower(t.Name)] = t.Name
		}
	}
	// byFile maps a page's file name ("page" for resources/page.md) to
	// the first type it defines: references are links to pages, and the
	// link text is not always the type name.
	byFile := map[string]string{}
	for _, p := range l.pkg.Pages {
		if p == nil || len(p.Types) == 0 {
			continue
		}
		base := strings.ToLower(strings.TrimSuffix(path.Base(p.File), ".md"))
		if _, dup := byFile[base]; !dup {
			byFile[base] = p.Types[0]
		}
	}
	pageOf := func(name string) string {
		short := name[strings.LastIndexByte(name, '.')+1:]
		return byFile[strings.ToLower(short)]
	}
	// check reports an undefined type named by a Type cell; prose is
	// true for references read from sentences (request body, response),
	// where a link text that differs from the type name (in case, or
	// naming the page) is no defect when the type exists.
	check := func(pos model.Pos, name, what string, prose bool) {
		if l.typeDefined(name) {
			return
		}
		if fold, ok := folded[strings.ToLower(name)]; ok {
			if prose {
				return
			}
			l.report(pos, CodeTypeUndefined, "%s names type %s, which no page defines; type names are case-sensitive: write %s", what, name, fold)
			return
		}
		if byPage := pageOf(name); byPage != "" {
			if prose {
				return
			}
			l.report(pos, CodeTypeUndefined, "%s names type %s, which no page defines; the page named after it defines %s: write that name", what, name, byPage)
			return
		}
		l.report(pos, CodeTypeUndefined, "%s names type %s, which no page defines; add its resource or enum page, or fix the type name", what, name)
	}
	for _, t := range l.pkg.Types {
		if t == nil || t.Builtin {
			continue
		}
		if !strings.EqualFold(t.Base, t.Name) { // a type its own base is a cycle, not a reference
			check(t.Pos, t.Base, "the base type of "+t.Name, false)
		}
		for _, p := range t.Properties {
			if p != nil {
				check(p.Pos, p.TypeRef.Name, fmt.Sprintf("property %s of %s", p.Name, t.Name), false)
			}
		}
	}
	for _, op := range l.pkg.Operations {
		if op == nil {
			continue
		}
		if rb := op.RequestBody; rb != nil {
			check(rb.Pos, rb.Type.Name, "the request body of "+op.Name, true)
			for _, p := range rb.Properties {
				if p != nil {
					check(p.Pos, p.TypeRef.Name, fmt.Sprintf("request-body property %s of %s", p.Name, op.Name), false)
				}
			}
		}
		if r := op.Response; r != nil {
			check(r.Pos, r.Type.Name, "the response of "+op.Name, true)
		}
		for _, p := range op.QueryParameters {
			if p != nil {
				check(p.Pos, p.TypeRef.Name, fmt.Sprintf("parameter %s of %s", p.Name, op.Name), false)
			}
		}
	}
}

// requiredness compares the request-body prose's required claim with the
// rows' markers.
func (l *linter) requiredness(op *model.Operation) {
	rb := op.RequestBody
	if rb == nil || !rb.RequiredClaim || len(rb.Properties) == 0 {
		return
	}
	marked := false
	for _, p := range rb.Properties {
		if p != nil && (p.Required || p.Optional) {
			marked = true
		}
	}
	if !marked {
		l.report(rb.Pos, CodeRequiredProseOnly,
			"the text says the request-body properties of %s are required, but no row says Required; mark each row \"Required.\" or \"Optional.\", or reword the text", op.Name)
		return
	}
	for _, p := range rb.Properties {
		if p != nil && p.Optional && !p.Required {
			l.report(p.Pos, CodeRequiredMismatch,
				"the text says the request-body properties of %s are required, but row %s says Optional; fix the row or reword the text", op.Name, p.Name)
		}
	}
}

// posAt locates byte off of an example body on the page.
func posAt(ex *model.Example, off int) model.Pos {
	pos := ex.BodyPos
	if pos.Line == 0 {
		pos = ex.Pos
		return model.Pos{File: pos.File, Line: pos.Line}
	}
	if off > len(ex.Body) {
		off = len(ex.Body)
	}
	before := ex.Body[:off]
	nl := strings.Count(before, "\n")
	if nl == 0 {
		col := pos.Col
		if col == 0 {
			col = 1
		}
		return model.Pos{File: pos.File, Line: pos.Line, Col: col + off}
	}
	return model.Pos{File: pos.File, Line: pos.Line + nl, Col: off - strings.LastIndexByte(before, '\n')}
}

// operationExamples checks an operation's request and response examples
// against its HTTP request block, Response prose and body types.
func (l *linter) operationExamples(op *model.Operation) {
	for _, ex := range op.Examples {
		if ex == nil {
			continue
		}
		switch ex.Kind {
		case model.RequestExample:
			l.requestLine(op, ex)
			l.facts(ex, l.bodies.Request(op, ex))
		case model.ResponseExample:
			if expectsError(ex) {
				continue
			}
			if r := op.Response; r != nil && r.Status != 0 && ex.Status != 0 && r.Status != ex.Status && r.Status < 400 && !redirected(r.Status, ex.Status) {
				l.report(ex.Pos, CodeExampleStatusMismatch,
					"the example response has status %d but the Response section of %s states %d; make them agree",
					ex.Status, op.Name, r.Status)
			}
			l.facts(ex, l.bodies.Response(op, ex))
		}
	}
}

// redirected reports whether one status is a redirect (3xx) and the other
// a success (2xx): a report API states "302 Found" and shows the 200 OK of
// the download the redirect leads to ("Follow the 302 redirection and the
// CSV file …"), and a Response section with one status per format ("###
// CSV … 302 Found", "### JSON … 200 OK") states both. Either example is
// right for one of them.
func redirected(a, b int) bool {
	is3 := func(s int) bool { return s >= 300 && s < 400 }
	is2 := func(s int) bool { return s >= 200 && s < 300 }
	return is3(a) && is2(b) || is2(a) && is3(b)
}

func expectsError(ex *model.Example) bool {
	return ex.Status >= 400 || (ex.Annotation != nil && ex.Annotation.ExpectError)
}

// requestLine compares an example request's method and URL with the
// operation's HTTP request block.
func (l *linter) requestLine(op *model.Operation, ex *model.Example) {
	var methods []string
	var templates []string
	for _, p := range op.Paths {
		if p == nil {
			continue
		}
		m := strings.ToUpper(p.Method)
		if m == "" {
			m = strings.ToUpper(op.Method)
		}
		if m != "" && !slices.Contains(methods, m) {
			methods = append(methods, m)
		}
		templates = append(templates, p.Template)
	}
	if len(methods) == 0 && op.Method != "" {
		methods = append(methods, strings.ToUpper(op.Method))
	}
	if !graphURL(ex.URL) {
		// A call to another service: a notification to the app's
		// callback, an upload to a pre-authenticated URL.
		return
	}
	if ex.Method != "" && len(methods) > 0 && !slices.Contains(methods, strings.ToUpper(ex.Method)) {
		l.report(ex.Pos, CodeExampleMethodMismatch,
			"the example request uses %s but the HTTP request block of %s documents %s; make them agree",
			strings.ToUpper(ex.Method), op.Name, strings.Join(methods, ", "))
	}
	if ex.URL == "" || len(templates) == 0 {
		return
	}
	path := examplePath(ex.URL)
	for _, t := range templates {
		if matchTemplate(t, path) {
			return
		}
	}
	l.report(ex.Pos, CodeExampleURLMismatch,
		"the example request path %s matches none of the HTTP request paths of %s (%s); fix the example URL or add the path to the HTTP request block",
		path, op.Name, strings.Join(templates, ", "))
}

// graphURL reports whether an example URL calls Microsoft Graph: a
// relative URL, or an absolute one whose host is a Graph endpoint
// (graph.microsoft.com and the national clouds).
func graphURL(url string) bool {
	u := strings.TrimSpace(url)
	i := strings.Index(u, "://")
	if i < 0 {
		return true
	}
	host := u[i+3:]
	if j := strings.IndexAny(host, "/?#"); j >= 0 {
		host = host[:j]
	}
	host = strings.ToLower(host)
	if h, _, ok := strings.Cut(host, ":"); ok {
		host = h
	}
	return strings.Contains(host, "graph.microsoft") || strings.Contains(host, "microsoftgraph") || host == "{graph-url}" || strings.HasPrefix(host, "{")
}

// examplePath reduces an example URL to its path: no scheme, host,
// version segment, query or fragment, no trailing slash.
func examplePath(url string) string {
	u := strings.TrimSpace(url)
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		} else {
			u = "/"
		}
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if !strings.HasPrefix(u, "/") {
		u = "/" + u
	}
	for _, v := range []string{"/v1.0", "/beta"} {
		if len(u) >= len(v) && strings.EqualFold(u[:len(v)], v) && (len(u) == len(v) || u[len(v)] == '/') {
			u = u[len(v):]
			break
		}
	}
	if len(u) > 1 {
		u = strings.TrimRight(u, "/")
	}
	if u == "" {
		u = "/"
	}
	return u
}

// matchTemplate matches an example path against a path template: literal
// text compares case-insensitively, "{...}" matches any non-empty text
// without "/" (any text at all inside OneDrive ":/...:" path addressing),
// and quotes around a parameter are optional in the example.
func matchTemplate(template, path string) bool {
	t := strings.TrimSpace(template)
	if i := strings.IndexAny(t, "?#"); i >= 0 {
		t = t[:i]
	}
	if !strings.HasPrefix(t, "/") {
		t = "/" + t
	}
	if len(t) > 1 {
		t = strings.TrimRight(t, "/")
	}
	return matchFrom(t, path, 0)
}

func matchFrom(t, s string, depth int) bool {
	if depth > 64 {
		return false
	}
	for len(t) > 0 {
		if t[0] == '{' {
			end := strings.IndexByte(t, '}')
			if end < 0 {
				return strings.EqualFold(t, s)
			}
			rest := t[end+1:]
			// Path addressing ("root:/{item-path}:") may span segments.
			slashOK := strings.HasPrefix(rest, ":")
			for i := 1; i <= len(s); i++ {
				if !slashOK && s[i-1] == '/' {
					break
				}
				if matchFrom(rest, s[i:], depth+1) {
					return true
				}
			}
			return false
		}
		if len(s) == 0 || !strings.EqualFold(t[:1], s[:1]) {
			return false
		}
		t, s = t[1:], s[1:]
	}
	return len(s) == 0
}
