package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/docgen-dev/docgen/generated"
	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

// This file holds the equivalence test of the two implementations of the
// request rules: the serve validator (validate.go, query.go) and the
// generated servers (generated code + templates/runtime). Every documented
// request example with a JSON body, and mutations of it (each member set
// to null, a number, a string, a boolean, an array, an object, or
// removed; read-only members added; a wrong Content-Type; an empty and a
// malformed body; bad query options), goes through both; they must agree
// on accepting it and, when rejecting, on the status, error code, target
// and every detail (code, target, message).

// equivCase is one request of the equivalence test.
type equivCase struct {
	Op          string `json:"op"`
	Method      string `json:"method"`
	URL         string `json:"url"`
	ContentType string `json:"contentType"`
	Body        string `json:"body"`
	What        string `json:"what"`
}

// equivAnswer is what a server answered, reduced to what is compared.
type equivAnswer struct {
	Status  int                `json:"status"`
	Code    string             `json:"code,omitempty"`
	Message string             `json:"message,omitempty"`
	Target  string             `json:"target,omitempty"`
	Details []GraphErrorDetail `json:"details,omitempty"`
}

// escapePath escapes each segment of a documented path.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// equivCases builds the requests from the operations' request examples.
func equivCases(pkg *model.Package, limit int) []equivCase {
	var out []equivCase
	sch := newSchema(pkg)
	for _, op := range pkg.Operations {
		if op == nil || op.RequestBody == nil {
			continue
		}
		for _, ex := range op.Examples {
			if ex == nil || ex.Kind != model.RequestExample || ex.JSON != model.ValidJSON || strings.TrimSpace(ex.Body) == "" {
				continue
			}
			path, query := ExamplePath(ex.URL)
			u := escapePath(path)
			if query != "" {
				u += "?" + url.PathEscape(query)
				u = strings.ReplaceAll(strings.ReplaceAll(u, "%3D", "="), "%26", "&")
			}
			add := func(what, ct, body string) {
				out = append(out, equivCase{Op: op.Name, Method: ex.Method, URL: u, ContentType: ct, Body: body, What: what})
			}
			add("documented", "application/json", ex.Body)
			add("content type", "text/plain", ex.Body)
			add("empty", "application/json", " ")
			add("malformed", "application/json", ex.Body+"}")
			add("top=-1", "application/json", ex.Body)
			out[len(out)-1].URL = u + "?$top=-1"
			v := parseJSON([]byte(ex.Body))
			if v.kind != jObject {
				continue
			}
			if b := editPlaceholders(sch, op, ex); b != "" {
				v = parseJSON([]byte(b)) // mutate a body that may pass
			}
			muts := []string{"null", "12345", "1.5", `"x"`, "true", "[]", `[1]`, `{"a":1}`, `"2021-13-45"`}
			for i, k := range v.keys {
				for _, m := range muts {
					add("/"+k+"="+m, "application/json", replaceMember(v, i, m))
				}
				add("-"+k, "application/json", replaceMember(v, i, ""))
				if sub := v.vals[i]; sub.kind == jObject {
					for j, k2 := range sub.keys {
						for _, m := range muts[:6] {
							add("/"+k+"/"+k2+"="+m, "application/json", replaceMember(v, i, replaceMember(sub, j, m)))
						}
					}
				}
			}
			// The documented body with its placeholders replaced by
			// sample values of the declared types.
			if b := editPlaceholders(sch, op, ex); b != "" {
				add("edited", "application/json", b)
			}
			// Read-only members of the body type, added.
			if t := sch.lookup(op.RequestBody.Type.Name); t != nil && t.isStruct() {
				add("synthesized", "application/json", synthRequest(sch, t))
				for _, f := range t.fields {
					if f.ReadOnly && v.get(f.Name) == nil {
						add("+"+f.Name, "application/json", addMember(v, f.Name, string(synth{sch}.value(nil, f.TypeRef, f, 2))))
					}
				}
			}
		}
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out
}

// replaceMember returns the object v with member i's value replaced by
// repl (removed when repl is "").
func replaceMember(v *jvalue, i int, repl string) string {
	var b strings.Builder
	b.WriteByte('{')
	n := 0
	for j, k := range v.keys {
		val := string(v.vals[j].raw)
		if j == i {
			if repl == "" {
				continue
			}
			val = repl
		}
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		b.Write(appendQuoted(nil, k))
		b.WriteByte(':')
		b.WriteString(val)
	}
	b.WriteByte('}')
	return b.String()
}

func addMember(v *jvalue, name, val string) string {
	s := replaceMember(v, -1, "")
	if len(v.keys) == 0 {
		return "{" + string(appendQuoted(nil, name)) + ":" + val + "}"
	}
	return s[:len(s)-1] + "," + string(appendQuoted(nil, name)) + ":" + val + "}"
}

// runCase sends c to h and reduces the answer.
func runCase(h http.Handler, c equivCase) equivAnswer {
	req := httptest.NewRequest(c.Method, "http://localhost"+c.URL, strings.NewReader(c.Body))
	req.Header.Set("Content-Type", c.ContentType)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	a := equivAnswer{Status: rec.Code}
	if rec.Header().Get("Docgen-Example") != "" {
		// docgen serve passed the checks and answered with a documented
		// example, whatever its status.
		a.Status = http.StatusOK
	}
	if a.Status >= 400 {
		var env struct{ Error *GraphError }
		if json.Unmarshal(rec.Body.Bytes(), &env) == nil && env.Error != nil {
			a.Code, a.Message, a.Target, a.Details = env.Error.Code, env.Error.Message, env.Error.Target, env.Error.Details
		}
	}
	return a
}

// accepted reports whether an answer passed the request checks: the
// generated server with no implementation answers 501 then.
func (a equivAnswer) accepted() bool { return a.Status < 400 || a.Status == http.StatusNotImplemented }

// compareAnswers returns "" when the answers agree. Messages name
// members and the docs' types, never the operation (page ids or Go
// names), so they are compared as they are.
func compareAnswers(mine, gen equivAnswer) string {
	if gen.Status == http.StatusNotFound || gen.Status == http.StatusMethodNotAllowed {
		return "" // not routed by the generated server; routing is not compared here
	}
	if mine.accepted() && gen.accepted() {
		return ""
	}
	if mine.accepted() != gen.accepted() || mine.Status != gen.Status || mine.Code != gen.Code || mine.Target != gen.Target || !slices.Equal(mine.Details, gen.Details) {
		m, _ := json.Marshal(mine)
		g, _ := json.Marshal(gen)
		return fmt.Sprintf("serve: %s\ngenerated: %s", m, g)
	}
	if mine.Message != gen.Message {
		return fmt.Sprintf("message: serve %q, generated %q", mine.Message, gen.Message)
	}
	return ""
}

// TestEquivalenceSeeds holds the serve validator to the generated package
// of the seed pages (generated/).
func TestEquivalenceSeeds(t *testing.T) {
	pkg, err := parser.ParsePaths("../../docs")
	if err != nil {
		t.Fatal(err)
	}
	mine, err := New(pkg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	gen := generated.NewServer(generated.Servers{})
	cases := equivCases(pkg, 0)
	if len(cases) < 50 {
		t.Fatalf("only %d cases", len(cases))
	}
	rejected := 0
	for _, c := range cases {
		g := runCase(gen, c)
		if !g.accepted() {
			rejected++
		}
		if d := compareAnswers(runCase(mine, c), g); d != "" {
			t.Errorf("%s %s (%s, %s):\n%s", c.Method, c.URL, c.Op, c.What, d)
		}
	}
	t.Logf("%d cases, %d rejected by both", len(cases), rejected)
}

// TestEquivalenceCorpus runs the cases of the whole corpus through the
// generated corpus package, built in a temporary module, and through the
// serve validator (with DOCGEN_CORPUS_BUILD=1; several minutes).
func TestEquivalenceCorpus(t *testing.T) {
	if os.Getenv("DOCGEN_CORPUS_BUILD") != "1" {
		t.Skip("set DOCGEN_CORPUS_BUILD=1 to build the generated corpus")
	}
	pkg := loadCorpus(t)
	mine, err := New(pkg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := equivCases(pkg, 0)
	// The routing comparison's cases go in the same run (route_equiv_test.go).
	rcases := routeCases(mine, pkg)
	// DOCGEN_EQUIV_MOD keeps the generated module in a folder, to be
	// reused by the next run.
	mod := os.Getenv("DOCGEN_EQUIV_MOD")
	if mod == "" {
		mod = t.TempDir()
	}
	if _, err := os.Stat(filepath.Join(mod, "corpus")); err != nil {
		files, _ := generator.Generate(pkg, generator.Options{Package: "corpus", NoTests: true})
		if _, _, err := generator.Write(filepath.Join(mod, "corpus"), files); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module x\n\ngo 1.24\n"), 0o644))
	must(os.MkdirAll(filepath.Join(mod, "equiv"), 0o755))
	must(os.WriteFile(filepath.Join(mod, "equiv", "main.go"), []byte(equivMain), 0o644))
	data, err := json.Marshal(append(cases[:len(cases):len(cases)], rcases...))
	must(err)
	must(os.WriteFile(filepath.Join(mod, "cases.json"), data, 0o644))
	cmd := exec.Command("go", "run", "./equiv", "cases.json")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, stderr.String())
	}
	var gens []equivAnswer
	must(json.Unmarshal(out, &gens))
	if len(gens) != len(cases)+len(rcases) {
		t.Fatalf("%d answers for %d cases", len(gens), len(cases)+len(rcases))
	}
	routes := compareRoutes(mine, rcases, gens[len(cases):], methodOps(t, filepath.Join(mod, "corpus")))
	routes.report(t, 8)
	routes.check(t, maxRouteDiffs)
	gens = gens[:len(cases)]
	diffs, shared, unrouted := 0, 0, 0
	shown := map[string]bool{}
	for i, c := range cases {
		path, _, _ := strings.Cut(c.URL, "?")
		bs, _ := mine.router.match(c.Method, splitPath(path))
		if len(bs) > 1 {
			// Several pages document this request; the generated server
			// routes it to one, docgen serve by the best matching example:
			// their rules may differ, so it is not compared.
			shared++
			continue
		}
		if len(bs) == 0 {
			// docgen serve does not route it (an alias such as /me/drive/root
			// the generated server resolves): the routing comparison above
			// counts it; there are no request checks to compare.
			unrouted++
			continue
		}
		if d := compareAnswers(runCase(mine, c), gens[i]); d != "" {
			diffs++
			// One report per operation and kind of mutation.
			kind := c.Op + " " + c.What[strings.LastIndexAny(c.What, "=-+")+1:]
			if !shown[kind] && len(shown) < 60 {
				shown[kind] = true
				t.Errorf("%s %s (%s, %s):\n%s", c.Method, c.URL, c.Op, c.What, d)
			}
		}
	}
	t.Logf("%d cases, %d not compared (several pages document the request), %d not routed by docgen serve, %d differ", len(cases), shared, unrouted, diffs)
}

// equivMain is the program run in the temporary module: it answers every
// case with the generated NewServer (no implementations: a request that
// passes the checks gets 501).
const equivMain = `package main

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"strings"

	"x/corpus"
)

type equivCase struct {
	Method, URL, ContentType, Body string
}

type answer struct {
	Status  int             ` + "`json:\"status\"`" + `
	Code    string          ` + "`json:\"code,omitempty\"`" + `
	Message string          ` + "`json:\"message,omitempty\"`" + `
	Target  string          ` + "`json:\"target,omitempty\"`" + `
	Details json.RawMessage ` + "`json:\"details,omitempty\"`" + `
}

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var cases []equivCase
	if err := json.Unmarshal(data, &cases); err != nil {
		panic(err)
	}
	h := corpus.NewServer(corpus.Servers{})
	out := make([]answer, len(cases))
	for i, c := range cases {
		req := httptest.NewRequest(c.Method, "http://localhost"+c.URL, strings.NewReader(c.Body))
		req.Header.Set("Content-Type", c.ContentType)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		out[i].Status = rec.Code
		if rec.Code >= 400 {
			var env struct{ Error *answer }
			if json.Unmarshal(rec.Body.Bytes(), &env) == nil && env.Error != nil {
				out[i].Code, out[i].Message, out[i].Target, out[i].Details = env.Error.Code, env.Error.Message, env.Error.Target, env.Error.Details
			}
		}
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
`

// corpusDir is the documentation corpus beside the repository.
const corpusDir = "../../../shared/corpus/graph-docs-v1.0-2021-07"

var corpusOnce struct {
	sync.Once
	pkg *model.Package
	err error
}

// loadCorpus parses the corpus (once per test binary), or skips when it
// is absent.
func loadCorpus(t testing.TB) *model.Package {
	t.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not present: %v", err)
	}
	corpusOnce.Do(func() { corpusOnce.pkg, corpusOnce.err = parser.ParsePaths(corpusDir) })
	if corpusOnce.err != nil {
		t.Fatal(corpusOnce.err)
	}
	return corpusOnce.pkg
}

// editPlaceholders returns the documented body of ex with each top-level
// placeholder replaced by a sample value of the member's declared type
// ("" when the body is no object).
func editPlaceholders(sch *schema, op *model.Operation, ex *model.Example) string {
	v := parseJSON([]byte(ex.Body))
	if v.kind != jObject {
		return ""
	}
	t := sch.lookup(op.RequestBody.Type.Name)
	if op.RequestBody.Type.Name == "" && len(op.RequestBody.Properties) > 0 {
		t = sch.synthetic(op)
	}
	if t == nil || !t.isStruct() {
		return ""
	}
	for _, ph := range ex.Placeholders {
		toks := strings.Split(ph.Pointer, "/")
		if len(toks) != 2 {
			continue
		}
		f := t.field(toks[1])
		if f == nil {
			continue
		}
		for i, k := range v.keys {
			if k == f.Name {
				v = parseJSON([]byte(replaceMember(v, i, string(synth{sch}.value(nil, f.TypeRef, f, 1)))))
				break
			}
		}
	}
	return replaceMember(v, -1, "")
}

// synthRequest is a sample object of t without its read-only members.
func synthRequest(sch *schema, t *stype) string {
	v := parseJSON(synth{sch}.object(nil, t, 1))
	for _, f := range t.fields {
		if f.ReadOnly {
			for i, k := range v.keys {
				if k == f.Name {
					v = parseJSON([]byte(replaceMember(v, i, "")))
					break
				}
			}
		}
	}
	return replaceMember(v, -1, "")
}

// tryCorpus returns the corpus model, or nil when it is absent.
func tryCorpus() *model.Package {
	if _, err := os.Stat(corpusDir); err != nil {
		return nil
	}
	corpusOnce.Do(func() { corpusOnce.pkg, corpusOnce.err = parser.ParsePaths(corpusDir) })
	return corpusOnce.pkg
}
