package serve

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/parser/model"
)

// do sends a request to h and returns the recorder.
func do(h http.Handler, method, target, ct, body string, hdr ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func graphErr(t *testing.T, rec *httptest.ResponseRecorder) *GraphError {
	t.Helper()
	var env struct{ Error *GraphError }
	if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil || env.Error == nil {
		t.Fatalf("not a Graph error: %d %q", rec.Code, rec.Body.String())
	}
	if env.Error.InnerError == nil || env.Error.InnerError.RequestID == "" || rec.Header().Get("request-id") == "" {
		t.Errorf("no request id: %q", rec.Body.String())
	}
	return env.Error
}

func TestRoutingErrors(t *testing.T) {
	srv := seedServer(t, Options{Prefix: "/beta"})
	rec := do(srv, "GET", "/beta/deviceManagement/virtualEndpoint/snapshots", "", "")
	if rec.Code != 405 || rec.Header().Get("Allow") != "POST" || graphErr(t, rec).Code != "notAllowed" {
		t.Errorf("405: %d %q %s", rec.Code, rec.Header().Get("Allow"), rec.Body)
	}
	rec = do(srv, "GET", "/beta/nothing/here", "", "")
	if rec.Code != 404 || graphErr(t, rec).Code != "itemNotFound" {
		t.Errorf("404: %d %s", rec.Code, rec.Body)
	}
	// Outside the prefix: a plain 404; /healthz answers anyway.
	if rec := do(srv, "GET", "/v1.0/deviceManagement", "", ""); rec.Code != 404 {
		t.Errorf("outside the prefix: %d", rec.Code)
	}
	if rec := do(srv, "GET", "/healthz", "", ""); rec.Code != 200 || !strings.Contains(rec.Body.String(), "ok") {
		t.Errorf("/healthz: %d %s", rec.Code, rec.Body)
	}
	// Paths match without regard to case, as in Graph.
	if rec := do(srv, "POST", "/beta/devicemanagement/VIRTUALENDPOINT/snapshots", "application/json", `{"cloudPcId":"x"}`); rec.Code != 201 {
		t.Errorf("any case: %d %s", rec.Code, rec.Body)
	}
}

// TestDocumentedValidationErrors: invalid requests get the validation
// errors the seed pages document (members whose row says Required,
// read-only members the request body does not list, enum values), with
// the generated servers' codes, messages and JSON Pointers. The device
// image page's blanket "required when you create" sentence is not
// enforced: only its enum value is wrong.
func TestDocumentedValidationErrors(t *testing.T) {
	srv := seedServer(t, Options{})
	for _, c := range []struct{ path, body, want string }{
		{"/deviceManagement/virtualEndpoint/deviceImages", `{"displayName":"Win11","status":"bogus"}`,
			`enum.unknown /status "bogus" is not a documented microsoft.graph.cloudPcDeviceImageStatus value`},
		{"/deviceManagement/virtualEndpoint/snapshots", `{"id":"x","status":"bogus"}`,
			`required /cloudPcId the property cloudPcId is required` + "\n" +
				`readOnly /id the property id is read-only and must not be sent` + "\n" +
				`enum.unknown /status "bogus" is not a documented microsoft.graph.cloudPcSnapshotStatus value`},
		{"/deviceManagement/virtualEndpoint/snapshots", `{"cloudPcId":null}`,
			`required /cloudPcId the property cloudPcId is required and must not be null`},
		{"/deviceManagement/virtualEndpoint/snapshots", `{"cloudPcId":"pc-1","status":[1]}`,
			`type /status The request body has an array where a microsoft.graph.cloudPcSnapshotStatus member (an Edm.String) is expected at /status.`},
	} {
		rec := do(srv, "POST", c.path, "application/json", c.body)
		ge := graphErr(t, rec)
		if rec.Code != 400 || ge.Code != "invalidRequest" {
			t.Fatalf("%s: %d %s", c.path, rec.Code, rec.Body)
		}
		var got []string
		for _, d := range ge.Details {
			got = append(got, d.Code+" "+d.Target+" "+d.Message)
		}
		if strings.Join(got, "\n") != c.want {
			t.Errorf("%s details:\n got %s\nwant %s", c.path, strings.Join(got, "\n"), c.want)
		}
	}
	for _, c := range []struct{ ct, body string }{{"text/plain", "{}"}, {"application/json", ""}, {"application/json", "{"}} {
		rec := do(srv, "POST", "/deviceManagement/virtualEndpoint/snapshots", c.ct, c.body)
		if rec.Code/100 != 4 {
			t.Errorf("%s %q: %d", c.ct, c.body, rec.Code)
		}
		graphErr(t, rec)
	}
	big := `{"cloudPcId":"` + strings.Repeat("x", DefaultMaxBodyBytes) + `"}`
	if rec := do(srv, "POST", "/deviceManagement/virtualEndpoint/snapshots", "application/json", big); rec.Code != 413 {
		t.Errorf("large body: %d", rec.Code)
	}
	if rec := do(srv, "POST", "/deviceManagement/virtualEndpoint/snapshots?$top=x", "application/json", `{"cloudPcId":"x"}`); rec.Code != 400 || graphErr(t, rec).Target != "$top" {
		t.Errorf("$top=x: %d %s", rec.Code, rec.Body)
	}
}

// TestSynthesizedResponsesValidate: for every corpus operation that
// answers with a JSON object and has no response example, the synthesised
// object passes the validator for its type.
func TestSynthesizedResponsesValidate(t *testing.T) {
	pkg := loadCorpus(t)
	srv, err := New(pkg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, op := range srv.ops {
		if op.resp != respJSON || op.respRef.Name == "" {
			continue
		}
		data := synth{srv.s}.body(op)
		if !json.Valid(data) {
			t.Fatalf("%s: synthesised body is not JSON: %s", op.Name, data)
		}
		v := parseJSON(data)
		ref := op.respRef
		if ref.Collection {
			v = v.get("value")
		}
		if ge := srv.chk.decodeRef(v, ref, ""); ge != nil {
			t.Errorf("%s: %s does not decode: %v", op.Name, ref, ge)
			continue
		}
		var p problems
		if t2 := srv.s.lookup(ref.Name); t2 != nil && t2.isStruct() {
			elems := []*jvalue{v}
			if ref.Collection {
				elems = v.elems
			}
			for _, e := range elems {
				srv.chk.validateStruct(&p, e, t2, "")
			}
		}
		if ge := p.err(); ge != nil {
			t.Errorf("%s: synthesised %s is invalid: %s", op.Name, ref, ge.Details[0].Message)
		}
		n++
	}
	t.Logf("%d synthesised responses validated", n)
	if n < 1000 {
		t.Errorf("only %d responses synthesised", n)
	}
}

// TestExampleSelection: on a page with several examples, each request
// gets its own example's response; Prefer: example=NAME picks one.
func TestExampleSelection(t *testing.T) {
	pkg := loadCorpus(t)
	srv, err := New(pkg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var op *model.Operation
	for _, o := range pkg.Operations {
		if o.Name == "user-get" {
			op = o
		}
	}
	if op == nil {
		t.Fatal("no user-get")
	}
	bodies := map[string]string{}
	var names []string
	for _, ex := range op.Examples {
		if ex.Kind == model.ResponseExample {
			bodies[ex.Name] = ex.Body
		}
		if ex.Kind == model.RequestExample {
			names = append(names, ex.Name)
		}
	}
	rec := do(srv, "GET", "/users/someone?$select=displayName,givenName,postalCode", "", "")
	if !strings.Contains(rec.Body.String(), "postalCode") {
		t.Errorf("$select example: %s", rec.Body)
	}
	rec = do(srv, "GET", "/users/someone", "", "", "Prefer", "example="+names[len(names)-1])
	if !strings.Contains(rec.Body.String(), "postalCode") {
		t.Errorf("Prefer: example=%s: %s", names[len(names)-1], rec.Body)
	}
	// A documented operation without a response example answers with a
	// synthesised object of its type and its documented status.
	for _, o := range srv.ops {
		if len(o.ready().pairs) == 0 && o.resp == respJSON && strings.EqualFold(o.Method, "GET") && o.kind == stateGet && !strings.Contains(o.Paths[0].Template, ":") {
			target := strings.NewReplacer("{", "", "}", "", " ", "", "|", "").Replace(o.Paths[0].Template)
			rec := do(srv, "GET", target, "", "")
			if rec.Code != o.status || !json.Valid(rec.Body.Bytes()) {
				t.Errorf("%s (%s): %d %s", o.Name, target, rec.Code, rec.Body)
			}
			break
		}
	}
}

// FuzzServe: any method, path, Content-Type and Prefer header and body
// is answered without a crash, and errors come in Graph's shape (seed pages and, when present,
// the corpus model).
func FuzzServe(f *testing.F) {
	pkg := fuzzModel(f)
	srv, err := New(pkg, Options{Stateful: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Add("POST", "/deviceManagement/virtualEndpoint/snapshots", "application/json", `{"cloudPcId":"x","status":"ready"}`, "")
	f.Add("GET", "/users/{id}/events?$top=2&$filter=subject eq 'x'", "", "", "")
	f.Add("PATCH", "/me/drive/root:/a/b.txt:/content", "application/json", `{"a":[1,{"b":null}]}`, "")
	f.Add("GET", "/reports/getEmailActivityUserDetail(period='D7')", "", "", "")
	f.Add("DELETE", "/users('x')", "", "", "")
	// Prefer: example=NAME (TestPreferRequestOnly names every request
	// example without a response, which answered 500 before).
	f.Add("GET", "/identityGovernance/accessReviews/definitions?$filter=x", "", "", "example=request-1")
	f.Add("GET", "/users/x", "", "", "example=get_user_2, return=minimal")
	f.Fuzz(func(t *testing.T, method, path, ct, body, prefer string) {
		if !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \r\n\t#") || method == "" || strings.ContainsAny(method, " \r\n\t()<>@,;:\\\"/[]?={}") {
			return
		}
		req, err := http.NewRequest(method, "http://localhost"+path, strings.NewReader(body))
		if err != nil {
			return
		}
		req.Header.Set("Content-Type", ct)
		if prefer != "" {
			req.Header.Set("Prefer", prefer)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code >= 400 && rec.Code != 404 {
			var env struct{ Error *GraphError }
			if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil || env.Error == nil {
				t.Fatalf("%s %s: %d not in Graph's shape: %q", method, path, rec.Code, rec.Body)
			}
		}
		if rec.Code == 500 {
			t.Fatalf("%s %s: 500: %s", method, path, rec.Body)
		}
		_, _ = io.Copy(io.Discard, bytes.NewReader(rec.Body.Bytes()))
	})
}

// fuzzModel is the corpus model when present, else the seed pages'.
func fuzzModel(f *testing.F) *model.Package {
	if pkg := tryCorpus(); pkg != nil {
		return pkg
	}
	srv := seedServer(f, Options{})
	return srv.s.pkg
}

// TestRequestLog checks both formats of the request log: one line per
// request with method, path and query, status and latency.
func TestRequestLog(t *testing.T) {
	var text, js bytes.Buffer
	target := "/deviceManagement/virtualEndpoint/snapshots?a=%22b%22"
	do(seedServer(t, Options{Log: &text}), "POST", target, "application/json", `{"cloudPcId":1}`)
	do(seedServer(t, Options{Log: &js, LogJSON: true}), "POST", target, "application/json", `{"cloudPcId":1}`)
	re := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z POST /deviceManagement/virtualEndpoint/snapshots\?a=%22b%22 400 \d[.\dµnms]*\n$`)
	if !re.Match(text.Bytes()) {
		t.Errorf("text log line: %q", text.String())
	}
	var line struct {
		Time      time.Time `json:"time"`
		Method    string    `json:"method"`
		Path      string    `json:"path"`
		Status    int       `json:"status"`
		LatencyMS *float64  `json:"latency_ms"`
	}
	if err := json.Unmarshal(js.Bytes(), &line); err != nil || !strings.HasSuffix(js.String(), "}\n") || strings.Count(js.String(), "\n") != 1 {
		t.Fatalf("JSON log line %q: %v", js.String(), err)
	}
	if line.Time.IsZero() || line.Method != "POST" || line.Path != target || line.Status != 400 || line.LatencyMS == nil || *line.LatencyMS < 0 {
		t.Errorf("JSON log line %q read as %+v", js.String(), line)
	}
}

// TestPreferRequestOnly names, with Prefer: example=NAME, request examples
// that have no response example: the operation answers as it would
// without the header, never with a 500.
func TestPreferRequestOnly(t *testing.T) {
	pkg := loadCorpus(t)
	srv, err := New(pkg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, op := range srv.ops {
		for _, p := range op.ready().pairs {
			if p.req == nil || p.resp != nil || len(p.names) == 0 || p.names[0] == "" || len(op.Paths) == 0 {
				continue
			}
			target := exampleURL(p.req.URL)
			rec := do(srv, strings.ToUpper(p.req.Method), target, "application/json", p.req.Body, "Prefer", "example="+p.names[0])
			if rec.Code == http.StatusInternalServerError {
				t.Errorf("%s %s (Prefer: example=%s): 500 %s", p.req.Method, target, p.names[0], rec.Body)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no request example without a response in the corpus")
	}
	t.Logf("%d request examples without a response named", n)
}
