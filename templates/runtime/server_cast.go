package runtime

import (
	"context"
	"net/http"
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
// cast and $count segments.
type (
	serverCastKey  struct{}
	serverCountKey struct{}
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
	u := *r.URL
	u.Path, u.RawPath = "", ""
	u2, err := u.Parse(s.cfg.prefix + "/" + strings.Join(segs, "/"))
	if err != nil {
		return false
	}
	u2.RawQuery = r.URL.RawQuery
	ctx := r.Context()
	if cast != "" {
		ctx = context.WithValue(ctx, serverCastKey{}, cast)
	}
	if count {
		ctx = context.WithValue(ctx, serverCountKey{}, true)
	}
	r2 := r.Clone(ctx)
	r2.URL = u2
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
