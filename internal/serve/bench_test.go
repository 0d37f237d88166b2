package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/parser"
)

// benchServer serves the seed pages plus the get and list pages of
// testdata/docs, stateful, with one stored snapshot.
func benchServer(b *testing.B) (*Server, string) {
	pkg, err := parser.ParsePaths("../../docs", "testdata/docs")
	if err != nil {
		b.Fatal(err)
	}
	srv, err := New(pkg, Options{Stateful: true, Seed: []byte(`{"deviceManagement/virtualEndpoint/snapshots":[{"id":"s1","cloudPcId":"pc-1","status":"ready"}]}`)})
	if err != nil {
		b.Fatal(err)
	}
	return srv, "/deviceManagement/virtualEndpoint/snapshots"
}

// BenchmarkServeGet is the in-process cost of a documented GET in
// stateful mode (scripts/serve-load.sh measures it over loopback against
// the generated server).
func BenchmarkServeGet(b *testing.B) {
	srv, coll := benchServer(b)
	req := httptest.NewRequest("GET", coll+"/s1", nil)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code, rec.Body)
		}
	}
}

// BenchmarkServeCreate is the in-process cost of a create (stateful,
// in memory).
func BenchmarkServeCreate(b *testing.B) {
	srv, coll := benchServer(b)
	const body = `{"cloudPcId":"pc-1","status":"ready","lastRestoredDateTime":"2021-07-01T00:00:00Z"}`
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", coll, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusCreated {
			b.Fatal(rec.Code, rec.Body)
		}
	}
}

// BenchmarkNewCorpus is the cost of building the server of the whole
// corpus once its pages are parsed (the part of `docgen serve`'s startup
// that is serve's own; scripts/serve-load.sh times the whole startup).
func BenchmarkNewCorpus(b *testing.B) {
	pkg := loadCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(pkg, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkServeExample is the in-process cost of a documented GET
// answered with its response example (not stateful), without a request
// log and with each format of it.
func BenchmarkServeExample(b *testing.B) {
	pkg, err := parser.ParsePaths("../../docs", "testdata/docs")
	if err != nil {
		b.Fatal(err)
	}
	for _, log := range []string{"none", "text", "json"} {
		b.Run("log="+log, func(b *testing.B) {
			opts := Options{LogJSON: log == "json"}
			if log != "none" {
				opts.Log = io.Discard
			}
			srv, err := New(pkg, opts)
			if err != nil {
				b.Fatal(err)
			}
			req := httptest.NewRequest("GET", "/deviceManagement/virtualEndpoint/snapshots/CPC_1", nil)
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || rec.Header().Get("Docgen-Example") == "" {
					b.Fatal(rec.Code, rec.Body)
				}
			}
		})
	}
}
