package runtime

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The adapter against a hand-written net/http handler doing the same work:
// Content-Type check, body limit, decode, ValidateFor, call, encode.
//
//	go test ./templates/runtime -run '^$' -bench Server -benchmem

const srvtBenchBody = `{"displayName":"Windows 11 Enterprise","status":"ready"}`

func srvtHandWritten(impl *srvtImpl) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			http.Error(w, "unsupported media type", http.StatusUnsupportedMediaType)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, DefaultMaxBodyBytes)
		var in srvtImage
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if err := in.ValidateFor(srvtOpCreate); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		out, err := impl.CreateImage(r.Context(), &srvtCreateRequest{Body: &in})
		if err != nil {
			http.Error(w, "internal", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(out)
	}
}

func srvtBench(b *testing.B, h http.Handler) {
	body := []byte(srvtBenchBody)
	r := httptest.NewRequest("POST", "/deviceManagement/images", nil)
	r.Header.Set("Content-Type", "application/json")
	r = r.WithContext(context.Background())
	w := httptest.NewRecorder()
	// Check once that the handler answers 201.
	r.Body = io.NopCloser(bytes.NewReader(body))
	h.ServeHTTP(w, r)
	if w.Code != http.StatusCreated {
		b.Fatalf("status %d: %s", w.Code, w.Body)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w.Body.Reset()
		clear(w.Header())
		r.Body = io.NopCloser(bytes.NewReader(body))
		h.ServeHTTP(w, r)
	}
}

func BenchmarkServerAdapter(b *testing.B) {
	srvtBench(b, newSrvtServer(srvtServers{Images: &srvtImpl{}}))
}

func BenchmarkServerHandWritten(b *testing.B) {
	mux := http.NewServeMux()
	mux.Handle("POST /deviceManagement/images", srvtHandWritten(&srvtImpl{}))
	srvtBench(b, mux)
}

// The same request with its body gzip-compressed (Content-Encoding: gzip),
// as Microsoft's SDKs send it.
func BenchmarkServerAdapterGzip(b *testing.B) {
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	_, _ = zw.Write([]byte(srvtBenchBody))
	_ = zw.Close()
	h := newSrvtServer(srvtServers{Images: &srvtImpl{}})
	r := httptest.NewRequest("POST", "/deviceManagement/images", nil)
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	b.ReportAllocs()
	for b.Loop() {
		w.Body.Reset()
		clear(w.Header())
		r.Header.Set("Content-Encoding", "gzip")
		r.Body = io.NopCloser(bytes.NewReader(zb.Bytes()))
		h.ServeHTTP(w, r)
		if w.Code != http.StatusCreated {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}
