package generated_test

// End-to-end tests of what Graph clients send and expect on the wire, with
// a real HTTP client against httptest.NewServer: compressed bodies, request
// identification headers, error targets, answers an implementation shapes
// (status, Location), $select, JSON batching and PATCH application.

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/generated"
)

// send sends body with extra headers (name, value pairs).
func send(t *testing.T, url, method string, body []byte, headers ...string) answer {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{resp.StatusCode, resp.Header, b}
}

func gzipped(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWireContentEncoding(t *testing.T) {
	ts := serve(t, generated.WithMaxBodyBytes(64<<10))
	var zl, raw bytes.Buffer
	zw := zlib.NewWriter(&zl)
	_, _ = zw.Write([]byte(snapBody))
	_ = zw.Close()
	fw, _ := flate.NewWriter(&raw, flate.BestCompression)
	_, _ = fw.Write([]byte(snapBody))
	_ = fw.Close()
	// A gzip bomb: 16 MiB of spaces inside a valid JSON object, a few KiB
	// compressed, against a 64 KiB limit on the decoded bytes.
	bomb := gzipped(t, append(append([]byte(`{"cloudPcId":"`), bytes.Repeat([]byte(" "), 16<<20)...), `"}`...))
	if len(bomb) > 64<<10 {
		t.Fatalf("the bomb is %d bytes compressed", len(bomb))
	}
	tests := []struct {
		name     string
		encoding string
		body     []byte
		status   int
		code     string
	}{
		{"gzip", "gzip", gzipped(t, []byte(snapBody)), 201, ""},
		{"deflate (zlib)", "deflate", zl.Bytes(), 201, ""},
		{"deflate (raw)", "deflate", raw.Bytes(), 201, ""},
		{"identity", "identity", []byte(snapBody), 201, ""},
		{"gzip bomb", "gzip", bomb, 413, "requestEntityTooLarge"},
		{"unknown encoding", "br", []byte(snapBody), 415, "notSupported"},
		{"not gzip", "gzip", []byte(snapBody), 400, "invalidRequest"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := send(t, ts.URL+snapsPath, "POST", tc.body, "Content-Encoding", tc.encoding)
			if tc.code == "" {
				if res.status != tc.status || !bytes.Contains(res.body, []byte(`"cloudPcId":"pc-1"`)) {
					t.Fatalf("status %d, want %d: %s", res.status, tc.status, res.body)
				}
				return
			}
			graphError(t, res, tc.status, tc.code)
		})
	}
}

func TestWireHeaders(t *testing.T) {
	ts := serve(t)
	for _, tc := range []struct{ path, ctype, body string }{
		{snapsPath, "application/json; charset=utf-8", snapBody},
		{snapsPath, "application/json;odata.metadata=minimal", snapBody},
		{"/beta/nothing", "application/json", snapBody}, // errors too
	} {
		res := send(t, ts.URL+tc.path, "POST", []byte(tc.body), "Content-Type", tc.ctype,
			"client-request-id", "7f0e3c1d-aaaa-4bbb-8ccc-123456789abc", "SdkVersion", "graph-go/1.0", "Prefer", "return=representation", "Accept", "application/json")
		if tc.path == snapsPath && res.status != 201 {
			t.Errorf("%s: status %d: %s", tc.ctype, res.status, res.body)
		}
		if got := res.header.Get("client-request-id"); got != "7f0e3c1d-aaaa-4bbb-8ccc-123456789abc" {
			t.Errorf("%s %s: client-request-id %q not echoed", tc.path, tc.ctype, got)
		}
		if len(res.header.Get("request-id")) != 36 || res.header.Get("Date") == "" {
			t.Errorf("%s: request-id %q, Date %q", tc.path, res.header.Get("request-id"), res.header.Get("Date"))
		}
	}
}

// TestWireSeedExample sends the create example of the seed page, as
// documented (placeholders given real values), and gets the documented 201.
func TestWireSeedExample(t *testing.T) {
	ts := serve(t)
	body := `{
  "@odata.type": "#microsoft.graph.cloudPcDeviceImage",
  "displayName": "Image1",
  "operatingSystem": "Windows 10 Enterprise",
  "osBuildNumber": "1909",
  "version": "0.0.1",
  "status": "pending",
  "statusDetails": "internalServerError",
  "sourceImageResourceId": "/subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/images/z"
}`
	if res := send(t, ts.URL+imagesPath, "POST", []byte(body)); res.status != 201 {
		t.Fatalf("the documented example: status %d: %s", res.status, res.body)
	}
	// A partial body: the page's blanket "required when you create"
	// sentence is a lint finding, not a rule.
	if res := send(t, ts.URL+imagesPath, "POST", []byte(`{"displayName":"Image2"}`)); res.status != 201 {
		t.Fatalf("a partial body: status %d: %s", res.status, res.body)
	}
}

func TestWireTypeErrors(t *testing.T) {
	ts := serve(t)
	for _, tc := range []struct{ path, body, target, want string }{
		{imagesPath, `{"displayName":42}`, "/displayName", "has a number where an Edm.String is expected at /displayName"},
		{imagesPath, `{"status":5}`, "/status", "has a number where a microsoft.graph.cloudPcDeviceImageStatus member (an Edm.String) is expected"},
		{imagesPath, `{"displayName":"x","statusDetails":["internalServerError"]}`, "/statusDetails", "has an array where a microsoft.graph.cloudPcDeviceImageStatusDetails member"},
		{imagesPath, `{"displayName":{"a":1}}`, "/displayName", "has an object where an Edm.String is expected"},
		{imagesPath, `{"displayName":"x","lastModifiedDateTime":true}`, "/lastModifiedDateTime", "Edm.DateTimeOffset"},
		{imagesPath, `{"displayName":"x","lastModifiedDateTime":"yesterday"}`, "/lastModifiedDateTime", "Edm.DateTimeOffset"},
		{imagesPath, `{"displayName":"x","status":"bogus"}`, "/status", `"bogus" is not a documented microsoft.graph.cloudPcDeviceImageStatus value`},
		{snapsPath, `{"cloudPcId":"pc-1","status":false}`, "/status", "has a bool where a microsoft.graph.cloudPcSnapshotStatus member (an Edm.String) is expected"},
		{snapsPath, `{"cloudPcId":"pc-1","status":"gone"}`, "/status", `"gone" is not a documented microsoft.graph.cloudPcSnapshotStatus value`},
	} {
		res := send(t, ts.URL+tc.path, "POST", []byte(tc.body))
		ge := graphError(t, res, 400, "invalidRequest")
		details, _ := ge["details"].([]any)
		if len(details) != 1 {
			t.Errorf("%s: want one detail: %s", tc.body, res.body)
			continue
		}
		d := details[0].(map[string]any)
		msg, _ := d["message"].(string)
		if d["target"] != tc.target || !strings.Contains(msg, tc.want) {
			t.Errorf("%s: detail %v, want target %s naming %s", tc.body, d, tc.target, tc.want)
		}
		if goName := goNames(res.body); goName != "" {
			t.Errorf("%s: the answer names %q, a Go name or page id: %s", tc.body, goName, res.body)
		}
	}
}

// goNameRE finds what an error answer must not show a Graph client: Go
// identifiers of the generated package (CloudPcDeviceImageStatus, Opt[...]),
// package-qualified names, encoding/json's Go wording and doc page ids.
var goNameRE = regexp.MustCompile(`\b(CloudPc\w*|Create\w+Request|Opt\[|generated\.|time\.Time|json: |Go (struct|value|type)|create-cloudpc\w*|virtualendpoint-\w*)`)

// goNames returns the first Go name or page id in an answer, or "".
func goNames(body []byte) string { return goNameRE.FindString(string(body)) }

// TestWireErrorTargets sends each documented member of the seed requests
// with a value of every wrong JSON type: each is a 400 whose problems all
// carry a JSON Pointer target at or under the member, and no answer names
// a Go type or a page id.
func TestWireErrorTargets(t *testing.T) {
	// No implementation: a body that passes the checks is a 501.
	ts := newTestServer(t, generated.NewServer(generated.Servers{}))
	for _, seed := range []struct{ path, body string }{{imagesPath, imageBody}, {snapsPath, snapBody}} {
		var doc map[string]json.RawMessage
		if err := json.Unmarshal([]byte(seed.body), &doc); err != nil {
			t.Fatal(err)
		}
		for member := range doc {
			if strings.HasPrefix(member, "@") {
				continue
			}
			for _, bad := range []string{`12345`, `true`, `[1]`, `{"a":1}`, `"2021-13-45"`} {
				if bad == string(doc[member]) {
					continue
				}
				mutated := maps.Clone(doc)
				mutated[member] = json.RawMessage(bad)
				body, err := json.Marshal(mutated)
				if err != nil {
					t.Fatal(err)
				}
				res := send(t, ts+strings.TrimPrefix(seed.path, "/beta"), "POST", body)
				if res.status == 501 && bad == `"2021-13-45"` {
					continue // a string member
				}
				ge := graphError(t, res, 400, "invalidRequest")
				details, _ := ge["details"].([]any)
				if len(details) == 0 {
					t.Errorf("%s=%s: no details: %s", member, bad, res.body)
				}
				for _, d := range details {
					target, _ := d.(map[string]any)["target"].(string)
					if target != "/"+member && !strings.HasPrefix(target, "/"+member+"/") {
						t.Errorf("%s=%s: detail target %q: %s", member, bad, target, res.body)
					}
				}
				if goName := goNames(res.body); goName != "" {
					t.Errorf("%s=%s: the answer names %q: %s", member, bad, goName, res.body)
				}
			}
		}
	}
}

// TestWireRequiredNull: cloudPcId is required by create cloudPcSnapshot
// (its request-body row says Required.); null does not satisfy it, and
// the problem points at the member. displayName of a device image is
// required only by the page's blanket sentence, which is not enforced:
// null reaches the implementation.
func TestWireRequiredNull(t *testing.T) {
	ts := serve(t)
	for _, tc := range []struct{ body, message string }{
		{`{"cloudPcId":null}`, "the property cloudPcId is required and must not be null"},
		{`{"cloudPcId":null,"status":"ready"}`, "the property cloudPcId is required and must not be null"},
		{`{"status":"ready"}`, "the property cloudPcId is required"},
	} {
		res := send(t, ts.URL+snapsPath, "POST", []byte(tc.body))
		ge := graphError(t, res, 400, "invalidRequest")
		details, _ := ge["details"].([]any)
		if len(details) != 1 {
			t.Fatalf("%s: want one detail: %s", tc.body, res.body)
		}
		d := details[0].(map[string]any)
		if d["target"] != "/cloudPcId" || d["code"] != "required" || d["message"] != tc.message {
			t.Errorf("%s: detail %v, want /cloudPcId required %q", tc.body, d, tc.message)
		}
	}
	if res := send(t, ts.URL+snapsPath, "POST", []byte(`{"cloudPcId":"pc-9"}`)); res.status != 201 {
		t.Errorf("a value: status %d: %s", res.status, res.body)
	}
	if res := send(t, ts.URL+imagesPath, "POST", []byte(`{"displayName":null,"sourceImageResourceId":"/x"}`)); res.status != 201 {
		t.Errorf("null for a member no row requires: status %d: %s", res.status, res.body)
	}
}

// accepting answers a snapshot create with 202 Accepted and a Location to
// poll, as a long-running operation does, and sets an ETag on images.
type accepting struct{ *store }

func (a accepting) CreateCloudPcSnapshot(ctx context.Context, req *generated.CreateCloudPcSnapshotRequest) (*generated.CloudPcSnapshot, error) {
	generated.ServerResponseHeader(ctx).Set("Location", "https://graph.example/beta/operations/op-1")
	generated.ServerSetStatus(ctx, http.StatusAccepted)
	return nil, nil
}

func (a accepting) CreateCloudPcDeviceImage(ctx context.Context, req *generated.CreateCloudPcDeviceImageRequest) (*generated.CloudPcDeviceImage, error) {
	img, err := a.store.CreateCloudPcDeviceImage(ctx, req)
	if err == nil {
		generated.ServerResponseHeader(ctx).Set("ETag", `W/"1"`)
		generated.ServerResponseHeader(ctx).Set("Location", "https://graph.example/beta/deviceManagement/virtualEndpoint/deviceImages/"+img.ID.Value)
	}
	return img, err
}

func TestWireAnswerShapes(t *testing.T) {
	a := accepting{newStore()}
	srv := generated.NewServer(generated.Servers{CloudPcDeviceImages: a, CloudPcSnapshots: a}, generated.WithPrefix("/beta"), generated.WithODataSelect())
	ts := newTestServer(t, srv)
	res := send(t, ts+snapsPath, "POST", []byte(snapBody))
	if res.status != 202 || res.header.Get("Location") != "https://graph.example/beta/operations/op-1" || len(res.body) != 0 {
		t.Errorf("202: status %d, Location %q, body %q", res.status, res.header.Get("Location"), res.body)
	}
	res = send(t, ts+imagesPath+"?$select=displayName", "POST", []byte(imageBody))
	if res.status != 201 || res.header.Get("ETag") != `W/"1"` || !strings.Contains(res.header.Get("Location"), "/deviceImages/") {
		t.Errorf("201: status %d, headers %v", res.status, res.header)
	}
	var got map[string]any
	if err := json.Unmarshal(res.body, &got); err != nil {
		t.Fatal(err)
	}
	if _, ok := got["status"]; ok || got["displayName"] != "Win11 Enterprise" || got["id"] == nil || got["@odata.type"] == nil {
		t.Errorf("$select=displayName not applied: %s", res.body)
	}
	// Graph's error constructors keep their status and code.
	for _, tc := range []struct {
		err    *generated.GraphError
		status int
		code   string
	}{
		{generated.GraphNotFound("no such image"), 404, "itemNotFound"},
		{generated.GraphForbidden("no"), 403, "accessDenied"},
		{generated.GraphConflict("exists"), 409, "nameAlreadyExists"},
		{generated.GraphBadRequest("bad"), 400, "invalidRequest"},
	} {
		if tc.err.Status != tc.status || tc.err.Code != tc.code || tc.err.Message == "" {
			t.Errorf("%v: want %d %s", tc.err, tc.status, tc.code)
		}
	}
}

func TestWireBatch(t *testing.T) {
	ts := serve(t)
	batch := `{"requests":[
	  {"id":"1","method":"POST","url":"/deviceManagement/virtualEndpoint/snapshots","headers":{"Content-Type":"application/json"},"body":{"cloudPcId":"pc-1"}},
	  {"id":"2","method":"POST","url":"deviceManagement/virtualEndpoint/deviceImages","dependsOn":["1"],"body":{"displayName":"img"}},
	  {"id":"3","method":"POST","url":"/deviceManagement/virtualEndpoint/deviceImages","body":{"displayName":42}},
	  {"id":"4","method":"POST","url":"/deviceManagement/virtualEndpoint/snapshots","dependsOn":["3"],"body":{"cloudPcId":"pc-2"}},
	  {"id":"5","method":"GET","url":"/deviceManagement/virtualEndpoint/nothing"}
	]}`
	res := send(t, ts.URL+"/beta/$batch", "POST", []byte(batch), "client-request-id", "batch-1")
	if res.status != 200 {
		t.Fatalf("status %d: %s", res.status, res.body)
	}
	var out struct {
		Responses []struct {
			ID      string
			Status  int
			Headers map[string]string
			Body    map[string]any
		}
	}
	if err := json.Unmarshal(res.body, &out); err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"1": 201, "2": 201, "3": 400, "4": 424, "5": 404}
	if len(out.Responses) != len(want) {
		t.Fatalf("%d responses: %s", len(out.Responses), res.body)
	}
	for _, r := range out.Responses {
		if r.Status != want[r.ID] {
			t.Errorf("request %s: status %d, want %d: %v", r.ID, r.Status, want[r.ID], r.Body)
		}
	}
	if out.Responses[0].Body["cloudPcId"] != "pc-1" || out.Responses[0].Headers["Content-Type"] != "application/json" {
		t.Errorf("request 1: %+v", out.Responses[0])
	}
	// More than 20 requests is a 400.
	var reqs []string
	for i := range 21 {
		reqs = append(reqs, `{"id":"`+string(rune('a'+i))+`","method":"GET","url":"/x"}`)
	}
	res = send(t, ts.URL+"/beta/$batch", "POST", []byte(`{"requests":[`+strings.Join(reqs, ",")+`]}`))
	graphError(t, res, 400, "invalidRequest")
}

func TestWireApplyPatch(t *testing.T) {
	var stored, patch generated.CloudPcDeviceImage
	if err := json.Unmarshal([]byte(imageBody), &stored); err != nil {
		t.Fatal(err)
	}
	// displayName: value; version: null; the rest absent; an unknown
	// member merged.
	if err := json.Unmarshal([]byte(`{"displayName":"Renamed","version":null,"custom":1}`), &patch); err != nil {
		t.Fatal(err)
	}
	generated.ServerApplyPatch(&stored, &patch)
	b, err := json.Marshal(stored)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got["displayName"] != "Renamed" || got["version"] != nil || got["osBuildNumber"] != "22000" || got["status"] != "pending" || got["custom"] != 1.0 {
		t.Errorf("patched: %s", b)
	}
	if v, ok := got["version"]; !ok || v != nil {
		t.Errorf("version not cleared to null: %s", b)
	}
}

// newTestServer serves h and returns its URL.
func newTestServer(t *testing.T, h http.Handler) string {
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts.URL
}

func TestWireStrictBody(t *testing.T) {
	lenient, strict := serve(t), serve(t, generated.WithStrictBody())
	body := `{"cloudPcId":"pc-1","colour":"red","status":"ready","status":"ready","@odata.type":"#microsoft.graph.cloudPcSnapshot"}`
	if res := send(t, lenient.URL+snapsPath, "POST", []byte(body)); res.status != 201 {
		t.Errorf("lenient: status %d: %s", res.status, res.body)
	}
	res := send(t, strict.URL+snapsPath, "POST", []byte(body))
	ge := graphError(t, res, 400, "invalidRequest")
	var got []string
	for _, d := range ge["details"].([]any) {
		got = append(got, d.(map[string]any)["target"].(string)+" "+d.(map[string]any)["code"].(string))
	}
	if strings.Join(got, ", ") != "/colour unknownMember, /status duplicateMember" {
		t.Errorf("strict: details %v: %s", got, res.body)
	}
	if res := send(t, strict.URL+snapsPath, "POST", []byte(snapBody)); res.status != 201 {
		t.Errorf("strict, a documented body: status %d: %s", res.status, res.body)
	}
}

// refusing answers every create with one of Graph's error constructors,
// after setting a response header as a throttled Graph answer does.
type refusing struct{ err *generated.GraphError }

func (r refusing) CreateCloudPcSnapshot(ctx context.Context, req *generated.CreateCloudPcSnapshotRequest) (*generated.CloudPcSnapshot, error) {
	generated.ServerResponseHeader(ctx).Set("Retry-After", "7")
	return nil, r.err
}

func (r refusing) CreateCloudPcDeviceImage(ctx context.Context, req *generated.CreateCloudPcDeviceImageRequest) (*generated.CloudPcDeviceImage, error) {
	return nil, r.err
}

// TestWireErrorConstructors: an implementation's Graph error travels as
// Graph writes it, with its status, code, message and the headers the
// implementation set.
func TestWireErrorConstructors(t *testing.T) {
	for _, tc := range []struct {
		err    *generated.GraphError
		status int
		code   string
	}{
		{generated.GraphNotFound("The snapshot's Cloud PC does not exist."), 404, "itemNotFound"},
		{generated.GraphForbidden("Not allowed."), 403, "accessDenied"},
		{generated.GraphTooManyRequests("Slow down."), 429, ""},
		{generated.GraphServiceUnavailable("Try later."), 503, ""},
	} {
		r := refusing{tc.err}
		ts := newTestServer(t, generated.NewServer(generated.Servers{CloudPcSnapshots: r, CloudPcDeviceImages: r}))
		res := send(t, ts+"/deviceManagement/virtualEndpoint/snapshots", "POST", []byte(snapBody), "client-request-id", "c-1")
		code := tc.code
		if code == "" {
			code = tc.err.Code
		}
		ge := graphError(t, res, tc.status, code)
		if ge["message"] != tc.err.Message {
			t.Errorf("%d: message %v, want %q", tc.status, ge["message"], tc.err.Message)
		}
		if res.header.Get("Retry-After") != "7" || res.header.Get("client-request-id") != "c-1" || res.header.Get("request-id") == "" {
			t.Errorf("%d: headers %v", tc.status, res.header)
		}
	}
}
