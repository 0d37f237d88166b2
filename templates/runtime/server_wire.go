package runtime

// This file holds what a generated server does on the wire besides routing
// an operation: request identification headers, compressed request bodies
// (Content-Encoding), the answer state an implementation may change (status
// and headers), Graph's error constructors and the $select projection of a
// response.

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// serverPrepare sets the headers every answer carries (request-id, the
// echoed client-request-id; net/http adds Date) and decodes a compressed
// request body. It reports false when it answered the request itself.
func (s *Server) serverPrepare(w http.ResponseWriter, r *http.Request) bool {
	h := w.Header()
	h.Set("request-id", newRequestID())
	if id := clientRequestID(r); id != "" {
		h.Set("client-request-id", id)
	}
	if ce := r.Header.Get("Content-Encoding"); ce != "" {
		if err := s.cfg.decodeContentEncoding(w, r, ce); err != nil {
			s.cfg.fail(w, r, err)
			return false
		}
	}
	return true
}

// decodeContentEncoding replaces a gzip or deflate request body by its
// decoded stream. The compressed bytes are limited to the body limit, and
// the handler limits the decoded bytes too (serverLimitBody), so a small
// body that expands beyond the limit is a 413 after reading at most the
// limit. An encoding other than gzip, deflate or identity is a 415.
func (c *serverConfig) decodeContentEncoding(w http.ResponseWriter, r *http.Request, ce string) error {
	enc := strings.ToLower(strings.TrimSpace(ce))
	if enc == "identity" || enc == "" {
		return nil
	}
	if enc != "gzip" && enc != "x-gzip" && enc != "deflate" {
		return newGraphError(http.StatusUnsupportedMediaType, codeNotSupported, "The Content-Encoding %s is not supported; send gzip, deflate or identity.", ce)
	}
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	raw := http.MaxBytesReader(w, r.Body, c.maxBody)
	var dec io.ReadCloser
	var err error
	if enc == "deflate" {
		dec, err = newDeflateReader(raw)
	} else {
		dec, err = newGzipReader(raw)
	}
	switch {
	case errors.Is(err, io.EOF):
		r.Body = http.NoBody
	case err != nil:
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return newGraphError(http.StatusRequestEntityTooLarge, codeRequestTooLarge, "The request body exceeds the limit of %d bytes.", mbe.Limit)
		}
		return newGraphError(http.StatusBadRequest, codeInvalidRequest, "The request body is not valid %s data.", enc)
	default:
		r.Body = &serverDecodedBody{dec: dec, raw: raw}
	}
	r.Header.Del("Content-Encoding")
	r.Header.Del("Content-Length")
	r.ContentLength = -1
	return nil
}

// newDeflateReader reads HTTP's "deflate": a zlib stream, or the raw
// deflate data some clients send instead.
func newDeflateReader(r io.Reader) (io.ReadCloser, error) {
	br := bufio.NewReader(r)
	head, err := br.Peek(2)
	if len(head) < 2 {
		if err == nil {
			err = io.EOF
		}
		return nil, err
	}
	if head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// serverGzipReaders holds gzip readers for reuse: each holds a 32 KiB
// window and tables that would otherwise be allocated for every gzip
// request body.
var serverGzipReaders sync.Pool

// newGzipReader returns a pooled gzip reader of r (one back from Close of
// a serverDecodedBody), or a new one.
func newGzipReader(r io.Reader) (io.ReadCloser, error) {
	if z, ok := serverGzipReaders.Get().(*gzip.Reader); ok {
		if err := z.Reset(r); err != nil {
			serverGzipReaders.Put(z)
			return nil, err
		}
		return z, nil
	}
	z, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	return z, nil
}

// serverDecodedBody is a decoded request body; Close closes both streams
// and gives a gzip reader back to the pool. It is read by one goroutine
// (the handler's) and closed once the handler returned.
type serverDecodedBody struct {
	dec io.ReadCloser
	raw io.ReadCloser
}

func (b *serverDecodedBody) Read(p []byte) (int, error) {
	if b.dec == nil {
		return 0, http.ErrBodyReadAfterClose
	}
	return b.dec.Read(p)
}

func (b *serverDecodedBody) Close() error {
	if b.dec == nil {
		return nil
	}
	err := b.dec.Close()
	if z, ok := b.dec.(*gzip.Reader); ok {
		serverGzipReaders.Put(z)
	}
	b.dec = nil
	if e := b.raw.Close(); err == nil {
		err = e
	}
	return err
}

// serverAnswer is the context of one operation's call: it carries the
// status and header of the answer, which the implementation may change
// (ServerSetStatus, ServerResponseHeader). One allocation holds both.
type serverAnswer struct {
	context.Context
	status int
	header http.Header
}

type serverAnswerKey struct{}

// Value returns a itself for serverAnswerKey.
func (a *serverAnswer) Value(key any) any {
	if key == (serverAnswerKey{}) {
		return a
	}
	return a.Context.Value(key)
}

// serverAnswerContext returns the context of an operation documented to
// answer with status.
func serverAnswerContext(w http.ResponseWriter, r *http.Request, status int) (context.Context, *serverAnswer) {
	a := &serverAnswer{Context: r.Context(), status: status, header: w.Header()}
	return a, a
}

// ServerSetStatus makes the operation served with ctx answer with status
// instead of its documented one: 202 Accepted for a long-running operation
// (with a Location header to poll, and no body when the implementation
// returns a nil response), 200 for an upsert that updated, and so on. An
// error status is ignored: return a *GraphError instead. Outside an
// operation it does nothing.
func ServerSetStatus(ctx context.Context, status int) {
	if a, ok := ctx.Value(serverAnswerKey{}).(*serverAnswer); ok && status >= 200 && status < 400 {
		a.status = status
	}
}

// ServerResponseHeader returns the header of the answer of the operation
// served with ctx, for an implementation to set Location, ETag,
// Preference-Applied and the like. Outside an operation it returns an
// empty header that goes nowhere.
func ServerResponseHeader(ctx context.Context) http.Header {
	if a, ok := ctx.Value(serverAnswerKey{}).(*serverAnswer); ok {
		return a.header
	}
	return http.Header{}
}

// Graph's error codes, for implementations: each returns a *GraphError
// with the status and code Microsoft Graph answers with, and msg as its
// message. Return it from an operation (or wrap it) to answer with it.

// GraphBadRequest is 400 invalidRequest.
func GraphBadRequest(msg string) *GraphError {
	return &GraphError{Status: http.StatusBadRequest, Code: codeInvalidRequest, Message: msg}
}

// GraphUnauthenticated is 401 unauthenticated.
func GraphUnauthenticated(msg string) *GraphError {
	return &GraphError{Status: http.StatusUnauthorized, Code: "unauthenticated", Message: msg}
}

// GraphForbidden is 403 accessDenied.
func GraphForbidden(msg string) *GraphError {
	return &GraphError{Status: http.StatusForbidden, Code: "accessDenied", Message: msg}
}

// GraphNotFound is 404 itemNotFound.
func GraphNotFound(msg string) *GraphError {
	return &GraphError{Status: http.StatusNotFound, Code: codeItemNotFound, Message: msg}
}

// GraphMethodNotAllowed is 405 notAllowed.
func GraphMethodNotAllowed(msg string) *GraphError {
	return &GraphError{Status: http.StatusMethodNotAllowed, Code: codeNotAllowed, Message: msg}
}

// GraphConflict is 409 nameAlreadyExists.
func GraphConflict(msg string) *GraphError {
	return &GraphError{Status: http.StatusConflict, Code: "nameAlreadyExists", Message: msg}
}

// GraphPreconditionFailed is 412 resourceModified (an If-Match ETag that
// no longer matches).
func GraphPreconditionFailed(msg string) *GraphError {
	return &GraphError{Status: http.StatusPreconditionFailed, Code: "resourceModified", Message: msg}
}

// GraphTooManyRequests is 429 activityLimitReached.
func GraphTooManyRequests(msg string) *GraphError {
	return &GraphError{Status: http.StatusTooManyRequests, Code: "activityLimitReached", Message: msg}
}

// GraphInternalError is 500 generalException.
func GraphInternalError(msg string) *GraphError {
	return &GraphError{Status: http.StatusInternalServerError, Code: codeGeneralException, Message: msg}
}

// GraphNotImplemented is 501 notImplemented.
func GraphNotImplemented(msg string) *GraphError {
	return &GraphError{Status: http.StatusNotImplemented, Code: "notImplemented", Message: msg}
}

// GraphServiceUnavailable is 503 serviceNotAvailable.
func GraphServiceUnavailable(msg string) *GraphError {
	return &GraphError{Status: http.StatusServiceUnavailable, Code: "serviceNotAvailable", Message: msg}
}

// ODataSelect projects a JSON response body on the $select items sel: of
// an object, the members sel names (case ignored, the first path segment
// of an item), "id", and the annotations (@odata.*, and name@odata.* of a
// kept member); of a collection ({"value": [...]}) each item the same way,
// the envelope kept. Without items, or for a body that is not an object,
// it returns body unchanged. With WithODataSelect the generated server
// applies it to every answer of a request with $select; implementations may
// call it themselves.
func ODataSelect(body []byte, sel []string) ([]byte, error) {
	if len(sel) == 0 {
		return body, nil
	}
	keep := map[string]bool{"id": true}
	for _, s := range sel {
		if i := strings.IndexAny(s, "/("); i >= 0 {
			s = s[:i]
		}
		if s = strings.TrimSpace(s); s == "*" {
			return body, nil
		}
		keep[strings.ToLower(s)] = true
	}
	members, ok, err := odataMembers(body)
	if err != nil || !ok {
		return body, err
	}
	collection := false
	for _, m := range members {
		if m.Name == "value" && len(m.Value) > 0 && m.Value[0] == '[' {
			collection = true
		}
	}
	if !collection {
		return odataProject(members, keep)
	}
	for i, m := range members {
		if m.Name != "value" {
			continue
		}
		var items []json.RawMessage
		if err := json.Unmarshal(m.Value, &items); err != nil {
			return nil, err
		}
		for j, it := range items {
			im, ok, err := odataMembers(it)
			if err != nil {
				return nil, err
			}
			if ok {
				if items[j], err = odataProject(im, keep); err != nil {
					return nil, err
				}
			}
		}
		v, err := json.Marshal(items)
		if err != nil {
			return nil, err
		}
		members[i].Value = v
	}
	return json.Marshal(members)
}

// odataMembers returns the members of a JSON object in order; ok is false
// when data is not an object.
func odataMembers(data []byte) (JSONMembers, bool, error) {
	t := bytes.TrimSpace(data)
	if len(t) == 0 || t[0] != '{' {
		return nil, false, nil
	}
	var m JSONMembers
	if err := m.UnmarshalJSON(t); err != nil {
		return nil, false, err
	}
	return m, true, nil
}

// odataProject keeps the members of an object that keep names, and
// annotations.
func odataProject(members JSONMembers, keep map[string]bool) ([]byte, error) {
	out := make(JSONMembers, 0, len(members))
	for _, m := range members {
		name := m.Name
		if i := strings.IndexByte(name, '@'); i == 0 {
			out = append(out, m)
			continue
		} else if i > 0 {
			name = name[:i]
		}
		if keep[strings.ToLower(name)] {
			out = append(out, m)
		}
	}
	return out.MarshalJSON()
}

// WithODataSelect makes the server project every JSON answer of a request
// with $select on the selected members (ODataSelect), as Graph does. It is
// off by default: the server answers what the implementation returns, so a
// documented response that shows more than its request selects (the docs
// often do) still round-trips.
func WithODataSelect() ServerOption {
	return func(c *serverConfig) { c.selectAnswers = true }
}

// WithStrictBody makes a request body member that no property of the
// documented types holds (it would land in Extra), or a member given twice
// in one object, a 400 invalidRequest naming it as the target. By default
// both are accepted, as Graph accepts them: unknown members are kept in
// Extra, and the last of duplicate members wins.
func WithStrictBody() ServerOption {
	return func(c *serverConfig) { c.strict = true }
}

// strictBody reports the duplicate members of the JSON document data and
// the unknown members of the decoded v (names in an Extra that are not
// annotations) as a *ValidationError.
func strictBody(data []byte, v any) error {
	var p problems
	strictDuplicates(&p, data, "")
	strictUnknown(&p, reflect.ValueOf(v), "")
	return p.Err()
}

// strictDuplicates reports members that occur twice in an object of data,
// at any depth.
func strictDuplicates(p *problems, data []byte, base string) {
	t := bytes.TrimSpace(data)
	if len(t) == 0 {
		return
	}
	switch t[0] {
	case '{':
		seen := map[string]bool{}
		_ = decodeObject(t, nil, func(name string, value []byte) (bool, error) {
			at := pointerJoin(base, name)
			if seen[name] {
				p.Add(at, "duplicateMember", "the member %s is given more than once", name)
			}
			seen[name] = true
			strictDuplicates(p, value, at)
			return true, nil
		})
	case '[':
		var items []json.RawMessage
		if json.Unmarshal(t, &items) == nil {
			for i, it := range items {
				strictDuplicates(p, it, base+"/"+strconv.Itoa(i))
			}
		}
	}
}

// strictUnknown reports the members of generated structs under v that no
// field holds: the names in their Extra that are not annotations.
func strictUnknown(p *problems, v reflect.Value, base string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			strictUnknown(p, v.Elem(), base)
		}
	case reflect.Slice, reflect.Array:
		if v.Type() == jsonMembersType {
			return
		}
		for i := range v.Len() {
			strictUnknown(p, v.Index(i), base+"/"+strconv.Itoa(i))
		}
	case reflect.Struct:
		t := v.Type()
		if isOptType(t) {
			if OptState(v.FieldByName("State").Uint()) == OptPresent {
				strictUnknown(p, v.FieldByName("Value"), base)
			}
			return
		}
		fields := map[string]bool{}
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			fields[name] = true
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if f.Type == jsonMembersType {
				for _, m := range v.Field(i).Interface().(JSONMembers) {
					// A null a collection field cannot hold is kept in
					// Extra too; it is documented.
					if !strings.Contains(m.Name, "@") && !fields[m.Name] {
						p.Add(pointerJoin(base, m.Name), "unknownMember", "the member %s is not a documented property", m.Name)
					}
				}
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			strictUnknown(p, v.Field(i), pointerJoin(base, name))
		}
	}
}
