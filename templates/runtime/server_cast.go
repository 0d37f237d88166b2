package runtime

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Cast and $count segments. Graph reads "/groups/{id}/members/microsoft.graph.user"
// as the members that are users, and ".../members/$count" as their number.
// A request that no route takes is tried again without such segments: the
// route of the path without them serves it, the cast is available to the
// implementation (ServerCast), and for $count the Server answers the
// number of items of the collection the implementation returns (its
// @odata.count when set) as text/plain, as Graph does.

// serverCastKey and serverCountKey are the context keys of a request's
// cast and $count segments, serverArgsKey of its function arguments.
type (
	serverCastKey  struct{}
	serverCountKey struct{}
	serverArgsKey  struct{}
)

// ServerCast returns the qualified type name ("microsoft.graph.user") of
// the cast segment the request's path ended its collection with, or "":
// an implementation answers only the items of that type.
func ServerCast(ctx context.Context) string {
	s, _ := ctx.Value(serverCastKey{}).(string)
	return s
}

// serverStripSegments returns the path segments without their cast
// segments and, for GET, a last $count segment, the last cast, and
// whether $count was removed; ok is false when there is none.
func serverStripSegments(method string, segs []string) (out []string, cast string, count, ok bool) {
	out = segs
	if n := len(out); n > 1 && method == http.MethodGet && strings.EqualFold(out[n-1], "$count") {
		out, count, ok = out[:n-1], true, true
	}
	kept := make([]string, 0, len(out))
	for i, s := range out {
		if i > 0 && isQualifiedName(s) && strings.Count(s, ".") >= 2 {
			cast, ok = s, true
			continue
		}
		kept = append(kept, s)
	}
	return kept, cast, count, ok
}

// serveStripped serves r under its path without cast and $count segments
// if a route takes that path; it reports whether it did.
func (s *Server) serveStripped(w http.ResponseWriter, r *http.Request) bool {
	rest, ok := strings.CutPrefix(r.URL.EscapedPath(), s.cfg.prefix+"/")
	if !ok {
		return false
	}
	segs, cast, count, ok := serverStripSegments(r.Method, strings.Split(rest, "/"))
	if !ok {
		return false
	}
	ctx := r.Context()
	if cast != "" {
		ctx = context.WithValue(ctx, serverCastKey{}, cast)
	}
	if count {
		ctx = context.WithValue(ctx, serverCountKey{}, true)
	}
	r2, ok := s.withPath(r, ctx, segs)
	if !ok {
		return false
	}
	if _, pattern := s.mux.Handler(r2); pattern == "" || pattern == s.cfg.prefix+"/" {
		if d, _ := s.foldMatch(r2); d == nil {
			return s.serveAlias(w, r2)
		}
	}
	s.mux.ServeHTTP(w, r2)
	return true
}

// writeCount answers the number of items of a collection answer as
// text/plain; it reports false for another answer.
func writeCount(w http.ResponseWriter, r *http.Request, resp any) bool {
	c, ok := resp.(serverPager)
	if !ok || r.Context().Value(serverCountKey{}) == nil {
		return false
	}
	b := strconv.AppendInt(nil, c.serverCount(), 10)
	h := w.Header()
	h.Set("Content-Type", "text/plain")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	echoClientRequestID(w, r)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
	return true
}

// Function arguments. Graph reads ".../range/cell(row=5,column=6)" and
// ".../root/delta(token='x')" as calls of the functions cell and delta;
// the docs often list such a function without its parameters
// (".../range/cell"). A request that no route takes is tried again with
// the first segment of the form name(arg=value, …) written as name, when
// a route takes that path: the arguments, unquoted, are available to the
// implementation (ServerArgs).

// ServerArgs returns the arguments, by name, that the request gave in
// parentheses to a function its route documents without parameters
// ("cell(row=5,column=6)" for ".../range/cell"), or nil.
func ServerArgs(ctx context.Context) map[string]string {
	m, _ := ctx.Value(serverArgsKey{}).(map[string]string)
	return m
}

// serverSplitArgs returns the escaped path segments with the first
// segment of the form name(arg=value, …) (every argument named) written
// as name, and its arguments; ok is false when there is none.
func serverSplitArgs(segs []string) (out []string, args map[string]string, ok bool) {
	for i, s := range segs {
		if i == 0 || !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "%29") {
			continue
		}
		v, err := url.PathUnescape(s)
		if err != nil {
			continue
		}
		open := strings.IndexByte(v, '(')
		if open <= 0 || !strings.HasSuffix(v, ")") || strings.ContainsFunc(v[:open], func(c rune) bool {
			return !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
		}) {
			continue
		}
		items, ok := splitSegmentArgs(v[open+1 : len(v)-1])
		if !ok || len(items) == 0 {
			continue
		}
		args = make(map[string]string, len(items))
		for _, it := range items {
			if it.name == "" {
				args = nil
				break
			}
			args[it.name] = it.value
		}
		if args == nil {
			continue
		}
		out = append(append(append([]string{}, segs[:i]...), url.PathEscape(v[:open])), segs[i+1:]...)
		return out, args, true
	}
	return nil, nil, false
}

// serveArgs serves r under its path with a function's arguments removed
// (serverSplitArgs) if a route takes that path; it reports whether it did.
func (s *Server) serveArgs(w http.ResponseWriter, r *http.Request) bool {
	rest, ok := strings.CutPrefix(r.URL.EscapedPath(), s.cfg.prefix+"/")
	if !ok {
		return false
	}
	segs, args, ok := serverSplitArgs(strings.Split(rest, "/"))
	if !ok {
		return false
	}
	r2, ok := s.withPath(r, context.WithValue(r.Context(), serverArgsKey{}, args), segs)
	if !ok {
		return false
	}
	if _, pattern := s.mux.Handler(r2); pattern == "" || pattern == s.cfg.prefix+"/" {
		if d, _ := s.foldMatch(r2); d == nil {
			return s.serveAlias(w, r2) || s.serveStripped(w, r2) || s.serveArgs(w, r2)
		}
	}
	s.mux.ServeHTTP(w, r2)
	return true
}
