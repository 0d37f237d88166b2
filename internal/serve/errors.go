package serve

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	edm "github.com/docgen-dev/docgen/templates/runtime"
)

// GraphError is Microsoft Graph's error format: the generated runtime's
// type itself (templates/runtime/graph_error.go), so that both servers
// write the same members. GraphErrorDetail is one entry of its Details (for
// a validation failure the problem code and the JSON Pointer of the
// member), GraphInnerError the request identification.
type (
	GraphError       = edm.GraphError
	GraphErrorDetail = edm.GraphErrorDetail
	GraphInnerError  = edm.GraphInnerError
)

// The Graph error codes the server uses (the generated runtime's).
const (
	codeInvalidRequest   = "invalidRequest"
	codeGeneralException = "generalException"
	codeItemNotFound     = "itemNotFound"
	codeNotSupported     = "notSupported"
	codeNotAllowed       = "notAllowed"
	codeRequestTooLarge  = "requestEntityTooLarge"
)

func newGraphError(status int, code, format string, args ...any) *GraphError {
	return &GraphError{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// problem is one validation problem: the runtime's type.
type problem = edm.ValidationProblem

// validationError turns problems into the 400 the runtime's
// validationGraphError writes.
func validationError(list []problem, omitted int) *GraphError {
	ge := &GraphError{
		Status:  http.StatusBadRequest,
		Code:    codeInvalidRequest,
		Message: "The request body is invalid.",
		Details: make([]GraphErrorDetail, 0, len(list)),
	}
	if len(list) == 1 && omitted == 0 {
		ge.Message = "The request body is invalid: " + list[0].Message
	} else if omitted > 0 {
		ge.Message = fmt.Sprintf("The request body is invalid: %d problems, the last %d not listed.", len(list)+omitted, omitted)
	}
	for _, p := range list {
		ge.Details = append(ge.Details, GraphErrorDetail{Code: p.Code, Message: p.Message, Target: p.Path})
	}
	return ge
}

// writeGraphError writes ge with the request identification filled in.
func writeGraphError(w http.ResponseWriter, r *http.Request, ge *GraphError) {
	if ge.InnerError == nil {
		ge.InnerError = &GraphInnerError{}
	}
	ie := ge.InnerError
	if ie.RequestID == "" {
		ie.RequestID = newRequestID()
	}
	if ie.Date == "" {
		ie.Date = time.Now().UTC().Format("2006-01-02T15:04:05")
	}
	if ie.ClientRequestID == "" && r != nil {
		ie.ClientRequestID = clientRequestID(r)
	}
	body, err := json.Marshal(struct {
		Error *GraphError `json:"error"`
	}{ge})
	if err != nil {
		body = []byte(`{"error":{"code":"generalException","message":"An internal server error occurred."}}`)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("request-id", ie.RequestID)
	if ie.ClientRequestID != "" {
		h.Set("client-request-id", ie.ClientRequestID)
	}
	status := ge.Status
	if status < 400 || status > 599 {
		status = http.StatusInternalServerError
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// clientRequestID returns the client's request id when it is usable (at
// most 128 visible ASCII characters).
func clientRequestID(r *http.Request) string {
	// (The header's canonical name, so that looking it up does not
	// canonicalize it per request.)
	var v string
	if vs := r.Header["Client-Request-Id"]; len(vs) > 0 {
		v = vs[0]
	}
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

// newRequestID returns a random version 4 UUID.
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hex = "0123456789abcdef"
	out := make([]byte, 0, 36)
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hex[c>>4], hex[c&0x0f])
	}
	return string(out)
}
