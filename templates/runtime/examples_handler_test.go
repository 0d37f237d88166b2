package runtime

// This file is docgen's harness for handler example tests. It is copied
// into every generated package as a test file (its name starts with
// "examples", the prefix docgen copies) and used by the generated
// <page>_handlers_test.go files: each page's documented request/response
// pairs are one table, run by one test function (runHandlerExamples) with
// one subtest per pair.
//
// What a test does:
//
//  1. The documented request body gets the edits of the round-trip tests
//     (placeholders replaced by valid values of their declared type).
//  2. The generated NewServer serves every group under the documented
//     version prefix ("/beta", "/v1.0"), the operation under test answered
//     by a stub (serverStub) with the (edited) documented response decoded
//     into the operation's response type.
//  3. The documented request (method, URL, headers, body) is sent with a
//     real HTTP client to an httptest.Server.
//  4. The answer must have the operation's documented status and, through
//     the round-trip harness (examples_test.go), a body semantically equal
//     to the documented response (dates as instants, member order ignored,
//     truncated examples compared on the members they show).
//
// When the documented request itself breaks the operation's documented
// rules (a member the request-body table requires is missing, a read-only
// one is present), docgen knows at generation time that the documented
// status is unreachable: the test then asserts that the router answers 400
// invalidRequest naming exactly those members, and logs why.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// handlerCase is one documented request/response pair.
type handlerCase struct {
	// Test is the subtest's name, unique on the page; Name is the request
	// example's name in the docs.
	Test string
	Name string
	// Skip, when set, is why the pair is not tested.
	Skip string
	// Method and URL are the documented request line; URL is the path and
	// query without the host, the version prefix included.
	Method string
	URL    string
	// File and Line locate the request example. Generated cases leave Line
	// 0: it is exampleLines[File+"#handler/"+Test] (docgen_lines_test.go).
	File string
	Line int
	// Headers are the documented request headers to send, name and value.
	Headers [][2]string
	// Request is the documented request body, nil when there is none.
	Request *exampleCase
	// Response is the documented response body, nil when there is none.
	Response *exampleCase
	// Status is the status the operation answers with.
	Status int
	// Problems are the JSON Pointers of the members the documented request
	// breaks the operation's rules on; when set, the router must answer
	// 400 with exactly these detail targets.
	Problems []string
	// Prefix is the version prefix of URL ("/beta", "/v1.0" or "").
	Prefix string
	// Op is the operation under test; Resp is a nil pointer to its
	// response type when it answers with a JSON body. The stub answers
	// with the response body decoded into a new Resp (its zero value
	// without one), the Location https://example.com/download for a
	// redirect, or nothing.
	Op   Op
	Resp any
}

// runHandlerExamples runs each case in a subtest named hc.Test, against
// servers newServer (the generated NewServer) returns for an empty S (every
// group unimplemented, the operation under test stubbed).
func runHandlerExamples[S any](t *testing.T, newServer func(S, ...ServerOption) *Server, cases []*handlerCase) {
	t.Helper()
	mount := func(prefix string) *Server {
		var impl S
		return newServer(impl, WithPrefix(prefix))
	}
	for _, hc := range cases {
		t.Run(hc.Test, func(t *testing.T) {
			t.Helper()
			if hc.Skip != "" {
				t.Skipf("%s:%d: %s", hc.File, hc.line(), hc.Skip)
			}
			runHandlerExample(t, hc, mount)
		})
	}
}

// line is the page line of the request example.
func (hc *handlerCase) line() int {
	if hc.Line != 0 {
		return hc.Line
	}
	return exampleLines[hc.File+"#handler/"+hc.Test]
}

// runHandlerExample sends hc through the generated router.
func runHandlerExample(t *testing.T, hc *handlerCase, mount func(prefix string) *Server) {
	t.Helper()
	for _, line := range handlerRun(hc, mount) {
		if line.fail {
			t.Error(line.text)
		} else {
			t.Log(line.text)
		}
	}
}

// handlerRun is runHandlerExample without the testing.T.
func handlerRun(hc *handlerCase, mount func(prefix string) *Server) []exampleLine {
	h := &handlerRunner{hc: hc, mount: mount, at: fmt.Sprintf("%s:%d", hc.File, hc.line())}
	h.run()
	return h.out
}

type handlerRunner struct {
	hc    *handlerCase
	mount func(prefix string) *Server
	at    string
	out   []exampleLine
}

func (h *handlerRunner) logf(format string, args ...any) {
	h.out = append(h.out, exampleLine{text: fmt.Sprintf(format, args...)})
}

func (h *handlerRunner) failf(format string, args ...any) {
	h.out = append(h.out, exampleLine{fail: true, text: fmt.Sprintf(format, args...)})
}

// served is one answer of the router.
type served struct {
	status int
	header http.Header
	body   []byte
	called bool
}

func (h *handlerRunner) run() {
	hc := h.hc
	var reqBody []byte
	if hc.Request != nil {
		b, logs, err := handlerEditedBody(hc.Request)
		h.out = append(h.out, logs...)
		if err != nil {
			h.failf("%s: request example: %v", h.at, err)
			return
		}
		reqBody = b
	}
	if len(hc.Problems) > 0 {
		h.runProblems(reqBody)
		return
	}
	var response []byte
	if hc.Response != nil {
		b, _, err := handlerEditedBody(hc.Response)
		if err != nil {
			h.failf("%s: response example: %v", h.at, err)
			return
		}
		response = b
	}
	res, err := h.serve(reqBody, response)
	if err != nil && hc.Response != nil {
		// Let the round-trip harness locate the value the stub could not
		// decode.
		h.out = append(h.out, exampleRun(hc.Response, func([]byte) exampleResult { return exampleResult{Decode: err} })...)
		return
	}
	if err != nil {
		h.failf("%s: %v", h.at, err)
		return
	}
	if h.knownRefusal(res) || !h.checkStatus(res) || hc.Response == nil {
		return
	}
	h.out = append(h.out, exampleRun(hc.Response, func([]byte) exampleResult { return exampleResult{Out: res.body} })...)
}

// knownRefusal reports (and logs) a 400 answer whose every problem is at a
// value docgen already reported in the request example: the documented
// request is invalid for a known reason, so the documented status cannot
// be expected.
func (h *handlerRunner) knownRefusal(res served) bool {
	if res.status != http.StatusBadRequest || h.hc.Request == nil || len(h.hc.Request.Known) == 0 {
		return false
	}
	ge, err := decodeGraphError(res.body)
	if err != nil || len(ge.Details) == 0 {
		return false
	}
	var why []string
	for _, d := range ge.Details {
		k, ok := handlerKnown(h.hc.Request, d.Target)
		if !ok {
			return false
		}
		why = append(why, d.Target+" ("+k+")")
	}
	h.logf("%s: the router refused the documented request (400) for problems docgen reported in it: %s", h.at, strings.Join(why, "; "))
	return true
}

// handlerKnown returns the known diagnostic of c covering pointer p.
func handlerKnown(c *exampleCase, p string) (string, bool) {
	if c == nil {
		return "", false
	}
	for _, k := range c.Known {
		if k.Pointer == p || (k.Pointer != "" && strings.HasPrefix(p, k.Pointer+"/")) {
			return k.Diagnostic, true
		}
	}
	return "", false
}

// checkStatus fails unless the answer has the documented status and
// reached the operation.
func (h *handlerRunner) checkStatus(res served) bool {
	hc := h.hc
	ok := true
	if res.status != hc.Status {
		h.failf("%s: %s %s answered %d, want the documented %d: %s", h.at, hc.Method, hc.URL, res.status, hc.Status, handlerShort(res.body))
		ok = false
	}
	if !res.called {
		h.failf("%s: %s %s did not reach the operation's implementation", h.at, hc.Method, hc.URL)
		ok = false
	}
	if ok && hc.Response == nil && hc.Status == http.StatusNoContent && len(res.body) > 0 {
		h.failf("%s: a 204 answer has a body: %s", h.at, handlerShort(res.body))
		ok = false
	}
	return ok
}

// runProblems checks that a documented request that breaks the documented
// rules is refused with exactly those problems.
func (h *handlerRunner) runProblems(reqBody []byte) {
	hc := h.hc
	h.logf("%s: the documented request breaks the operation's documented rules at %s, so the documented status %d is unreachable; expecting 400",
		h.at, strings.Join(hc.Problems, ", "), hc.Status)
	res, err := h.serve(reqBody, nil)
	if err != nil {
		h.failf("%s: %v", h.at, err)
		return
	}
	if res.status != http.StatusBadRequest || res.called {
		h.failf("%s: %s %s answered %d (implementation called: %v), want 400: %s", h.at, hc.Method, hc.URL, res.status, res.called, handlerShort(res.body))
		return
	}
	ge, err := decodeGraphError(res.body)
	if err != nil {
		h.failf("%s: the 400 answer is not a Graph error: %v: %s", h.at, err, handlerShort(res.body))
		return
	}
	var got []string
	for _, d := range ge.Details {
		if slices.Contains(hc.Problems, d.Target) {
			got = append(got, d.Target)
		} else if k, ok := handlerKnown(hc.Request, d.Target); ok {
			h.logf("%s: the 400 answer also names %s, a problem docgen reported: %s", h.at, d.Target, k)
		} else {
			got = append(got, d.Target)
		}
	}
	slices.Sort(got)
	want := slices.Clone(hc.Problems)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		h.failf("%s: the 400 answer names %v, want %v: %s", h.at, got, want, handlerShort(res.body))
	}
}

// serve mounts the operation with a stub answering response and sends the
// documented request.
func (h *handlerRunner) serve(reqBody, response []byte) (served, error) {
	hc := h.hc
	if hc.Response != nil && hc.Response.Collection {
		// The stub returns a Collection: wrap a documented bare array.
		if t := bytes.TrimSpace(response); len(t) > 0 && t[0] == '[' {
			response = append(append([]byte(`{"value":`), t...), '}')
		}
	}
	answer, err := handlerAnswer(hc, response)
	if err != nil {
		return served{}, fmt.Errorf("the stub cannot hold the documented response: %w", err)
	}
	var called atomic.Bool
	srv := h.mount(hc.Prefix)
	srv.cfg.stub = &serverStub{op: hc.Op, call: func(any, context.Context, any) (any, error) {
		called.Store(true)
		return answer, nil
	}}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	var body io.Reader
	if reqBody != nil {
		body = bytes.NewReader(reqBody)
	}
	req, err := http.NewRequest(hc.Method, ts.URL+hc.URL, body)
	if err != nil {
		return served{}, fmt.Errorf("the documented request is not a valid HTTP request: %v", err)
	}
	for _, kv := range hc.Headers {
		req.Header.Add(kv[0], kv[1])
	}
	if reqBody != nil && req.Header.Get("Content-Type") == "" {
		h.logf("%s: the request example has a JSON body but no Content-Type; sending application/json", h.at)
		req.Header.Set("Content-Type", "application/json")
	}
	client := ts.Client()
	// A redirect is the answer under test, not a link to follow.
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Do(req)
	if err != nil {
		return served{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return served{}, err
	}
	return served{status: resp.StatusCode, header: resp.Header, body: b, called: called.Load()}, nil
}

// handlerAnswer is what the stub of hc's operation answers: the response
// body decoded into a new hc.Resp, the Location of a redirect, or nil.
func handlerAnswer(hc *handlerCase, response []byte) (any, error) {
	if hc.Resp == nil {
		if hc.Status/100 == 3 {
			return "https://example.com/download", nil
		}
		return nil, nil
	}
	v := reflect.New(reflect.TypeOf(hc.Resp).Elem()).Interface()
	if response != nil {
		if err := json.Unmarshal(response, v); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// handlerEditedBody returns a request example's body with the round-trip
// edits applied, and the lines the edits log.
func handlerEditedBody(c *exampleCase) ([]byte, []exampleLine, error) {
	r := &exampleRunner{c: c}
	r.used = make([]bool, len(c.Known))
	text := c.Body
	var shifts []exampleShift
	if c.Repaired {
		text, shifts = exampleRepair(text)
	}
	r.lines = exampleLineIndex(c.Body, text, shifts, c.line())
	doc, err := exampleParse([]byte(text))
	if err != nil {
		return nil, nil, fmt.Errorf("body is not JSON: %v", err)
	}
	if len(c.Edits) == 0 {
		return []byte(text), nil, nil
	}
	if doc, err = r.edit(doc); err != nil {
		return nil, r.out, err
	}
	b, err := json.Marshal(doc)
	return b, r.out, err
}

// handlerShort cuts a body for a message.
func handlerShort(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 300 {
		s = s[:297] + "..."
	}
	return s
}
