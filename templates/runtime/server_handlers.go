package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// This file is the generic adapter between net/http and a server
// implementation: it binds a request, calls the implementation and writes
// its result or error in Graph's format.

// The handler of every operation is one non-generic type, driven by data:
// the generated route table (serverRoutes, a package-level variable the
// compiler lays out as static data) gives each operation's group, method
// name, Op, documented status and answer kind, a nil pointer to its request
// type, and a closure without captured variables that calls the typed
// method. The request type says what to fill in: fields tagged path:"name"
// get the path parameter, fields tagged header:"Name" the request header, a
// field of type ODataQuery the query options, and a field Body the request
// body (*T decoded as JSON and validated with T's ValidateFor, []byte read
// raw). So a package of thousands of operations compiles one small function
// per operation (no bind method, no routes code, no generic instantiation
// per request, response or body type).
//
//	var serverRoutes = []serverRoute{
//		{method: "POST", pattern: "/deviceManagement/virtualEndpoint/deviceImages", group: 0,
//			name: "CreateCloudPcDeviceImage", op: OpCreateCloudPcDeviceImage, status: http.StatusCreated,
//			req: (*CreateCloudPcDeviceImageRequest)(nil),
//			call: func(impl any, ctx context.Context, req any) (any, error) {
//				return impl.(*Servers).CloudPcDeviceImages.CreateCloudPcDeviceImage(ctx, req.(*CreateCloudPcDeviceImageRequest))
//			}},
//	}

// serverCall calls the implementation's method with the bound request (a
// pointer to the operation's request type): impl is the *Servers given to
// NewServer. It returns the method's answer: the response pointer (JSON),
// the Location (redirect) or nil (no content).
type serverCall func(impl any, ctx context.Context, req any) (any, error)

// answerKind says how an operation answers.
type answerKind uint8

const (
	answerJSON      answerKind = iota // a JSON body with the status
	answerNoContent                   // the status and no body
	answerRedirect                    // the status and a Location header
)

// addOps adds the routes of a generated table, each served by an opHandler
// calling impl (a pointer to the generated Servers). An operation whose
// group (the field of Servers with index rt.group) is nil answers 501
// notImplemented, as the group's Unimplemented server does.
func (s *Server) addOps(impl any, routes []serverRoute) {
	groups := reflect.ValueOf(impl).Elem()
	out := make([]serverRoute, len(routes))
	for i, rt := range routes {
		call := rt.call
		if groups.Field(rt.group).IsNil() {
			name := rt.name
			call = func(any, context.Context, any) (any, error) { return nil, notImplemented(name) }
		}
		rt.handler = &opHandler{cfg: s.cfg, op: rt.op, kind: rt.answer, status: rt.status,
			reqType: reflect.TypeOf(rt.req).Elem(), impl: impl, call: call}
		out[i] = rt
	}
	s.add(out)
}

// opHandler serves one operation.
type opHandler struct {
	cfg     *serverConfig
	op      Op
	kind    answerKind
	status  int
	reqType reflect.Type
	impl    any
	call    serverCall
	// binder is reqType's binder, looked up on first use.
	binder atomic.Pointer[reqBinder]
}

func (h *opHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer serverRecover(h.cfg, w, r)
	serverLimitBody(h.cfg, w, r)
	ctx, ans := serverAnswerContext(w, r, h.status)
	switch h.kind {
	case answerJSON:
		pg := takeSkipToken(r)
		resp, err := h.serve(ctx, r)
		switch {
		case err != nil:
			h.cfg.fail(w, r, err)
		case resp != nil:
			if pg.get {
				if writeCount(w, r, resp) {
					return
				}
				resp = pg.page(h.cfg, r, resp)
			}
			writeJSON(h.cfg, w, r, ans.status, resp)
		case ans.status == http.StatusAccepted || ans.status == http.StatusNoContent || ans.status/100 == 3:
			// A long-running operation accepted (202 with Location), or an
			// answer without a body the implementation chose.
			echoClientRequestID(w, r)
			w.WriteHeader(ans.status)
		default:
			h.cfg.fail(w, r, errNilResponse)
		}
	case answerNoContent:
		if _, err := h.serve(ctx, r); err != nil {
			h.cfg.fail(w, r, err)
			return
		}
		echoClientRequestID(w, r)
		w.WriteHeader(ans.status)
	default:
		resp, err := h.serve(ctx, r)
		if err != nil {
			h.cfg.fail(w, r, err)
			return
		}
		loc, _ := resp.(string)
		if loc == "" {
			h.cfg.fail(w, r, errNilResponse)
			return
		}
		echoClientRequestID(w, r)
		w.Header().Set("Location", loc)
		w.WriteHeader(ans.status)
	}
}

// serve binds the request and calls the implementation (or the stub of
// the handler tests, when one is set for this operation). A nil response
// pointer is returned as nil.
func (h *opHandler) serve(ctx context.Context, r *http.Request) (any, error) {
	b := h.binder.Load()
	if b == nil {
		b = binderOf(h.reqType)
		h.binder.Store(b)
	}
	req, err := b.bind(r, h.cfg, h.op)
	if err != nil {
		return nil, err
	}
	call := h.call
	if st := h.cfg.stub; st != nil && st.op == h.op {
		call = st.call
	}
	resp, err := call(h.impl, ctx, req)
	if err != nil || resp == nil {
		return nil, err
	}
	if rv := reflect.ValueOf(resp); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return nil, nil
	}
	return resp, nil
}

// serverStub replaces the implementation of one operation: the handler
// tests (docgen_examples_handler_test.go) answer through it.
type serverStub struct {
	op   Op
	call serverCall
}

// errNilResponse is reported when an implementation returns neither a
// response nor an error.
var errNilResponse = errors.New("docgen server: the implementation returned a nil response and a nil error")

// reqBinder fills a request type's fields from an *http.Request.
type reqBinder struct {
	typ    reflect.Type
	fields []reqField
}

// reqField is one field a reqBinder fills.
type reqField struct {
	index int
	kind  reqFieldKind
	// name is the path parameter or header name.
	name string
	// body is the type a JSON body decodes into (reqBody).
	body reflect.Type
}

type reqFieldKind uint8

const (
	reqPath reqFieldKind = iota
	reqHeader
	reqQuery
	reqBody
	reqRawBody
)

// reqBinders caches the binder of each request type, shared by the
// handlers of every Server.
var reqBinders sync.Map // reflect.Type → *reqBinder

var odataQueryType = reflect.TypeFor[ODataQuery]()

// binderOf returns the binder of a request struct type.
func binderOf(t reflect.Type) *reqBinder {
	if b, ok := reqBinders.Load(t); ok {
		return b.(*reqBinder)
	}
	b := &reqBinder{typ: t}
	for i := range t.NumField() {
		f := t.Field(i)
		switch {
		case f.Tag.Get("path") != "":
			b.fields = append(b.fields, reqField{index: i, kind: reqPath, name: f.Tag.Get("path")})
		case f.Tag.Get("header") != "":
			b.fields = append(b.fields, reqField{index: i, kind: reqHeader, name: f.Tag.Get("header")})
		case f.Type == odataQueryType:
			b.fields = append(b.fields, reqField{index: i, kind: reqQuery})
		case f.Name == "Body" && f.Type.Kind() == reflect.Pointer:
			b.fields = append(b.fields, reqField{index: i, kind: reqBody, body: f.Type.Elem()})
		case f.Name == "Body" && f.Type == reflect.TypeFor[[]byte]():
			b.fields = append(b.fields, reqField{index: i, kind: reqRawBody})
		}
	}
	actual, _ := reqBinders.LoadOrStore(t, b)
	return actual.(*reqBinder)
}

// bind returns a new request (a pointer to b's type) filled from r: path
// parameters, headers, query options, then the body, whose errors come in
// that order.
func (b *reqBinder) bind(r *http.Request, cfg *serverConfig, op Op) (any, error) {
	rv := reflect.New(b.typ)
	req := rv.Elem()
	for i := range b.fields {
		f := &b.fields[i]
		switch f.kind {
		case reqPath:
			req.Field(f.index).SetString(r.PathValue(f.name))
		case reqHeader:
			req.Field(f.index).SetString(r.Header.Get(f.name))
		case reqQuery:
			q, err := readODataQuery(r)
			if err != nil {
				return nil, err
			}
			*req.Field(f.index).Addr().Interface().(*ODataQuery) = q
		case reqBody:
			v := reflect.New(f.body)
			if err := decodeBodyStrict(r, op, v.Interface(), cfg != nil && cfg.strict); err != nil {
				return nil, err
			}
			req.Field(f.index).Set(v)
		case reqRawBody:
			raw, err := readRawBody(r)
			if err != nil {
				return nil, err
			}
			req.Field(f.index).SetBytes(raw)
		}
	}
	return rv.Interface(), nil
}

// serverLimitBody limits the request body to the configured size (413
// beyond it).
func serverLimitBody(cfg *serverConfig, w http.ResponseWriter, r *http.Request) {
	if r.Body != nil && r.Body != http.NoBody {
		r.Body = http.MaxBytesReader(w, r.Body, cfg.maxBody)
	}
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
	cfg.fail(w, r, &ServerPanicError{Value: v, Stack: debug.Stack()})
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

// decodeBodyInto is decodeBodyStrict without strict.
func decodeBodyInto(r *http.Request, op Op, v any) error {
	return decodeBodyStrict(r, op, v, false)
}

// decodeBodyStrict reads, decodes and validates the JSON body of an
// operation into v, a pointer to the body type: 415 unless the
// Content-Type is application/json (any parameters), 413 beyond the body
// limit, 400 for an empty or malformed body, and the *ValidationError of
// the body's ValidateFor(op) when it has one. With strict, a member no
// field of the body's types holds, or a member given twice, is a 400.
func decodeBodyStrict(r *http.Request, op Op, v any, strict bool) error {
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
	if err := unmarshalBody(data, v); err != nil {
		return bodyDecodeError(err)
	}
	if strict {
		if err := strictBody(data, v); err != nil {
			return err
		}
	}
	if err := validateBody(v, op); err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			return err
		}
		return newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body is invalid: %v.", err)
	}
	return nil
}

// unmarshalBody is json.Unmarshal(data, v). A valid document goes straight
// to v's UnmarshalJSON (generated structs have one): json.Unmarshal would
// scan it a second time to find the value's end and allocate its decoder
// state first. Invalid documents, and types without UnmarshalJSON, go
// through json.Unmarshal, so its errors are exactly as before.
func unmarshalBody(data []byte, v any) error {
	if u, ok := v.(json.Unmarshaler); ok && json.Valid(data) {
		return u.UnmarshalJSON(bytes.TrimSpace(data))
	}
	return json.Unmarshal(data, v)
}

// bodyDecodeError describes a JSON decoding failure as a 400, with the
// JSON Pointer of the offending member as target when known, and the
// expected type named as the docs name it (Edm.String, Edm.Int32, an
// object) rather than by its Go name.
func bodyDecodeError(err error) *GraphError {
	ge := newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body is not valid JSON.")
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var ote *typeError
	var pe *pathError
	if errors.As(err, &pe) && pe != nil {
		ge.Target = pe.path
	}
	switch {
	case errors.As(err, &se):
		ge.Message = fmt.Sprintf("The request body is malformed JSON at offset %d: %v.", se.Offset, se)
	case errors.As(err, &te):
		if ge.Target == "" && te.Field != "" {
			ge.Target = "/" + strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(te.Field, "~", "~0"), "/", "~1"), ".", "/")
		}
		ge.Message = fmt.Sprintf("The request body has %s where %s is expected.", articled(te.Value), edmTypeName(te.Type))
	case errors.As(err, &ote):
		ge.Message = fmt.Sprintf("The request body has %s where %s is expected.", articled(ote.kind), articled(ote.want))
	default:
		msg := trimJSONPrefix(errorsRoot(err).Error())
		if strings.HasPrefix(msg, "Time.") || strings.HasPrefix(msg, "parsing time") {
			// time.Time's own errors name Go; say what the docs say.
			msg = "the value is not an Edm.DateTimeOffset (RFC 3339, such as 2021-07-01T10:00:00Z)"
		}
		ge.Message = fmt.Sprintf("The request body could not be decoded: %s.", msg)
	}
	if ge.Target != "" {
		ge.Message = strings.TrimSuffix(ge.Message, ".") + " at " + ge.Target + "."
		ge.Details = []GraphErrorDetail{{Code: "type", Message: ge.Message, Target: ge.Target}}
	}
	return ge
}

// errorsRoot returns the innermost error of a chain of pathErrors.
func errorsRoot(err error) error {
	for {
		pe, ok := err.(*pathError)
		if !ok {
			return err
		}
		err = pe.err
	}
}

// articled puts "an" or "a" before a JSON kind ("an object").
func articled(s string) string {
	if s != "" && strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// edmTypeName names the JSON value a Go type decodes as the docs name
// it: Edm.String for strings, the enum's Graph name for its members
// (microsoft.graph.cloudPcDeviceImageStatus), Edm.Int32, Edm.Boolean, an
// object, an array.
func edmTypeName(t reflect.Type) string {
	if t == nil {
		return "a value"
	}
	switch t.String() {
	case "time.Time":
		return "an Edm.DateTimeOffset string"
	}
	switch t.Kind() {
	case reflect.String:
		if name, ok := enumTypeName(t); ok {
			return "a " + name + " member (an Edm.String)"
		}
		if t.Name() != "string" && t.PkgPath() != "" {
			return "an Edm.String (a member of the enum)"
		}
		return "an Edm.String"
	case reflect.Bool:
		return "an Edm.Boolean"
	case reflect.Int, reflect.Int64:
		return "an Edm.Int64"
	case reflect.Int32:
		return "an Edm.Int32"
	case reflect.Int16:
		return "an Edm.Int16"
	case reflect.Int8:
		return "an Edm.SByte"
	case reflect.Uint8:
		return "an Edm.Byte"
	case reflect.Float32:
		return "an Edm.Single"
	case reflect.Float64:
		return "an Edm.Double"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "a value"
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
	if cfg.selectAnswers && strings.Contains(r.URL.RawQuery, "elect") {
		if q, err := readODataQuery(r); err == nil && len(q.Select) > 0 {
			if b, err := ODataSelect(buf.Bytes(), q.Select); err == nil {
				buf.Reset()
				buf.Write(b)
			}
		}
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
