package generator

import (
	"net/http"
	"net/url"
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

// splitArgs is the runtime's serverSplitArgs
// (templates/runtime/server_cast.go): it returns the escaped path segments with the first
// segment of the form name(arg=value, …) (every argument named) written
// as name, and its arguments; ok is false when there is none.
func splitArgs(segs []string) (out []string, args map[string]string, ok bool) {
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

// segmentArg is the runtime's (templates/runtime/server_segments.go): one "name=value" or positional "value" of a segment.
type segmentArg struct{ name, value string }

// splitSegmentArgs is the runtime's: it splits an OData argument list at the commas outside
// single-quoted strings. It reports false on an unterminated string, an
// empty item, or text after a closing quote.
func splitSegmentArgs(s string) ([]segmentArg, bool) {
	if strings.TrimSpace(s) == "" {
		return nil, true
	}
	var out []segmentArg
	for {
		var it segmentArg
		s = strings.TrimLeft(s, " ")
		// An argument name is an identifier followed by "=".
		if i := strings.IndexAny(s, "=',"); i > 0 && s[i] == '=' {
			it.name = strings.TrimSpace(s[:i])
			s = strings.TrimLeft(s[i+1:], " ")
		}
		// An enum literal is written with its type: ns.type'value'.
		if i := strings.IndexByte(s, '\''); i > 0 && isQualifiedName(s[:i]) {
			s = s[i:]
		}
		if strings.HasPrefix(s, "'") {
			var b strings.Builder
			i := 1
			for ; i < len(s); i++ {
				if s[i] == '\'' {
					if i+1 < len(s) && s[i+1] == '\'' {
						b.WriteByte('\'')
						i++
						continue
					}
					break
				}
				b.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, false
			}
			it.value = b.String()
			s = strings.TrimLeft(s[i+1:], " ")
			if s != "" && s[0] != ',' {
				return nil, false
			}
		} else {
			j := strings.IndexByte(s, ',')
			if j < 0 {
				j = len(s)
			}
			it.value = strings.TrimSpace(s[:j])
			if it.value == "" || strings.ContainsRune(it.value, '\'') {
				return nil, false
			}
			s = s[j:]
		}
		out = append(out, it)
		if s == "" {
			return out, true
		}
		s = s[1:] // the comma
		if strings.TrimSpace(s) == "" {
			return nil, false
		}
	}
}
