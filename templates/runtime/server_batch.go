package runtime

// This file serves JSON batching, POST {prefix}/$batch, as Graph's SDKs
// send it: up to 20 requests, each answered by the same routes and
// handlers as a request of its own, with dependsOn ordering.

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// serverBatchMax is the most requests one batch may hold, as in Graph.
const serverBatchMax = 20

// serverBatchRequest is one request of a batch.
type serverBatchRequest struct {
	ID        string            `json:"id"`
	Method    string            `json:"method"`
	URL       string            `json:"url"`
	Headers   map[string]string `json:"headers,omitempty"`
	Body      json.RawMessage   `json:"body,omitempty"`
	DependsOn []string          `json:"dependsOn,omitempty"`
}

// serverBatchResponse is one answer of a batch.
type serverBatchResponse struct {
	ID      string            `json:"id"`
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers,omitempty"`
	Body    json.RawMessage   `json:"body,omitempty"`
}

// serveBatch answers a JSON batch: the requests run in order through the
// Server's routes; one whose dependsOn names a request that failed (or has
// not run before it) answers 424 Failed Dependency. A batch that is not
// valid JSON, holds no request or more than 20, or has a request without
// an id, method or relative url, or ids that repeat, is a 400.
func (s *Server) serveBatch(w http.ResponseWriter, r *http.Request) {
	serverLimitBody(s.cfg, w, r)
	var batch struct {
		Requests []serverBatchRequest `json:"requests"`
	}
	if err := decodeBodyInto(r, "", &batch); err != nil {
		s.cfg.fail(w, r, err)
		return
	}
	if err := checkBatch(batch.Requests); err != nil {
		s.cfg.fail(w, r, err)
		return
	}
	status := map[string]int{}
	out := struct {
		Responses []serverBatchResponse `json:"responses"`
	}{Responses: make([]serverBatchResponse, 0, len(batch.Requests))}
	for _, br := range batch.Requests {
		res := s.batchOne(r, br, status)
		status[br.ID] = res.Status
		out.Responses = append(out.Responses, res)
	}
	writeJSON(s.cfg, w, r, http.StatusOK, out)
}

// checkBatch checks the shape of a batch.
func checkBatch(reqs []serverBatchRequest) error {
	bad := func(format string, args ...any) error {
		return newGraphError(http.StatusBadRequest, codeInvalidRequest, format, args...)
	}
	if len(reqs) == 0 {
		return bad("The batch holds no request.")
	}
	if len(reqs) > serverBatchMax {
		return bad("The batch holds %d requests; at most %d are allowed.", len(reqs), serverBatchMax)
	}
	ids := map[string]bool{}
	for i, br := range reqs {
		switch {
		case br.ID == "":
			return bad("Request %d of the batch has no id.", i)
		case ids[br.ID]:
			return bad("The id %q is used by more than one request of the batch.", br.ID)
		case br.Method == "":
			return bad("Request %q of the batch has no method.", br.ID)
		case br.URL == "" || strings.Contains(br.URL, "://"):
			return bad("Request %q of the batch needs a url relative to the version, such as /me.", br.ID)
		}
		ids[br.ID] = true
	}
	for _, br := range reqs {
		for _, d := range br.DependsOn {
			if !ids[d] {
				return bad("Request %q of the batch depends on %q, which the batch does not hold.", br.ID, d)
			}
		}
	}
	return nil
}

// batchOne serves one request of a batch.
func (s *Server) batchOne(r *http.Request, br serverBatchRequest, status map[string]int) serverBatchResponse {
	for _, d := range br.DependsOn {
		if st, ran := status[d]; !ran || st >= 400 {
			return batchError(br.ID, GraphError{Status: http.StatusFailedDependency, Code: "failedDependency",
				Message: "The request depends on request " + strconv.Quote(d) + ", which did not succeed before it."})
		}
	}
	target := br.URL
	if !strings.HasPrefix(target, "/") {
		target = "/" + target
	}
	u, err := url.ParseRequestURI(s.cfg.prefix + target)
	if err != nil || strings.HasSuffix(u.Path, "/$batch") {
		return batchError(br.ID, GraphError{Status: http.StatusBadRequest, Code: codeInvalidRequest, Message: "The request url is not valid."})
	}
	var body []byte
	if len(br.Body) > 0 && !isNull(br.Body) {
		body = br.Body
	}
	sub, err := http.NewRequestWithContext(r.Context(), strings.ToUpper(br.Method), u.String(), bytes.NewReader(body))
	if err != nil {
		return batchError(br.ID, GraphError{Status: http.StatusBadRequest, Code: codeInvalidRequest, Message: "The request method is not valid."})
	}
	sub.RemoteAddr, sub.Host = r.RemoteAddr, r.Host
	for k, v := range br.Headers {
		sub.Header.Set(k, v)
	}
	if body != nil && sub.Header.Get("Content-Type") == "" {
		sub.Header.Set("Content-Type", "application/json")
	}
	for _, k := range []string{"Authorization", "client-request-id"} {
		if v := r.Header.Get(k); v != "" && sub.Header.Get(k) == "" {
			sub.Header.Set(k, v)
		}
	}
	rec := &batchRecorder{header: http.Header{}}
	if s.serverPrepare(rec, sub) {
		db, _ := sub.Body.(*serverDecodedBody)
		s.mux.ServeHTTP(rec, sub)
		if db != nil {
			_ = db.Close()
		}
	}
	res := serverBatchResponse{ID: br.ID, Status: rec.status, Headers: map[string]string{}}
	if res.Status == 0 {
		res.Status = http.StatusOK
	}
	for k, v := range rec.header {
		if k != "Content-Length" && len(v) > 0 {
			res.Headers[k] = v[0]
		}
	}
	if b := bytes.TrimSpace(rec.body.Bytes()); len(b) > 0 {
		if json.Valid(b) {
			res.Body = b
		} else {
			res.Body, _ = json.Marshal(string(b))
		}
	}
	return res
}

// batchError is a batch answer holding a Graph error.
func batchError(id string, ge GraphError) serverBatchResponse {
	body, err := json.Marshal(graphErrorBody{Error: &ge})
	if err != nil {
		body = nil
	}
	return serverBatchResponse{ID: id, Status: ge.Status, Headers: map[string]string{"Content-Type": "application/json"}, Body: body}
}

// batchRecorder is the http.ResponseWriter of one batch request.
type batchRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *batchRecorder) Header() http.Header { return b.header }

func (b *batchRecorder) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

func (b *batchRecorder) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	if b.body.Len()+len(p) > 64<<20 {
		return 0, errors.New("batch response too large")
	}
	return b.body.Write(p)
}
