// Package lint reports documentation defects that the parser cannot see on
// one block alone: examples that disagree with the property tables, enum
// tables, HTTP request blocks and Response prose, required-ness stated in
// prose only, and types referenced but defined nowhere.
//
// Lints read only the model (never Markdown). Every code they report is
// a constant documented in codes.go (Codes) with its explanation.
package lint

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// Run lints pkg and returns its findings sorted by position, then code.
// It never modifies pkg.
func Run(pkg *model.Package) []model.Diagnostic {
	if pkg == nil {
		return nil
	}
	l := &linter{pkg: pkg, conflicts: map[model.Pos]bool{}}
	for _, d := range pkg.Diagnostics {
		if d.Code == "enum-conflict" {
			l.conflicts[d.Pos] = true
		}
	}
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
			l.exampleBody(ex, ex.Type, nil)
		}
	}
	return model.SortDiagnostics(l.diags)
}

type linter struct {
	pkg   *model.Package
	diags []model.Diagnostic
	// conflicts holds the positions of the parser's enum-conflict
	// findings: an enum documented with different members in two places
	// has no reliable member list, so its values are not checked.
	conflicts map[model.Pos]bool
}

// conflicted reports whether the parser found that enum t is documented
// with different members in two places.
func (l *linter) conflicted(t *model.Type) bool {
	if l.conflicts[t.Pos] {
		return true
	}
	for _, s := range t.Sources {
		if l.conflicts[s] {
			return true
		}
	}
	return false
}

// report records a finding with the code's documented severity.
func (l *linter) report(pos model.Pos, code model.Code, format string, args ...any) {
	sev := model.Warning
	if c, ok := model.LookupCode(catalogue, code); ok {
		sev = c.Severity
	}
	l.diags = append(l.diags, model.Diagnostic{Pos: pos, Severity: sev, Code: code, Message: fmt.Sprintf(format, args...)})
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
			l.report(pos, "type-undefined", "%s names type %s, which no page defines; type names are case-sensitive: write %s", what, name, fold)
			return
		}
		if byPage := pageOf(name); byPage != "" {
			if prose {
				return
			}
			l.report(pos, "type-undefined", "%s names type %s, which no page defines; the page named after it defines %s: write that name", what, name, byPage)
			return
		}
		l.report(pos, "type-undefined", "%s names type %s, which no page defines; add its resource or enum page, or fix the type name", what, name)
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
		l.report(rb.Pos, "required-prose-only",
			"the text says the request-body properties of %s are required, but no row says Required; mark each row \"Required.\" or \"Optional.\", or reword the text", op.Name)
		return
	}
	for _, p := range rb.Properties {
		if p != nil && p.Optional && !p.Required {
			l.report(p.Pos, "required-mismatch",
				"the text says the request-body properties of %s are required, but row %s says Optional; fix the row or reword the text", op.Name, p.Name)
		}
	}
}

// findType returns the type named name, or nil.
func (l *linter) findType(name string) *model.Type {
	if name == "" {
		return nil
	}
	return l.pkg.Type(name)
}

// derivesFrom reports whether type name is base or derives from it.
func (l *linter) derivesFrom(name, base string) bool {
	seen := map[string]bool{}
	for name != "" && !seen[name] {
		if name == base {
			return true
		}
		seen[name] = true
		t := l.findType(name)
		if t == nil {
			return false
		}
		name = t.Base
		if name == "" && t.Kind == model.EntityType {
			name = model.EntityBase
		}
	}
	return false
}

// property finds a property of t or of its base types, and reports
// whether it belongs to a built-in type (EntityBase's key).
func (l *linter) property(t *model.Type, name string) (*model.Property, bool) {
	seen := map[string]bool{}
	for t != nil && !seen[t.Name] {
		seen[t.Name] = true
		for _, p := range t.Properties {
			if p != nil && p.Name == name {
				return p, t.Builtin
			}
		}
		t = l.findType(t.Base)
	}
	return nil, false
}

// hasProperty reports whether t or a base type has the property.
func (l *linter) hasProperty(t *model.Type, name string) bool {
	p, _ := l.property(t, name)
	return p != nil
}

// isOpen reports whether t or a base type is open.
func (l *linter) isOpen(t *model.Type) bool {
	seen := map[string]bool{}
	for t != nil && !seen[t.Name] {
		seen[t.Name] = true
		if t.OpenType {
			return true
		}
		t = l.findType(t.Base)
	}
	return false
}

// hasProperties reports whether t or a base type documents any property
// (besides the built-in key): a type documented with no property table is
// not checked member by member.
func (l *linter) hasProperties(t *model.Type) bool {
	seen := map[string]bool{}
	for t != nil && !seen[t.Name] {
		seen[t.Name] = true
		if !t.Builtin && len(t.Properties) > 0 {
			return true
		}
		t = l.findType(t.Base)
	}
	return false
}

// nestedTable reports whether every member of object n (annotations
// aside) is a row of the request-body table: the table then documents n,
// not the body.
func nestedTable(n *node, rows []*model.Property) bool {
	if len(rows) == 0 {
		return false
	}
	found := 0
	for _, m := range n.members {
		if strings.Contains(m.key, "@") {
			continue
		}
		if !slices.ContainsFunc(rows, func(p *model.Property) bool { return p != nil && p.Name == m.key }) {
			return false
		}
		found++
	}
	return found > 0
}

// isEntity reports whether t is an entity type (its own kind, or through
// its base chain).
func (l *linter) isEntity(t *model.Type) bool {
	return t != nil && (t.Kind == model.EntityType || l.derivesFrom(t.Name, model.EntityBase))
}

// propertyFold returns the name of a property of t, its bases or extra that
// equals name ignoring case, or "" (for "did you mean" hints).
func (l *linter) propertyFold(t *model.Type, extra []*model.Property, name string) string {
	for _, p := range extra {
		if p != nil && strings.EqualFold(p.Name, name) {
			return p.Name
		}
	}
	seen := map[string]bool{}
	for t != nil && !seen[t.Name] {
		seen[t.Name] = true
		for _, p := range t.Properties {
			if p != nil && strings.EqualFold(p.Name, name) {
				return p.Name
			}
		}
		t = l.findType(t.Base)
	}
	return ""
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
			want := ex.Type
			var extra []*model.Property
			if rb := op.RequestBody; rb != nil {
				if want.Name == "" {
					want = rb.Type
				}
				extra = rb.Properties
			}
			if want.Name == "" && len(extra) > 0 && op.Response != nil {
				want = l.bodyLikeResponse(op.Response.Type, extra)
			}
			l.exampleBody(ex, want, extra)
		case model.ResponseExample:
			if expectsError(ex) {
				continue
			}
			want := ex.Type
			if r := op.Response; r != nil {
				if r.Status != 0 && ex.Status != 0 && r.Status != ex.Status && r.Status < 400 {
					l.report(ex.Pos, "example-status-mismatch",
						"the example response has status %d but the Response section of %s states %d; make them agree",
						ex.Status, op.Name, r.Status)
				}
				if want.Name == "" {
					want = r.Type
				}
			}
			l.exampleBody(ex, want, nil)
		}
	}
}

// bodyLikeResponse infers the request body type of a create or update
// whose page names none: the response type, when every row of the
// request-body table is one of its properties (the table lists some
// properties of the object the call creates).
func (l *linter) bodyLikeResponse(resp model.TypeRef, rows []*model.Property) model.TypeRef {
	t := l.findType(resp.Name)
	if resp.Collection || t == nil || t.Kind == model.EnumType {
		return model.TypeRef{}
	}
	for _, r := range rows {
		// An "@odata.type" row documents the annotation, not a property.
		if r != nil && !strings.Contains(r.Name, "@") && !l.hasProperty(t, r.Name) {
			return model.TypeRef{}
		}
	}
	return model.TypeRef{Name: t.Name}
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
		l.report(ex.Pos, "example-method-mismatch",
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
	l.report(ex.Pos, "example-url-mismatch",
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

// exampleBody checks the members and values of an example's JSON body
// against the type it holds (want) and, for requests, the request-body
// table rows (extra).
func (l *linter) exampleBody(ex *model.Example, want model.TypeRef, extra []*model.Property) {
	if ex.JSON != model.ValidJSON || strings.TrimSpace(ex.Body) == "" {
		return
	}
	root, err := parseTree(ex.Body)
	if err != nil {
		return
	}
	w := &walker{l: l, ex: ex, placeholders: map[string]*model.Placeholder{}}
	for _, p := range ex.Placeholders {
		if p != nil {
			w.placeholders[p.Pointer] = p
		}
	}
	t := l.findType(want.Name)
	switch {
	case root.kind == jObject && (want.Collection || (t != nil && !l.hasProperty(t, "value") && isEnvelope(root))):
		// A collection response: {"value": [...]} plus annotations.
		if v := root.get("value"); v != nil && v.kind == jArray {
			for i, e := range v.elems {
				w.value(e, "/value/"+strconv.Itoa(i), model.TypeRef{Name: want.Name}, "value")
			}
		}
	case root.kind == jArray && want.Collection:
		for i, e := range root.elems {
			w.value(e, "/"+strconv.Itoa(i), model.TypeRef{Name: want.Name}, "value")
		}
	case root.kind == jObject && t != nil && t.Kind != model.EnumType && !l.hasProperty(t, "value") && isWrapper(root):
		v := root.get("value")
		var off int
		for _, m := range root.members {
			if m.key == "value" {
				off = m.off
			}
		}
		if v.kind == jObject {
			l.report(posAt(ex, off), "example-unknown-member",
				"example member \"value\" wraps the %s object, but a single %s is returned unwrapped; move the members of \"value\" to the top level",
				t.Name, t.Name)
			w.object(v, "/value", t, extra)
			return
		}
		l.report(posAt(ex, off), "example-type-mismatch",
			"the body is a single {\"value\": %s} but the example declares type %s; fix the body or the annotation's @odata.type",
			v.kind, t.Name)
	case root.kind == jObject && (t != nil || len(extra) > 0):
		w.object(root, "", t, extra)
	}
}

// isEnvelope reports whether an object looks like a collection response:
// a "value" array and otherwise only annotations.
func isEnvelope(n *node) bool {
	hasValue := false
	for _, m := range n.members {
		switch {
		case m.key == "value" && m.val.kind == jArray:
			hasValue = true
		case strings.Contains(m.key, "@"):
		default:
			return false
		}
	}
	return hasValue
}

// isWrapper reports whether an object is {"value": x} plus annotations
// with x not an array.
func isWrapper(n *node) bool {
	v := n.get("value")
	if v == nil || v.kind == jArray || v.kind == jNull {
		return false
	}
	for _, m := range n.members {
		if m.key != "value" && !strings.Contains(m.key, "@") {
			return false
		}
	}
	return true
}

type walker struct {
	l            *linter
	ex           *model.Example
	placeholders map[string]*model.Placeholder
}

// object checks the members of n against type t (nil when only the extra
// request-body rows are known).
func (w *walker) object(n *node, ptr string, t *model.Type, extra []*model.Property) {
	l := w.l
	if ot := n.get("@odata.type"); ot != nil && ot.kind == jString {
		name := strings.TrimPrefix(strings.TrimSpace(ot.str), "#")
		if !strings.Contains(name, ".") && name != "" {
			name = "microsoft.graph." + name
		}
		named := l.findType(name)
		switch {
		case t == nil:
			t = named
		case name == t.Name:
		case named != nil && l.derivesFrom(name, t.Name):
			t = named
		case w.placeholders[ptr+"/@odata.type"] != nil:
		default:
			hint := ""
			switch {
			case strings.EqualFold(name, t.Name):
				hint = " (it differs only in case)"
			case named != nil && (named.Base == "" || named.Base == model.EntityBase) && t.Name != model.EntityBase:
				hint = fmt.Sprintf(" (if %s derives from %s, its page must say so: an \"Inherits from\" line or a baseType annotation)", named.Name, t.Name)
			case named == nil:
				hint = " (no page defines " + name + ")"
			}
			var off int
			for _, m := range n.members {
				if m.key == "@odata.type" {
					off = m.val.off
				}
			}
			l.report(posAt(w.ex, off), "example-odata-type",
				"@odata.type %q is neither %s nor a type derived from it%s; fix the @odata.type or the declared type",
				ot.str, t.Name, hint)
			return
		}
	}
	if t == nil && len(extra) == 0 {
		return
	}
	if t != nil && t.Kind == model.EnumType {
		return
	}
	for _, m := range n.members {
		if strings.Contains(m.key, "@") {
			continue // instance or property annotation
		}
		mptr := ptr + "/" + pointerToken(m.key)
		var p *model.Property
		for _, e := range extra {
			if e != nil && e.Name == m.key {
				p = e
				break
			}
		}
		builtin := false
		if p == nil && t != nil {
			p, builtin = l.property(t, m.key)
		}
		if p == nil && m.val.kind == jObject && nestedTable(m.val, extra) {
			// The request-body table documents the members of this one
			// object parameter ("provide a passwordCredential object
			// with the following properties").
			w.object(m.val, mptr, nil, extra)
			continue
		}
		if p == nil {
			if t != nil && (l.isOpen(t) || !l.hasProperties(t) || (m.key == "id" && l.isEntity(t))) {
				continue
			}
			owner := "the request-body table"
			if t != nil {
				owner = t.Name + " (or its base types)"
				if len(extra) > 0 {
					owner = t.Name + " or the request-body table"
				}
			}
			hint := ""
			if fold := l.propertyFold(t, extra, m.key); fold != "" {
				hint = fmt.Sprintf(" (did you mean %q? names are case-sensitive)", fold)
			}
			l.report(posAt(w.ex, m.off), "example-unknown-member",
				"example member %q is not a property of %s%s; fix the name or add the property to the table", m.key, owner, hint)
			continue
		}
		if builtin {
			// The key docgen adds to entity types: its documented type
			// is unknown (a page's own "id" row may say Int32).
			continue
		}
		w.value(m.val, mptr, p.TypeRef, m.key)
	}
}

// value checks one value against the declared type ref of the property
// (or collection element) named prop.
func (w *walker) value(n *node, ptr string, ref model.TypeRef, prop string) {
	if n.kind == jNull {
		return
	}
	if ph := w.placeholders[ptr]; ph != nil {
		w.placeholder(ph, n, ref, prop)
		return
	}
	if ref.Name == "" || ref.Name == model.JSONType || ref.Name == "Edm.Untyped" {
		return
	}
	if ref.Collection {
		if n.kind != jArray {
			w.mismatch(n, ref, prop)
			return
		}
		for i, e := range n.elems {
			w.value(e, ptr+"/"+strconv.Itoa(i), model.TypeRef{Name: ref.Name}, prop)
		}
		return
	}
	if strings.HasPrefix(ref.Name, "Edm.") {
		if !primitiveAccepts(ref.Name, n) {
			w.mismatch(n, ref, prop)
		}
		return
	}
	t := w.l.findType(ref.Name)
	if t == nil {
		return // type-undefined reports it
	}
	if t.Kind == model.EnumType {
		if n.kind != jString {
			w.mismatch(n, ref, prop)
			return
		}
		if named, ok := strings.CutPrefix(n.str, "@odata.type:"); ok {
			// The stub generator's placeholder for an enum value.
			if named = strings.TrimPrefix(strings.TrimSpace(named), "#"); named != t.Name {
				w.l.report(posAt(w.ex, n.off), "example-placeholder",
					"placeholder %q stands for %s but %s is %s; write a member of %s",
					n.str, named, prop, t.Name, t.Name)
			}
			return
		}
		w.enumValue(n, t, prop)
		return
	}
	if n.kind != jObject {
		w.mismatch(n, ref, prop)
		return
	}
	w.object(n, ptr, t, nil)
}

func (w *walker) mismatch(n *node, ref model.TypeRef, prop string) {
	want := "a value of type " + ref.Name
	switch {
	case ref.Collection:
		want = "an array (" + ref.String() + ")"
	case n.kind == jArray:
		want = "a single " + ref.Name + " value, not an array"
	}
	w.l.report(posAt(w.ex, n.off), "example-type-mismatch",
		"example value of %s is %s but the table declares %s; fix the value or the Type cell", prop, n.kind, want)
}

// enumValue checks a string against an enum's members.
func (w *walker) enumValue(n *node, t *model.Type, prop string) {
	if len(t.Members) == 0 || w.l.conflicted(t) {
		return
	}
	names := make([]string, 0, len(t.Members))
	has := func(s string) bool {
		for _, m := range t.Members {
			if m != nil && m.Name == s {
				return true
			}
		}
		return false
	}
	for _, m := range t.Members {
		if m != nil {
			names = append(names, m.Name)
		}
	}
	if has(n.str) {
		return
	}
	parts := strings.Split(n.str, ",")
	if len(parts) > 1 {
		all := true
		for _, p := range parts {
			if !has(strings.TrimSpace(p)) {
				all = false
			}
		}
		if all {
			return
		}
	}
	list := strings.Join(names, ", ")
	if len(names) > 8 {
		list = strings.Join(names[:8], ", ") + ", ..."
	}
	hint := ""
	for _, nm := range names {
		if strings.EqualFold(nm, n.str) {
			hint = fmt.Sprintf(" (members are case-sensitive: write %q)", nm)
		}
	}
	w.l.report(posAt(w.ex, n.off), "example-enum-value",
		"example value %q of %s is not a member of %s (%s)%s; use a documented member or add it to the enum table",
		n.str, prop, t.Name, list, hint)
}

// placeholder reports a type-name placeholder that names another type than
// the property's.
func (w *walker) placeholder(ph *model.Placeholder, n *node, ref model.TypeRef, prop string) {
	if ph.Kind != model.TypeNamePlaceholder || ph.Type == "" {
		return
	}
	name := ref.Name
	if ref.Collection && n.kind == jArray {
		return
	}
	if name == "" || name == model.JSONType || name == "Edm.Untyped" || compatiblePrimitive(ph.Type, name) {
		return
	}
	t := w.l.findType(name)
	if !strings.HasPrefix(name, "Edm.") && t == nil {
		return
	}
	if t != nil && t.Kind == model.EnumType && ph.Type == "Edm.String" {
		// "String" for an enum-typed property is the docs' stub convention
		// (an enum is a string on the wire), not a contradiction.
		return
	}
	if t != nil && t.Kind == model.EnumType && n.kind == jString &&
		slices.ContainsFunc(t.Members, func(m *model.EnumMember) bool { return m != nil && m.Name == n.str }) {
		return // a member that looks like a type name ("url"): a real value
	}
	w.l.report(posAt(w.ex, n.off), "example-placeholder",
		"placeholder %s stands for %s but %s is %s; write a placeholder or value of type %s",
		ph.Text, ph.Type, prop, ref.String(), name)
}

var (
	stringTypes  = []string{"Edm.String", "Edm.Guid", "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration", "Edm.Binary"}
	integerTypes = []string{"Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte"}
	floatTypes   = []string{"Edm.Double", "Edm.Single", "Edm.Decimal"}
)

// compatiblePrimitive reports whether a placeholder naming type ph fits a
// property of type prop: the same type, or numbers of the same family.
func compatiblePrimitive(ph, prop string) bool {
	if ph == prop {
		return true
	}
	same := func(set []string) bool { return slices.Contains(set, ph) && slices.Contains(set, prop) }
	return same(integerTypes) || same(floatTypes) ||
		(slices.Contains(integerTypes, ph) && slices.Contains(floatTypes, prop))
}

// primitiveAccepts reports whether JSON value n can encode Edm type name.
// Unknown Edm types (streams, geography, untyped) accept anything.
func primitiveAccepts(name string, n *node) bool {
	switch {
	case slices.Contains(stringTypes, name):
		return n.kind == jString
	case name == "Edm.Boolean":
		return n.kind == jBool
	case slices.Contains(integerTypes, name):
		switch n.kind {
		case jNumber:
			_, err := strconv.ParseInt(n.num.String(), 10, 64)
			return err == nil
		case jString:
			// IEEE754Compatible=true writes Int64 as a string.
			_, err := strconv.ParseInt(n.str, 10, 64)
			return name == "Edm.Int64" && err == nil
		}
		return false
	case slices.Contains(floatTypes, name):
		switch n.kind {
		case jNumber:
			return true
		case jString:
			if n.str == "NaN" || n.str == "INF" || n.str == "-INF" {
				return true
			}
			_, err := strconv.ParseFloat(n.str, 64)
			return name == "Edm.Decimal" && err == nil
		}
		return false
	}
	return true
}
