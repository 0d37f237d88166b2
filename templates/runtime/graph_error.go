package runtime

// This file holds the Microsoft Graph error format: the error type that
// server implementations return and that the handler adapter (server.go)
// writes, and the mapping from any error to it.

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"
)

// GraphError is an error in Microsoft Graph's JSON error format:
//
//	{"error": {"code": "...", "message": "...", "target": "...",
//	           "details": [{"code": "...", "message": "...", "target": "..."}],
//	           "innerError": {"date": "...", "request-id": "...", "client-request-id": "..."}}}
//
// A server implementation returns a *GraphError to answer with its Status
// and Code; any other error becomes a 500 generalException that does not
// reveal the error's text. Status 0 means 500. The handler adapter fills
// InnerError (date, request-id, client-request-id) when it is nil.
type GraphError struct {
	// Status is the HTTP status code; it is not part of the JSON.
	Status int `json:"-"`
	// Code is Graph's error code: "invalidRequest", "itemNotFound",
	// "generalException", ...
	Code    string `json:"code"`
	Message string `json:"message"`
	// Target is what the error is about, for instance the JSON Pointer of
	// a request body member.
	Target     string             `json:"target,omitempty"`
	Details    []GraphErrorDetail `json:"details,omitempty"`
	InnerError *GraphInnerError   `json:"innerError,omitempty"`
}

// GraphErrorDetail is one entry of GraphError.Details. For a validation
// failure Code is the problem code ("required", "enum.unknown", ...) and
// Target the JSON Pointer of the member.
type GraphErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Target  string `json:"target,omitempty"`
}

// GraphInnerError carries the request identification Graph returns with
// every error: the server-assigned request id, the client's own id echoed from
// the client-request-id header, and the UTC time of the error.
type GraphInnerError struct {
	Date            string `json:"date,omitempty"`
	RequestID       string `json:"request-id,omitempty"`
	ClientRequestID string `json:"client-request-id,omitempty"`
}

// Error formats e as "404 itemNotFound: message".
func (e *GraphError) Error() string {
	s := strconv.Itoa(e.status()) + " " + e.Code
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// status returns e.Status, or 500 when it is not an HTTP error status.
func (e *GraphError) status() int {
	if e.Status < 400 || e.Status > 599 {
		return http.StatusInternalServerError
	}
	return e.Status
}

// The Graph error codes the adapter itself uses.
const (
	codeInvalidRequest   = "invalidRequest"
	codeGeneralException = "generalException"
	codeItemNotFound     = "itemNotFound"
	codeNotSupported     = "notSupported"
	codeNotAllowed       = "notAllowed"
	codeRequestTooLarge  = "requestEntityTooLarge"
)

// newGraphError returns a GraphError without details.
func newGraphError(status int, code, format string, args ...any) *GraphError {
	return &GraphError{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// ServerPanicError is the error a recovered panic of a server
// implementation is reported as to the error handler (WithErrorHandler).
// Clients only ever see a 500 generalException; Value and Stack are for
// logging.
type ServerPanicError struct {
	// Value is the value passed to panic.
	Value any
	// Stack is the goroutine's stack trace at the panic.
	Stack []byte
}

// Error formats the panic value.
func (e *ServerPanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// toGraphError maps any error to the Graph error the client gets:
//
//   - a *GraphError (anywhere in the chain) is copied, keeping its status
//     and code;
//   - a *ValidationError becomes 400 invalidRequest with one detail per
//     problem, its JSON Pointer as the target;
//   - anything else, including a *ServerPanicError, becomes 500
//     generalException with a fixed message, so nothing internal leaks.
//
// The result is always a fresh value the caller may modify.
func toGraphError(err error) *GraphError {
	var ge *GraphError
	if errors.As(err, &ge) && ge != nil {
		c := *ge
		c.Status = ge.status()
		c.Details = append([]GraphErrorDetail(nil), ge.Details...)
		if ge.InnerError != nil {
			ie := *ge.InnerError
			c.InnerError = &ie
		}
		return &c
	}
	var ve *ValidationError
	if errors.As(err, &ve) && ve != nil {
		return validationGraphError(ve)
	}
	return &GraphError{
		Status:  http.StatusInternalServerError,
		Code:    codeGeneralException,
		Message: "An internal server error occurred.",
	}
}

// validationGraphError turns validation problems into a 400 invalidRequest
// error with one detail per problem, in the problems' order.
func validationGraphError(ve *ValidationError) *GraphError {
	ge := &GraphError{
		Status:  http.StatusBadRequest,
		Code:    codeInvalidRequest,
		Message: "The request body is invalid.",
		Details: make([]GraphErrorDetail, 0, len(ve.Problems)),
	}
	if len(ve.Problems) == 1 && ve.Omitted == 0 {
		ge.Message = "The request body is invalid: " + ve.Problems[0].Message
	} else if ve.Omitted > 0 {
		ge.Message = fmt.Sprintf("The request body is invalid: %d problems, the last %d not listed.", len(ve.Problems)+ve.Omitted, ve.Omitted)
	}
	for _, p := range ve.Problems {
		ge.Details = append(ge.Details, GraphErrorDetail{Code: p.Code, Message: p.Message, Target: p.Path})
	}
	return ge
}

// graphErrorBody is the JSON envelope of a GraphError.
type graphErrorBody struct {
	Error *GraphError `json:"error"`
}

// decodeGraphError parses a Graph error response body.
func decodeGraphError(body []byte) (*GraphError, error) {
	var env graphErrorBody
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, err
	}
	if env.Error == nil {
		return nil, errors.New(`no "error" member`)
	}
	return env.Error, nil
}

// writeGraphError writes ge as the response: the JSON envelope with the
// request identification filled in, Content-Type, and the request-id and
// client-request-id headers Graph sends.
func writeGraphError(w http.ResponseWriter, r *http.Request, ge *GraphError) {
	if ge.InnerError == nil {
		ge.InnerError = &GraphInnerError{}
	}
	ie := ge.InnerError
	if ie.RequestID == "" {
		ie.RequestID = w.Header().Get("request-id")
	}
	if ie.RequestID == "" {
		ie.RequestID = newRequestID()
	}
	if ie.Date == "" {
		ie.Date = time.Now().UTC().Format("2006-01-02T15:04:05")
	}
	if ie.ClientRequestID == "" && r != nil {
		ie.ClientRequestID = clientRequestID(r)
	}
	body, err := json.Marshal(graphErrorBody{Error: ge})
	if err != nil {
		// Only strings and slices of strings: unreachable, but never
		// answer without a body.
		body = []byte(`{"error":{"code":"generalException","message":"An internal server error occurred."}}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("request-id", ie.RequestID)
	if ie.ClientRequestID != "" {
		h.Set("client-request-id", ie.ClientRequestID)
	}
	w.WriteHeader(ge.status())
	_, _ = w.Write(body)
}

// clientRequestID returns the client's request id, when it sent a usable
// one (at most 128 visible ASCII characters; anything else is not echoed).
func clientRequestID(r *http.Request) string {
	v := r.Header.Get("client-request-id")
	if len(v) > 128 {
		return ""
	}
	for i := 0; i < len(v); i++ {
		if v[i] <= ' ' || v[i] > '~' {
			return ""
		}
	}
	return v
}

// newRequestID returns a version 4 UUID, the form of Graph's request-id:
// random bits drawn once per process, and a counter, so ids are unique
// without reading the system's random source on every request.
func newRequestID() string {
	n := requestIDCounter.Add(1)
	var b [16]byte
	copy(b[:8], requestIDBase[:])
	for i := 15; i >= 8; i-- {
		b[i] = requestIDBase[i] ^ byte(n)
		n >>= 8
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hex = "0123456789abcdef"
	var out [36]byte
	j := 0
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out[j] = '-'
			j++
		}
		out[j], out[j+1] = hex[c>>4], hex[c&0x0f]
		j += 2
	}
	return string(out[:])
}

var (
	requestIDBase    = func() (b [16]byte) { _, _ = rand.Read(b[:]); return b }()
	requestIDCounter atomic.Uint64
)
