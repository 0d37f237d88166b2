package runtime

import (
	"context"
	"net/http"
	"strings"
)

// Graph's path aliases: the same resource under a shorter or a more
// general path. A request that no route takes is tried again under the
// path an alias stands for, one rewrite at a time, until a route takes it:
//
//   - /me/… is the signed-in user, /users/me/… (the implementation receives
//     "me" as the user's key);
//   - /drive/… is the signed-in user's drive, /me/drive/…;
//   - …/drive/root and …/drives/{id}/root are the root item,
//     …/drive/items/root and …/drives/{id}/items/root;
//   - /education/me/… is the signed-in education user,
//     /education/users/me/….
//
// OneDrive path addressing ("…/root:/folder/file.txt:/content", "…/items/
// {parent-id}:/{file-name}:") names an item by its path, which spans URL
// segments; a route registers it as one wildcard segment, so a request
// that no route takes is tried again with the span joined into one
// segment ("root:%2Ffolder%2Ffile.txt:"), before the aliases.
//
// The generator applies the same rewrites when it decides which route a
// documented request example reaches (generator/emit_handler_alias.go).

// serverAliasRewrite returns the path segments (without the prefix) that
// the first applicable alias stands for, or nil.
func serverAliasRewrite(segs []string) []string {
	switch {
	case len(segs) == 0:
		return nil
	case strings.EqualFold(segs[0], "drive"):
		return append([]string{"me"}, segs...)
	}
	for i := 1; i < len(segs); i++ {
		if !strings.EqualFold(segs[i], "root") {
			continue
		}
		if strings.EqualFold(segs[i-1], "drive") || i >= 2 && strings.EqualFold(segs[i-2], "drives") {
			out := append(append(append([]string{}, segs[:i]...), "items"), segs[i:]...)
			return out
		}
	}
	switch {
	case strings.EqualFold(segs[0], "me"):
		return append([]string{"users"}, segs...)
	case len(segs) >= 2 && strings.EqualFold(segs[0], "education") && strings.EqualFold(segs[1], "me"):
		return append([]string{"education", "users"}, segs[1:]...)
	}
	return nil
}

// serveAlias serves r under the path an alias of its path stands for, if
// a route takes that path; it reports whether it did.
func (s *Server) serveAlias(w http.ResponseWriter, r *http.Request) bool {
	rest, ok := strings.CutPrefix(r.URL.EscapedPath(), s.cfg.prefix+"/")
	if !ok {
		return false
	}
	segs := strings.Split(rest, "/")
	for range 4 {
		if segs = serverAliasRewrite(segs); segs == nil {
			return false
		}
		r2, ok := s.withPath(r, r.Context(), segs)
		if !ok {
			return false
		}
		if _, pattern := s.mux.Handler(r2); pattern != "" && pattern != s.cfg.prefix+"/" {
			s.mux.ServeHTTP(w, r2)
			return true
		}
		if d, parts := s.foldMatch(r2); d != nil {
			for i, p := range d.parts {
				if strings.HasPrefix(p, "{") && p != "{$}" {
					r2.SetPathValue(strings.Trim(p, "{}"), parts[i])
				}
			}
			d.ServeHTTP(w, r2)
			return true
		}
	}
	return false
}

// serverSpanSegments returns the escaped path segments with OneDrive path
// addressing joined into one segment: from a segment (not the first or
// the last) that ends with ":" ("root:") to the next that does
// ("file.txt:"), or to the end; ok is false when there is none.
func serverSpanSegments(segs []string) ([]string, bool) {
	for i := 1; i < len(segs)-1; i++ {
		s := segs[i]
		if len(s) < 2 || s[len(s)-1] != ':' || strings.Contains(strings.ToLower(s), "%2f") {
			continue
		}
		end := len(segs) - 1
		for j := i + 1; j < len(segs); j++ {
			if strings.HasSuffix(segs[j], ":") {
				end = j
				break
			}
		}
		joined := strings.Join(segs[i:end+1], "%2F")
		return append(append(append([]string{}, segs[:i]...), joined), segs[end+1:]...), true
	}
	return nil, false
}

// serveSpan serves r with its OneDrive path span joined into one segment,
// through the mux (whose catch-all tries the other rewrites on the joined
// path); it reports whether the path had a span.
func (s *Server) serveSpan(w http.ResponseWriter, r *http.Request) bool {
	rest, ok := strings.CutPrefix(r.URL.EscapedPath(), s.cfg.prefix+"/")
	if !ok {
		return false
	}
	segs, ok := serverSpanSegments(strings.Split(rest, "/"))
	if !ok {
		return false
	}
	r2, ok := s.withPath(r, r.Context(), segs)
	if !ok {
		return false
	}
	s.mux.ServeHTTP(w, r2)
	return true
}

// withPath returns a clone of r with ctx whose URL path is segs (escaped
// segments) below the prefix, keeping the query; false when that is not a
// URL path.
func (s *Server) withPath(r *http.Request, ctx context.Context, segs []string) (*http.Request, bool) {
	u := *r.URL
	u.Path, u.RawPath = "", ""
	u2, err := u.Parse(s.cfg.prefix + "/" + strings.Join(segs, "/"))
	if err != nil {
		return nil, false
	}
	u2.RawQuery = r.URL.RawQuery
	r2 := r.Clone(ctx)
	r2.URL = u2
	return r2, true
}
