package runtime

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A generated route table, written by hand: two groups in a Servers
// struct, the second left nil.

type srvtOpsServers struct {
	Images  srvtImagesServer
	Content srvtContentServer
}

var srvtOpsRoutes = []serverRoute{
	{method: "POST", pattern: "/images", group: 0, name: "CreateImage", op: srvtOpCreate, status: http.StatusCreated, req: (*srvtCreateRequest)(nil),
		call: func(impl any, ctx context.Context, req any) (any, error) {
			return impl.(*srvtOpsServers).Images.CreateImage(ctx, req.(*srvtCreateRequest))
		}},
	{method: "GET", pattern: "/images/{imageID}", group: 0, name: "GetImage", status: http.StatusOK, req: (*srvtGetRequest)(nil),
		call: func(impl any, ctx context.Context, req any) (any, error) {
			return impl.(*srvtOpsServers).Images.GetImage(ctx, req.(*srvtGetRequest))
		}},
	{method: "DELETE", pattern: "/images/{imageID}", group: 0, name: "DeleteImage", status: http.StatusNoContent, answer: answerNoContent, req: (*srvtGetRequest)(nil),
		call: func(impl any, ctx context.Context, req any) (any, error) {
			return nil, impl.(*srvtOpsServers).Images.DeleteImage(ctx, req.(*srvtGetRequest))
		}},
	{method: "GET", pattern: "/items/{itemID}/content", group: 1, name: "GetContent", status: http.StatusFound, answer: answerRedirect, req: (*srvtContentRequest)(nil),
		call: func(impl any, ctx context.Context, req any) (any, error) {
			return impl.(*srvtOpsServers).Content.GetContent(ctx, req.(*srvtContentRequest))
		}},
}

func TestAddOps(t *testing.T) {
	impl := &srvtImpl{}
	s := newServer(nil)
	s.addOps(&srvtOpsServers{Images: impl}, srvtOpsRoutes)
	ts := httptest.NewServer(s)
	defer ts.Close()
	client := ts.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	do := func(method, path, body string) (int, string) {
		t.Helper()
		var rd io.Reader
		if body != "" {
			rd = strings.NewReader(body)
		}
		req, _ := http.NewRequest(method, ts.URL+path, rd)
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		req.Header.Set("client-request-id", "c-1")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := do("POST", "/images", `{"displayName":"a"}`); code != http.StatusCreated || !strings.Contains(body, `"displayName":"a"`) {
		t.Errorf("create: %d %s", code, body)
	}
	impl.mu.Lock()
	got, ok := impl.lastReq.(*srvtCreateRequest)
	impl.mu.Unlock()
	if !ok || got.ClientRequestID != "c-1" || got.Body == nil || got.Body.DisplayName != "a" {
		t.Errorf("create: the implementation got %#v", impl.lastReq)
	}
	// The body's ValidateFor gets the route's op: displayName is required.
	if code, body := do("POST", "/images", `{"status":"ready"}`); code != http.StatusBadRequest || !strings.Contains(body, "/displayName") {
		t.Errorf("create without displayName: %d %s", code, body)
	}
	if code, body := do("GET", "/images/img-7?$select=id", ""); code != http.StatusOK || !strings.Contains(body, "img-7") {
		t.Errorf("get: %d %s", code, body)
	}
	if code, body := do("DELETE", "/images/img-7", ""); code != http.StatusNoContent {
		t.Errorf("delete: %d %s", code, body)
	}
	// The nil group answers 501 naming the method.
	if code, body := do("GET", "/items/x/content", ""); code != http.StatusNotImplemented || !strings.Contains(body, "GetContent is not implemented") {
		t.Errorf("nil group: %d %s", code, body)
	}
}
