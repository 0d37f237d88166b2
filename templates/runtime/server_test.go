package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// This file tests the handler adapter the way generated code uses it: a
// hand-written operation (tagged request type, server interface, the
// Servers struct and NewServer of a generated package) served by
// httptest.NewServer and called with a real HTTP client.

const srvtOpCreate Op = "create-srvtimage"

// srvtImage is a request/response body with operation rules.
type srvtImage struct {
	ID          string `json:"id,omitempty"`
	DisplayName string `json:"displayName,omitempty"`
	Status      string `json:"status,omitempty"`
	Panic       bool   `json:"panic,omitempty"`
	Fail        string `json:"fail,omitempty"`
}

func (v *srvtImage) ValidateFor(op Op) error {
	var p problems
	if op == srvtOpCreate && v.DisplayName == "" {
		p.Add("/displayName", "required", "displayName is required")
	}
	if op == srvtOpCreate && v.ID != "" {
		p.Add("/id", "readOnly", "id is read-only")
	}
	if v.Status != "" && v.Status != "ready" && v.Status != "failed" {
		p.Add("/status", "enum.unknown", "status: %q is not one of ready, failed", v.Status)
	}
	return p.Err()
}

type srvtCreateRequest struct {
	ClientRequestID string `header:"client-request-id"`
	Query           ODataQuery
	Body            *srvtImage
}

type srvtGetRequest struct {
	ImageID string `path:"imageID"`
	Query   ODataQuery
}

type srvtReportRequest struct {
	Period string `path:"period"`
	Date   string `path:"date"`
	Query  ODataQuery
}

// srvtHandler is the opHandler of a hand-written operation: call gets the
// bound request.
func srvtHandler(cfg *serverConfig, op Op, kind answerKind, status int, req any, call func(ctx context.Context, req any) (any, error)) http.Handler {
	return &opHandler{cfg: cfg, op: op, kind: kind, status: status, reqType: reflect.TypeOf(req).Elem(),
		call: func(_ any, ctx context.Context, req any) (any, error) { return call(ctx, req) }}
}

// handleJSON, handleNoContent and handleRedirect are srvtHandler for a
// method value, as these tests write their routes.
func handleJSON[Req, Resp any](cfg *serverConfig, status int, call func(context.Context, *Req) (*Resp, error)) http.Handler {
	return srvtHandler(cfg, "", answerJSON, status, (*Req)(nil), func(ctx context.Context, req any) (any, error) { return call(ctx, req.(*Req)) })
}

func handleNoContent[Req any](cfg *serverConfig, status int, call func(context.Context, *Req) error) http.Handler {
	return srvtHandler(cfg, "", answerNoContent, status, (*Req)(nil), func(ctx context.Context, req any) (any, error) { return nil, call(ctx, req.(*Req)) })
}

func handleRedirect[Req any](cfg *serverConfig, status int, call func(context.Context, *Req) (string, error)) http.Handler {
	return srvtHandler(cfg, "", answerRedirect, status, (*Req)(nil), func(ctx context.Context, req any) (any, error) { return call(ctx, req.(*Req)) })
}

// srvtImagesServer is the hand-written equivalent of a generated group.
type srvtImagesServer interface {
	CreateImage(ctx context.Context, req *srvtCreateRequest) (*srvtImage, error)
	GetImage(ctx context.Context, req *srvtGetRequest) (*srvtImage, error)
	DeleteImage(ctx context.Context, req *srvtGetRequest) error
}

func srvtImagesRoutes(cfg *serverConfig, srv srvtImagesServer) []serverRoute {
	return []serverRoute{
		{method: "POST", pattern: "/deviceManagement/images", handler: srvtHandler(cfg, srvtOpCreate, answerJSON, http.StatusCreated, (*srvtCreateRequest)(nil),
			func(ctx context.Context, req any) (any, error) { return srv.CreateImage(ctx, req.(*srvtCreateRequest)) })},
		{method: "GET", pattern: "/deviceManagement/images/{imageID}", handler: handleJSON(cfg, http.StatusOK, srv.GetImage)},
		{method: "DELETE", pattern: "/deviceManagement/images/{imageID}", handler: handleNoContent(cfg, http.StatusNoContent, srv.DeleteImage)},
	}
}

// srvtReportsServer is a second group: two functions under one wildcard and
// a key segment.
type srvtReportsServer interface {
	GetDaily(ctx context.Context, req *srvtReportRequest) (*srvtImage, error)
	GetWeekly(ctx context.Context, req *srvtReportRequest) (*srvtImage, error)
	GetByKey(ctx context.Context, req *srvtReportRequest) (*srvtImage, error)
}

func srvtReportsRoutes(cfg *serverConfig, srv srvtReportsServer) []serverRoute {
	return []serverRoute{
		{method: "GET", pattern: "/reports/{seg1}", segments: []serverSegment{{wildcard: "seg1", name: "getDaily", params: []serverSegmentParam{{arg: "period", path: "period"}}}},
			handler: handleJSON(cfg, http.StatusOK, srv.GetDaily)},
		{method: "GET", pattern: "/reports/{seg1}", segments: []serverSegment{{wildcard: "seg1", name: "getWeekly", params: []serverSegmentParam{{arg: "period", path: "period"}, {arg: "date", path: "date"}}}},
			handler: handleJSON(cfg, http.StatusOK, srv.GetWeekly)},
		{method: "GET", pattern: "/keyed/{seg1}/x", segments: []serverSegment{{wildcard: "seg1", name: "items", params: []serverSegmentParam{{path: "period"}}}},
			handler: handleJSON(cfg, http.StatusOK, srv.GetByKey)},
		// OneDrive path addressing: "root:/{item-path}:" and
		// "{parent-id}:/{file-name}:".
		{method: "GET", pattern: "/drive/{seg2}/x", segments: []serverSegment{{wildcard: "seg2", name: "root:", params: []serverSegmentParam{{path: "period"}}}},
			handler: handleJSON(cfg, http.StatusOK, srv.GetByKey)},
		{method: "GET", pattern: "/drive/items/{seg3}/x", segments: []serverSegment{{wildcard: "seg3", name: ":", params: []serverSegmentParam{{path: "period"}, {path: "date"}}}},
			handler: handleJSON(cfg, http.StatusOK, srv.GetWeekly)},
	}
}

// srvtContentServer is a third group: a raw (non-JSON) request body and a
// redirect answer, as for a photo upload and a download.
type srvtContentServer interface {
	PutContent(ctx context.Context, req *srvtContentRequest) error
	GetContent(ctx context.Context, req *srvtContentRequest) (string, error)
}

type srvtContentRequest struct {
	ItemID string `path:"itemID"`
	Body   []byte
}

func srvtContentRoutes(cfg *serverConfig, srv srvtContentServer) []serverRoute {
	return []serverRoute{
		{method: "PUT", pattern: "/items/{itemID}/content", handler: handleNoContent(cfg, http.StatusNoContent, srv.PutContent)},
		{method: "GET", pattern: "/items/{itemID}/content", handler: handleRedirect(cfg, http.StatusFound, srv.GetContent)},
	}
}

// srvtServers and newSrvtServer are the hand-written equivalents of a
// generated package's Servers and NewServer: a nil group is not served.
type srvtServers struct {
	Images  srvtImagesServer
	Reports srvtReportsServer
	Content srvtContentServer
}

func newSrvtServer(impl srvtServers, opts ...ServerOption) *Server {
	s := newServer(opts)
	if impl.Images != nil {
		s.add(srvtImagesRoutes(s.cfg, impl.Images))
	}
	if impl.Reports != nil {
		s.add(srvtReportsRoutes(s.cfg, impl.Reports))
	}
	if impl.Content != nil {
		s.add(srvtContentRoutes(s.cfg, impl.Content))
	}
	return s
}

type srvtImpl struct {
	mu      sync.Mutex
	lastReq any
	content []byte
}

func (s *srvtImpl) record(req any) {
	s.mu.Lock()
	s.lastReq = req
	s.mu.Unlock()
}

func (s *srvtImpl) CreateImage(ctx context.Context, req *srvtCreateRequest) (*srvtImage, error) {
	s.record(req)
	switch {
	case req.Body.Panic:
		panic("secret internal detail")
	case req.Body.Fail == "graph":
		return nil, fmt.Errorf("wrapped: %w", &GraphError{Status: http.StatusConflict, Code: "nameAlreadyExists", Message: "An image with this name exists."})
	case req.Body.Fail == "plain":
		return nil, errors.New("database password is hunter2")
	case req.Body.Fail == "nil":
		return nil, nil
	}
	out := *req.Body
	out.ID = "img-1"
	return &out, nil
}

func (s *srvtImpl) GetImage(ctx context.Context, req *srvtGetRequest) (*srvtImage, error) {
	s.record(req)
	if req.ImageID == "missing" {
		return nil, &GraphError{Status: http.StatusNotFound, Code: "itemNotFound", Message: "No image " + req.ImageID + "."}
	}
	return &srvtImage{ID: req.ImageID, DisplayName: "x"}, nil
}

func (s *srvtImpl) DeleteImage(ctx context.Context, req *srvtGetRequest) error {
	s.record(req)
	return nil
}

func (s *srvtImpl) GetDaily(ctx context.Context, req *srvtReportRequest) (*srvtImage, error) {
	s.record(req)
	return &srvtImage{ID: "daily", DisplayName: req.Period}, nil
}

func (s *srvtImpl) GetWeekly(ctx context.Context, req *srvtReportRequest) (*srvtImage, error) {
	s.record(req)
	return &srvtImage{ID: "weekly", DisplayName: req.Period + "/" + req.Date}, nil
}

func (s *srvtImpl) PutContent(ctx context.Context, req *srvtContentRequest) error {
	s.record(req)
	s.mu.Lock()
	s.content = req.Body
	s.mu.Unlock()
	return nil
}

func (s *srvtImpl) GetContent(ctx context.Context, req *srvtContentRequest) (string, error) {
	s.record(req)
	if req.ItemID == "none" {
		return "", nil
	}
	return "https://example.com/download/" + req.ItemID, nil
}

func (s *srvtImpl) GetByKey(ctx context.Context, req *srvtReportRequest) (*srvtImage, error) {
	s.record(req)
	return &srvtImage{ID: "key", DisplayName: req.Period}, nil
}

// srvtServe starts a server with both groups under /beta.
func srvtServe(t *testing.T, opts ...ServerOption) (*httptest.Server, *srvtImpl) {
	t.Helper()
	impl := &srvtImpl{}
	opts = append([]ServerOption{WithPrefix("/beta")}, opts...)
	ts := httptest.NewServer(newSrvtServer(srvtServers{Images: impl, Reports: impl, Content: impl}, opts...))
	t.Cleanup(ts.Close)
	return ts, impl
}

type srvtResult struct {
	status int
	header http.Header
	body   []byte
}

func srvtDo(t *testing.T, ts *httptest.Server, method, path, contentType, body string, hdr ...string) srvtResult {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	client := *ts.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return srvtResult{status: resp.StatusCode, header: resp.Header, body: b}
}

// srvtGraphError checks that res is a Graph error with the status and code
// and returns it.
func srvtGraphError(t *testing.T, res srvtResult, status int, code string) *GraphError {
	t.Helper()
	if res.status != status {
		t.Errorf("status = %d, want %d; body %s", res.status, status, res.body)
	}
	if ct := res.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	ge, err := decodeGraphError(res.body)
	if err != nil {
		t.Fatalf("body is not a Graph error: %v\n%s", err, res.body)
	}
	if ge.Code != code {
		t.Errorf("code = %q, want %q; body %s", ge.Code, code, res.body)
	}
	if ge.Message == "" {
		t.Errorf("empty message: %s", res.body)
	}
	if ge.InnerError == nil || len(ge.InnerError.RequestID) != 36 || len(ge.InnerError.Date) != len("2006-01-02T15:04:05") {
		t.Errorf("innerError lacks request-id or date: %s", res.body)
	} else if got := res.header.Get("request-id"); got != ge.InnerError.RequestID {
		t.Errorf("request-id header %q != innerError %q", got, ge.InnerError.RequestID)
	}
	return ge
}

func TestServerCreate(t *testing.T) {
	// Without WithODataSelect the answer is what the implementation
	// returned, whatever $select says.
	plain, _ := srvtServe(t)
	res0 := srvtDo(t, plain, "POST", "/beta/deviceManagement/images?$select=id,displayName", "application/json",
		`{"displayName":"Win11","status":"ready"}`)
	if !strings.Contains(string(res0.body), `"status"`) {
		t.Errorf("$select applied without WithODataSelect: %s", res0.body)
	}
	ts, impl := srvtServe(t, WithODataSelect())
	res := srvtDo(t, ts, "POST", "/beta/deviceManagement/images?$select=id,displayName&top=5", "application/json; charset=utf-8",
		`{"displayName":"Win11","status":"ready"}`, "client-request-id", "abc-123")
	if res.status != http.StatusCreated {
		t.Fatalf("status = %d, want 201; body %s", res.status, res.body)
	}
	var got map[string]any
	if err := json.Unmarshal(res.body, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"id": "img-1", "displayName": "Win11"} // $select applied
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("body mismatch (-want +got):\n%s", diff)
	}
	if res.header.Get("client-request-id") != "abc-123" {
		t.Errorf("client-request-id not echoed: %v", res.header)
	}
	req := impl.lastReq.(*srvtCreateRequest)
	if diff := cmp.Diff([]string{"id", "displayName"}, req.Query.Select); diff != "" {
		t.Errorf("Select (-want +got):\n%s", diff)
	}
	if req.Query.Top != Some(5) || req.ClientRequestID != "abc-123" {
		t.Errorf("Top = %v, ClientRequestID = %q", req.Query.Top, req.ClientRequestID)
	}
}

func TestServerErrors(t *testing.T) {
	ts, _ := srvtServe(t, WithMaxBodyBytes(256))
	const create = "/beta/deviceManagement/images"
	tests := []struct {
		name                string
		method, path, ctype string
		body                string
		status              int
		code                string
		targets             []string // want detail targets (validation), nil to skip
		notIn               string   // text that must not appear in the body
	}{
		{name: "wrong method", method: "PUT", path: create, ctype: "application/json", body: `{}`, status: 405, code: "notAllowed"},
		{name: "wrong content type", method: "POST", path: create, ctype: "text/plain", body: `{"displayName":"a"}`, status: 415, code: "notSupported"},
		{name: "no content type", method: "POST", path: create, body: `{"displayName":"a"}`, status: 415, code: "notSupported"},
		{name: "malformed JSON", method: "POST", path: create, ctype: "application/json", body: `{"displayName":`, status: 400, code: "invalidRequest"},
		{name: "wrong JSON type", method: "POST", path: create, ctype: "application/json", body: `{"displayName":5}`, status: 400, code: "invalidRequest"},
		{name: "empty body", method: "POST", path: create, ctype: "application/json", body: ``, status: 400, code: "invalidRequest"},
		{name: "oversized body", method: "POST", path: create, ctype: "application/json", body: `{"displayName":"` + strings.Repeat("x", 300) + `"}`, status: 413, code: "requestEntityTooLarge"},
		{name: "unknown route", method: "GET", path: "/beta/deviceManagement/nothing", status: 404, code: "itemNotFound"},
		{name: "unknown route deeper", method: "POST", path: create + "/a/b", ctype: "application/json", body: `{}`, status: 404, code: "itemNotFound"},
		{name: "trailing slash ignored", method: "POST", path: create + "/", ctype: "application/json", body: `{}`, status: 400, code: "invalidRequest"},
		{name: "validation", method: "POST", path: create, ctype: "application/json", body: `{"id":"x","status":"bogus"}`, status: 400, code: "invalidRequest",
			targets: []string{"/displayName", "/id", "/status"}},
		{name: "panic", method: "POST", path: create, ctype: "application/json", body: `{"displayName":"a","panic":true}`, status: 500, code: "generalException", notIn: "secret"},
		{name: "plain error", method: "POST", path: create, ctype: "application/json", body: `{"displayName":"a","fail":"plain"}`, status: 500, code: "generalException", notIn: "hunter2"},
		{name: "nil response", method: "POST", path: create, ctype: "application/json", body: `{"displayName":"a","fail":"nil"}`, status: 500, code: "generalException"},
		{name: "graph error kept", method: "POST", path: create, ctype: "application/json", body: `{"displayName":"a","fail":"graph"}`, status: 409, code: "nameAlreadyExists"},
		{name: "bad $top", method: "GET", path: "/beta/deviceManagement/images/1?$top=-1", status: 400, code: "invalidRequest"},
		{name: "bad query escape", method: "GET", path: "/beta/deviceManagement/images/1?$filter=%zz", status: 400, code: "invalidRequest"},
		{name: "not found from implementation", method: "GET", path: "/beta/deviceManagement/images/missing", status: 404, code: "itemNotFound"},
		{name: "function not documented", method: "GET", path: "/beta/reports/getMonthly(period='D7')", status: 404, code: "itemNotFound"},
		{name: "function wrong method", method: "POST", path: "/beta/reports/getDaily(period='D7')", status: 405, code: "notAllowed"},
		{name: "function missing argument", method: "GET", path: "/beta/reports/getWeekly(period='D7')", status: 404, code: "itemNotFound"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := srvtDo(t, ts, tc.method, tc.path, tc.ctype, tc.body)
			ge := srvtGraphError(t, res, tc.status, tc.code)
			if tc.targets != nil {
				var got []string
				for _, d := range ge.Details {
					got = append(got, d.Target)
					if d.Code == "" || d.Message == "" {
						t.Errorf("detail without code or message: %+v", d)
					}
				}
				if diff := cmp.Diff(tc.targets, got); diff != "" {
					t.Errorf("detail targets (-want +got):\n%s", diff)
				}
			}
			if tc.notIn != "" && bytes.Contains(res.body, []byte(tc.notIn)) {
				t.Errorf("body leaks %q: %s", tc.notIn, res.body)
			}
			if tc.status == 405 && res.header.Get("Allow") == "" {
				t.Errorf("405 without Allow header")
			}
		})
	}
}

func TestServerAllowHeader(t *testing.T) {
	ts, _ := srvtServe(t)
	tests := []struct{ method, path, allow string }{
		{"PUT", "/beta/deviceManagement/images", "POST"},
		{"POST", "/beta/deviceManagement/images/42", "DELETE, GET, HEAD"},
		{"DELETE", "/beta/reports/getWeekly(period='D7',date=2021-01-01)", "GET, HEAD"},
	}
	for _, tc := range tests {
		res := srvtDo(t, ts, tc.method, tc.path, "", "")
		srvtGraphError(t, res, 405, "notAllowed")
		if got := res.header.Get("Allow"); got != tc.allow {
			t.Errorf("%s %s: Allow = %q, want %q", tc.method, tc.path, got, tc.allow)
		}
	}
}

func TestServerSegments(t *testing.T) {
	ts, impl := srvtServe(t)
	tests := []struct {
		path   string
		id     string
		period string
		date   string
	}{
		{"/beta/reports/getDaily(period='D7')", "daily", "D7", ""},
		{"/beta/reports/GETDAILY(period='it''s')", "daily", "it's", ""},
		{"/beta/reports/getWeekly(date=2021-01-01,period='D30')", "weekly", "D30", "2021-01-01"},
		{"/beta/reports/getWeekly(period='a,b', date=2021-01-01)", "weekly", "a,b", "2021-01-01"},
		{"/beta/keyed/items('k1')/x", "key", "k1", ""},
		{"/beta/keyed/items(k2)/x", "key", "k2", ""},
		{"/beta/keyed/items(period='k3')/x", "key", "k3", ""},
		{"/beta/drive/root:/Folder%20A/b.txt:/x", "key", "Folder A/b.txt", ""},
		{"/beta/drive/ROOT:/b.txt:/x", "key", "b.txt", ""},
		{"/beta/drive/root:%2Fc.txt:/x", "key", "c.txt", ""},
		{"/beta/drive/items/p1:/d/e.txt:/x", "weekly", "p1", "d/e.txt"},
	}
	for _, tc := range tests {
		res := srvtDo(t, ts, "GET", tc.path, "", "")
		if res.status != 200 {
			t.Errorf("GET %s: status %d: %s", tc.path, res.status, res.body)
			continue
		}
		var got srvtImage
		if err := json.Unmarshal(res.body, &got); err != nil {
			t.Fatal(err)
		}
		req := impl.lastReq.(*srvtReportRequest)
		if got.ID != tc.id || req.Period != tc.period || req.Date != tc.date {
			t.Errorf("GET %s: id %q period %q date %q, want %q %q %q", tc.path, got.ID, req.Period, req.Date, tc.id, tc.period, tc.date)
		}
	}
}

// A path that looks like OneDrive path addressing but matches no route is
// a 404, and so is a path segment without its item path.
func TestServerSpanUnrouted(t *testing.T) {
	ts, _ := srvtServe(t)
	for _, p := range []string{"/beta/drive/root:/a:/y", "/beta/drive/other:/a:/x", "/beta/drive/root:/:/x", "/beta/drive/items/:/a:/x"} {
		if res := srvtDo(t, ts, "GET", p, "", ""); res.status != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404: %s", p, res.status, res.body)
		}
	}
}

func TestServerAnyCase(t *testing.T) {
	ts, impl := srvtServe(t)
	res := srvtDo(t, ts, "GET", "/beta/DEVICEmanagement/Images/k9", "", "")
	if res.status != 200 {
		t.Fatalf("status %d: %s", res.status, res.body)
	}
	if id := impl.lastReq.(*srvtGetRequest).ImageID; id != "k9" {
		t.Errorf("ImageID = %q, want k9", id)
	}
	res = srvtDo(t, ts, "GET", "/beta/reports/GETDAILY(period='x')", "", "")
	if res.status != 200 {
		t.Errorf("function, any case: status %d: %s", res.status, res.body)
	}
	// A function that does not parse is still a 404 (no loop back into
	// the case-insensitive retry).
	srvtGraphError(t, srvtDo(t, ts, "GET", "/beta/Reports/getNothing()", "", ""), 404, "itemNotFound")
	srvtGraphError(t, srvtDo(t, ts, "PUT", "/beta/deviceManagement/IMAGES", "", ""), 405, "notAllowed")
}

func TestServerNoContentAndHead(t *testing.T) {
	ts, impl := srvtServe(t)
	res := srvtDo(t, ts, "DELETE", "/beta/deviceManagement/images/7", "", "")
	if res.status != http.StatusNoContent || len(res.body) != 0 {
		t.Errorf("DELETE: status %d body %q, want 204 and no body", res.status, res.body)
	}
	if id := impl.lastReq.(*srvtGetRequest).ImageID; id != "7" {
		t.Errorf("ImageID = %q, want 7", id)
	}
	res = srvtDo(t, ts, "HEAD", "/beta/deviceManagement/images/7", "", "")
	if res.status != http.StatusOK {
		t.Errorf("HEAD: status %d, want 200", res.status)
	}
}

func TestServerErrorHandler(t *testing.T) {
	var mu sync.Mutex
	var seen []error
	hook := func(r *http.Request, err error) *GraphError {
		mu.Lock()
		seen = append(seen, err)
		mu.Unlock()
		if strings.Contains(err.Error(), "hunter2") {
			return &GraphError{Status: http.StatusServiceUnavailable, Code: "serviceNotAvailable", Message: "Try later."}
		}
		return nil
	}
	ts, _ := srvtServe(t, WithErrorHandler(hook))
	const create = "/beta/deviceManagement/images"
	res := srvtDo(t, ts, "POST", create, "application/json", `{"displayName":"a","fail":"plain"}`)
	srvtGraphError(t, res, 503, "serviceNotAvailable")
	res = srvtDo(t, ts, "POST", create, "application/json", `{"displayName":"a","panic":true}`)
	srvtGraphError(t, res, 500, "generalException")
	res = srvtDo(t, ts, "POST", create, "application/json", `{}`)
	srvtGraphError(t, res, 400, "invalidRequest")
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 3 {
		t.Fatalf("hook saw %d errors, want 3: %v", len(seen), seen)
	}
	var pe *ServerPanicError
	if !errors.As(seen[1], &pe) || pe.Value != "secret internal detail" || len(pe.Stack) == 0 {
		t.Errorf("hook got %#v, want a *PanicError with value and stack", seen[1])
	}
	var ve *ValidationError
	if !errors.As(seen[2], &ve) {
		t.Errorf("hook got %T, want *ValidationError", seen[2])
	}
}

func TestServerPrefixes(t *testing.T) {
	// Two Servers, two prefixes, one application mux: each Server holds
	// its own state.
	impl := &srvtImpl{}
	mux := http.NewServeMux()
	mux.Handle("/v1.0/", newSrvtServer(srvtServers{Images: impl}, WithPrefix("v1.0/")))
	mux.Handle("/beta/", newSrvtServer(srvtServers{Images: impl}, WithPrefix("/beta")))
	ts := httptest.NewServer(mux)
	defer ts.Close()
	for _, p := range []string{"/v1.0", "/beta"} {
		res := srvtDo(t, ts, "GET", p+"/deviceManagement/images/1", "", "")
		if res.status != 200 {
			t.Errorf("%s: status %d", p, res.status)
		}
		srvtGraphError(t, srvtDo(t, ts, "GET", p+"/nope", "", ""), 404, "itemNotFound")
	}
	// Outside every prefix the application mux's own 404 answers, and so
	// does a Server's own mux outside its prefix.
	res := srvtDo(t, ts, "GET", "/deviceManagement/images/1", "", "")
	if res.status != 404 || bytes.HasPrefix(res.body, []byte(`{"error"`)) {
		t.Errorf("outside the prefixes: status %d body %s, want the mux's plain 404", res.status, res.body)
	}
	alone := httptest.NewServer(newSrvtServer(srvtServers{Images: impl}, WithPrefix("/beta")))
	defer alone.Close()
	res = srvtDo(t, alone, "GET", "/deviceManagement/images/1", "", "")
	if res.status != 404 || bytes.HasPrefix(res.body, []byte(`{"error"`)) {
		t.Errorf("outside the prefix: status %d body %s, want the mux's plain 404", res.status, res.body)
	}
}

func TestServerAddConflicts(t *testing.T) {
	impl := &srvtImpl{}
	mustPanic := func(name string, f func()) {
		t.Helper()
		defer func() {
			if recover() == nil {
				t.Errorf("%s: no panic", name)
			}
		}()
		f()
	}
	s := newSrvtServer(srvtServers{Reports: impl})
	cfg := s.cfg
	mustPanic("same function twice", func() { s.add(srvtReportsRoutes(cfg, impl)) })
	s.add([]serverRoute{{method: "GET", pattern: "/reports/{seg1}", handler: handleJSON(cfg, 200, impl.GetByKey)}})
	mustPanic("second plain route", func() {
		s.add([]serverRoute{{method: "GET", pattern: "/reports/{seg1}", handler: handleJSON(cfg, 200, impl.GetByKey)}})
	})
	// The plain route shares the functions' registration and is tried
	// last, whatever the registration order.
	s.add([]serverRoute{{method: "GET", pattern: "/reports/{seg1}", segments: []serverSegment{{wildcard: "seg1", name: "getMonthly", params: []serverSegmentParam{{arg: "period", path: "period"}}}},
		handler: handleJSON(cfg, 200, impl.GetWeekly)}})
	shared := httptest.NewServer(s)
	defer shared.Close()
	for path, want := range map[string]string{"/reports/getDaily(period='x')": "daily", "/reports/getMonthly(period='x')": "weekly", "/reports/other": "key"} {
		res := srvtDo(t, shared, "GET", path, "", "")
		var got srvtImage
		if err := json.Unmarshal(res.body, &got); err != nil || got.ID != want {
			t.Errorf("GET %s: status %d body %s, want id %q", path, res.status, res.body, want)
		}
	}
	mustPanic("ServeMux conflict", func() {
		s.add([]serverRoute{{method: "GET", pattern: "/reports/{other}", handler: handleJSON(cfg, 200, impl.GetDaily)}})
	})
	mustPanic("missing wildcard", func() {
		s.add([]serverRoute{{method: "GET", pattern: "/r/x", segments: []serverSegment{{wildcard: "seg1", name: "f"}}, handler: handleJSON(cfg, 200, impl.GetDaily)}})
	})
	mustPanic("bad prefix", func() { newServer([]ServerOption{WithPrefix("/{x}")}) })
}

func TestServerRawBodyAndRedirect(t *testing.T) {
	ts, impl := srvtServe(t, WithMaxBodyBytes(8))
	res := srvtDo(t, ts, "PUT", "/beta/items/7/content", "image/png", "\x89PNG")
	if res.status != http.StatusNoContent {
		t.Fatalf("PUT: status %d body %s", res.status, res.body)
	}
	impl.mu.Lock()
	got := string(impl.content)
	impl.mu.Unlock()
	if got != "\x89PNG" {
		t.Errorf("raw body %q", got)
	}
	srvtGraphError(t, srvtDo(t, ts, "PUT", "/beta/items/7/content", "image/png", "0123456789"), 413, "requestEntityTooLarge")
	res = srvtDo(t, ts, "GET", "/beta/items/7/content", "", "")
	if res.status != http.StatusFound || res.header.Get("Location") != "https://example.com/download/7" {
		t.Errorf("GET: status %d Location %q", res.status, res.header.Get("Location"))
	}
	srvtGraphError(t, srvtDo(t, ts, "GET", "/beta/items/none/content", "", ""), 500, "generalException")
}

type srvtUnimplemented struct{}

func (srvtUnimplemented) CreateImage(context.Context, *srvtCreateRequest) (*srvtImage, error) {
	return nil, notImplemented("CreateImage")
}
func (srvtUnimplemented) GetImage(context.Context, *srvtGetRequest) (*srvtImage, error) {
	return nil, notImplemented("GetImage")
}
func (srvtUnimplemented) DeleteImage(context.Context, *srvtGetRequest) error {
	return notImplemented("DeleteImage")
}

func TestServerUnimplemented(t *testing.T) {
	ts := httptest.NewServer(newSrvtServer(srvtServers{Images: srvtUnimplemented{}}))
	defer ts.Close()
	res := srvtDo(t, ts, "DELETE", "/deviceManagement/images/1", "", "")
	ge := srvtGraphError(t, res, 501, "notImplemented")
	if !strings.Contains(ge.Message, "DeleteImage") {
		t.Errorf("message %q does not name the method", ge.Message)
	}
}

func TestSplitSegmentArgs(t *testing.T) {
	tests := []struct {
		in   string
		want []segmentArg
		ok   bool
	}{
		{"", nil, true},
		{"'a'", []segmentArg{{"", "a"}}, true},
		{"42", []segmentArg{{"", "42"}}, true},
		{"period='D7'", []segmentArg{{"period", "D7"}}, true},
		{"a='x,y', b=3", []segmentArg{{"a", "x,y"}, {"b", "3"}}, true},
		{"TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana'", []segmentArg{{"TimeZoneStandard", "Iana"}}, true},
		{"a=b.c'x'y", nil, false},
		{"a='it''s'", []segmentArg{{"a", "it's"}}, true},
		{"a='x=y'", []segmentArg{{"a", "x=y"}}, true},
		{"a='unterminated", nil, false},
		{"a='x'y", nil, false},
		{"a=1,", nil, false},
		{",", nil, false},
		{"a=", nil, false},
		{"a=b'c", nil, false},
	}
	for _, tc := range tests {
		got, ok := splitSegmentArgs(tc.in)
		if ok != tc.ok || !cmp.Equal(got, tc.want, cmp.AllowUnexported(segmentArg{})) {
			t.Errorf("splitSegmentArgs(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestGraphErrorMapping(t *testing.T) {
	ge := &GraphError{Status: 404, Code: "itemNotFound", Message: "m", Details: []GraphErrorDetail{{Code: "c", Message: "d"}}}
	got := toGraphError(fmt.Errorf("ctx: %w", ge))
	if got == ge || got.Status != 404 || got.Code != "itemNotFound" || len(got.Details) != 1 {
		t.Errorf("toGraphError(wrapped) = %+v", got)
	}
	got.Details[0].Code = "changed"
	if ge.Details[0].Code != "c" {
		t.Errorf("toGraphError shares Details with its input")
	}
	if got := toGraphError(&GraphError{Code: "x"}); got.Status != 500 {
		t.Errorf("status 0 maps to %d, want 500", got.Status)
	}
	if s := (&GraphError{Status: 409, Code: "conflict", Message: "m"}).Error(); s != "409 conflict: m" {
		t.Errorf("Error() = %q", s)
	}
	var p problems
	for i := 0; i < maxProblems+5; i++ {
		p.Add(fmt.Sprintf("/a/%d", i), "required", "a[%d] is required", i)
	}
	ve := p.Err().(*ValidationError)
	got = toGraphError(ve)
	if got.Status != 400 || len(got.Details) != maxProblems || !strings.Contains(got.Message, "5 not listed") {
		t.Errorf("validation mapping: status %d, %d details, message %q", got.Status, len(got.Details), got.Message)
	}
	if id := newRequestID(); len(id) != 36 || id[14] != '4' || strings.Count(id, "-") != 4 {
		t.Errorf("newRequestID() = %q, not a v4 UUID", id)
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("client-request-id", "bad\nvalue")
	if clientRequestID(r) != "" {
		t.Errorf("a client-request-id with a control character is echoed")
	}
}

func TestCollectionJSON(t *testing.T) {
	in := `{"@odata.type":"#x","@odata.context":"ctx","value":[{"id":"1"}],"@odata.nextLink":"next","@odata.count":3,"custom@a.b":[1,2]}`
	var c ODataCollection[srvtImage]
	if err := json.Unmarshal([]byte(in), &c); err != nil {
		t.Fatal(err)
	}
	if c.Context != "ctx" || c.NextLink != "next" || c.Count != Some(int64(3)) || len(c.Value) != 1 || c.Value[0].ID != "1" || len(c.Extra) != 2 {
		t.Fatalf("decoded %+v", c)
	}
	out, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var want, got any
	_ = json.Unmarshal([]byte(in), &want)
	_ = json.Unmarshal(out, &got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if out, _ := json.Marshal(ODataCollection[srvtImage]{}); string(out) != `{"value":[]}` {
		t.Errorf("empty collection = %s, want {\"value\":[]}", out)
	}
	if err := json.Unmarshal([]byte(`{"value": {}}`), &c); err == nil {
		t.Errorf("a non-array value decodes")
	}
}

// A function documented without its parameters takes a request that calls
// it with arguments; the arguments reach the implementation by ServerArgs.
// OneDrive path addressing and the function arguments combine.
func TestServerFunctionArgs(t *testing.T) {
	var got map[string]string
	var path string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, path = ServerArgs(r.Context()), r.PathValue("ItemPath")
		w.WriteHeader(http.StatusNoContent)
	})
	s := newServer([]ServerOption{WithPrefix("/v1.0")})
	s.add([]serverRoute{
		{method: "GET", pattern: "/me/drive/root/delta", handler: h},
		{method: "GET", pattern: "/me/drive/{seg3}/workbook/range/cell", handler: h,
			segments: []serverSegment{{wildcard: "seg3", name: "root:", params: []serverSegmentParam{{path: "ItemPath"}}}}},
		// "/sites/{hostname}:/{path}" beside a function of a site: the
		// span's segments first match the function's pattern.
		{method: "GET", pattern: "/sites/{seg2}", handler: h,
			segments: []serverSegment{{wildcard: "seg2", name: ":", params: []serverSegmentParam{{path: "Host"}, {path: "ItemPath"}}}}},
		{method: "GET", pattern: "/sites/{SiteID}/{seg3}", handler: http.NotFoundHandler(),
			segments: []serverSegment{{wildcard: "seg3", name: "getByPath", params: []serverSegmentParam{{arg: "path", path: "Path"}}}}},
	})
	for _, tc := range []struct {
		url    string
		status int
		args   map[string]string
		path   string
	}{
		{"/v1.0/me/drive/root/delta", 204, nil, ""},
		{"/v1.0/me/drive/root/delta(token='1230919asd')", 204, map[string]string{"token": "1230919asd"}, ""},
		{"/v1.0/me/drive/root/delta%28token=%27a%20b%27%29", 204, map[string]string{"token": "a b"}, ""},
		{"/v1.0/me/drive/root:/Book.xlsx:/workbook/range/cell(row=5,column=6)", 204, map[string]string{"row": "5", "column": "6"}, "Book.xlsx"},
		{"/v1.0/sites/contoso.com:/teams/hr", 204, nil, "teams/hr"},
		{"/v1.0/sites/contoso.com:/hr", 204, nil, "hr"},
		{"/v1.0/me/drive/root/delta('positional')", 404, nil, ""},
		{"/v1.0/me/drive/root/other(token='x')", 404, nil, ""},
	} {
		got, path = nil, ""
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", tc.url, nil))
		if rec.Code != tc.status || !maps.Equal(got, tc.args) || path != tc.path {
			t.Errorf("GET %s: %d %v %q, want %d %v %q", tc.url, rec.Code, got, path, tc.status, tc.args, tc.path)
		}
	}
}
