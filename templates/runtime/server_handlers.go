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
)

// This file is the generic adapter between net/http and a server
// implementation: it binds a request, calls the implementation and writes
// its result or error in Graph's format.

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
// inlined: a routes method has one call per route, and inlining would
// copy the closure into each (on the Graph corpus, +450 MB of compiler
// memory and +4 s of CPU), for nothing at run time.

// handleJSON returns the handler of an operation that answers with a JSON
// body and the documented status (200, 201, ...).
//
//go:noinline
func handleJSON[Req any, Resp any, PR serverBinder[Req]](cfg *serverConfig, status int, call func(context.Context, *Req) (*Resp, error)) http.Handler {
	return &jsonHandler{cfg: cfg, status: status, serve: func(ctx context.Context, r *http.Request) (any, error) {
		req := new(Req)
		if err := PR(req).bind(r, cfg); err != nil {
			return nil, err
		}
		resp, err := call(ctx, req)
		if err != nil || resp == nil {
			return nil, err
		}
		return resp, nil
	}}
}

// jsonHandler serves an operation that answers with a JSON body: serve
// binds the request and calls the implementation, returning the response
// (nil when the implementation returned none) or an error.
type jsonHandler struct {
	cfg    *serverConfig
	status int
	serve  func(ctx context.Context, r *http.Request) (any, error)
}

func (h *jsonHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer serverRecover(h.cfg, w, r)
	serverLimitBody(h.cfg, w, r)
	ctx, ans := serverAnswerContext(w, r, h.status)
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
}

// errNilResponse is reported when an implementation returns neither a
// response nor an error.
var errNilResponse = errors.New("docgen server: the implementation returned a nil response and a nil error")

// handleNoContent returns the handler of an operation that answers with a
// status and no body (204 No Content, or 200/202 without a body).
//
//go:noinline
func handleNoContent[Req any, PR serverBinder[Req]](cfg *serverConfig, status int, call func(context.Context, *Req) error) http.Handler {
	return &noContentHandler{cfg: cfg, status: status, serve: func(ctx context.Context, r *http.Request) error {
		req := new(Req)
		if err := PR(req).bind(r, cfg); err != nil {
			return err
		}
		return call(ctx, req)
	}}
}

// noContentHandler serves an operation that answers with a status and no
// body: serve binds the request and calls the implementation.
type noContentHandler struct {
	cfg    *serverConfig
	status int
	serve  func(ctx context.Context, r *http.Request) error
}

func (h *noContentHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer serverRecover(h.cfg, w, r)
	serverLimitBody(h.cfg, w, r)
	ctx, ans := serverAnswerContext(w, r, h.status)
	if err := h.serve(ctx, r); err != nil {
		h.cfg.fail(w, r, err)
		return
	}
	echoClientRequestID(w, r)
	w.WriteHeader(ans.status)
}

// handleRedirect returns the handler of an operation that answers with a
// redirect (302 Found to a download URL): the implementation returns the
// Location.
//
//go:noinline
func handleRedirect[Req any, PR serverBinder[Req]](cfg *serverConfig, status int, call func(context.Context, *Req) (string, error)) http.Handler {
	return &redirectHandler{cfg: cfg, status: status, serve: func(ctx context.Context, r *http.Request) (string, error) {
		req := new(Req)
		if err := PR(req).bind(r, cfg); err != nil {
			return "", err
		}
		return call(ctx, req)
	}}
}

// redirectHandler serves an operation that answers with a redirect: serve
// binds the request and calls the implementation, returning the Location.
type redirectHandler struct {
	cfg    *serverConfig
	status int
	serve  func(ctx context.Context, r *http.Request) (string, error)
}

func (h *redirectHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer serverRecover(h.cfg, w, r)
	serverLimitBody(h.cfg, w, r)
	ctx, ans := serverAnswerContext(w, r, h.status)
	loc, err := h.serve(ctx, r)
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
	w.WriteHeader(ans.status)
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

// decodeBody reads, decodes and validates the JSON body of an operation
// into a new T: 415 unless the Content-Type is application/json (any
// parameters), 413 beyond the body limit, 400 for an empty or malformed
// body, and the *ValidationError of T's ValidateFor(op) when T has one.
// Only the allocation is generic; decodeBodyInto does the work.
func decodeBody[T any](r *http.Request, cfg *serverConfig, op Op) (*T, error) {
	v := new(T)
	if err := decodeBodyStrict(r, op, v, cfg != nil && cfg.strict); err != nil {
		return nil, err
	}
	return v, nil
}

// decodeBodyInto is decodeBody for a v that is a pointer to the body type.
func decodeBodyInto(r *http.Request, op Op, v any) error {
	return decodeBodyStrict(r, op, v, false)
}

// decodeBodyStrict is decodeBodyInto; with strict, a member no field of
// the body's types holds, or a member given twice, is a 400.
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
	if err := json.Unmarshal(data, v); err != nil {
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
		ge.Message = fmt.Sprintf("The request body has a %s where %s is expected.", te.Value, edmTypeName(te.Type))
	case errors.As(err, &ote):
		ge.Message = fmt.Sprintf("The request body has a %s where %s is expected.", ote.kind, articled(ote.want))
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
// it: Edm.String for strings (and enum members), Edm.Int32, Edm.Boolean,
// an object, an array.
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
