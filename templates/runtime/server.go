package runtime

// This file is the net/http side of a generated package: the Server that
// the generated NewServer returns, its options, and the route table that
// dispatches a request to the adapter of one operation
// (server_handlers.go).
//
// What generated code looks like (one group, one operation):
//
//	type CloudPcDeviceImagesServer interface {
//		CreateCloudPcDeviceImage(ctx context.Context, req *CreateCloudPcDeviceImageRequest) (*CloudPcDeviceImage, error)
//	}
//
//	type CreateCloudPcDeviceImageRequest struct {
//		Authorization string `header:"Authorization"` // one field per documented request header
//		Query         ODataQuery
//		Body          *CloudPcDeviceImage // decoded and validated for the operation
//	}
//
//	type Servers struct {
//		CloudPcDeviceImages CloudPcDeviceImagesServer // nil: every operation answers 501
//	}
//
//	func NewServer(impl Servers, opts ...ServerOption) *Server {
//		s := newServer(opts)
//		s.addOps(&impl, serverRoutes)
//		return s
//	}
//
//	var serverRoutes = []serverRoute{
//		{method: "POST", pattern: "/deviceManagement/virtualEndpoint/deviceImages", group: 0,
//			name: "CreateCloudPcDeviceImage", op: OpCreateCloudPcDeviceImage, status: http.StatusCreated,
//			req: (*CreateCloudPcDeviceImageRequest)(nil),
//			call: func(impl any, ctx context.Context, req any) (any, error) {
//				return impl.(*Servers).CloudPcDeviceImages.CreateCloudPcDeviceImage(ctx, req.(*CreateCloudPcDeviceImageRequest))
//			}},
//	}
//
// The route table is static data; the one handler type (opHandler,
// server_handlers.go) binds the request from its type and calls the
// closure.
//
// A Server holds all of its state: its options, its own http.ServeMux, and
// the dispatchers of every route, so its 404 and 405 answers see the whole
// API and a program may run several Servers side by side. docgen checks
// the routes when it generates NewServer (a pattern ServeMux refuses, two
// routes it cannot tell apart, the catch-all), so building a Server never
// depends on recovering a ServeMux panic.
//
// Path parameters are whole-segment wildcards ({userID}) read with
// r.PathValue. An OData key or function segment ("users('{id}')",
// "getX(period='{period}')") is registered as one wildcard and described by
// a serverSegment; the dispatcher parses it and stores each parameter with
// r.SetPathValue, so the handler reads every path parameter the same way. Routes
// of the same method and pattern (several functions under one wildcard, or
// functions and one plain parameter route) share one ServeMux registration:
// the functions are tried in registration order, the plain route last.
//
// Besides the routes, a Server registers a catch-all under its prefix
// ("/beta/", or "/" without one). It serves a request whose path matches
// exactly one route of its method when case is ignored (Graph's paths are
// case-insensitive, ServeMux's are not); otherwise a request that matches a
// route's path but not its method gets 405 with an Allow header, any other
// request 404 itemNotFound, both in Graph's format. A request outside the
// prefix gets ServeMux's plain 404.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Op names a documented operation: the page file name without folder and
// extension ("create-cloudpcsnapshot"). Each page's file declares the
// constants of its operations (OpCreateCloudPcSnapshot); ValidateFor
// applies the rules of one, and the handler adapter passes it to
// ValidateFor when it decodes a request body.
type Op string

// String returns the operation's name.
func (op Op) String() string { return string(op) }

// DefaultMaxBodyBytes is the default limit on a request body, 4 MiB as in
// Microsoft Graph.
const DefaultMaxBodyBytes = 4 << 20

// ServerOption configures the Server the generated NewServer returns.
type ServerOption func(*serverConfig)

// serverConfig is the configuration of one Server.
type serverConfig struct {
	prefix  string
	maxBody int64
	onError func(r *http.Request, err error) *GraphError
	strict  bool
	// selectAnswers applies $select to JSON answers (WithODataSelect).
	selectAnswers bool
	// pageSize is the largest page of a collection answer without $top
	// (WithPageSize): 0 DefaultPageSize, < 0 unlimited.
	pageSize int
	// stub, when set, answers its operation instead of the implementation
	// (the handler example tests).
	stub *serverStub
}

// WithPrefix mounts the routes under a path prefix such as "/beta" or
// "/v1.0" (a missing leading slash is added, a trailing one removed; "" and
// "/" mean none). The prefix must be literal: no "{", "}" or white space.
func WithPrefix(prefix string) ServerOption {
	return func(c *serverConfig) { c.prefix = prefix }
}

// WithMaxBodyBytes sets the largest request body accepted; a larger one is
// answered with 413. n <= 0 restores DefaultMaxBodyBytes.
func WithMaxBodyBytes(n int64) ServerOption {
	return func(c *serverConfig) { c.maxBody = n }
}

// WithErrorHandler sets the one error hook. It is called for every error
// response: with the *GraphError of a failed request check (bad
// Content-Type, body too large, malformed JSON, bad query option, 404 and
// 405 of the catch-all), the *ValidationError of a body that failed
// validation, the error a server implementation returned, or the
// *ServerPanicError of a recovered panic. It may log (it observes the original
// error, including internal text clients never see) and may rewrite the
// answer by returning a *GraphError; returning nil keeps the default
// mapping (see toGraphError: *GraphError kept, *ValidationError 400, any
// other error 500 generalException).
func WithErrorHandler(h func(r *http.Request, err error) *GraphError) ServerOption {
	return func(c *serverConfig) { c.onError = h }
}

// newServerConfig applies opts to the defaults. It panics on a prefix that
// cannot be part of a ServeMux pattern, as http.ServeMux.Handle does on a
// bad pattern.
func newServerConfig(opts []ServerOption) *serverConfig {
	c := &serverConfig{}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	if c.maxBody <= 0 {
		c.maxBody = DefaultMaxBodyBytes
	}
	p := strings.TrimSuffix(c.prefix, "/")
	if p != "" && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if strings.ContainsAny(p, "{} \t\r\n") || strings.Contains(p, "//") {
		panic(fmt.Sprintf("docgen server: invalid prefix %q", c.prefix))
	}
	c.prefix = p
	return c
}

// fail writes the error response for err after the error hook saw it.
func (c *serverConfig) fail(w http.ResponseWriter, r *http.Request, err error) {
	var ge *GraphError
	if c.onError != nil {
		ge = c.onError(r, err)
	}
	if ge == nil {
		ge = toGraphError(err)
	} else {
		ge = toGraphError(ge) // a copy: the hook's value is not modified
	}
	writeGraphError(w, r, ge)
}

// serverRoute is one operation's registration, as generated code lists it.
type serverRoute struct {
	// method is the HTTP method, "POST".
	method string
	// pattern is the ServeMux path pattern without the prefix: literal
	// segments and whole-segment wildcards that are Go identifiers.
	pattern string
	// segments describe the wildcards that hold an OData key or function
	// segment, parsed by the dispatcher.
	segments []serverSegment
	// odataType is the qualified name of the body type when the
	// operations of several derived types share the method and pattern:
	// the request body's @odata.type picks one.
	odataType string
	// handler serves the operation; addOps makes it from the fields below.
	handler http.Handler

	// The operation of a generated route: its group (the index of its
	// field in Servers) and method name there, its Op, documented status
	// and answer kind, a nil pointer to its request type, and the closure
	// that calls the method (server_handlers.go).
	group  int
	name   string
	op     Op
	status int
	answer answerKind
	req    any
	call   serverCall
}

// Server is the http.Handler of a generated package's API: every operation
// group given to the generated NewServer, under one prefix, with the
// catch-all that answers 404 and 405 in Graph's format. Its routes do not
// change once NewServer returns; it is safe for concurrent use.
type Server struct {
	cfg   *serverConfig
	mux   *http.ServeMux
	byKey map[string]*serverDispatch
	all   []*serverDispatch // in registration order
}

// ServeHTTP serves r with the route its method and path select.
// Every answer carries request-id, the client's client-request-id echoed
// and Date; a gzip or deflate body is decoded first, and POST
// {prefix}/$batch is a JSON batch of requests to the same routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.serverPrepare(w, r) {
		return
	}
	if db, ok := r.Body.(*serverDecodedBody); ok {
		// net/http closes the body it made, not this one.
		defer db.Close()
	}
	if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/$batch") && r.URL.Path == s.cfg.prefix+"/$batch" {
		s.serveBatch(w, r)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// newServer returns a Server with the options opts and the catch-all of
// its prefix; the generated NewServer adds the routes of every group. It
// panics on a prefix that cannot be part of a ServeMux pattern, as
// http.ServeMux.Handle does on a bad pattern.
func newServer(opts []ServerOption) *Server {
	s := &Server{cfg: newServerConfig(opts), mux: http.NewServeMux(), byKey: map[string]*serverDispatch{}}
	s.mux.Handle(s.cfg.prefix+"/", &serverFallback{s: s})
	return s
}

// add registers routes under the Server's prefix. docgen generates only
// routes that register together, so the panics below (as
// http.ServeMux.Handle panics on a conflict) mean a generator bug: two
// plain routes of the same method and pattern, two key/function routes
// that parse the same segments, or a segment without its wildcard. A
// plain route and key/function routes may share a pattern ("/a/{id}" and
// "/a/{id}" for "/a/delta(token='x')"): the functions are tried first.
func (s *Server) add(routes []serverRoute) {
	for _, rt := range routes {
		full := s.cfg.prefix + rt.pattern
		parts := strings.Split(full, "/")
		segs := slices.Clone(rt.segments)
		for i := range segs {
			segs[i].index = slices.Index(parts, "{"+segs[i].wildcard+"}")
			if segs[i].index < 0 {
				panic(fmt.Sprintf("docgen server: pattern %q has no wildcard {%s}", full, segs[i].wildcard))
			}
		}
		key := rt.method + " " + full
		d := s.byKey[key]
		if d == nil {
			d = &serverDispatch{s: s, method: rt.method, parts: parts}
			s.mux.Handle(key, d)
			s.byKey[key] = d
			s.all = append(s.all, d)
		}
		d.add(serverCandidate{segs: segs, odataType: rt.odataType, h: rt.handler}, key)
	}
}

// serverCandidate is one route behind a dispatcher.
type serverCandidate struct {
	segs      []serverSegment
	odataType string // "microsoft.graph.x" when the body's @odata.type selects it
	h         http.Handler
}

// match parses the candidate's key and function segments; get returns the
// value of a segment's wildcard.
func (c *serverCandidate) match(get func(s *serverSegment) string) ([][]string, bool) {
	if len(c.segs) == 0 {
		return nil, true
	}
	vals := make([][]string, len(c.segs))
	for i := range c.segs {
		v, ok := c.segs[i].parseArgs(get(&c.segs[i]))
		if !ok {
			return nil, false
		}
		vals[i] = v
	}
	return vals, true
}

// signature identifies what a candidate parses, for duplicate detection.
func (c *serverCandidate) signature() string {
	var b strings.Builder
	for _, s := range c.segs {
		fmt.Fprintf(&b, "%d:%s(", s.index, strings.ToLower(s.name))
		for _, p := range s.params {
			b.WriteString(strings.ToLower(cmpOr(p.arg, "#")) + ",")
		}
		b.WriteString(")")
	}
	return b.String()
}

// serverDispatch is the handler of one method and pattern on the mux.
type serverDispatch struct {
	s      *Server
	method string
	parts  []string // the full pattern split at "/"
	cands  []serverCandidate
	poly   bool // some candidates are selected by the body's @odata.type
}

// add adds a candidate. Candidates that parse key/function segments are
// tried in registration order, the one plain candidate (if any) last; two
// plain candidates, or two that parse the same segments, are a conflict.
//
// Candidates told apart by the body's @odata.type share their segments; at
// most one of them has no odataType: the base type's, the default, tried
// after the others.
func (d *serverDispatch) add(c serverCandidate, key string) {
	for _, o := range d.cands {
		same := (len(o.segs) == 0 && len(c.segs) == 0) || o.signature() == c.signature()
		if same && strings.EqualFold(o.odataType, c.odataType) {
			panic(fmt.Sprintf("docgen server: pattern %q is registered twice", key))
		}
	}
	if c.odataType != "" {
		d.poly = true
	}
	at := len(d.cands)
	if len(c.segs) > 0 {
		if first := slices.IndexFunc(d.cands, func(o serverCandidate) bool { return len(o.segs) == 0 }); first >= 0 {
			at = first
		}
	}
	if c.odataType != "" {
		// Before the default of the same segments.
		if def := slices.IndexFunc(d.cands, func(o serverCandidate) bool {
			return o.odataType == "" && ((len(o.segs) == 0 && len(c.segs) == 0) || o.signature() == c.signature())
		}); def >= 0 && def < at {
			at = def
		}
	}
	d.cands = slices.Insert(d.cands, at, c)
}

// ServeHTTP calls the first candidate whose segments parse. Among
// candidates that parse the same segments and are told apart by their body
// type, the one the body's @odata.type names is called; when it names none
// of them, the default (the base type's, without odataType), or else the
// first.
func (d *serverDispatch) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	cands := d.cands
	if len(cands) == 1 && len(cands[0].segs) == 0 {
		cands[0].h.ServeHTTP(w, r)
		return
	}
	bodyType, read := "", false
	var fallback *serverCandidate
	var fallbackVals [][]string
	for i := range cands {
		c := &cands[i]
		vals, ok := c.match(func(s *serverSegment) string { return r.PathValue(s.wildcard) })
		if !ok {
			continue
		}
		if c.odataType != "" {
			if !read {
				bodyType, read = d.s.peekODataType(r), true
			}
			if !strings.EqualFold(c.odataType, bodyType) {
				if fallback == nil {
					fallback, fallbackVals = c, vals
				}
				continue
			}
		}
		c.serve(w, r, vals)
		return
	}
	if fallback != nil {
		fallback.serve(w, r, fallbackVals)
		return
	}
	// The pattern matched but no key or function segment parsed
	// ("/me/drive/root/children" against "/me/drive/root/{search(q=…)}"):
	// an alias or cast may still lead to a route.
	if d.s.serveSpan(w, r) || d.s.serveAlias(w, r) || d.s.serveStripped(w, r) || d.s.serveArgs(w, r) {
		return
	}
	d.s.fallback(w, r, false)
}

// serve stores the parsed segment values as path values and calls the
// candidate's handler.
func (c *serverCandidate) serve(w http.ResponseWriter, r *http.Request, vals [][]string) {
	for j, s := range c.segs {
		for k, p := range s.params {
			r.SetPathValue(p.path, vals[j][k])
		}
	}
	c.h.ServeHTTP(w, r)
}

// peekODataType returns the @odata.type of the request's JSON body without
// its "#" ("microsoft.graph.x"), or "". The body is read (up to one byte
// past the limit, so the handler still answers 413) and put back.
func (s *Server) peekODataType(r *http.Request) string {
	if r.Body == nil || r.Body == http.NoBody {
		return ""
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, s.cfg.maxBody+1))
	r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(b), &serverErrReader{err}))
	if err != nil {
		return ""
	}
	t := ""
	_ = decodeObject(b, nil, func(name string, value []byte) (bool, error) {
		if name == "@odata.type" {
			var v string
			if json.Unmarshal(value, &v) == nil {
				t = strings.TrimPrefix(v, "#")
			}
		}
		return true, nil
	})
	return t
}

// serverErrReader returns err, or io.EOF when it is nil.
type serverErrReader struct{ err error }

func (e *serverErrReader) Read([]byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	return 0, io.EOF
}

// serverFallback is the catch-all handler of a Server's prefix.
type serverFallback struct{ s *Server }

func (f *serverFallback) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.s.fallback(w, r, true)
}

// fallback answers a request no route took: 405 with Allow when routes of
// other methods match its path, 404 otherwise.
//
// Graph matches path segments without regard to case, ServeMux does not:
// with anyCase, a request whose path matches exactly one route of its
// method when case is ignored ("/me/calendargroups" for
// "/me/calendarGroups") is served by that route.
func (s *Server) fallback(w http.ResponseWriter, r *http.Request, anyCase bool) {
	if p := r.URL.Path; anyCase && strings.HasSuffix(p, "/") && len(strings.TrimRight(p, "/")) > len(s.cfg.prefix) {
		// Graph ignores a trailing slash: serve the path without it.
		u := *r.URL
		u.Path, u.RawPath = strings.TrimRight(p, "/"), ""
		r.URL = &u
		s.mux.ServeHTTP(w, r)
		return
	}
	if anyCase && s.serveSpan(w, r) {
		return
	}
	if anyCase {
		if d, parts := s.foldMatch(r); d != nil {
			for i, p := range d.parts {
				if strings.HasPrefix(p, "{") && p != "{$}" {
					r.SetPathValue(strings.Trim(p, "{}"), parts[i])
				}
			}
			d.ServeHTTP(w, r)
			return
		}
	}
	allow := s.allowed(r)
	if len(allow) == 0 && anyCase && (s.serveAlias(w, r) || s.serveStripped(w, r) || s.serveArgs(w, r)) {
		return
	}
	if len(allow) == 0 {
		s.cfg.fail(w, r, newGraphError(http.StatusNotFound, codeItemNotFound, "Resource not found for the segment path '%s'.", r.URL.Path))
		return
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	s.cfg.fail(w, r, newGraphError(http.StatusMethodNotAllowed, codeNotAllowed, "The method %s is not allowed on '%s'; allowed: %s.", r.Method, r.URL.Path, strings.Join(allow, ", ")))
}

// foldMatch returns the one route of the request's method whose pattern
// matches its path when case is ignored, with the path's segments.
func (s *Server) foldMatch(r *http.Request) (*serverDispatch, []string) {
	parts := requestParts(r)
	method := r.Method
	if method == http.MethodHead {
		method = http.MethodGet
	}
	var found *serverDispatch
	for _, d := range s.all {
		if d.method != method || !patternMatchesFold(d.parts, parts) {
			continue
		}
		if found != nil {
			return nil, nil // ambiguous
		}
		found = d
	}
	return found, parts
}

// requestParts splits the request path at "/" and unescapes each segment,
// as ServeMux does before matching.
func requestParts(r *http.Request) []string {
	parts := strings.Split(r.URL.EscapedPath(), "/")
	for i, p := range parts {
		if u, err := url.PathUnescape(p); err == nil {
			parts[i] = u
		}
	}
	return parts
}

// allowed returns the sorted methods of the routes whose patterns (and
// key/function segments) match the request's path, case ignored.
func (s *Server) allowed(r *http.Request) []string {
	parts := requestParts(r)
	var allow []string
	for _, d := range s.all {
		if slices.Contains(allow, d.method) || !patternMatchesFold(d.parts, parts) {
			continue
		}
		for _, c := range d.cands {
			if _, ok := c.match(func(s *serverSegment) string { return parts[s.index] }); ok {
				allow = append(allow, d.method)
				if d.method == http.MethodGet && !slices.Contains(allow, http.MethodHead) {
					allow = append(allow, http.MethodHead)
				}
				break
			}
		}
	}
	slices.Sort(allow)
	return slices.Compact(allow)
}

// patternMatchesFold reports whether path segments match pattern segments:
// literals equal without regard to case, wildcards non-empty, {$} empty.
func patternMatchesFold(pattern, path []string) bool {
	if len(pattern) != len(path) {
		return false
	}
	for i, p := range pattern {
		if p == "{$}" {
			if path[i] != "" {
				return false
			}
			continue
		}
		if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") {
			if path[i] == "" {
				return false
			}
			continue
		}
		if !strings.EqualFold(p, path[i]) {
			return false
		}
	}
	return true
}
