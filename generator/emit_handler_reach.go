package generator

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/internal/examples"
)

// Which operation a documented request reaches. The handler tests send
// each documented request through the generated server; this file decides,
// the way the runtime routes (templates/runtime/server.go and its
// fallbacks: trailing slash, case, OneDrive path spans, aliases, casts and
// $count, function arguments), which operation's handler takes it. A request that reaches
// another operation than the one its page documents (the same path
// documented once per derived type, or by two pages) is still tested,
// through that operation, when it answers the same way (servedBy and
// servesLike): same body and response kinds, the same status, and related
// types.

// routesTo explains why a request would not reach ho's handler ("" when
// it would), using a ServeMux with every generated route.
func (hp *handlerPlan) routesTo(method, path string, ho *handlerOp) string {
	ops, key, why := hp.reach(method, path)
	switch {
	case why != "":
		return why
	case slices.Contains(ops, ho):
		return ""
	case len(ops) == 0:
		return fmt.Sprintf("the request example (%s %s) matches none of the generated routes", method, path)
	}
	return fmt.Sprintf("the request example (%s %s) routes to %s of %s, not to this operation's paths", method, path, key, ops[0].o.Name)
}

// reach returns the operations whose routes of one registration take
// method and path, and the registration's key; why is set when path is
// not a URL path.
func (hp *handlerPlan) reach(method, path string) (ops []*handlerOp, key, why string) {
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	if ops, key, why = hp.reachPlain(method, path); why != "" || len(ops) > 0 {
		return ops, key, why
	}
	if trimmed := strings.TrimRight(path, "/"); trimmed != path && trimmed != "" {
		// The runtime serves a path with a trailing slash as without it.
		return hp.reach(method, trimmed)
	}
	segs := strings.Split(strings.TrimPrefix(path, "/"), "/")
	if joined, ok := spanSegments(segs); ok {
		// OneDrive path addressing: "root:/a/b:" is one segment.
		return hp.reach(method, "/"+strings.Join(joined, "/"))
	}
	// The runtime tries Graph's path aliases (/me, /drive, …/root), then
	// the path without cast and $count segments, then without a function's
	// arguments.
	alias := segs
	for range 4 {
		if alias = aliasRewrite(alias); alias == nil {
			break
		}
		if ops, key, _ = hp.reachPlain(method, "/"+strings.Join(alias, "/")); len(ops) > 0 {
			return ops, key, ""
		}
	}
	if stripped, _, _, ok := stripSegments(method, segs); ok {
		if ops, key, why = hp.reach(method, "/"+strings.Join(stripped, "/")); why != "" || len(ops) > 0 {
			return ops, key, why
		}
	}
	// Last, a function called with arguments its path lists without.
	if rest, _, ok := splitArgs(segs); ok {
		return hp.reach(method, "/"+strings.Join(rest, "/"))
	}
	return nil, "", ""
}

// reachPlain is reach without the fallbacks: the registration ServeMux
// (or, ignoring case, the one route of the method) matches.
func (hp *handlerPlan) reachPlain(method, path string) ([]*handlerOp, string, string) {
	hp.routerOnce.Do(func() {
		hp.mux = http.NewServeMux()
		hp.keyOps = map[string][]*handlerOp{}
		for _, g := range hp.groups {
			for _, o := range g.ops {
				for _, rt := range o.routes {
					k := rt.key()
					if _, ok := hp.keyOps[k]; !ok && tryHandle(hp.mux, k) != nil {
						continue
					}
					hp.keyOps[k] = append(hp.keyOps[k], o)
				}
			}
		}
		hp.keys = slices.Sorted(maps.Keys(hp.keyOps))
	})
	r, err := http.NewRequest(method, "http://graph.test"+path, nil)
	if err != nil {
		return nil, "", fmt.Sprintf("the request example's URL path %q is not a valid URL path", path)
	}
	_, pattern := hp.mux.Handler(r)
	if _, ok := hp.keyOps[pattern]; !ok {
		// The runtime serves a path that matches one route of its method
		// when case is ignored; so does the test.
		pattern = hp.foldRoute(method, r.URL.EscapedPath())
	}
	return parsedOps(hp.keyOps[pattern], pattern, r.URL.EscapedPath()), pattern, ""
}

// servedBy returns the operation among ops (those reach returned for key)
// whose handler the runtime calls for a request with the JSON body body:
// the first whose key or function segments parse the path, else the plain
// route's; among routes told apart by the body's @odata.type, the one it
// names, else the base type's.
func servedBy(ops []*handlerOp, key, body string) *handlerOp {
	var bodyType string
	if strings.TrimSpace(body) != "" {
		var b struct {
			Type string `json:"@odata.type"`
		}
		_ = json.Unmarshal([]byte(body), &b)
		bodyType = strings.TrimPrefix(b.Type, "#")
	}
	routeOf := func(o *handlerOp) *handlerRoute {
		for _, rt := range o.routes {
			if rt.key() == key {
				return rt
			}
		}
		return nil
	}
	var best, def, named *handlerOp
	for _, plain := range []bool{false, true} {
		for _, o := range ops {
			rt := routeOf(o)
			if rt == nil || rt.plain() != plain {
				continue
			}
			if best == nil {
				best = o
			}
			if best != nil && routeOf(best).signature() != rt.signature() {
				continue
			}
			switch {
			case rt.odataType == "" && def == nil:
				def = o
			case rt.odataType != "" && named == nil && strings.EqualFold(rt.odataType, bodyType):
				named = o
			}
		}
		if best != nil {
			break
		}
	}
	switch {
	case named != nil:
		return named
	case def != nil:
		return def
	}
	return best
}

// servesLike explains why a's handler cannot stand in for b's in b's
// handler tests ("" when it can): a must take the same kind of request
// body and answer with the same status and kind of body, and the body and
// response types must be the same or related by inheritance (a derived
// type's members round-trip through its base type's unknown members).
func (p *plan) servesLike(a, b *handlerOp) string {
	if a.body != b.body {
		return fmt.Sprintf("it takes %s, this operation %s", a.bodyDesc, b.bodyDesc)
	}
	if a.body == bodyJSON {
		ta, tb := a.o.Body, b.o.Body
		switch {
		case ta == nil && tb == nil:
			ra, rb := a.o.RequestBody, b.o.RequestBody
			if ra != nil && rb != nil && ra.Type.Name != "" && ra.Type != rb.Type {
				return fmt.Sprintf("it takes a %s body, this operation %s", sanitizeText(ra.Type.String()), sanitizeText(rb.Type.String()))
			}
		case ta == nil || tb == nil || ta != tb && !relatedTypes(p.byName, ta, tb) && !holds(ta, tb):
			return fmt.Sprintf("it takes %s, this operation %s", a.bodyDesc, b.bodyDesc)
		}
	}
	if a.resp != b.resp || a.status != b.status {
		return fmt.Sprintf("it %s, this operation %s", a.respDesc, b.respDesc)
	}
	if a.resp == respJSON {
		_, ra, _ := examples.SuccessAnswer(a.o.Operation, a.routes[0].method)
		_, rb, _ := examples.SuccessAnswer(b.o.Operation, b.o.Method)
		if ra.Collection != rb.Collection || ra.Name != rb.Name && !p.relatedNames(ra.Name, rb.Name) && !p.holdsName(ra.Name, rb.Name) {
			return fmt.Sprintf("it %s, this operation %s", a.respDesc, b.respDesc)
		}
	}
	return ""
}

// holds reports whether the struct a has every member of the struct b,
// of the same type: a body b's page documents decodes into a without
// loss (two pages' parameter structs of one action, for instance).
func holds(a, b *typeInfo) bool {
	if !a.isStruct() || !b.isStruct() || len(b.Fields) == 0 {
		return false
	}
	for _, f := range b.Fields {
		g := a.field(f.Name)
		if g == nil || g.TypeRef != f.TypeRef {
			return false
		}
	}
	return true
}

// holdsName is holds for the types named a and b.
func (p *plan) holdsName(a, b string) bool {
	ta, tb := p.byName[a], p.byName[b]
	return ta != nil && tb != nil && holds(ta, tb)
}

// relatedNames reports whether the types named a and b are structs
// related by inheritance.
func (p *plan) relatedNames(a, b string) bool {
	ta, tb := p.byName[a], p.byName[b]
	return ta != nil && tb != nil && ta.isStruct() && tb.isStruct() && relatedTypes(p.byName, ta, tb)
}

// foldRoute returns the one route key of method whose pattern matches path
// when case is ignored, or "".
func (hp *handlerPlan) foldRoute(method, path string) string {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		if u, err := url.PathUnescape(p); err == nil {
			parts[i] = u
		}
	}
	found := ""
	for _, k := range hp.keys {
		m, pat, _ := strings.Cut(k, " ")
		if m != method || !foldMatches(strings.Split(pat, "/"), parts) {
			continue
		}
		if found != "" {
			return ""
		}
		found = k
	}
	return found
}

// foldMatches is the runtime's patternMatchesFold.
func foldMatches(pattern, path []string) bool {
	if len(pattern) != len(path) {
		return false
	}
	for i, p := range pattern {
		switch {
		case p == "{$}":
			if path[i] != "" {
				return false
			}
		case strings.HasPrefix(p, "{"):
			if path[i] == "" {
				return false
			}
		case !strings.EqualFold(p, path[i]):
			return false
		}
	}
	return true
}

// parsedOps keeps the operations of a route key whose route of that key
// takes path: a route with key or function segments only when each of
// them has the segment's name and parentheses ("rowsAbove" is not
// "rowsAbove(count=2)"), as the runtime's dispatcher parses them.
func parsedOps(ops []*handlerOp, key, path string) []*handlerOp {
	_, pattern, _ := strings.Cut(key, " ")
	pat := strings.Split(pattern, "/")
	parts := strings.Split(path, "/")
	var out []*handlerOp
	for _, o := range ops {
		for _, rt := range o.routes {
			if rt.key() != key || !segmentsParse(rt, pat, parts) {
				continue
			}
			out = append(out, o)
			break
		}
	}
	return out
}

func segmentsParse(rt *handlerRoute, pat, parts []string) bool {
	if len(pat) != len(parts) {
		return len(rt.segs) == 0
	}
	for _, sg := range rt.segs {
		i := slices.Index(pat, "{"+sg.wildcard+"}")
		if i < 0 {
			continue
		}
		v, err := url.PathUnescape(parts[i])
		if err != nil {
			v = parts[i]
		}
		if !sg.parses(v) {
			return false
		}
	}
	return true
}

// parses reports whether the request segment v has the segment's form, as
// the runtime's parseArgs checks it (the name and parentheses; the
// arguments are the runtime's to parse).
func (s *routeSegment) parses(v string) bool {
	if prefix, ok := strings.CutSuffix(s.name, ":"); ok {
		i := strings.Index(v, ":/")
		return i > 0 && (prefix == "" || strings.EqualFold(v[:i], prefix))
	}
	return len(v) >= len(s.name)+2 && strings.EqualFold(v[:len(s.name)], s.name) && v[len(s.name)] == '(' && strings.HasSuffix(v, ")")
}

// reachHandler decides which operation's handler the request of t reaches
// (path is its escaped path without the version prefix): t.ho's, or one
// that answers as t.ho does, which then serves the test (t.via); else it
// says why the test cannot run.
func (p *plan) reachHandler(t *handlerTest, path string) string {
	method := t.req.Method
	ops, key, why := p.handlerPlan().reach(method, path)
	switch {
	case why != "":
		return why
	case len(ops) == 0:
		return fmt.Sprintf("the request example (%s %s) matches none of the generated routes", method, path)
	}
	a := servedBy(ops, key, t.req.Body)
	if a == t.ho {
		return ""
	}
	if why := p.servesLike(a, t.ho); why != "" {
		return fmt.Sprintf("the request example (%s %s) routes to %s of %s, which does not answer as this operation does (%s)", method, path, key, a.o.Name, why)
	}
	t.via = a
	return ""
}
