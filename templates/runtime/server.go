package runtime

// This file is the net/http side of a generated package: the options of
// the generated Register<Group>Server functions, the route table they
// register on an http.ServeMux, and the generic adapter that turns an HTTP
// request into a typed call of a server implementation and its result into
// Graph's JSON.
//
// What generated code looks like (one group, one operation):
//
//	type CloudPcDeviceImagesServer interface {
//		CreateCloudPcDeviceImage(ctx context.Context, req *CreateCloudPcDeviceImageRequest) (*CloudPcDeviceImage, error)
//	}
//
//	type CreateCloudPcDeviceImageRequest struct {
//		Body          *CloudPcDeviceImage // decoded and validated for the operation
//		Query         ODataQuery
//		Authorization string // one field per documented request header
//	}
//
//	func (req *CreateCloudPcDeviceImageRequest) bind(r *http.Request, cfg *serverConfig) (err error) {
//		req.Authorization = headerValue(r, "Authorization")
//		if req.Query, err = readODataQuery(r); err != nil {
//			return err
//		}
//		req.Body, err = decodeBody[CloudPcDeviceImage](r, cfg, OpCreateCloudPcDeviceImage)
//		return err
//	}
//
//	func RegisterCloudPcDeviceImagesServer(mux *http.ServeMux, srv CloudPcDeviceImagesServer, opts ...Option) {
//		cfg := newServerConfig(opts)
//		registerRoutes(mux, cfg, []serverRoute{
//			{method: "POST", pattern: "/deviceManagement/virtualEndpoint/deviceImages",
//				handler: handleJSON(cfg, http.StatusCreated, srv.CreateCloudPcDeviceImage)},
//		})
//	}
//
// Path parameters are whole-segment wildcards ({userID}) read with
// pathValue (r.PathValue). An OData key or function segment ("users('{id}')",
// "getX(period='{period}')") is registered as one wildcard and described by
// a serverSegment; the dispatcher parses it and stores each parameter with
// r.SetPathValue, so bind reads every path parameter the same way. Routes
// of the same method and pattern (several functions under one wildcard, or
// functions and one plain parameter route) share one ServeMux registration:
// the functions are tried in registration order, the plain route last.
//
// What the adapter does for every request, in order: recovers panics of
// the implementation (500 generalException; the error handler gets a
// *PanicError), limits the body with http.MaxBytesReader (413), binds
// headers, query options (400 on bad ones) and path parameters, checks the
// Content-Type of an operation with a body (415 unless application/json),
// decodes the body (400 on malformed JSON or an empty body), validates it
// with ValidateFor(op) (400 invalidRequest, one detail per problem with its
// JSON Pointer as target), calls the implementation, and writes the
// documented status with the JSON body (handleJSON; a collection is a
// Collection[T]), no body (handleNoContent) or a Location (handleRedirect).
// Every answer echoes the client's client-request-id. Errors are written in
// Graph's format (graph_error.go, with a fresh request-id) after the one
// error hook, WithErrorHandler, has seen them. Request and response bodies
// go through pooled buffers: a type's UnmarshalJSON must copy what it keeps
// (the encoding/json contract; the generated codecs do).
//
// The first Register call for a mux and prefix also registers a catch-all
// under the prefix ("/beta/", or "/" without one). It serves a request
// whose path matches exactly one route of its method when case is ignored
// (Graph's paths are case-insensitive, ServeMux's are not); otherwise a
// request that matches a route's path but not its method gets 405 with an
// Allow header, any other request 404 itemNotFound, both in Graph's
// format. If the mux already has that exact pattern, the catch-all is left
// out.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	goruntime "runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"weak"
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

// Option configures a generated Register<Group>Server function.
type Option func(*serverConfig)

// serverConfig is the configuration of one Register call.
type serverConfig struct {
	prefix  string
	maxBody int64
	onError func(r *http.Request, err error) *GraphError
}

// WithPrefix mounts the routes under a path prefix such as "/beta" or
// "/v1.0" (a missing leading slash is added, a trailing one removed; "" and
// "/" mean none). The prefix must be literal: no "{", "}" or white space.
func WithPrefix(prefix string) Option {
	return func(c *serverConfig) { c.prefix = prefix }
}

// WithMaxBodyBytes sets the largest request body accepted; a larger one is
// answered with 413. n <= 0 restores DefaultMaxBodyBytes.
func WithMaxBodyBytes(n int64) Option {
	return func(c *serverConfig) { c.maxBody = n }
}

// WithErrorHandler sets the one error hook. It is called for every error
// response: with the *GraphError of a failed request check (bad
// Content-Type, body too large, malformed JSON, bad query option, 404 and
// 405 of the catch-all), the *ValidationError of a body that failed
// validation, the error a server implementation returned, or the
// *PanicError of a recovered panic. It may log (it observes the original
// error, including internal text clients never see) and may rewrite the
// answer by returning a *GraphError; returning nil keeps the default
// mapping (see toGraphError: *GraphError kept, *ValidationError 400, any
// other error 500 generalException).
func WithErrorHandler(h func(r *http.Request, err error) *GraphError) Option {
	return func(c *serverConfig) { c.onError = h }
}

// newServerConfig applies opts to the defaults. It panics on a prefix that
// cannot be part of a ServeMux pattern, as http.ServeMux.Handle does on a
// bad pattern.
func newServerConfig(opts []Option) *serverConfig {
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
	// handler serves the operation (handleJSON, handleNoContent).
	handler http.Handler
}

// serverSegment is an OData key or function segment registered as the
// wildcard named wildcard: name followed by a parenthesized argument list,
// "getX(period='D7')" or "users('42')".
type serverSegment struct {
	wildcard string
	// name is the function or entity-set name before "(", matched without
	// regard to case.
	name string
	// params are the segment's parameters in documented order.
	params []serverSegmentParam
	// index is the wildcard's position in the full pattern split at "/",
	// set by registerRoutes.
	index int
}

// serverSegmentParam is one parameter of a key or function segment.
type serverSegmentParam struct {
	// arg is the function parameter's name, "period"; "" for a key given
	// by position ("users('{id}')"), which also accepts "users(id='42')"
	// under the name path.
	arg string
	// path is the name the value is stored under with r.SetPathValue.
	path string
}

// parseArgs matches a segment value against s and returns the parameter
// values in the order of s.params. Quoted values ('it”s') are unquoted;
// others are kept as written.
func (s *serverSegment) parseArgs(v string) ([]string, bool) {
	if len(v) < len(s.name)+2 || !strings.EqualFold(v[:len(s.name)], s.name) || v[len(s.name)] != '(' || v[len(v)-1] != ')' {
		return nil, false
	}
	items, ok := splitSegmentArgs(v[len(s.name)+1 : len(v)-1])
	if !ok || len(items) != len(s.params) {
		return nil, false
	}
	vals := make([]string, len(s.params))
	if len(items) == 1 && s.params[0].arg == "" {
		it := items[0]
		if it.name != "" && !strings.EqualFold(it.name, s.params[0].path) {
			return nil, false
		}
		vals[0] = it.value
		return vals, true
	}
	seen := make([]bool, len(s.params))
	for _, it := range items {
		found := false
		for i, p := range s.params {
			if !seen[i] && it.name != "" && strings.EqualFold(it.name, cmpOr(p.arg, p.path)) {
				seen[i], found = true, true
				vals[i] = it.value
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return vals, true
}

// cmpOr returns a unless it is empty, else b.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// segmentArg is one "name=value" or positional "value" of a segment.
type segmentArg struct{ name, value string }

// splitSegmentArgs splits an OData argument list at the commas outside
// single-quoted strings. It reports false on an unterminated string, an
// empty item, or text after a closing quote.
func splitSegmentArgs(s string) ([]segmentArg, bool) {
	if strings.TrimSpace(s) == "" {
		return nil, true
	}
	var out []segmentArg
	for {
		var it segmentArg
		s = strings.TrimLeft(s, " ")
		// An argument name is an identifier followed by "=".
		if i := strings.IndexAny(s, "=',"); i > 0 && s[i] == '=' {
			it.name = strings.TrimSpace(s[:i])
			s = strings.TrimLeft(s[i+1:], " ")
		}
		// An enum literal is written with its type: ns.type'value'.
		if i := strings.IndexByte(s, '\''); i > 0 && isQualifiedName(s[:i]) {
			s = s[i:]
		}
		if strings.HasPrefix(s, "'") {
			var b strings.Builder
			i := 1
			for ; i < len(s); i++ {
				if s[i] == '\'' {
					if i+1 < len(s) && s[i+1] == '\'' {
						b.WriteByte('\'')
						i++
						continue
					}
					break
				}
				b.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, false
			}
			it.value = b.String()
			s = strings.TrimLeft(s[i+1:], " ")
			if s != "" && s[0] != ',' {
				return nil, false
			}
		} else {
			j := strings.IndexByte(s, ',')
			if j < 0 {
				j = len(s)
			}
			it.value = strings.TrimSpace(s[:j])
			if it.value == "" || strings.ContainsRune(it.value, '\'') {
				return nil, false
			}
			s = s[j:]
		}
		out = append(out, it)
		if s == "" {
			return out, true
		}
		s = s[1:] // the comma
		if strings.TrimSpace(s) == "" {
			return nil, false
		}
	}
}

// isQualifiedName reports whether s is a dotted name such as
// microsoft.graph.timeZoneStandard.
func isQualifiedName(s string) bool {
	if s == "" || !strings.Contains(s, ".") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '.' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// registerRoutes registers routes on mux under cfg's prefix, and the
// catch-all of the prefix on the first call for that mux and prefix. It
// panics, as http.ServeMux.Handle does, when a route conflicts with one
// registered before: the same method and pattern with two plain routes, or
// with two key/function routes that parse the same segments. A plain route
// and key/function routes may share a pattern ("/a/{id}" and
// "/a/{id}" for "/a/delta(token='x')"): the functions are tried first.
func registerRoutes(mux *http.ServeMux, cfg *serverConfig, routes []serverRoute) {
	st := serverMuxFor(mux)
	st.mu.Lock()
	defer st.mu.Unlock()
	if !slices.Contains(st.prefixes, cfg.prefix) {
		st.prefixes = append(st.prefixes, cfg.prefix)
		registerCatchAll(mux, cfg.prefix+"/", &serverFallback{st: st, cfg: cfg})
	}
	for _, rt := range routes {
		full := cfg.prefix + rt.pattern
		parts := strings.Split(full, "/")
		segs := slices.Clone(rt.segments)
		for i := range segs {
			segs[i].index = slices.Index(parts, "{"+segs[i].wildcard+"}")
			if segs[i].index < 0 {
				panic(fmt.Sprintf("docgen server: pattern %q has no wildcard {%s}", full, segs[i].wildcard))
			}
		}
		key := rt.method + " " + full
		d := st.byKey[key]
		if d == nil {
			d = &serverDispatch{st: st, cfg: cfg, method: rt.method, parts: parts}
			d.cands.Store(&[]serverCandidate{})
			mux.Handle(key, d) // panics on a conflict, naming both patterns
			st.byKey[key] = d
			st.all = append(st.all, d)
		}
		d.add(serverCandidate{segs: segs, h: rt.handler}, key)
	}
}

// registerCatchAll registers h as pattern unless mux already has it.
func registerCatchAll(mux *http.ServeMux, pattern string, h http.Handler) {
	defer func() {
		if recover() != nil {
			// The application owns the pattern; its handler answers.
		}
	}()
	mux.Handle(pattern, h)
}

// serverMux is docgen's state for one http.ServeMux: the routes every
// Register call added, so that dispatchers shared between groups and the
// catch-all's 405 answers see all of them.
type serverMux struct {
	mu       sync.Mutex
	prefixes []string
	byKey    map[string]*serverDispatch
	all      []*serverDispatch // in registration order
}

// serverMuxes maps each mux to its state without keeping the mux alive.
var serverMuxes struct {
	sync.Mutex
	m map[weak.Pointer[http.ServeMux]]*serverMux
}

// serverMuxFor returns the state of mux, creating it on first use; it is
// dropped when the mux is garbage collected.
func serverMuxFor(mux *http.ServeMux) *serverMux {
	serverMuxes.Lock()
	defer serverMuxes.Unlock()
	if serverMuxes.m == nil {
		serverMuxes.m = map[weak.Pointer[http.ServeMux]]*serverMux{}
	}
	k := weak.Make(mux)
	if st := serverMuxes.m[k]; st != nil {
		return st
	}
	st := &serverMux{byKey: map[string]*serverDispatch{}}
	serverMuxes.m[k] = st
	goruntime.AddCleanup(mux, func(k weak.Pointer[http.ServeMux]) {
		serverMuxes.Lock()
		delete(serverMuxes.m, k)
		serverMuxes.Unlock()
	}, k)
	return st
}

// serverCandidate is one route behind a dispatcher.
type serverCandidate struct {
	segs []serverSegment
	h    http.Handler
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
	st     *serverMux
	cfg    *serverConfig
	method string
	parts  []string // the full pattern split at "/"
	cands  atomic.Pointer[[]serverCandidate]
}

// add adds a candidate (copy on write: requests may be in flight).
// Candidates that parse key/function segments are tried in registration
// order, the one plain candidate (if any) last; two plain candidates, or
// two that parse the same segments, are a conflict.
func (d *serverDispatch) add(c serverCandidate, key string) {
	old := *d.cands.Load()
	for _, o := range old {
		if (len(o.segs) == 0 && len(c.segs) == 0) || o.signature() == c.signature() {
			panic(fmt.Sprintf("docgen server: pattern %q is registered twice", key))
		}
	}
	next := slices.Clone(old)
	if n := len(next); len(c.segs) > 0 && n > 0 && len(next[n-1].segs) == 0 {
		next = slices.Insert(next, n-1, c)
	} else {
		next = append(next, c)
	}
	d.cands.Store(&next)
}

// ServeHTTP calls the first candidate whose segments parse.
func (d *serverDispatch) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	cands := *d.cands.Load()
	if len(cands) == 1 && len(cands[0].segs) == 0 {
		cands[0].h.ServeHTTP(w, r)
		return
	}
	for i := range cands {
		c := &cands[i]
		vals, ok := c.match(func(s *serverSegment) string { return r.PathValue(s.wildcard) })
		if !ok {
			continue
		}
		for j, s := range c.segs {
			for k, p := range s.params {
				r.SetPathValue(p.path, vals[j][k])
			}
		}
		c.h.ServeHTTP(w, r)
		return
	}
	d.st.fallback(w, r, d.cfg, false)
}

// serverFallback is the catch-all handler of one prefix.
type serverFallback struct {
	st  *serverMux
	cfg *serverConfig
}

func (f *serverFallback) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.st.fallback(w, r, f.cfg, true)
}

// fallback answers a request no route took: 405 with Allow when routes of
// other methods match its path, 404 otherwise.
//
// Graph matches path segments without regard to case, ServeMux does not:
// with anyCase, a request whose path matches exactly one route of its
// method when case is ignored ("/me/calendargroups" for
// "/me/calendarGroups") is served by that route.
func (st *serverMux) fallback(w http.ResponseWriter, r *http.Request, cfg *serverConfig, anyCase bool) {
	if anyCase {
		if d, parts := st.foldMatch(r); d != nil {
			for i, p := range d.parts {
				if strings.HasPrefix(p, "{") && p != "{$}" {
					r.SetPathValue(strings.Trim(p, "{}"), parts[i])
				}
			}
			d.ServeHTTP(w, r)
			return
		}
	}
	allow := st.allowed(r)
	if len(allow) == 0 {
		cfg.fail(w, r, newGraphError(http.StatusNotFound, codeItemNotFound, "Resource not found for the segment path '%s'.", r.URL.Path))
		return
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	cfg.fail(w, r, newGraphError(http.StatusMethodNotAllowed, codeNotAllowed, "The method %s is not allowed on '%s'; allowed: %s.", r.Method, r.URL.Path, strings.Join(allow, ", ")))
}

// foldMatch returns the one route of the request's method whose pattern
// matches its path when case is ignored, with the path's segments.
func (st *serverMux) foldMatch(r *http.Request) (*serverDispatch, []string) {
	parts := requestParts(r)
	method := r.Method
	if method == http.MethodHead {
		method = http.MethodGet
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	var found *serverDispatch
	for _, d := range st.all {
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
func (st *serverMux) allowed(r *http.Request) []string {
	parts := requestParts(r)
	st.mu.Lock()
	all := slices.Clone(st.all)
	st.mu.Unlock()
	var allow []string
	for _, d := range all {
		if slices.Contains(allow, d.method) || !patternMatchesFold(d.parts, parts) {
			continue
		}
		for _, c := range *d.cands.Load() {
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

// serverBinder is what a generated request type implements: bind fills it
// from the request (path values, headers, query options, body).
type serverBinder[Req any] interface {
	*Req
	bind(r *http.Request, cfg *serverConfig) error
}

// The adapters below are generic only where they must be: the small
// closure each builds news the operation's request type, binds it and calls
// the implementation. Everything else (panic recovery, the body limit,
// writing the answer) is in the non-generic handler types, compiled once
// for all operations: a package of thousands of operations then compiles a
// few lines per operation instead of a whole handler. The adapters are not
// inlined: a Register function has one call per route, and inlining would
// copy the closure into each (on the Graph corpus, +450 MB of compiler
// memory and +4 s of CPU), for nothing at run time.

// handleJSON returns the handler of an operation that answers with a JSON
// body and the documented status (200, 201, ...).
//
//go:noinline
func handleJSON[Req any, Resp any, PR serverBinder[Req]](cfg *serverConfig, status int, call func(context.Context, *Req) (*Resp, error)) http.Handler {
	return &jsonHandler{cfg: cfg, status: status, serve: func(r *http.Request) (any, error) {
		req := new(Req)
		if err := PR(req).bind(r, cfg); err != nil {
			return nil, err
		}
		resp, err := call(r.Context(), req)
		if err != nil {
			return nil, err
		}
		if resp == nil {
			return nil, errNilResponse
		}
		return resp, nil
	}}
}

// jsonHandler serves an operation that answers with a JSON body: serve
// binds the request and calls the implementation, returning a non-nil
// response or an error.
type jsonHandler struct {
	cfg    *serverConfig
	status int
	serve  func(r *http.Request) (any, error)
}

func (h *jsonHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer serverRecover(h.cfg, w, r)
	serverLimitBody(h.cfg, w, r)
	resp, err := h.serve(r)
	if err != nil {
		h.cfg.fail(w, r, err)
		return
	}
	writeJSON(h.cfg, w, r, h.status, resp)
}

// errNilResponse is reported when an implementation returns neither a
// response nor an error.
var errNilResponse = errors.New("docgen server: the implementation returned a nil response and a nil error")

// handleNoContent returns the handler of an operation that answers with a
// status and no body (204 No Content, or 200/202 without a body).
//
//go:noinline
func handleNoContent[Req any, PR serverBinder[Req]](cfg *serverConfig, status int, call func(context.Context, *Req) error) http.Handler {
	return &noContentHandler{cfg: cfg, status: status, serve: func(r *http.Request) error {
		req := new(Req)
		if err := PR(req).bind(r, cfg); err != nil {
			return err
		}
		return call(r.Context(), req)
	}}
}

// noContentHandler serves an operation that answers with a status and no
// body: serve binds the request and calls the implementation.
type noContentHandler struct {
	cfg    *serverConfig
	status int
	serve  func(r *http.Request) error
}

func (h *noContentHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer serverRecover(h.cfg, w, r)
	serverLimitBody(h.cfg, w, r)
	if err := h.serve(r); err != nil {
		h.cfg.fail(w, r, err)
		return
	}
	echoClientRequestID(w, r)
	w.WriteHeader(h.status)
}

// handleRedirect returns the handler of an operation that answers with a
// redirect (302 Found to a download URL): the implementation returns the
// Location.
//
//go:noinline
func handleRedirect[Req any, PR serverBinder[Req]](cfg *serverConfig, status int, call func(context.Context, *Req) (string, error)) http.Handler {
	return &redirectHandler{cfg: cfg, status: status, serve: func(r *http.Request) (string, error) {
		req := new(Req)
		if err := PR(req).bind(r, cfg); err != nil {
			return "", err
		}
		return call(r.Context(), req)
	}}
}

// redirectHandler serves an operation that answers with a redirect: serve
// binds the request and calls the implementation, returning the Location.
type redirectHandler struct {
	cfg    *serverConfig
	status int
	serve  func(r *http.Request) (string, error)
}

func (h *redirectHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer serverRecover(h.cfg, w, r)
	serverLimitBody(h.cfg, w, r)
	loc, err := h.serve(r)
	if err != nil {
		h.cfg.fail(w, r, err)
		return
	}
	if loc == "" {
		h.cfg.fail(w, r, errNilResponse)
		return
	}
	echoClientRequestID(w, r)
	w.Header().Set("Location", loc)
	w.WriteHeader(h.status)
}

// Collection is the body of a collection response: the items in "value",
// the OData paging annotations, and any other member (an @odata.type on
// the envelope, a custom annotation) in Extra, in document order. A nil
// Value is written as [].
type Collection[T any] struct {
	Context   string
	Count     Opt[int64]
	NextLink  string
	DeltaLink string
	Value     []T
	Extra     Extra
}

// MarshalJSON writes the annotations, "value", then Extra.
func (c Collection[T]) MarshalJSON() ([]byte, error) {
	var w objectWriter
	if c.Context != "" {
		w.field("@odata.context", c.Context)
	}
	w.field("@odata.count", c.Count)
	if c.NextLink != "" {
		w.field("@odata.nextLink", c.NextLink)
	}
	if c.DeltaLink != "" {
		w.field("@odata.deltaLink", c.DeltaLink)
	}
	v := c.Value
	if v == nil {
		v = []T{}
	}
	w.field("value", v)
	w.extra(c.Extra)
	return w.bytes()
}

// UnmarshalJSON decodes a collection object; members other than "value"
// and the paging annotations go to Extra.
func (c *Collection[T]) UnmarshalJSON(data []byte) error {
	*c = Collection[T]{}
	return decodeObject(data, &c.Extra, func(name string, value []byte) (bool, error) {
		switch name {
		case "@odata.context":
			return true, json.Unmarshal(value, &c.Context)
		case "@odata.count":
			return true, json.Unmarshal(value, &c.Count)
		case "@odata.nextLink":
			return true, json.Unmarshal(value, &c.NextLink)
		case "@odata.deltaLink":
			return true, json.Unmarshal(value, &c.DeltaLink)
		case "value":
			return true, decodeArray(value, &c.Value)
		}
		return false, nil
	})
}

// serverLimitBody limits the request body to the configured size (413
// beyond it).
func serverLimitBody(cfg *serverConfig, w http.ResponseWriter, r *http.Request) {
	if r.Body != nil && r.Body != http.NoBody {
		r.Body = http.MaxBytesReader(w, r.Body, cfg.maxBody)
	}
}

// pathValue is r.PathValue(name): the path parameter name of the route,
// or "" if it has none. Generated bind methods call it, not r.PathValue,
// which the compiler would inline into each of thousands of call sites.
//
//go:noinline
func pathValue(r *http.Request, name string) string {
	return r.PathValue(name)
}

// headerValue is r.Header.Get(name), kept out of line like pathValue.
//
//go:noinline
func headerValue(r *http.Request, name string) string {
	return r.Header.Get(name)
}

// serverRecover turns a panic of the implementation into a 500. It
// re-panics http.ErrAbortHandler, which net/http uses to abort a response.
func serverRecover(cfg *serverConfig, w http.ResponseWriter, r *http.Request) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler { //nolint:errorlint // the sentinel is compared by identity
		panic(v)
	}
	cfg.fail(w, r, &PanicError{Value: v, Stack: debug.Stack()})
}

// notImplemented is the error of the generated Unimplemented servers: 501
// notImplemented, naming the method.
func notImplemented(method string) error {
	return newGraphError(http.StatusNotImplemented, "notImplemented", "%s is not implemented.", method)
}

// serverBufPool recycles the buffers of request and response bodies.
var serverBufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// serverPutBuf returns b to the pool unless it grew large.
func serverPutBuf(b *bytes.Buffer) {
	if b.Cap() <= 1<<20 {
		b.Reset()
		serverBufPool.Put(b)
	}
}

// decodeBody reads, decodes and validates the JSON body of an operation
// into a new T: 415 unless the Content-Type is application/json (any
// parameters), 413 beyond the body limit, 400 for an empty or malformed
// body, and the *ValidationError of T's ValidateFor(op) when T has one.
// Only the allocation is generic; decodeBodyInto does the work.
func decodeBody[T any](r *http.Request, cfg *serverConfig, op Op) (*T, error) {
	v := new(T)
	if err := decodeBodyInto(r, op, v); err != nil {
		return nil, err
	}
	return v, nil
}

// decodeBodyInto is decodeBody for a v that is a pointer to the body type.
func decodeBodyInto(r *http.Request, op Op, v any) error {
	if ct := r.Header.Get("Content-Type"); !isJSONMediaType(ct) {
		if ct == "" {
			ct = "none"
		}
		return newGraphError(http.StatusUnsupportedMediaType, codeNotSupported, "The Content-Type must be application/json, got %s.", ct)
	}
	buf := serverBufPool.Get().(*bytes.Buffer)
	defer serverPutBuf(buf)
	if r.Body != nil {
		if _, err := buf.ReadFrom(r.Body); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return newGraphError(http.StatusRequestEntityTooLarge, codeRequestTooLarge, "The request body exceeds the limit of %d bytes.", mbe.Limit)
			}
			return newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body could not be read.")
		}
	}
	data := buf.Bytes()
	if len(bytes.TrimSpace(data)) == 0 {
		return newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body is empty; this operation requires a JSON body.")
	}
	if err := json.Unmarshal(data, v); err != nil {
		return bodyDecodeError(err)
	}
	if vf, ok := v.(interface{ ValidateFor(Op) error }); ok {
		if err := vf.ValidateFor(op); err != nil {
			var ve *ValidationError
			if errors.As(err, &ve) {
				return err
			}
			return newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body is invalid: %v.", err)
		}
	}
	return nil
}

// bodyDecodeError describes a JSON decoding failure as a 400, with the
// JSON Pointer of the offending member as target when known.
func bodyDecodeError(err error) *GraphError {
	ge := newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body is not valid JSON: %v.", err)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var pe *pathError
	switch {
	case errors.As(err, &se):
		ge.Message = fmt.Sprintf("The request body is malformed JSON at offset %d: %v.", se.Offset, se)
	case errors.As(err, &te):
		if te.Field != "" {
			ge.Target = "/" + strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(te.Field, "~", "~0"), "/", "~1"), ".", "/")
		}
		ge.Message = fmt.Sprintf("The request body has a %s where %s is expected.", te.Value, te.Type)
	case errors.As(err, &pe) && pe != nil:
		ge.Target = pe.path
		ge.Message = fmt.Sprintf("The request body could not be decoded: %v.", err)
	default:
		ge.Message = fmt.Sprintf("The request body could not be decoded: %v.", err)
	}
	return ge
}

// readRawBody reads a non-JSON request body (a photo, a file), 413 beyond
// the body limit.
func readRawBody(r *http.Request) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	b, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, newGraphError(http.StatusRequestEntityTooLarge, codeRequestTooLarge, "The request body exceeds the limit of %d bytes.", mbe.Limit)
		}
		return nil, newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body could not be read.")
	}
	return b, nil
}

// isJSONMediaType reports whether a Content-Type value is application/json
// with any parameters (charset, odata.metadata, ...).
func isJSONMediaType(ct string) bool {
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.EqualFold(strings.TrimSpace(ct), "application/json")
}

// writeJSON encodes v and writes it with status; an encoding failure is a
// 500 (nothing has been written yet).
func writeJSON(cfg *serverConfig, w http.ResponseWriter, r *http.Request, status int, v any) {
	buf := serverBufPool.Get().(*bytes.Buffer)
	defer serverPutBuf(buf)
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		cfg.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	echoClientRequestID(w, r)
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// echoClientRequestID sends back the client's client-request-id, as Graph
// does on every response.
func echoClientRequestID(w http.ResponseWriter, r *http.Request) {
	if id := clientRequestID(r); id != "" {
		w.Header().Set("client-request-id", id)
	}
}
