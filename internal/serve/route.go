package serve

import (
	"net/url"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// route is one documented path of an operation.
type route struct {
	op     *operation
	path   *model.Path
	segs   []*model.Segment
	method string
	// spans marks a route with a OneDrive path segment, which matches
	// several request segments; others match as many as they have.
	spans bool
}

// binding is a matched route: the path parameters it bound and its score.
type binding struct {
	rt     *route
	params map[string]string
	score  int
	// last is the last template segment and lastValue the request
	// segment(s) it matched, for the stateful store.
	parts []string
}

// router finds the route of a request path among all documented paths.
type router struct {
	// byFirst indexes routes by their first segment, lower-cased; wild
	// holds routes whose first segment is not a literal.
	byFirst map[string][]*route
	wild    []*route
}

func newRouter(routes []*route) *router {
	rt := &router{byFirst: map[string][]*route{}}
	for _, r := range routes {
		for _, s := range r.segs {
			if s.Kind == model.PathSegment {
				r.spans = true
			}
		}
		if len(r.segs) > 0 && (r.segs[0].Kind == model.Literal || r.segs[0].Kind == model.CastSegment) {
			k := strings.ToLower(r.segs[0].Raw)
			rt.byFirst[k] = append(rt.byFirst[k], r)
			continue
		}
		if len(r.segs) > 0 && (r.segs[0].Kind == model.KeySegment || r.segs[0].Kind == model.FunctionSegment) {
			k := strings.ToLower(r.segs[0].Name)
			rt.byFirst[k] = append(rt.byFirst[k], r)
			continue
		}
		rt.wild = append(rt.wild, r)
	}
	// Each first segment's candidates are its routes and then the wild
	// ones, joined once here rather than per request; the key is also
	// stored as written (when it differs from its lower case), so that a
	// request spelling it so is found without lower-casing it.
	for k, c := range rt.byFirst {
		rt.byFirst[k] = append(c[:len(c):len(c)], rt.wild...)
	}
	for _, r := range routes {
		if len(r.segs) == 0 {
			continue
		}
		raw := r.segs[0].Raw
		if r.segs[0].Kind == model.KeySegment || r.segs[0].Kind == model.FunctionSegment {
			raw = r.segs[0].Name
		}
		if lower := strings.ToLower(raw); lower != raw {
			if c, ok := rt.byFirst[lower]; ok {
				rt.byFirst[raw] = c
			}
		}
	}
	return rt
}

// splitPath splits an escaped URL path (without prefix) into unescaped
// segments, dropping the leading "/" and one trailing "/".
func splitPath(escaped string) []string {
	escaped = strings.TrimPrefix(escaped, "/")
	escaped = strings.TrimSuffix(escaped, "/")
	if escaped == "" {
		return nil
	}
	parts := strings.Split(escaped, "/")
	for i, p := range parts {
		if u, err := url.PathUnescape(p); err == nil {
			parts[i] = u
		}
	}
	return parts
}

// candidates returns the routes that may match parts.
func (rt *router) candidates(parts []string) []*route {
	if len(parts) == 0 {
		return rt.wild
	}
	first := parts[0]
	if i := strings.IndexByte(first, '('); i > 0 {
		first = first[:i]
	}
	if i := strings.IndexByte(first, ':'); i > 0 {
		first = first[:i]
	}
	if c, ok := rt.byFirst[first]; ok {
		return c
	}
	if c, ok := rt.byFirst[strings.ToLower(first)]; ok {
		return c
	}
	return rt.wild
}

// match returns the best routes of method for parts (several when
// routes of different operations tie), and the methods of the routes
// whose path matches (for 405).
func (rt *router) match(method string, parts []string) ([]*binding, []string) {
	var best []*binding
	var allow []string
	// params is the bindings of the route being tried.
	var params map[string]string
	for _, r := range rt.candidates(parts) {
		if !r.spans && len(r.segs) != len(parts) {
			continue
		}
		if params == nil {
			params = make(map[string]string, 4)
		} else {
			clear(params)
		}
		score, ok := matchSegs(r.segs, parts, params)
		if !ok {
			continue
		}
		if r.method != method {
			if !contains(allow, r.method) {
				allow = append(allow, r.method)
			}
			continue
		}
		keep := len(best) == 0 || score > best[0].score
		if !keep && (score != best[0].score || hasOp(best, r.op)) {
			continue
		}
		// The binding keeps the map; the next route tried gets a new one.
		b := &binding{rt: r, params: params, score: score, parts: parts}
		params = nil
		if keep {
			best = append(best[:0], b)
		} else {
			best = append(best, b)
		}
	}
	return best, allow
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Segment weights: a route that matches more of the request literally
// wins over one that matches it with parameters.
const (
	wLiteral = 8
	wKey     = 5
	wPath    = 3
	wParam   = 1
)

// matchSegs matches template segments against request segments, binding
// parameters; it returns the match's score.
func matchSegs(segs []*model.Segment, parts []string, params map[string]string) (int, bool) {
	if len(segs) == 0 {
		return 0, len(parts) == 0
	}
	if len(parts) == 0 {
		return 0, false
	}
	s, p := segs[0], parts[0]
	switch s.Kind {
	case model.Literal, model.CastSegment:
		if !strings.EqualFold(s.Raw, p) {
			// "delta()" is also written "delta"; a function documented
			// without its parameters ("…/range/cell") is also called with
			// them ("cell(row=5,column=6)"), as the generated server
			// routes it.
			if !(strings.HasSuffix(s.Raw, "()") && strings.EqualFold(strings.TrimSuffix(s.Raw, "()"), p)) && !calls(s.Raw, p) {
				return 0, false
			}
		}
		n, ok := matchSegs(segs[1:], parts[1:], params)
		return n + wLiteral, ok
	case model.Param:
		if p == "" {
			return 0, false
		}
		n, ok := matchSegs(segs[1:], parts[1:], params)
		if ok {
			bindParam(s, p, params)
		}
		return n + wParam, ok
	case model.KeySegment, model.FunctionSegment:
		name, args, ok := splitCall(p)
		if !ok {
			if s.Kind == model.FunctionSegment && len(s.Params) == 0 && strings.EqualFold(p, s.Name) {
				n, ok := matchSegs(segs[1:], parts[1:], params)
				return n + wKey, ok
			}
			return 0, false
		}
		if !strings.EqualFold(name, s.Name) || !bindArgs(s, args, params) {
			return 0, false
		}
		n, ok := matchSegs(segs[1:], parts[1:], params)
		return n + wKey, ok
	case model.PathSegment:
		// "root:/{item-path}" or "root:/{item-path}:" spans request
		// segments: "root:", then the item path up to a segment ending
		// in ":" (or the rest).
		if !strings.EqualFold(p, s.Name+":") && !(strings.HasPrefix(strings.ToLower(p), strings.ToLower(s.Name)+":") && len(p) > len(s.Name)+1) {
			return 0, false
		}
		closed := strings.HasSuffix(s.Raw, ":")
		for end := 1; end <= len(parts); end++ {
			last := parts[end-1]
			if closed && !strings.HasSuffix(last, ":") || end == 1 && last == s.Name+":" {
				continue
			}
			n, ok := matchSegs(segs[1:], parts[end:], params)
			if ok {
				item := strings.Join(parts[:end], "/")
				item = item[strings.IndexByte(item, ':')+1:]
				item = strings.TrimPrefix(strings.TrimSuffix(item, ":"), "/")
				for _, pp := range s.Params {
					params[pp.Name] = item
				}
				return n + wPath, true
			}
		}
		return 0, false
	}
	return 0, false
}

// calls reports whether the request segment p calls the function name
// with named arguments only ("cell(row=5,column=6)" for "cell").
func calls(name, p string) bool {
	fn, args, ok := splitCall(p)
	if !ok || len(args) == 0 || !strings.EqualFold(fn, name) {
		return false
	}
	for _, a := range args {
		if k, _, ok := strings.Cut(a, "="); !ok || strings.TrimSpace(k) == "" || strings.ContainsAny(k, "'") {
			return false
		}
	}
	return true
}

// bindParam binds a whole-segment parameter (every alternative name).
func bindParam(s *model.Segment, v string, params map[string]string) {
	for _, pp := range s.Params {
		params[pp.Name] = v
		for _, a := range pp.Alternatives {
			if _, ok := params[a]; !ok {
				params[a] = v
			}
		}
	}
}

// splitCall splits "name(args)" into its name and arguments.
func splitCall(p string) (name string, args []string, ok bool) {
	i := strings.IndexByte(p, '(')
	if i <= 0 || !strings.HasSuffix(p, ")") {
		return "", nil, false
	}
	inner := p[i+1 : len(p)-1]
	if strings.TrimSpace(inner) == "" {
		return p[:i], nil, true
	}
	var cur strings.Builder
	quoted := false
	for j := 0; j < len(inner); j++ {
		c := inner[j]
		switch {
		case c == '\'':
			quoted = !quoted
			cur.WriteByte(c)
		case c == ',' && !quoted:
			args = append(args, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	args = append(args, strings.TrimSpace(cur.String()))
	return p[:i], args, true
}

// unquote drops OData single quotes ('x' → x, ” → ').
func unquote(v string) string {
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	return v
}

// bindArgs binds a key or function segment's arguments: positional for a
// key ("users('x')"), by name for a function; a function's argument names
// must be the documented ones.
func bindArgs(s *model.Segment, args []string, params map[string]string) bool {
	named := map[string]string{}
	var positional []string
	for _, a := range args {
		if k, v, ok := strings.Cut(a, "="); ok && !strings.HasPrefix(strings.TrimSpace(k), "'") {
			named[strings.ToLower(strings.TrimSpace(k))] = unquote(strings.TrimSpace(v))
		} else {
			positional = append(positional, unquote(a))
		}
	}
	if s.Kind == model.KeySegment {
		if len(positional)+len(named) == 0 {
			return false
		}
		for i, pp := range s.Params {
			v := ""
			if pp.Arg != "" {
				v = named[strings.ToLower(pp.Arg)]
			}
			if v == "" && i < len(positional) {
				v = positional[i]
			}
			if v == "" && len(named) > 0 && len(s.Params) == 1 {
				for _, x := range named {
					v = x
				}
			}
			params[pp.Name] = v
		}
		return true
	}
	if len(positional) > 0 || len(named) != len(s.Params) {
		return false
	}
	for _, pp := range s.Params {
		v, ok := named[strings.ToLower(pp.Arg)]
		if !ok {
			return false
		}
		params[pp.Name] = v
	}
	return true
}

func hasOp(bs []*binding, op *operation) bool {
	for _, b := range bs {
		if b.rt.op == op {
			return true
		}
	}
	return false
}

// documents reports whether one of op's documented paths matches the
// request target u (path and query, prefix not included) with method.
func (srv *Server) documents(op *model.Operation, method, u string) bool {
	path, _, _ := strings.Cut(u, "?")
	parts := splitPath(path)
	for _, p := range op.Paths {
		if p == nil {
			continue
		}
		if !strings.EqualFold(cmpOr(p.Method, op.Method), method) {
			continue
		}
		if _, ok := matchSegs(p.Segments, parts, map[string]string{}); ok {
			return true
		}
	}
	return false
}
