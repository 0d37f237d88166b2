package runtime

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// A list operation: the implementation returns the whole collection (or
// pages itself when asked to).
type srvtListRequest struct {
	Query ODataQuery
}

type srvtLister struct {
	n      int
	delta  bool
	own    bool   // page itself with its own $skiptoken
	base   string // the server's URL, for its own nextLink
	mu     sync.Mutex
	tokens []string // the $skiptoken of each call
}

func (l *srvtLister) ListImages(ctx context.Context, req *srvtListRequest) (*ODataCollection[srvtImage], error) {
	l.mu.Lock()
	l.tokens = append(l.tokens, req.Query.SkipToken)
	l.mu.Unlock()
	out := &ODataCollection[srvtImage]{Context: "https://graph.microsoft.com/v1.0/$metadata#images"}
	from := 0
	if l.own && req.Query.SkipToken != "" {
		fmt.Sscanf(req.Query.SkipToken, "mine-%d", &from)
	}
	for i := from; i < l.n; i++ {
		out.Value = append(out.Value, srvtImage{ID: fmt.Sprintf("img-%d", i)})
		if l.own && len(out.Value) == 3 && i+1 < l.n {
			out.NextLink = fmt.Sprintf("%s/beta/images?$skiptoken=mine-%d", l.base, i+1)
			break
		}
	}
	if l.delta {
		out.DeltaLink = "https://graph.microsoft.com/v1.0/images/delta?$deltatoken=abc"
	}
	return out, nil
}

func srvtListServer(l *srvtLister, opts ...ServerOption) *httptest.Server {
	s := newServer(append([]ServerOption{WithPrefix("/beta")}, opts...))
	s.add([]serverRoute{{method: "GET", pattern: "/images", handler: handleJSON(s.cfg, http.StatusOK, l.ListImages)}})
	return httptest.NewServer(s)
}

// srvtWalk follows @odata.nextLink from url as the SDKs' page iterators do
// (msgraph-sdk-go's PageIterator: GET the link as given until none is
// left) and returns the pages' item ids and the last page's deltaLink.
func srvtWalk(t *testing.T, url string) (pages [][]string, deltaLink string) {
	t.Helper()
	for url != "" && len(pages) < 100 {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		var page ODataCollection[srvtImage]
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
		}
		var ids []string
		for _, v := range page.Value {
			ids = append(ids, v.ID)
		}
		pages = append(pages, ids)
		if page.NextLink != "" && page.DeltaLink != "" {
			t.Errorf("GET %s: a page with both nextLink and deltaLink", url)
		}
		url, deltaLink = page.NextLink, page.DeltaLink
	}
	return pages, deltaLink
}

func srvtSizes(pages [][]string) string {
	var b strings.Builder
	for i, p := range pages {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, len(p))
	}
	return b.String()
}

func TestServerPaging(t *testing.T) {
	tests := []struct {
		name   string
		lister *srvtLister
		opts   []ServerOption
		query  string
		sizes  string
		delta  bool
	}{
		{name: "fits one page", lister: &srvtLister{n: 7}, sizes: "7"},
		{name: "default page size", lister: &srvtLister{n: 250}, sizes: "100,100,50"},
		{name: "page size option", lister: &srvtLister{n: 7}, opts: []ServerOption{WithPageSize(3)}, sizes: "3,3,1"},
		{name: "paging off", lister: &srvtLister{n: 250}, opts: []ServerOption{WithPageSize(-1)}, sizes: "250"},
		{name: "$top pages", lister: &srvtLister{n: 5}, query: "?$top=2", sizes: "2,2,1"},
		{name: "top without $", lister: &srvtLister{n: 5}, query: "?top=4&$select=id", sizes: "4,1"},
		{name: "$top above page size", lister: &srvtLister{n: 5}, opts: []ServerOption{WithPageSize(2)}, query: "?$top=3", sizes: "2,2,1"},
		{name: "empty", lister: &srvtLister{n: 0}, sizes: "0"},
		{name: "deltaLink on the last page", lister: &srvtLister{n: 5, delta: true}, query: "?$top=2", sizes: "2,2,1", delta: true},
		{name: "implementation pages itself", lister: &srvtLister{n: 7, own: true}, opts: []ServerOption{WithPageSize(2)}, sizes: "3,3,1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ts := srvtListServer(tc.lister, tc.opts...)
			defer ts.Close()
			tc.lister.base = ts.URL
			pages, delta := srvtWalk(t, ts.URL+"/beta/images"+tc.query)
			if got := srvtSizes(pages); got != tc.sizes {
				t.Errorf("page sizes %s, want %s", got, tc.sizes)
			}
			var all []string
			for _, p := range pages {
				all = append(all, p...)
			}
			if !tc.lister.own {
				for i, id := range all {
					if want := fmt.Sprintf("img-%d", i); id != want {
						t.Fatalf("item %d is %s, want %s (pages %v)", i, id, want, pages)
					}
				}
				if len(all) != tc.lister.n {
					t.Errorf("%d items, want %d", len(all), tc.lister.n)
				}
				// The implementation never sees the Server's own tokens.
				for _, tok := range tc.lister.tokens {
					if tok != "" {
						t.Errorf("the implementation saw $skiptoken=%s", tok)
					}
				}
			}
			if (delta != "") != tc.delta {
				t.Errorf("deltaLink %q on the last page, want one: %v", delta, tc.delta)
			}
		})
	}
}

// A nextLink keeps the request's other options and names the host the
// client called; an implementation's own token reaches it unchanged.
func TestServerPagingNextLink(t *testing.T) {
	l := &srvtLister{n: 5}
	ts := srvtListServer(l, WithPageSize(2))
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/beta/images?$select=id&$skiptoken=docgen-offset-2&$filter=x%20eq%201")
	if err != nil {
		t.Fatal(err)
	}
	var page ODataCollection[srvtImage]
	_ = json.NewDecoder(resp.Body).Decode(&page)
	resp.Body.Close()
	want := ts.URL + "/beta/images?$select=id&$filter=x%20eq%201&$skiptoken=docgen-offset-4"
	if page.NextLink != want || len(page.Value) != 2 || page.Value[0].ID != "img-2" {
		t.Errorf("nextLink %q, items %v; want %q and img-2, img-3", page.NextLink, page.Value, want)
	}
	resp, err = http.Get(ts.URL + "/beta/images?$skiptoken=theirs")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := l.tokens[len(l.tokens)-1]; got != "theirs" {
		t.Errorf("the implementation saw $skiptoken %q, want theirs", got)
	}
}

// A cast segment reaches the collection's route with the cast available
// to the implementation; $count answers the number of items as text.
func TestServerCastAndCount(t *testing.T) {
	var casts []string
	var mu sync.Mutex
	list := func(ctx context.Context, req *srvtListRequest) (*ODataCollection[srvtImage], error) {
		mu.Lock()
		casts = append(casts, ServerCast(ctx))
		mu.Unlock()
		return &ODataCollection[srvtImage]{Value: make([]srvtImage, 3)}, nil
	}
	s := newServer([]ServerOption{WithPrefix("/v1.0")})
	s.add([]serverRoute{{method: "GET", pattern: "/groups/{id}/members", handler: handleJSON(s.cfg, http.StatusOK, list)}})
	ts := httptest.NewServer(s)
	defer ts.Close()
	for path, want := range map[string]string{
		"/v1.0/groups/1/members/microsoft.graph.user":        "200 application/json microsoft.graph.user",
		"/v1.0/groups/1/members/$count":                      "200 text/plain 3",
		"/v1.0/groups/1/members/microsoft.graph.user/$count": "200 text/plain 3 microsoft.graph.user",
		"/v1.0/groups/1/members":                             "200 application/json ",
		"/v1.0/groups/1/owners/$count":                       "404",
	} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got := fmt.Sprint(resp.StatusCode)
		if resp.StatusCode == http.StatusOK {
			got += " " + resp.Header.Get("Content-Type")
			if resp.Header.Get("Content-Type") == "text/plain" {
				got += " " + string(b)
			}
			mu.Lock()
			if c := casts[len(casts)-1]; c != "" || !strings.Contains(want, "text/plain") {
				got += " " + c
			}
			mu.Unlock()
			got = strings.TrimSuffix(got, " ") + map[bool]string{true: " ", false: ""}[strings.HasSuffix(want, " ")]
		}
		if got != want {
			t.Errorf("GET %s: %q, want %q", path, got, want)
		}
	}
}
