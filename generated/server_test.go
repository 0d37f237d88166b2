package generated_test

// Hand-written tests of the generated servers for the seed pages: a real
// HTTP client against httptest.NewServer, through the exported API only
// (NewServer and Servers, the request types, GraphError, the options).

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docgen-dev/docgen/generated"
)

// store is a small in-memory implementation of both seed groups.
type store struct {
	mu     sync.Mutex
	n      int
	images map[string]generated.CloudPcDeviceImage
	snaps  map[string]generated.CloudPcSnapshot
}

func newStore() *store {
	return &store{images: map[string]generated.CloudPcDeviceImage{}, snaps: map[string]generated.CloudPcSnapshot{}}
}

func (s *store) nextID() string {
	s.n++
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", s.n)
}

func (s *store) CreateCloudPcDeviceImage(ctx context.Context, req *generated.CreateCloudPcDeviceImageRequest) (*generated.CloudPcDeviceImage, error) {
	if req.Body.DisplayName.Value == "panic" {
		panic("store invariant broken: secret detail")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, img := range s.images {
		if img.DisplayName == req.Body.DisplayName {
			return nil, &generated.GraphError{Status: http.StatusConflict, Code: "nameAlreadyExists", Message: "An image named " + req.Body.DisplayName.Value + " exists."}
		}
	}
	img := *req.Body
	img.ID = generated.Some(s.nextID())
	s.images[img.ID.Value] = img
	return &img, nil
}

func (s *store) CreateCloudPcSnapshot(ctx context.Context, req *generated.CreateCloudPcSnapshotRequest) (*generated.CloudPcSnapshot, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	snap := *req.Body
	snap.ID = generated.Some(s.nextID())
	snap.CreatedDateTime = generated.Some(time.Date(2021, 7, 1, 12, 0, 0, 0, time.UTC))
	s.snaps[snap.ID.Value] = snap
	return &snap, nil
}

func serve(t *testing.T, opts ...generated.ServerOption) *httptest.Server {
	t.Helper()
	st := newStore()
	opts = append([]generated.ServerOption{generated.WithPrefix("/beta")}, opts...)
	ts := httptest.NewServer(generated.NewServer(generated.Servers{CloudPcDeviceImages: st, CloudPcSnapshots: st}, opts...))
	t.Cleanup(ts.Close)
	return ts
}

type answer struct {
	status int
	header http.Header
	body   []byte
}

func call(t *testing.T, ts *httptest.Server, method, path, contentType, body string) answer {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Authorization", "Bearer token")
	resp, err := ts.Client().Do(req)
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

const (
	imagesPath = "/beta/deviceManagement/virtualEndpoint/deviceImages"
	snapsPath  = "/beta/deviceManagement/virtualEndpoint/snapshots"
	imageBody  = `{
  "@odata.type": "#microsoft.graph.cloudPcDeviceImage",
  "displayName": "Win11 Enterprise",
  "operatingSystem": "Windows 11",
  "osBuildNumber": "22000",
  "version": "0.0.1",
  "lastModifiedDateTime": "2021-07-01T10:00:00Z",
  "status": "pending",
  "statusDetails": "internalServerError",
  "sourceImageResourceId": "/subscriptions/x/images/win11"
}`
	snapBody = `{"@odata.type": "#microsoft.graph.cloudPcSnapshot", "cloudPcId": "pc-1", "status": "ready"}`
)

func TestSeedCreatesAnswer201(t *testing.T) {
	ts := serve(t)
	tests := []struct {
		path, body string
		want       map[string]any // members the answer must have, with these values
	}{
		{imagesPath, imageBody, map[string]any{"displayName": "Win11 Enterprise", "status": "pending", "@odata.type": "#microsoft.graph.cloudPcDeviceImage", "lastModifiedDateTime": "2021-07-01T10:00:00Z"}},
		{snapsPath, snapBody, map[string]any{"cloudPcId": "pc-1", "status": "ready", "createdDateTime": "2021-07-01T12:00:00Z"}},
	}
	for _, tc := range tests {
		res := call(t, ts, "POST", tc.path, "application/json", tc.body)
		if res.status != http.StatusCreated {
			t.Fatalf("POST %s: status %d, want 201: %s", tc.path, res.status, res.body)
		}
		if ct := res.header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("POST %s: Content-Type %q", tc.path, ct)
		}
		var got map[string]any
		if err := json.Unmarshal(res.body, &got); err != nil {
			t.Fatalf("POST %s: body is not JSON: %v", tc.path, err)
		}
		if id, _ := got["id"].(string); !strings.HasPrefix(id, "00000000-") {
			t.Errorf("POST %s: id = %v, want the store's id", tc.path, got["id"])
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("POST %s: %s = %v, want %v (body %s)", tc.path, k, got[k], v, res.body)
			}
		}
	}
}

// graphError checks the Graph error shape and returns the error object.
func graphError(t *testing.T, res answer, status int, code string) map[string]any {
	t.Helper()
	if res.status != status {
		t.Errorf("status %d, want %d: %s", res.status, status, res.body)
	}
	var env struct {
		Error map[string]any `json:"error"`
	}
	if err := json.Unmarshal(res.body, &env); err != nil || env.Error == nil {
		t.Fatalf("not a Graph error (%v): %s", err, res.body)
	}
	if env.Error["code"] != code || env.Error["message"] == "" {
		t.Errorf("code %v, want %q: %s", env.Error["code"], code, res.body)
	}
	inner, _ := env.Error["innerError"].(map[string]any)
	if inner["request-id"] == nil || inner["date"] == nil {
		t.Errorf("innerError lacks request-id or date: %s", res.body)
	}
	return env.Error
}

func TestSeedErrors(t *testing.T) {
	ts := serve(t, generated.WithMaxBodyBytes(1024))
	tests := []struct {
		name, method, path, ctype, body string
		status                          int
		code                            string
		targets                         []string
	}{
		{"wrong method", "GET", imagesPath, "", "", 405, "notAllowed", nil},
		{"wrong content type", "POST", imagesPath, "text/xml", imageBody, 415, "notSupported", nil},
		{"malformed JSON", "POST", snapsPath, "application/json", `{"cloudPcId": "pc-1",`, 400, "invalidRequest", nil},
		{"oversized body", "POST", snapsPath, "application/json", `{"cloudPcId": "` + strings.Repeat("x", 2000) + `"}`, 413, "requestEntityTooLarge", nil},
		{"unknown route", "GET", "/beta/deviceManagement/virtualEndpoint/nothing", "", "", 404, "itemNotFound", nil},
		{"validation", "POST", imagesPath, "application/json", `{"displayName": "x", "status": "bogus"}`, 400, "invalidRequest",
			[]string{"/status"}},
		{"panic", "POST", imagesPath, "application/json", strings.Replace(imageBody, "Win11 Enterprise", "panic", 1), 500, "generalException", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := call(t, ts, tc.method, tc.path, tc.ctype, tc.body)
			e := graphError(t, res, tc.status, tc.code)
			if tc.status == 405 && res.header.Get("Allow") != "POST" {
				t.Errorf("Allow = %q, want POST", res.header.Get("Allow"))
			}
			if bytes.Contains(res.body, []byte("secret")) {
				t.Errorf("the answer leaks the panic: %s", res.body)
			}
			if tc.targets == nil {
				return
			}
			details, _ := e["details"].([]any)
			var got []string
			for _, d := range details {
				got = append(got, d.(map[string]any)["target"].(string))
			}
			if strings.Join(got, " ") != strings.Join(tc.targets, " ") {
				t.Errorf("detail targets %v, want %v: %s", got, tc.targets, res.body)
			}
		})
	}
	// A *GraphError from the implementation keeps its status and code.
	if res := call(t, ts, "POST", imagesPath, "application/json", imageBody); res.status != 201 {
		t.Fatalf("first create: %d %s", res.status, res.body)
	}
	graphError(t, call(t, ts, "POST", imagesPath, "application/json", imageBody), 409, "nameAlreadyExists")
}
