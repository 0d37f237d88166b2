package generator

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/internal/examples"
	"github.com/docgen-dev/docgen/parser/model"
)

// Handlers: typed net/http servers for the documented operations. The
// runtime side (templates/runtime/server*.go) holds the Server and the
// adapter; this file plans and emits the per-operation and per-group code
// that uses it:
//
//   - in each page's file, one request type per operation
//     (CreateCloudPcDeviceImageRequest: path parameters, documented request
//     headers, the shared ODataQuery, the decoded body) and its bind method;
//   - in docgen_servers.go, one interface per group of operations
//     (CloudPcDeviceImagesServer) and an Unimplemented<Group>Server
//     answering 501, then the Servers struct (one field per group) and
//     NewServer(impl Servers, opts...), which returns the one *Server
//     (an http.Handler) serving every group.
//
// Grouping rule: an operation belongs to the group of the collection its
// first routable path addresses, the last literal segment of that path
// (skipping "$value"-style segments, casts and functions, and, for action
// and function pages, titled "type: action", the action's own segment). A
// group is named after the type its operations mostly return or accept,
// pluralized ("deviceImages" → CloudPcDeviceImages, the operations being on
// cloudPcDeviceImage); when no operation names a generated type, or two
// groups would get the same type-derived name, the group is named after its
// collection (DeviceImages). Every name goes through the plan's claim, so
// it never collides with a type, constant or runtime name.

// handlerPlan is the server side of the plan.
type handlerPlan struct {
	// groups are sorted by interface name.
	groups []*serverGroup
	byOp   map[string]*handlerOp
	// mux and keyOps route example requests (routesTo), built on first
	// use (by concurrent planners: routerOnce); keys are keyOps' keys,
	// sorted.
	routerOnce sync.Once
	mux        *http.ServeMux
	keyOps     map[string][]*handlerOp
	keys       []string
	// noRoute says, by operation name, why an operation with documented
	// paths has no route (its handler tests are skips with that reason).
	noRoute map[string]string
	// unrouted are the planned operations whose every route checkRoutes
	// dropped, by name: their handler tests may run through the route's
	// operation (unroutedTests).
	unrouted map[string]*handlerOp
}

// serverGroup is one generated server interface.
type serverGroup struct {
	// key is the collection segment that defines the group ("deviceImages").
	key string
	// Iface and Unimpl are the Go names of the interface and the 501
	// implementation; Field is the group's field in Servers (fields live
	// in Servers' own namespace, not the package's).
	Iface, Unimpl, Field string
	// ops are sorted by method name.
	ops []*handlerOp
}

// responseKind says how an operation answers.
type responseKind int

const (
	respJSON      responseKind = iota // a JSON body with the status
	respNoContent                     // the status and no body
	respRedirect                      // the status and a Location header
)

// bodyKind says what an operation's request body is.
type bodyKind int

const (
	bodyNone bodyKind = iota
	bodyJSON
	bodyRaw
)

// handlerOp is the server side of one operation.
type handlerOp struct {
	o     *opInfo
	group *serverGroup
	// reqType is the request type's Go name.
	reqType string
	routes  []*handlerRoute
	fields  []reqField
	// body is what the request carries; bodyElem the Go type decodeBody
	// decodes into (bodyJSON).
	body     bodyKind
	bodyElem func() *jen.Statement
	bodyDesc string
	// resp is how the operation answers; respElem the Go type of a JSON
	// body (the method returns *respElem).
	resp     responseKind
	respElem func() *jen.Statement
	respDesc string
	status   int
	// dropped is why checkRoutes dropped the last route it dropped.
	dropped string
}

// reqField is a path-parameter or header field of a request type.
type reqField struct {
	name string
	// path is the path value name (the path:"" tag), header the header name (header:"");
	// one is set.
	path, header string
	doc          string
}

// handlerPlan returns the server plan, building it on first use.
func (p *plan) handlerPlan() *handlerPlan {
	if p.handlers == nil {
		p.handlers = p.buildHandlerPlan()
	}
	return p.handlers
}

func (p *plan) buildHandlerPlan() *handlerPlan {
	hp := &handlerPlan{byOp: map[string]*handlerOp{}, noRoute: map[string]string{}, unrouted: map[string]*handlerOp{}}
	var ops []*handlerOp
	for _, o := range p.ops { // sorted by name
		if ho, why := p.planHandlerOp(o); ho != nil {
			ops = append(ops, ho)
		} else if why != "" {
			hp.noRoute[o.Name] = why
		}
	}
	p.checkRoutes(ops)
	ops = slices.DeleteFunc(ops, func(ho *handlerOp) bool {
		if len(ho.routes) == 0 {
			hp.noRoute[ho.o.Name] = ho.dropped
			hp.unrouted[ho.o.Name] = ho
			return true
		}
		return false
	})
	for _, ho := range ops {
		p.planFields(ho)
		hp.byOp[ho.o.Name] = ho
	}
	hp.groups = p.planGroups(ops)
	for _, ho := range ops {
		natural := ho.o.BaseName + "Request"
		ho.reqType = p.claim(natural, "request of "+ho.o.Name, "Params", ho.o.Pos, "the handler request of "+ho.o.Name, natural)
	}
	return hp
}

// planHandlerOp works out the routes, body and response of an operation;
// nil and why when none of its paths can be routed (each reported).
func (p *plan) planHandlerOp(o *opInfo) (*handlerOp, string) {
	ho := &handlerOp{o: o}
	reason := ""
	for _, path := range o.Paths {
		if path == nil {
			continue
		}
		rt, why := buildRoute(path, o.Method)
		if why != "" {
			pos := path.Pos
			if !pos.IsValid() {
				pos = o.Pos
			}
			p.diag(pos, CodeRouteUnsupported, "no handler route for %s %s (%s): %s", cmpOr(path.Method, o.Method), path.Template, o.Name, why)
			if reason == "" {
				reason = fmt.Sprintf("%s: %s %s: %s [%s]", pos, cmpOr(path.Method, o.Method), path.Template, why, CodeRouteUnsupported)
			}
			continue
		}
		ho.routes = append(ho.routes, rt)
	}
	if len(ho.routes) == 0 {
		return nil, reason
	}
	p.planBody(ho)
	p.planResponse(ho)
	return ho, ""
}

// planBody decides the request body: a generated struct validated with
// ValidateFor, another JSON type, raw bytes for a non-JSON media type, or
// none.
func (p *plan) planBody(ho *handlerOp) {
	rb := ho.o.RequestBody
	if rb == nil {
		return
	}
	if ct := strings.ToLower(strings.TrimSpace(rb.ContentType)); ct != "" && !strings.HasPrefix(ct, "application/json") {
		ho.body = bodyRaw
		ho.bodyDesc = "the raw request body (" + sanitizeText(rb.ContentType) + ")"
		return
	}
	ho.body = bodyJSON
	switch {
	case ho.o.Body != nil:
		name := ho.o.Body.GoName
		ho.bodyElem = func() *jen.Statement { return jen.Id(name) }
		ho.bodyDesc = "the request body, decoded and validated with " + validateCall(ho.o.Body, ho.o.ConstName)
	case rb.Type.Name != "":
		ref := rb.Type
		ho.bodyElem = func() *jen.Statement { return p.goType(ref) }
		ho.bodyDesc = "the decoded request body (" + sanitizeText(ref.String()) + ")"
	default:
		ho.bodyElem = rawJSON
		ho.bodyDesc = "the request body, checked to be JSON"
	}
}

// planResponse decides the status and the response body.
func (p *plan) planResponse(ho *handlerOp) {
	o := ho.o
	status, ref, noContent := examples.SuccessAnswer(o.Operation, ho.routes[0].method)
	ho.status = status
	switch {
	case status >= 300:
		ho.resp = respRedirect
		ho.respDesc = fmt.Sprintf("answers %d with the returned URL as Location", status)
	case noContent || ref.Name == "" || status == http.StatusNoContent:
		ho.resp = respNoContent
		ho.respDesc = fmt.Sprintf("answers %d without a body", status)
	case ref.Collection:
		elem := model.TypeRef{Name: ref.Name}
		ho.resp = respJSON
		ho.respElem = func() *jen.Statement { return jen.Id(rtODataCollection).Types(p.elemType(elem)) }
		ho.respDesc = fmt.Sprintf("answers %d with a collection of %s", status, sanitizeText(ref.Name))
	default:
		ho.resp = respJSON
		if t := p.byName[ref.Name]; t != nil && t.isStruct() {
			name := t.GoName
			ho.respElem = func() *jen.Statement { return jen.Id(name) }
		} else {
			ho.respElem = rawJSON
		}
		ho.respDesc = fmt.Sprintf("answers %d with %s", status, sanitizeText(ref.Name))
	}
}

// planFields names the request fields: path parameters (merged across the
// routes by name), then documented headers. Body and Query are reserved.
func (p *plan) planFields(ho *handlerOp) {
	taken := map[string]bool{"Body": true, "Query": true}
	byName := map[string]int{}
	for _, rt := range ho.routes {
		for i, prm := range rt.params {
			if prm.field == "Body" || prm.field == "Query" {
				// Rename in the route too: the wildcard and the field
				// share the name.
				rt.rename(prm.field, prm.field+"Param")
				prm = rt.params[i]
			}
			if j, ok := byName[prm.field]; ok {
				if !strings.Contains(ho.fields[j].doc, prm.doc) {
					ho.fields[j].doc += ", " + prm.doc
				}
				continue
			}
			byName[prm.field] = len(ho.fields)
			taken[prm.field] = true
			ho.fields = append(ho.fields, reqField{name: prm.field, path: prm.field, doc: prm.doc})
		}
	}
	for _, h := range ho.o.Headers {
		if h == nil {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(h.Name)) {
		case "", "content-type", "content-length", "host":
			continue
		}
		name := exportedName(h.Name)
		if name == "" || strings.ContainsAny(h.Name, " \t:") {
			continue
		}
		if taken[name] {
			name += "Header"
		}
		for i := 2; taken[name]; i++ {
			name = exportedName(h.Name) + "Header" + strconv.Itoa(i)
		}
		taken[name] = true
		ho.fields = append(ho.fields, reqField{name: name, header: strings.TrimSpace(h.Name), doc: sentence(sanitizeText(h.Description))})
	}
}

// rename renames a path value (wildcard or key/function parameter).
func (r *handlerRoute) rename(from, to string) {
	r.pattern = strings.ReplaceAll(r.pattern, "{"+from+"}", "{"+to+"}")
	for i := range r.params {
		if r.params[i].field == from {
			r.params[i].field = to
		}
	}
	for i := range r.segs {
		for j := range r.segs[i].params {
			if r.segs[i].params[j].path == from {
				r.segs[i].params[j].path = to
			}
		}
	}
}

// planGroups groups the operations and names the groups (see the file
// comment for the rule).
func (p *plan) planGroups(ops []*handlerOp) []*serverGroup {
	byKey := map[string]*serverGroup{}
	var keys []string
	for _, ho := range ops {
		k := groupKey(ho)
		g := byKey[k]
		if g == nil {
			g = &serverGroup{key: k}
			byKey[k] = g
			keys = append(keys, k)
		}
		g.ops = append(g.ops, ho)
		ho.group = g
	}
	slices.Sort(keys)
	// Type-derived names, unless two groups want the same one.
	want := map[string]string{}
	count := map[string]int{}
	for _, k := range keys {
		name := p.groupTypeName(byKey[k])
		if name == "" {
			name = exportedName(k)
		}
		if name == "" {
			name = "Root"
		}
		want[k] = name
		count[name]++
	}
	var groups []*serverGroup
	for _, k := range keys {
		g := byKey[k]
		name := want[k]
		if count[name] > 1 {
			if n := exportedName(k); n != "" {
				name = n
			}
		}
		pos := g.ops[0].o.Pos
		what := "the server group of " + k
		g.Iface = p.claim(name+"Server", "server group "+k, "Group", pos, what, name+"Server")
		g.Unimpl = p.claim("Unimplemented"+g.Iface, "server group "+k, "Group", pos, "the unimplemented server of "+k, "Unimplemented"+g.Iface)
		slices.SortFunc(g.ops, func(a, b *handlerOp) int { return strings.Compare(a.o.BaseName, b.o.BaseName) })
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b *serverGroup) int { return strings.Compare(a.Iface, b.Iface) })
	fields := map[string]bool{}
	for _, g := range groups {
		g.Field = strings.TrimSuffix(g.Iface, "Server")
		if g.Field == "" || fields[g.Field] {
			g.Field = g.Iface
		}
		fields[g.Field] = true
	}
	return groups
}

// groupTypeName is the plural of the generated type the group's operations
// most often return or accept ("" when none does).
func (p *plan) groupTypeName(g *serverGroup) string {
	votes := map[string]int{}
	for _, ho := range g.ops {
		o := ho.o
		if r := o.Operation.Response; r != nil {
			if t := p.byName[r.Type.Name]; t != nil && t.isStruct() {
				votes[t.GoName]++
				continue
			}
		}
		if o.Body != nil && !o.Body.Synthetic {
			votes[o.Body.GoName]++
		}
	}
	best := ""
	for name, n := range votes {
		if n > votes[best] || (n == votes[best] && name < best) {
			best = name
		}
	}
	if best == "" {
		return ""
	}
	return plural(best)
}

// groupKey is the collection segment of an operation's first route.
func groupKey(ho *handlerOp) string {
	segs := ho.routes[0].path.Segments
	if len(segs) == 0 {
		segs, _ = templateSegments(ho.routes[0].path.Template)
	}
	action := strings.Contains(ho.o.Title, ":")
	for i := len(segs) - 1; i >= 0; i-- {
		s := segs[i]
		if s == nil {
			continue
		}
		switch s.Kind {
		case model.Literal, model.KeySegment:
			name := cmpOr(s.Name, s.Raw)
			if strings.HasPrefix(name, "$") {
				continue
			}
			if action && i == len(segs)-1 {
				// "POST /me/events/{id}/forward" on "event: forward".
				continue
			}
			return name
		}
	}
	return "root"
}

// handlerPage adds the request types of a page's operations to its file.
func (p *plan) handlerPage(fi *fileInfo, f *jen.File) {
	hp := p.handlerPlan()
	for _, o := range fi.ops {
		if ho := hp.byOp[o.Name]; ho != nil {
			p.emitRequestType(f, ho)
		}
	}
}

// serversFile returns docgen_servers.go (the groups), or nil. It reads only
// the handler plan, so a render worker builds it while the tests are named.
func (p *plan) serversFile() *genFile {
	hp := p.handlerPlan()
	if len(hp.groups) == 0 {
		return nil
	}
	return &genFile{Name: "docgen_servers.go", Build: func() *jen.File {
		f := p.newFile("")
		for _, g := range hp.groups {
			p.emitGroup(f, g)
		}
		emitServerAPI(f, hp.groups, p.routeTable(hp.groups))
		return f
	}}
}

// handlerFiles returns the handler example tests.
func (p *plan) handlerFiles() []*genFile {
	hp := p.handlerPlan()
	if len(hp.groups) == 0 || p.opts.NoTests {
		return nil
	}
	return p.handlerTestFiles(hp)
}

// routeSummary is "POST /a/b" for the documented paths of an operation.
func (ho *handlerOp) routeSummary() string {
	var parts []string
	for _, rt := range ho.routes {
		parts = append(parts, rt.method+" "+sanitizeText(rt.path.Template))
	}
	return strings.Join(parts, ", ")
}

// emitRequestType writes the request type. Its fields say what the
// runtime's handler fills in (server_handlers.go): path:"name" and
// header:"Name" tags, Query, and Body (decoded JSON or raw bytes).
func (p *plan) emitRequestType(f *jen.File, ho *handlerOp) {
	o := ho.o
	addComments(f.Group, docComment(
		fmt.Sprintf("%s is the request of %s (%s): %s.", ho.reqType, o.BaseName, ho.routeSummary(), sentenceBody(o.Title)),
	))
	var fields []jen.Code
	for _, fd := range ho.fields {
		var doc string
		var tag map[string]string
		if fd.path != "" {
			doc = fmt.Sprintf("%s is the path parameter %s.", fd.name, sanitizeText(fd.doc))
			tag = map[string]string{"path": fd.path}
		} else {
			doc = fmt.Sprintf("%s is the %s request header.", fd.name, sanitizeText(fd.header))
			if fd.doc != "" {
				doc += " " + fd.doc
			}
			tag = map[string]string{"header": fd.header}
		}
		fields = append(fields, compactComment(doc)...)
		fields = append(fields, jen.Id(fd.name).String().Tag(tag))
	}
	fields = append(fields, compactComment("Query holds the OData query options ($select, $filter, ...).")...)
	fields = append(fields, jen.Id("Query").Id(rtODataQuery))
	switch ho.body {
	case bodyJSON:
		fields = append(fields, compactComment("Body is "+ho.bodyDesc+".")...)
		fields = append(fields, jen.Id("Body").Op("*").Add(ho.bodyElem()))
	case bodyRaw:
		fields = append(fields, compactComment("Body is "+ho.bodyDesc+".")...)
		fields = append(fields, jen.Id("Body").Index().Byte())
	}
	f.Type().Id(ho.reqType).Struct(fields...)
}

// sentenceBody is s without a trailing period, quoted for a doc comment.
func sentenceBody(s string) string {
	s = strings.TrimSuffix(sanitizeText(s), ".")
	if s == "" {
		return "no title"
	}
	return fmt.Sprintf("%q", s)
}

// methodParams returns the interface method's parameters and results.
func (p *plan) methodParams(ho *handlerOp, named bool) (params, results []jen.Code) {
	if named {
		params = []jen.Code{jen.Id("ctx").Qual("context", "Context"), jen.Id("req").Op("*").Id(ho.reqType)}
	} else {
		params = []jen.Code{jen.Qual("context", "Context"), jen.Op("*").Id(ho.reqType)}
	}
	switch ho.resp {
	case respJSON:
		results = []jen.Code{jen.Op("*").Add(ho.respElem()), jen.Error()}
	case respRedirect:
		results = []jen.Code{jen.String(), jen.Error()}
	default:
		results = []jen.Code{jen.Error()}
	}
	return params, results
}

// emitGroup writes a group's interface and Unimplemented type.
func (p *plan) emitGroup(f *jen.File, g *serverGroup) {
	addComments(f.Group, docComment(
		fmt.Sprintf("%s serves the documented operations on %q. Implement it (embed %s for the operations you leave out) and serve it with NewServer, as the %s field of Servers.", g.Iface, g.key, g.Unimpl, g.Field),
		"Each method gets the decoded request and returns the response body or an error: a *GraphError answers with its status and code, any other error with 500 generalException.",
	))
	var methods []jen.Code
	for i, ho := range g.ops {
		if i > 0 {
			methods = append(methods, jen.Line())
		}
		doc := fmt.Sprintf("%s is %s: %s; it %s.", ho.o.BaseName, sentenceBody(ho.o.Title), ho.routeSummary(), ho.respDesc)
		methods = append(methods, docComment(doc, p.pageSourceOf(ho.o.Pos))...)
		params, results := p.methodParams(ho, true)
		methods = append(methods, jen.Id(ho.o.BaseName).Params(params...).Params(results...))
	}
	f.Type().Id(g.Iface).Interface(methods...)
	f.Line()

	addComments(f.Group, docComment(fmt.Sprintf("%s answers every operation of %s with 501 notImplemented. Embed it in an implementation to serve a subset of the operations.", g.Unimpl, g.Iface)))
	f.Type().Id(g.Unimpl).Struct()
	for _, ho := range g.ops {
		f.Line()
		addComments(f.Group, docComment(fmt.Sprintf("%s answers 501 notImplemented.", ho.o.BaseName)))
		params, results := p.methodParams(ho, false)
		var ret []jen.Code
		switch ho.resp {
		case respJSON:
			ret = []jen.Code{jen.Nil()}
		case respRedirect:
			ret = []jen.Code{jen.Lit("")}
		}
		ret = append(ret, jen.Id("notImplemented").Call(jen.Lit(ho.o.BaseName)))
		f.Func().Params(jen.Id(g.Unimpl)).Id(ho.o.BaseName).Params(params...).Params(results...).Block(jen.Return(ret...))
	}
	f.Line()
}

// emitServerAPI writes the Servers struct, NewServer and the route table
// serverRoutes, the fixed declarations of docgen_servers.go. fixedNames
// (emit_runtime.go) renders it without groups to reserve the names it
// declares.
func emitServerAPI(f *jen.File, groups []*serverGroup, routes []jen.Code) {
	addComments(f.Group, docComment(
		"Servers holds the implementation of each operation group for NewServer. A nil field answers every operation of its group with 501 notImplemented, as the group's Unimplemented server does.",
	))
	f.Type().Id("Servers").StructFunc(func(s *jen.Group) {
		for i, g := range groups {
			if i > 0 {
				s.Line()
			}
			for _, l := range docComment(fmt.Sprintf("%s serves the operations on %q.", g.Field, g.key)) {
				s.Add(l)
			}
			s.Id(g.Field).Id(g.Iface)
		}
	})
	f.Line()
	addComments(f.Group, docComment(
		"NewServer returns the http.Handler of the whole API: every operation of impl under the prefix WithPrefix sets (\"/beta\", \"/v1.0\"), with a catch-all that answers 404 and 405 in Graph's error format. Its state lives in the returned *Server; several may serve side by side.",
	))
	f.Func().Id("NewServer").Params(jen.Id("impl").Id("Servers"), jen.Id("opts").Op("...").Id(rtServerOption)).Op("*").Id(rtServer).Block(
		jen.Id("s").Op(":=").Id("newServer").Call(jen.Id("opts")),
		jen.Id("s").Dot("addOps").Call(jen.Op("&").Id("impl"), jen.Id("serverRoutes")),
		jen.Return(jen.Id("s")),
	)
	f.Line()
	addComments(f.Group, docComment(
		"serverRoutes are the routes of every operation, group by group in the order of the fields of Servers (group is the field's index): static data that NewServer serves with the runtime's handler, which binds the request type's fields and calls the method through call.",
	))
	f.Var().Id("serverRoutes").Op("=").Index().Id("serverRoute").Values(multiline(routes)...)
	f.Line()
}

// routeTable is the serverRoutes literal: each group's routes, after a
// comment naming the group.
func (p *plan) routeTable(groups []*serverGroup) []jen.Code {
	var routes []jen.Code
	for i, g := range groups {
		first := true
		for _, ho := range g.ops {
			for _, rt := range ho.routes {
				lit := p.routeLiteral(i, g, ho, rt)
				if first {
					lit = jen.Comment(fmt.Sprintf("%s: impl.%s", g.Iface, g.Field)).Line().Add(lit)
					first = false
				}
				routes = append(routes, lit)
			}
		}
	}
	return routes
}

// routeLiteral is one serverRoute composite literal of group g, the
// index-th field of Servers.
func (p *plan) routeLiteral(index int, g *serverGroup, ho *handlerOp, rt *handlerRoute) jen.Code {
	fields := []jen.Code{
		jen.Id("method").Op(":").Lit(rt.method),
		jen.Id("pattern").Op(":").Lit(rt.pattern),
	}
	if len(rt.segs) > 0 {
		var segs []jen.Code
		for _, s := range rt.segs {
			var params []jen.Code
			for _, sp := range s.params {
				vals := []jen.Code{}
				if sp.arg != "" {
					vals = append(vals, jen.Id("arg").Op(":").Lit(sp.arg))
				}
				vals = append(vals, jen.Id("path").Op(":").Lit(sp.path))
				params = append(params, jen.Values(vals...))
			}
			segs = append(segs, jen.Values(
				jen.Id("wildcard").Op(":").Lit(s.wildcard),
				jen.Id("name").Op(":").Lit(s.name),
				jen.Id("params").Op(":").Index().Id("serverSegmentParam").Values(params...),
			))
		}
		fields = append(fields, jen.Id("segments").Op(":").Index().Id("serverSegment").Values(segs...))
	}
	if rt.odataType != "" {
		fields = append(fields, jen.Id("odataType").Op(":").Lit(rt.odataType))
	}
	// The operation, and a closure without captured variables (static
	// data) that calls the typed method.
	req := jen.Id("req").Assert(jen.Op("*").Id(ho.reqType))
	call := jen.Id("impl").Assert(jen.Op("*").Id("Servers")).Dot(g.Field).Dot(ho.o.BaseName).Call(jen.Id("ctx"), req)
	ret := jen.Return(call)
	fields = append(fields,
		jen.Id("group").Op(":").Lit(index),
		jen.Id("name").Op(":").Lit(ho.o.BaseName),
		jen.Id("op").Op(":").Id(ho.o.ConstName),
		jen.Id("status").Op(":").Add(statusCode(ho.status)),
	)
	switch ho.resp {
	case respRedirect:
		fields = append(fields, jen.Id("answer").Op(":").Id("answerRedirect"))
	case respNoContent:
		fields = append(fields, jen.Id("answer").Op(":").Id("answerNoContent"))
		ret = jen.Return(jen.Nil(), call)
	}
	fields = append(fields,
		jen.Id("req").Op(":").Parens(jen.Op("*").Id(ho.reqType)).Parens(jen.Nil()),
		jen.Id("call").Op(":").Func().Params(jen.Id("impl").Any(), jen.Id("ctx").Qual("context", "Context"), jen.Id("req").Any()).Params(jen.Any(), jen.Error()).Block(ret),
	)
	return jen.Values(fields...)
}

// statusNames are the net/http constants of the statuses operations use.
var statusNames = map[int]string{
	200: "StatusOK", 201: "StatusCreated", 202: "StatusAccepted", 204: "StatusNoContent",
	206: "StatusPartialContent", 301: "StatusMovedPermanently", 302: "StatusFound",
	303: "StatusSeeOther", 307: "StatusTemporaryRedirect",
}

// statusCode is the status as its net/http constant, or a number.
func statusCode(status int) jen.Code {
	if n, ok := statusNames[status]; ok {
		return jen.Qual("net/http", n)
	}
	return jen.Lit(status)
}
