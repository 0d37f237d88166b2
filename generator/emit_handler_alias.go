package generator

import (
	"net/http"
	"strings"
)

// aliasRewrite is the runtime's serverAliasRewrite
// (templates/runtime/server_alias.go): the path segments an alias of Graph
// stands for (/me → /users/me, /drive → /me/drive, …/drive/root →
// …/drive/items/root, /education/me → /education/users/me), or nil. The
// handler tests route a documented request the way the generated server
// does; TestAliasRewriteMatchesRuntime keeps the two copies equal.
func aliasRewrite(segs []string) []string {
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

// stripSegments is the runtime's serverStripSegments
// (templates/runtime/server_cast.go): the path without cast segments and,
// for GET, a last $count segment.
func stripSegments(method string, segs []string) (out []string, cast string, count, ok bool) {
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

// isQualifiedName is the runtime's: a dotted name such as
// microsoft.graph.user.
func isQualifiedName(s string) bool {
	if s == "" || !strings.Contains(s, ".") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '.' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// spanSegments is the runtime's serverSpanSegments
// (templates/runtime/server_alias.go): the escaped path segments with
// OneDrive path addressing ("root:", "a", "b.txt:") joined into one
// segment ("root:%2Fa%2Fb.txt:"), and whether there was any.
func spanSegments(segs []string) ([]string, bool) {
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
