package runtime

import (
	"strings"
)

// This file parses the OData key and function segments of request paths
// ("users('42')", "getX(period='D7')") that a route registers as one
// wildcard, and OneDrive path addressing ("root:/folder/file.txt:", joined
// into one segment by serverSpanSegments).

// serverSegment is an OData key or function segment registered as the
// wildcard named wildcard: name followed by a parenthesized argument list,
// "getX(period='D7')" or "users('42')".
type serverSegment struct {
	wildcard string
	// name is the function or entity-set name before "(", matched without
	// regard to case. A name ending in ":" is OneDrive path addressing:
	// "root:" takes "root:/folder/file.txt:" (the item path is the one
	// parameter), ":" takes "{parent-id}:/{file-name}:" (two parameters).
	name string
	// params are the segment's parameters in documented order.
	params []serverSegmentParam
	// index is the wildcard's position in the full pattern split at "/",
	// set by Server.add.
	index int
}

// serverSegmentParam is one parameter of a key or function segment.
type serverSegmentParam struct {
	// arg is the function parameter's name, "period"; "" for a key given
	// by position ("users('{id}')"), which also accepts "users(id='42')"
	// under the name path.
	arg string
	// path is the name the value is stored under with r.SetPathValue.
	path string
}

// parseArgs matches a segment value against s and returns the parameter
// values in the order of s.params. Quoted values ('it”s') are unquoted;
// others are kept as written.
func (s *serverSegment) parseArgs(v string) ([]string, bool) {
	if strings.HasSuffix(s.name, ":") {
		return s.parsePath(v)
	}
	if len(v) < len(s.name)+2 || !strings.EqualFold(v[:len(s.name)], s.name) || v[len(s.name)] != '(' || v[len(v)-1] != ')' {
		return nil, false
	}
	items, ok := splitSegmentArgs(v[len(s.name)+1 : len(v)-1])
	if !ok || len(items) != len(s.params) {
		return nil, false
	}
	vals := make([]string, len(s.params))
	if len(items) == 1 && s.params[0].arg == "" {
		it := items[0]
		if it.name != "" && !strings.EqualFold(it.name, s.params[0].path) {
			return nil, false
		}
		vals[0] = it.value
		return vals, true
	}
	seen := make([]bool, len(s.params))
	for _, it := range items {
		found := false
		for i, p := range s.params {
			if !seen[i] && it.name != "" && strings.EqualFold(it.name, cmpOr(p.arg, p.path)) {
				seen[i], found = true, true
				vals[i] = it.value
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return vals, true
}

// parsePath matches a OneDrive path segment ("root:/a/b.txt:", the
// closing colon optional) against s and returns its parameter values:
// the item path ("a/b.txt"), after the item's key when s.name is ":".
func (s *serverSegment) parsePath(v string) ([]string, bool) {
	prefix := s.name[:len(s.name)-1]
	i := strings.Index(v, ":/")
	if i < 0 || (prefix == "" && i == 0) || (prefix != "" && !strings.EqualFold(v[:i], prefix)) {
		return nil, false
	}
	item := strings.TrimSuffix(v[i+2:], ":")
	if item == "" {
		return nil, false
	}
	vals := []string{item}
	if prefix == "" {
		vals = []string{v[:i], item}
	}
	if len(vals) != len(s.params) {
		return nil, false
	}
	return vals, true
}

// cmpOr returns a unless it is empty, else b.
func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// segmentArg is one "name=value" or positional "value" of a segment.
type segmentArg struct{ name, value string }

// splitSegmentArgs splits an OData argument list at the commas outside
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

// isQualifiedName reports whether s is a dotted name such as
// microsoft.graph.timeZoneStandard.
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
