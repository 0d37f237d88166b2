package runtime

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// One route per method and path for the operations of several derived
// types: the body's @odata.type picks the handler, the first one (the base
// type's) when it names none of them, and the handler still reads the
// whole body.
func TestServerPolymorphicDispatch(t *testing.T) {
	echo := func(name string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			_, _ = io.WriteString(w, name+" "+string(b))
		})
	}
	s := newServer([]ServerOption{WithPrefix("/beta")})
	s.add([]serverRoute{
		{method: "POST", pattern: "/apps", odataType: "microsoft.graph.mobileApp", handler: echo("base")},
		{method: "POST", pattern: "/apps", odataType: "microsoft.graph.androidLobApp", handler: echo("android")},
		{method: "POST", pattern: "/apps", odataType: "microsoft.graph.iosLobApp", handler: echo("ios")},
	})
	ts := httptest.NewServer(s)
	defer ts.Close()
	for body, want := range map[string]string{
		`{"@odata.type":"#microsoft.graph.androidLobApp","a":1}`: "android",
		`{"x":1,"@odata.type":"#microsoft.graph.iOSLobApp"}`:     "ios",
		`{"@odata.type":"#microsoft.graph.webApp"}`:              "base",
		`{"displayName":"x"}`:                                    "base",
		`not json`:                                               "base",
	} {
		resp, err := http.Post(ts.URL+"/beta/apps", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(got) != want+" "+body {
			t.Errorf("%s: got %q, want %s with the whole body", body, got, want)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("two routes of the same body type registered")
		}
	}()
	s.add([]serverRoute{{method: "POST", pattern: "/apps", odataType: "microsoft.graph.iosLobApp", handler: echo("again")}})
}

// The base type's route (no odataType) is the default whatever its
// registration order: a body naming no derived type reaches it.
func TestServerPolymorphicBaseDefault(t *testing.T) {
	echo := func(name string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, name) })
	}
	s := newServer(nil)
	s.add([]serverRoute{
		{method: "POST", pattern: "/widgets", odataType: "microsoft.graph.gizmo", handler: echo("gizmo")},
		{method: "POST", pattern: "/widgets", handler: echo("widget")},
		{method: "POST", pattern: "/widgets", odataType: "microsoft.graph.sprocket", handler: echo("sprocket")},
	})
	ts := httptest.NewServer(s)
	defer ts.Close()
	for body, want := range map[string]string{
		`{"@odata.type":"#microsoft.graph.sprocket"}`: "sprocket",
		`{"@odata.type":"#microsoft.graph.gizmo"}`:    "gizmo",
		`{"@odata.type":"#microsoft.graph.widget"}`:   "widget",
		`{"displayName":"x"}`:                         "widget",
	} {
		resp, err := http.Post(ts.URL+"/widgets", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(got) != want {
			t.Errorf("%s: reached %s, want %s", body, got, want)
		}
	}
}

// Graph ignores a trailing slash.
func TestServerTrailingSlash(t *testing.T) {
	s := newServer([]ServerOption{WithPrefix("/beta")})
	s.add([]serverRoute{{method: "GET", pattern: "/me/messages/{id}", handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, r.PathValue("id"))
	})}})
	for path, want := range map[string]int{"/beta/me/messages/a1/": 200, "/beta/me/Messages/a1/": 200, "/beta/me/messages/": 404, "/beta/": 404} {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != want || want == 200 && w.Body.String() != "a1" {
			t.Errorf("%s: %d %s, want %d", path, w.Code, w.Body, want)
		}
	}
}

// Graph's path aliases reach the route of the path they stand for.
func TestServerAliases(t *testing.T) {
	echo := func(name string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.WriteString(w, name+" "+r.PathValue("id")+" "+r.PathValue("item")+" "+r.URL.RawQuery)
		})
	}
	s := newServer([]ServerOption{WithPrefix("/v1.0")})
	s.add([]serverRoute{
		{method: "GET", pattern: "/users/{id}/ownedDevices", handler: echo("owned")},
		{method: "GET", pattern: "/users/{id}/drive/items/{item}/children", handler: echo("children")},
		{method: "GET", pattern: "/drives/{id}/items/{item}/children", handler: echo("drives")},
		{method: "GET", pattern: "/education/users/{id}/assignments", handler: echo("assignments")},
		{method: "GET", pattern: "/me/messages", handler: echo("messages")},
	})
	ts := httptest.NewServer(s)
	defer ts.Close()
	for path, want := range map[string]string{
		"/v1.0/me/ownedDevices?$top=2":      "200 owned me  $top=2",
		"/v1.0/me/drive/root/children":      "200 children me root ",
		"/v1.0/drive/root/children":         "200 children me root ",
		"/v1.0/Drive/Root/Children":         "200 children me Root ",
		"/v1.0/drives/d1/root/children":     "200 drives d1 root ",
		"/v1.0/education/me/assignments":    "200 assignments me  ",
		"/v1.0/me/messages":                 "200 messages   ",
		"/v1.0/me/nothing":                  "404",
		"/v1.0/users/me/drive/root/nowhere": "404",
	} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got := fmt.Sprint(resp.StatusCode)
		if resp.StatusCode == http.StatusOK {
			got += " " + string(b)
		}
		if got != want {
			t.Errorf("GET %s: %q, want %q", path, got, want)
		}
	}
}

// A path whose pattern matches a function route but whose segment is no
// call of it still reaches the route an alias leads to.
func TestServerAliasAfterFunctionPattern(t *testing.T) {
	echo := func(name string) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, name) })
	}
	s := newServer(nil)
	s.add([]serverRoute{
		{method: "GET", pattern: "/me/drive/root/{seg4}", segments: []serverSegment{{wildcard: "seg4", name: "search", params: []serverSegmentParam{{arg: "q", path: "q"}}}}, handler: echo("search")},
		{method: "GET", pattern: "/me/drive/items/{item}/children", handler: echo("children")},
	})
	ts := httptest.NewServer(s)
	defer ts.Close()
	for path, want := range map[string]string{
		"/me/drive/root/search(q='x')": "200 search",
		"/me/drive/root/children":      "200 children",
		"/me/drive/root/nothing":       "404 ",
	} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got := fmt.Sprint(resp.StatusCode) + " "
		if resp.StatusCode == http.StatusOK {
			got += string(b)
		}
		if got != want {
			t.Errorf("GET %s: %q, want %q", path, got, want)
		}
	}
}
