package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/internal/examples"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

// exampleRun is the outcome of sending every documented request example
// to a Server with a real HTTP client.
type exampleRun struct {
	total, passed int
	// own counts the examples of multi-example operations answered with
	// their own response example; multi counts those examples.
	own, multi int
	// byName counts the examples that another page's operation answers
	// unless the request names its example (Prefer: example=NAME).
	byName   int
	skips    map[string]int
	failures []string
}

// exampleURL turns a documented request URL into a request target: the
// path (version removed) with its segments escaped, and the query with
// spaces and quotes escaped.
func exampleURL(raw string) string {
	path, query := ExamplePath(raw)
	u := escapePath(path)
	if query != "" {
		r := strings.NewReplacer(" ", "%20", `"`, "%22", "#", "%23", "{", "%7B", "}", "%7D", "|", "%7C", "<", "%3C", ">", "%3E")
		u += "?" + r.Replace(query)
	}
	return u
}

// runExamples sends each documented request example that has a paired
// response example and checks that it reaches its operation and gets the
// documented status (and, on operations with several examples, its own
// response body).
func runExamples(t *testing.T, pkg *model.Package) *exampleRun {
	srv, err := New(pkg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	client := ts.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	res := &exampleRun{skips: map[string]int{}}
	chk := examples.NewChecker(pkg)
	for _, op := range pkg.Operations {
		pairs := 0
		for _, ex := range op.Examples {
			if ex != nil && ex.Kind == model.RequestExample && ex.PairIndex >= 0 {
				pairs++
			}
		}
		for _, ex := range op.Examples {
			if ex == nil || ex.Kind != model.RequestExample || ex.PairIndex < 0 || ex.PairIndex >= len(op.Examples) {
				continue
			}
			resp := op.Examples[ex.PairIndex]
			if resp == nil || resp.Kind != model.ResponseExample || resp.Status == 0 {
				continue
			}
			res.total++
			at := fmt.Sprintf("%s:%d", ex.Pos.File, ex.Pos.Line)
			body, ok := srv.EditExample(op, ex)
			if !ok {
				res.skips["the documented request body is not JSON"]++
				continue
			}
			method := strings.ToUpper(ex.Method)
			if method == "" {
				res.skips["the request example has no method"]++
				continue
			}
			req, err := http.NewRequest(method, ts.URL+exampleURL(ex.URL), strings.NewReader(body))
			if err != nil {
				res.skips["the request URL does not parse"]++
				continue
			}
			for _, h := range ex.Headers {
				if h != nil && !skipHeader(h.Name) && !strings.EqualFold(h.Name, "Host") {
					req.Header.Set(h.Name, h.Value)
				}
			}
			if req.Header.Get("Content-Type") == "" && strings.TrimSpace(body) != "" && json.Valid([]byte(body)) {
				req.Header.Set("Content-Type", "application/json")
			}
			hdr := req.Header
			send := func(prefer string) (*http.Response, []byte) {
				req, _ := http.NewRequest(method, ts.URL+exampleURL(ex.URL), strings.NewReader(body))
				req.Header = hdr.Clone()
				if prefer != "" {
					req.Header.Set("Prefer", "example="+prefer)
				}
				got, err := client.Do(req)
				if err != nil {
					t.Fatalf("%s: %v", at, err)
				}
				data, _ := io.ReadAll(got.Body)
				got.Body.Close()
				return got, data
			}
			got, data := send("")
			if got.Header.Get("Docgen-Operation") != op.Name && ex.Name != "" {
				// Several pages document the same request: the example's
				// name picks it (Prefer: example=NAME).
				if g2, d2 := send(ex.Name); g2.Header.Get("Docgen-Operation") == op.Name {
					got, data = g2, d2
					res.byName++
				}
			}
			gotOp := got.Header.Get("Docgen-Operation")
			switch {
			case gotOp == "" && !srv.documents(op, method, exampleURL(ex.URL)):
				res.skips["the example's URL matches none of the operation's documented paths"]++
				continue
			case gotOp == "":
				res.failures = append(res.failures, fmt.Sprintf("%s: %s %s: not routed (%d)", at, method, ex.URL, got.StatusCode))
				continue
			case gotOp != op.Name && got.StatusCode == resp.Status:
				// Another page documents the same request: the answer
				// is that page's, with the documented status.
				res.skips["another operation documents the same method and path"]++
				if os.Getenv("SERVE_DEBUG") != "" {
					t.Logf("OTHER %s: %s %s answered by %s", at, method, ex.URL, gotOp)
				}
				continue
			case got.StatusCode != resp.Status:
				if got.StatusCode == http.StatusBadRequest && (bytes.Contains(data, []byte(`"code":"required"`)) || bytes.Contains(data, []byte(`"code":"readOnly"`))) {
					res.skips["the documented request breaks the operation's documented rules (400 names them)"]++
					continue
				}
				if got.StatusCode == http.StatusBadRequest && strings.TrimSpace(body) == "" && op.RequestBody != nil {
					res.skips["the documented request has no body, the operation documents one"]++
					continue
				}
				if got.StatusCode == http.StatusBadRequest && hasProblem(chk.Request(op, ex)) {
					res.skips["the documented request body contradicts the documented types (docgen check reports it)"]++
					continue
				}
				res.failures = append(res.failures, fmt.Sprintf("%s: %s %s: status %d, documented %d (%s answered): %.300s", at, method, ex.URL, got.StatusCode, resp.Status, gotOp, data))
				continue
			}
			res.passed++
			if pairs >= 2 {
				res.multi++
				if want, ok := exampleBody(resp); ok && len(bytes.TrimSpace(want)) > 0 {
					if bytes.Equal(data, want) {
						res.own++
					} else {
						t.Logf("%s: answered with another example's body", at)
					}
				} else {
					res.own++
				}
			}
		}
	}
	return res
}

// hasProblem reports whether the documentation checks found a defect in
// an example body.
func hasProblem(facts []examples.Fact) bool {
	for _, f := range facts {
		if f.Problem != nil {
			return true
		}
	}
	return false
}

func (r *exampleRun) report(t *testing.T, min float64) {
	skipped := 0
	var reasons []string
	for why, n := range r.skips {
		skipped += n
		reasons = append(reasons, fmt.Sprintf("%d: %s", n, why))
	}
	sort.Strings(reasons)
	for i, f := range r.failures {
		if i == 30 {
			t.Logf("... and %d more failures", len(r.failures)-30)
			break
		}
		t.Log(f)
	}
	rate := float64(r.passed) / float64(max(r.total-skipped, 1))
	t.Logf("%d examples: %d reach their operation with the documented status (%.2f%% of %d not skipped); skipped: %s; multi-example operations: %d of %d examples get their own response",
		r.total, r.passed, 100*rate, r.total-skipped, strings.Join(reasons, "; "), r.own, r.multi)
	t.Logf("%d examples needed Prefer: example=NAME to reach their own page's operation (another page documents the same request)", r.byName)
	if rate < min {
		t.Errorf("%.2f%% of the documented request examples get their documented status, want >= %.0f%%", 100*rate, 100*min)
	}
	if r.multi > 0 && float64(r.own) < 0.97*float64(r.multi) {
		t.Errorf("only %d of %d examples on multi-example operations got their own response", r.own, r.multi)
	}
}

func TestExamplesSeeds(t *testing.T) {
	pkg, err := parser.ParsePaths("../../docs")
	if err != nil {
		t.Fatal(err)
	}
	r := runExamples(t, pkg)
	if r.total == 0 {
		t.Fatal("no examples")
	}
	r.report(t, 1)
}

func TestExamplesCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	pkg := loadCorpus(t)
	runExamples(t, pkg).report(t, 0.97)
}

// seedServer serves the seed pages.
func seedServer(t testing.TB, opts Options) *Server {
	t.Helper()
	pkg, err := parser.ParsePaths("../../docs")
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(pkg, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}
