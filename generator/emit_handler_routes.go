package generator

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// Routes: every documented path of an operation becomes a Go 1.22
// ServeMux pattern ("POST /deviceManagement/virtualEndpoint/deviceImages").
//
//   - Literal and cast segments stay as written.
//   - A parameter segment ("{id | userPrincipalName}", "{user-id}") becomes
//     one wildcard named after the request field that receives it: the
//     parameter's name as a Go identifier (UserID), or, for a bare "{id}",
//     the singular of the collection before it plus ID ("/users/{id}" →
//     {UserID}), so "/users/{id}/events/{id}" has two distinct fields.
//   - An OData key or function segment with arguments ("getX(period=
//     '{period}')", "items('{id}')") cannot be a whole-segment wildcard, so
//     the whole segment becomes the wildcard {segN} (N its position) and the
//     runtime parses the name and arguments inside it; functions that share
//     a position share the registration. A function without arguments
//     ("delta()") is a literal.
//   - OneDrive path addressing ("root:/{item-path}:", "{parent-id}:/
//     {file-name}:") spans several segments of a request; the runtime
//     joins them into one (serverSpanSegments), so the segment becomes the
//     wildcard {segN} parsed like a key segment whose name ends in ":".
//
// Conflicts are found with net/http itself: every pattern is registered on
// a fresh http.ServeMux, in page order, and a pattern the mux refuses is
// checked against each earlier one to name the route it conflicts with.
// The later route is dropped with a route-conflict diagnostic that names
// both pages, so the generated NewServer can never panic.

// handlerRoute is one ServeMux registration of an operation.
type handlerRoute struct {
	path    *model.Path
	method  string
	pattern string // without prefix
	segs    []routeSegment
	// params are the path parameters the route binds, in path order.
	params []routeParam
	// odataType is the qualified name of the request body's type when
	// operations of several derived types share the route (one page per
	// derived type): the runtime picks the route whose type the body's
	// @odata.type names.
	odataType string
}

// key is what ServeMux registers: "METHOD pattern".
func (r *handlerRoute) key() string { return r.method + " " + r.pattern }

// plain reports whether the route parses no key or function segment.
func (r *handlerRoute) plain() bool { return len(r.segs) == 0 }

// signature identifies what a route parses, as the runtime compares it.
func (r *handlerRoute) signature() string {
	var b strings.Builder
	for _, s := range r.segs {
		fmt.Fprintf(&b, "%s:%s(", s.wildcard, strings.ToLower(s.name))
		for _, p := range s.params {
			a := p.arg
			if a == "" {
				a = "#"
			}
			b.WriteString(strings.ToLower(a) + ",")
		}
		b.WriteString(")")
	}
	return b.String()
}

// routeSegment is a key or function segment parsed by the runtime.
type routeSegment struct {
	wildcard string
	name     string
	params   []routeSegmentParam
}

type routeSegmentParam struct {
	arg  string // function argument name, "" for a positional key
	path string // the path value (and request field) it is stored under
}

// routeParam is a path parameter: the request field that receives it and
// the template text it comes from.
type routeParam struct {
	field string // Go field name, also the path value name
	doc   string // "{id | userPrincipalName}"
}

// handlerMethods are the methods a route may use.
var handlerMethods = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

// buildRoute turns one documented path into a route, or explains why it
// cannot be one.
func buildRoute(path *model.Path, opMethod string) (*handlerRoute, string) {
	method := strings.ToUpper(strings.TrimSpace(path.Method))
	if method == "" {
		method = strings.ToUpper(strings.TrimSpace(opMethod))
	}
	if !slices.Contains(handlerMethods, method) {
		return nil, fmt.Sprintf("the HTTP method %q is not one of %s", method, strings.Join(handlerMethods, ", "))
	}
	segs := path.Segments
	if len(segs) == 0 {
		var why string
		if segs, why = templateSegments(path.Template); why != "" {
			return nil, why
		}
	}
	rt := &handlerRoute{path: path, method: method}
	used := map[string]bool{}
	field := func(want string) string {
		name := want
		for i := 2; used[name]; i++ {
			name = want + strconv.Itoa(i)
		}
		used[name] = true
		return name
	}
	var parts []string
	prevLiteral := ""
	for i, s := range segs {
		if s == nil {
			return nil, "the path has an empty segment"
		}
		switch s.Kind {
		case model.Literal, model.CastSegment:
			if why := literalProblem(s.Raw); why != "" {
				return nil, why
			}
			parts = append(parts, s.Raw)
			prevLiteral = cmpOr(s.Name, s.Raw)
		case model.Param:
			if len(s.Params) == 0 || s.Params[0] == nil {
				return nil, fmt.Sprintf("the parameter segment %q names no parameter", s.Raw)
			}
			name := field(paramFieldName(s.Params[0].Name, prevLiteral))
			parts = append(parts, "{"+name+"}")
			rt.params = append(rt.params, routeParam{field: name, doc: s.Raw})
		case model.FunctionSegment, model.KeySegment:
			if len(s.Params) == 0 {
				if why := literalProblem(s.Raw); why != "" {
					return nil, why
				}
				parts = append(parts, s.Raw)
				prevLiteral = s.Name
				continue
			}
			if s.Name == "" || literalProblem(s.Name) != "" {
				return nil, fmt.Sprintf("the segment %q has no usable name before its parentheses", s.Raw)
			}
			wc := "seg" + strconv.Itoa(i+1)
			rs := routeSegment{wildcard: wc, name: s.Name}
			for _, pp := range s.Params {
				if pp == nil {
					continue
				}
				var want string
				switch {
				case pp.Arg != "":
					want = exportedName(pp.Arg)
				case s.Kind == model.KeySegment && pp.Name != "" && !strings.EqualFold(pp.Name, "id"):
					want = exportedName(pp.Name)
				default:
					want = exportedName(singular(s.Name)) + "ID"
				}
				if want == "" || want == "ID" {
					want = "Param"
				}
				name := field(want)
				rs.params = append(rs.params, routeSegmentParam{arg: pp.Arg, path: name})
				rt.params = append(rt.params, routeParam{field: name, doc: s.Raw})
			}
			if len(rs.params) == 0 {
				return nil, fmt.Sprintf("the segment %q has no usable parameters", s.Raw)
			}
			rt.segs = append(rt.segs, rs)
			parts = append(parts, "{"+wc+"}")
			prevLiteral = s.Name
		case model.PathSegment:
			// The runtime joins the span into one segment
			// (serverSpanSegments) and parses it: "root:" takes the item
			// path, ":" the item's key and then the path.
			want := 1
			if s.Name == "" {
				want = 2
			}
			if len(s.Params) != want || (s.Name != "" && literalProblem(s.Name) != "") || strings.Contains(s.Name, ":") {
				return nil, fmt.Sprintf("the segment %q addresses an item by path, but not as {item-id}:/{path}: or name:/{path}: with one parameter for the path; the generated server cannot parse it", s.Raw)
			}
			wc := "seg" + strconv.Itoa(i+1)
			rs := routeSegment{wildcard: wc, name: s.Name + ":"}
			for _, pp := range s.Params {
				if pp == nil {
					return nil, fmt.Sprintf("the segment %q names no parameter", s.Raw)
				}
				name := field(paramFieldName(pp.Name, prevLiteral))
				rs.params = append(rs.params, routeSegmentParam{path: name})
				rt.params = append(rt.params, routeParam{field: name, doc: s.Raw})
			}
			rt.segs = append(rt.segs, rs)
			parts = append(parts, "{"+wc+"}")
			prevLiteral = s.Name
		default:
			return nil, fmt.Sprintf("the segment %q is of an unknown kind", s.Raw)
		}
	}
	rt.pattern = "/" + strings.Join(parts, "/")
	if strings.HasSuffix(rt.pattern, "/") {
		rt.pattern += "{$}"
	}
	return rt, ""
}

// literalProblem says why text cannot be a literal pattern segment ("" if
// it can).
func literalProblem(text string) string {
	switch {
	case text == "":
		return "the path has an empty segment"
	case strings.ContainsAny(text, "{}"):
		return fmt.Sprintf("the segment %q mixes literal text and a {parameter}; write the parameter as a whole segment", text)
	case strings.ContainsAny(text, " \t?#%<>"):
		return fmt.Sprintf("the segment %q contains a character a path pattern cannot hold (space, ?, #, %%, < or >)", text)
	}
	return ""
}

// templateSegments splits a template when the model carries no segments
// (hand-written models): literals and whole-segment parameters only.
func templateSegments(tmpl string) ([]*model.Segment, string) {
	tmpl = strings.TrimSpace(tmpl)
	if i := strings.IndexAny(tmpl, "?#"); i >= 0 {
		tmpl = tmpl[:i]
	}
	if !strings.HasPrefix(tmpl, "/") {
		return nil, fmt.Sprintf("the path %q does not start with /", tmpl)
	}
	if tmpl == "/" {
		return nil, ""
	}
	var segs []*model.Segment
	for _, raw := range strings.Split(strings.TrimPrefix(tmpl, "/"), "/") {
		raw = strings.TrimSpace(raw)
		if strings.HasPrefix(raw, "{") && strings.HasSuffix(raw, "}") && strings.Count(raw, "{") == 1 {
			var alts []string
			for _, a := range strings.Split(raw[1:len(raw)-1], "|") {
				if a = strings.TrimSpace(a); a != "" {
					alts = append(alts, a)
				}
			}
			if len(alts) == 0 {
				return nil, fmt.Sprintf("the parameter segment %q is empty", raw)
			}
			segs = append(segs, &model.Segment{Kind: model.Param, Raw: raw, Params: []*model.PathParam{{Name: alts[0], Alternatives: alts}}})
			continue
		}
		if strings.ContainsAny(raw, "(:") {
			return nil, fmt.Sprintf("the segment %q needs the parser's key/function analysis, which this model lacks", raw)
		}
		segs = append(segs, &model.Segment{Kind: model.Literal, Raw: raw, Name: raw})
	}
	return segs, ""
}

// paramFieldName names the request field of a path parameter: the
// parameter's own name, or for a bare "id" the singular of the collection
// before it plus ID.
func paramFieldName(name, prevLiteral string) string {
	if strings.EqualFold(strings.TrimSpace(name), "id") && prevLiteral != "" {
		if n := exportedName(singular(prevLiteral)); n != "" {
			return n + "ID"
		}
	}
	if n := exportedName(name); n != "" {
		return n
	}
	return "Param"
}

// singular is a plain English singular of a collection name ("users" →
// "user", "policies" → "policy", "addresses" → "address").
func singular(s string) string {
	l := strings.ToLower(s)
	switch {
	case strings.HasSuffix(l, "ies") && len(s) > 3:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(l, "sses"), strings.HasSuffix(l, "xes"), strings.HasSuffix(l, "ches"), strings.HasSuffix(l, "shes"):
		return s[:len(s)-2]
	case strings.HasSuffix(l, "ss"), strings.HasSuffix(l, "us"), strings.HasSuffix(l, "is"):
		return s
	case strings.HasSuffix(l, "s") && len(s) > 1:
		return s[:len(s)-1]
	}
	return s
}

// plural is the plural of a Go type name ("CloudPcDeviceImage" →
// "CloudPcDeviceImages", "Policy" → "Policies").
func plural(s string) string {
	l := strings.ToLower(s)
	switch {
	case strings.HasSuffix(l, "y") && len(s) > 1 && !strings.ContainsRune("aeiou", rune(l[len(l)-2])):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(l, "s"), strings.HasSuffix(l, "x"), strings.HasSuffix(l, "ch"), strings.HasSuffix(l, "sh"):
		return s + "es"
	}
	return s + "s"
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// routeRef is a route with its operation, for conflict detection.
type routeRef struct {
	op *handlerOp
	rt *handlerRoute
}

// checkRoutes drops the routes that cannot be registered together, in page
// order, reporting route-unsupported (a pattern ServeMux refuses on its
// own) and route-conflict (two routes ServeMux cannot tell apart, or the
// same method and pattern documented twice).
func (p *plan) checkRoutes(ops []*handlerOp) {
	var refs []routeRef
	for _, o := range ops {
		for _, rt := range o.routes {
			refs = append(refs, routeRef{o, rt})
		}
	}
	slices.SortStableFunc(refs, func(a, b routeRef) int {
		return comparePos(a.rt.path.Pos, b.rt.path.Pos, a.op.o.Name, b.op.o.Name)
	})
	unifyWildcards(refs)
	byKey := map[string][]routeRef{}
	var keys []string
	mux := http.NewServeMux()
	// The catch-all every Server registers (under its prefix, which moves
	// routes and catch-all alike): a route it conflicts with is dropped
	// here, so NewServer never meets a conflict.
	mux.Handle("/", http.NotFoundHandler())
	drop := map[*handlerRoute]bool{}
	for _, ref := range refs {
		key := ref.rt.key()
		if prev, ok := byKey[key]; ok {
			if other := sharedConflict(prev, ref); other != nil && polymorphic(p.byName, prev, other, ref) {
				// One route per method and path: the body's @odata.type
				// picks the operation of its derived type.
				for i := range prev {
					if prev[i].rt.signature() == other.rt.signature() || prev[i].rt.plain() && other.rt.plain() {
						prev[i].rt.odataType = prev[i].op.o.Body.Name
					}
				}
				ref.rt.odataType = ref.op.o.Body.Name
				byKey[key] = append(prev, ref)
				continue
			}
			if other := sharedConflict(prev, ref); other != nil {
				if other.op != ref.op && p.moreGeneral(ref.op, other.op) {
					// The base type's page takes the route from a derived
					// type's page documented before it: Graph answers the
					// path with the base type (and its derived types).
					ref, *other = *other, ref
				}
				drop[ref.rt] = true
				if other.op != ref.op {
					p.diag(ref.rt.path.Pos, CodeRouteConflict,
						"%s %s (%s) is also documented at %s (%s); the generated server routes it to %[5]s only",
						ref.rt.method, ref.rt.path.Template, ref.op.o.Name, other.rt.path.Pos, other.op.o.Name)
					ref.op.dropped = fmt.Sprintf("%s: %s %s is also documented at %s (%s), which takes the route [%s]",
						ref.rt.path.Pos, ref.rt.method, ref.rt.path.Template, other.rt.path.Pos, other.op.o.Name, CodeRouteConflict)
				}
				continue
			}
			byKey[key] = append(prev, ref)
			continue
		}
		if err := tryHandle(http.NewServeMux(), key); err != nil {
			drop[ref.rt] = true
			ref.op.dropped = fmt.Sprintf("%s: %s %s is not a valid ServeMux pattern: %v [%s]", ref.rt.path.Pos, ref.rt.method, ref.rt.path.Template, err, CodeRouteUnsupported)
			p.diag(ref.rt.path.Pos, CodeRouteUnsupported,
				"%s %s (%s) is not a valid ServeMux pattern %q: %v; no handler route is generated for it", ref.rt.method, ref.rt.path.Template, ref.op.o.Name, key, err)
			continue
		}
		if err := tryHandle(mux, key); err != nil {
			drop[ref.rt] = true
			other := conflictingKey(keys, key)
			where := ""
			if o := byKey[other]; len(o) > 0 {
				where = fmt.Sprintf(" %s %s (%s) at %s", o[0].rt.method, o[0].rt.path.Template, o[0].op.o.Name, o[0].rt.path.Pos)
			}
			ref.op.dropped = fmt.Sprintf("%s: %s %s overlaps%s [%s]", ref.rt.path.Pos, ref.rt.method, ref.rt.path.Template, where, CodeRouteConflict)
			p.diag(ref.rt.path.Pos, CodeRouteConflict,
				"%s %s (%s) overlaps%s: net/http cannot tell the patterns %q and %q apart, so no handler route is generated for this one",
				ref.rt.method, ref.rt.path.Template, ref.op.o.Name, where, key, other)
			continue
		}
		byKey[key] = []routeRef{ref}
		keys = append(keys, key)
	}
	for _, o := range ops {
		o.routes = slices.DeleteFunc(o.routes, func(r *handlerRoute) bool { return drop[r] })
	}
	for _, key := range keys {
		baseTypeDefault(byKey[key])
	}
}

// baseTypeDefault makes one route of each registration shared by derived
// types the default, the one a body gets when its @odata.type names none
// of the others (or is absent): the base type's when the operations' body
// types all derive from one of them, as Graph reads such a body, else the
// first page's; whatever the order the runtime registers them in.
func baseTypeDefault(refs []routeRef) {
	bySig := map[string][]routeRef{}
	var sigs []string
	for _, r := range refs {
		if r.rt.odataType == "" {
			continue
		}
		sig := r.rt.signature()
		if _, ok := bySig[sig]; !ok {
			sigs = append(sigs, sig)
		}
		bySig[sig] = append(bySig[sig], r)
	}
	for _, sig := range sigs {
		group := bySig[sig]
		if len(group) < 2 {
			continue
		}
		def := group[0]
		for _, base := range group {
			all := true
			for _, o := range group {
				if o.rt != base.rt && !slices.Contains(base.op.o.Body.Descendants, o.op.o.Body) {
					all = false
					break
				}
			}
			if all {
				def = base
				break
			}
		}
		def.rt.odataType = ""
	}
}

// polymorphic reports whether ref may share other's registration because
// both operations take a JSON body of a different struct type (the same
// operation documented once per derived type) and no route of the
// registration prev takes ref's body type already.
func polymorphic(byName map[string]*typeInfo, prev []routeRef, other *routeRef, ref routeRef) bool {
	if other.op == ref.op || other.op.body != bodyJSON || ref.op.body != bodyJSON {
		return false
	}
	a, b := other.op.o.Body, ref.op.o.Body
	if a == nil || b == nil || a == b || a.Synthetic || b.Synthetic || !a.isStruct() || !b.isStruct() {
		return false
	}
	if !relatedTypes(byName, a, b) {
		// Unrelated bodies (a contact and an extended property on one
		// path) are two operations the body's type cannot tell apart.
		return false
	}
	for _, o := range prev {
		if o.op.o.Body == b && (o.rt.signature() == ref.rt.signature() || o.rt.plain() && ref.rt.plain()) {
			return false
		}
		if o.rt.signature() == ref.rt.signature() || o.rt.plain() && ref.rt.plain() {
			if o.op.body != bodyJSON || o.op.o.Body == nil || o.op.o.Body.Synthetic {
				return false
			}
		}
	}
	return true
}

// moreGeneral reports whether a's operation is the base type's form of b's:
// the type a answers with (or, without one, takes) is a proper base of
// b's.
func (p *plan) moreGeneral(a, b *handlerOp) bool {
	typeOf := func(ho *handlerOp) *typeInfo {
		if r := ho.o.Operation.Response; r != nil && r.Type.Name != "" {
			return p.byName[r.Type.Name]
		}
		return ho.o.Body
	}
	ta, tb := typeOf(a), typeOf(b)
	return ta != nil && tb != nil && ta != tb && slices.Contains(ta.Descendants, tb)
}

// relatedTypes reports whether a and b are the same operation's body for
// several derived types: one derives from the other, or both derive from a
// common base other than Graph's root entity type.
func relatedTypes(byName map[string]*typeInfo, a, b *typeInfo) bool {
	chain := func(t *typeInfo) []string {
		out := []string{t.Name}
		for seen := map[string]bool{t.Name: true}; t != nil && t.Base != "" && t.Base != model.EntityBase && !seen[t.Base]; t = byName[t.Base] {
			seen[t.Base] = true
			out = append(out, t.Base)
		}
		return out
	}
	ca := chain(a)
	for _, n := range chain(b) {
		if slices.Contains(ca, n) {
			return true
		}
	}
	return false
}

// sharedConflict reports the earlier route that ref cannot share a
// registration with: the runtime tries the routes of one pattern that parse
// key/function segments first, in order, and the one plain route last, so
// two routes conflict when both are plain or both parse the same segments.
func sharedConflict(prev []routeRef, ref routeRef) *routeRef {
	for i := range prev {
		o := &prev[i]
		if (o.rt.plain() && ref.rt.plain()) || o.rt.signature() == ref.rt.signature() {
			return o
		}
	}
	return nil
}

// unifyWildcards lets a key/function route share the registration of a
// plain route of the same shape ("GET /a/{ID}" and "GET /a/{seg2}" for
// "/a/filterByCurrentUser(on='x')"): the function's wildcard takes the
// plain route's name at that position, so ServeMux sees one pattern and
// the runtime tries the function first. Routes are visited in page order,
// so the first plain route of a shape decides.
func unifyWildcards(refs []routeRef) {
	plainByShape := map[string]*handlerRoute{}
	for _, ref := range refs {
		if ref.rt.plain() {
			if _, ok := plainByShape[ref.rt.shape()]; !ok {
				plainByShape[ref.rt.shape()] = ref.rt
			}
		}
	}
	for _, ref := range refs {
		rt := ref.rt
		pl := plainByShape[rt.shape()]
		if rt.plain() || pl == nil {
			continue
		}
		mine, theirs := strings.Split(rt.pattern, "/"), strings.Split(pl.pattern, "/")
		for i := range rt.segs {
			s := &rt.segs[i]
			pos := slices.Index(mine, "{"+s.wildcard+"}")
			if pos < 0 || pos >= len(theirs) || slices.Contains(mine, theirs[pos]) {
				continue
			}
			mine[pos] = theirs[pos]
			s.wildcard = strings.Trim(theirs[pos], "{}")
		}
		rt.pattern = strings.Join(mine, "/")
	}
}

// shape is the route's key with every wildcard name blanked.
func (r *handlerRoute) shape() string {
	parts := strings.Split(r.pattern, "/")
	for i, p := range parts {
		if strings.HasPrefix(p, "{") && p != "{$}" {
			parts[i] = "{}"
		}
	}
	return r.method + " " + strings.Join(parts, "/")
}

// conflictingKey returns the earlier key that key cannot be registered
// with.
func conflictingKey(keys []string, key string) string {
	// Two patterns can only conflict when they have the same method (or
	// one has none) and, without a {x...} wildcard, the same number of
	// segments: try those first, since each try builds a ServeMux.
	similar := func(k string) bool {
		m1, p1, _ := strings.Cut(k, " ")
		m2, p2, _ := strings.Cut(key, " ")
		return m1 == m2 && strings.Count(p1, "/") == strings.Count(p2, "/") && !strings.Contains(p1, "...}") && !strings.Contains(p2, "...}")
	}
	for _, pass := range []bool{true, false} {
		for _, k := range keys {
			if similar(k) != pass {
				continue
			}
			m := http.NewServeMux()
			if tryHandle(m, k) == nil && tryHandle(m, key) != nil {
				return k
			}
		}
	}
	return "(unknown)"
}

// tryHandle registers pattern on mux and returns ServeMux's panic as an
// error.
func tryHandle(mux *http.ServeMux, pattern string) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%v", v)
		}
	}()
	mux.Handle(pattern, http.NotFoundHandler())
	return nil
}
