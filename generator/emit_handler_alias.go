package generator

import "strings"

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
