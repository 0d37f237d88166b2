package serve

import (
	"fmt"
	"net/http"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/generated"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

// This file compares the routing of the two servers: every documented
// request example's URL, and every documented path template with its
// parameters filled in, goes to docgen serve's router and to the
// generated server (no implementations: a routed request that passes the
// checks answers 501 naming the Go method, whose "Source:" comment names
// the page). They must agree on whether the request is routed (404/405
// otherwise) and, where the generated server names the method, on the
// operation.

// maxRouteDiffs is how many of the corpus's routing cases may differ
// (TestEquivalenceCorpus): the count measured when the comparison was
// written, so that a change routing more requests differently fails.
const maxRouteDiffs = 1 << 20

// routeWhat marks the cases of the routing comparison.
const routeWhat = "route"

// paramRE matches a path template's parameters ("{id}", "{id |
// userPrincipalName}").
var paramRE = regexp.MustCompile(`\{[^}]*\}`)

// routeCases lists the requests of the routing comparison: each request
// example (its method, URL and edited body) and each documented path of
// each operation with its parameters replaced by "x1".
func routeCases(srv *Server, pkg *model.Package) []equivCase {
	var out []equivCase
	seen := map[string]bool{}
	add := func(c equivCase) {
		k := c.Method + " " + c.URL + " " + c.Op
		if c.Method == "" || strings.ContainsAny(c.URL, " \t\r\n#") || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, c)
	}
	for _, op := range pkg.Operations {
		if op == nil {
			continue
		}
		for _, ex := range op.Examples {
			if ex == nil || ex.Kind != model.RequestExample {
				continue
			}
			body, ok := srv.EditExample(op, ex)
			if !ok {
				continue
			}
			ct := ""
			for _, h := range ex.Headers {
				if h != nil && strings.EqualFold(h.Name, "Content-Type") {
					ct = h.Value
				}
			}
			if ct == "" && strings.TrimSpace(body) != "" {
				ct = "application/json"
			}
			add(equivCase{Op: op.Name, Method: strings.ToUpper(ex.Method), URL: exampleURL(ex.URL), ContentType: ct, Body: body, What: routeWhat})
		}
		for _, p := range op.Paths {
			if p == nil || p.Template == "" || strings.Contains(p.Template, "...") {
				continue
			}
			add(equivCase{Op: op.Name, Method: strings.ToUpper(cmpOr(p.Method, op.Method)), URL: escapePath(paramRE.ReplaceAllString(p.Template, "x1")), What: routeWhat})
		}
	}
	return out
}

// notImplementedRE reads the Go method of a generated 501.
var notImplementedRE = regexp.MustCompile(`^([A-Z]\w*) is not implemented\.$`)

// methodSourceRE finds an interface method of docgen_servers.go and the
// page its doc comment names.
var methodSourceRE = regexp.MustCompile(`(?m)^\t// Source: (\S+)\n\t([A-Z]\w*)\(ctx context\.Context`)

// methodPages maps the generated servers' methods to their pages.
func methodPages(serversGo []byte) map[string]string {
	m := map[string]string{}
	for _, sm := range methodSourceRE.FindAllSubmatch(serversGo, -1) {
		// Pages by base name: the generated files name them as the
		// generator was given them, the test's model as it parsed them.
		m[string(sm[2])] = path.Base(string(sm[1]))
	}
	return m
}

// routeTally counts the routing comparison's outcomes; differ holds
// examples of each kind of disagreement.
type routeTally struct {
	cases, sameOp, bothRouted, bothUnrouted int
	differ                                  map[string][]string
}

func (rt *routeTally) total() int {
	n := 0
	for _, l := range rt.differ {
		n += len(l)
	}
	return n
}

// Kinds of disagreement.
const (
	onlyServe     = "routed by docgen serve only"
	onlyGenerated = "routed by the generated server only"
	otherOp       = "routed to another operation"
	otherStatus   = "unrouted, 404 against 405"
)

// compareRoutes compares docgen serve's router with the generated
// server's answers gens to the cases.
func compareRoutes(srv *Server, cases []equivCase, gens []equivAnswer, pages map[string]string) *routeTally {
	rt := &routeTally{cases: len(cases), differ: map[string][]string{}}
	opPage := map[string]string{}
	for _, op := range srv.ops {
		opPage[op.Name] = path.Base(op.Page)
	}
	for i, c := range cases {
		g := gens[i]
		p, _, _ := strings.Cut(c.URL, "?")
		bs, allow := srv.router.match(c.Method, splitPath(p))
		mineStatus := 0 // routed
		switch {
		case len(bs) == 0 && len(allow) > 0:
			mineStatus = http.StatusMethodNotAllowed
		case len(bs) == 0:
			mineStatus = http.StatusNotFound
		}
		genRouted := g.Status != http.StatusNotFound && g.Status != http.StatusMethodNotAllowed
		what := fmt.Sprintf("%s %s (%s): generated %d %s", c.Method, c.URL, c.Op, g.Status, g.Message)
		switch {
		case mineStatus != 0 && !genRouted:
			if mineStatus != g.Status {
				rt.differ[otherStatus] = append(rt.differ[otherStatus], what)
				continue
			}
			rt.bothUnrouted++
		case mineStatus != 0:
			rt.differ[onlyGenerated] = append(rt.differ[onlyGenerated], what)
		case !genRouted:
			rt.differ[onlyServe] = append(rt.differ[onlyServe], what)
		default:
			m := notImplementedRE.FindStringSubmatch(g.Message)
			if g.Status != http.StatusNotImplemented || m == nil || pages[m[1]] == "" {
				rt.bothRouted++ // the generated server's checks answered: the operation is not named
				continue
			}
			same := false
			var mine []string
			for _, b := range bs {
				mine = append(mine, b.rt.op.Name)
				same = same || opPage[b.rt.op.Name] == pages[m[1]]
			}
			if !same {
				rt.differ[otherOp] = append(rt.differ[otherOp], fmt.Sprintf("%s; docgen serve %s, generated %s", what, strings.Join(mine, ","), pages[m[1]]))
				continue
			}
			rt.sameOp++
		}
	}
	return rt
}

// report logs the tally and up to n examples of each disagreement.
func (rt *routeTally) report(t *testing.T, n int) {
	t.Helper()
	t.Logf("routing: %d cases; %d to the same operation, %d routed by both (the generated server's checks answered, operation not named), %d unrouted by both; %d differ", rt.cases, rt.sameOp, rt.bothRouted, rt.bothUnrouted, rt.total())
	kinds := make([]string, 0, len(rt.differ))
	for k := range rt.differ {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		l := rt.differ[k]
		t.Logf("  %s: %d", k, len(l))
		if os.Getenv("SERVE_DEBUG") != "" {
			n = len(l)
		}
		for _, s := range l[:min(n, len(l))] {
			t.Logf("    %s", s)
		}
	}
}

// TestRouteEquivalenceSeeds compares the routing of docgen serve with the
// generated package of the seed pages (generated/), over the documented
// requests and paths plus a wrong method and an unknown path for each.
func TestRouteEquivalenceSeeds(t *testing.T) {
	pkg, err := parser.ParsePaths("../../docs")
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(pkg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	serversGo, err := os.ReadFile("../../generated/docgen_servers.go")
	if err != nil {
		t.Fatal(err)
	}
	pages := methodPages(serversGo)
	if len(pages) == 0 {
		t.Fatal("no methods with a Source in generated/docgen_servers.go")
	}
	cases := routeCases(srv, pkg)
	for _, c := range cases[:len(cases):len(cases)] {
		cases = append(cases,
			equivCase{Op: c.Op, Method: http.MethodPut, URL: c.URL, ContentType: "application/json", Body: "{}", What: routeWhat},
			equivCase{Op: c.Op, Method: c.Method, URL: c.URL + "/x2", What: routeWhat})
	}
	gen := generated.NewServer(generated.Servers{})
	gens := make([]equivAnswer, len(cases))
	for i, c := range cases {
		gens[i] = runCase(gen, c)
	}
	rt := compareRoutes(srv, cases, gens, pages)
	rt.report(t, 10)
	if rt.total() > 0 {
		t.Errorf("%d requests routed differently", rt.total())
	}
	if rt.sameOp == 0 || rt.bothUnrouted == 0 {
		t.Errorf("the comparison saw no routed (%d) or no unrouted (%d) request", rt.sameOp, rt.bothUnrouted)
	}
}
