package runtime

import "strings"

// Generated enums are named string types (type Color string) with one
// constant per documented member. They need no JSON methods: an unknown
// string decodes and encodes unchanged, and Validate reports it
// ("enum.unknown"). Flags enums hold several members separated by commas
// ("read, write"), kept exactly as received; the helpers below read them.
//
// An enum's methods are one line each over a table of its documented values
// (var valuesOfColor = []Color{...}, static data): Known calls knownValue
// or knownFlags, which every enum shares (one copy for all string-based
// types, as the compiler compiles a generic function once per underlying
// type).

// knownValue reports whether v is one of values: Known of an enum.
func knownValue[E ~string](values []E, v E) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}

// knownFlags reports whether every member the flags value v lists is one
// of values: Known of a flags enum. An empty value lists none.
func knownFlags[E ~string](values []E, v E) bool {
	for part := range strings.SplitSeq(string(v), ",") {
		if part = strings.TrimSpace(part); part != "" && !knownValue(values, E(part)) {
			return false
		}
	}
	return true
}

// splitFlags splits a flags value at commas, trims spaces around each
// member and drops empty members: "a, b,,c" gives [a b c].
func splitFlags(s string) []string {
	var out []string
	for part := range strings.SplitSeq(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// hasFlag reports whether the flags value s contains the member v, without
// allocating.
func hasFlag(s, v string) bool {
	for s != "" {
		part := s
		if i := strings.IndexByte(s, ','); i >= 0 {
			part, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if strings.TrimSpace(part) == v {
			return true
		}
	}
	return false
}

// joinFlags joins members into a flags value: "a,b".
func joinFlags(members []string) string { return strings.Join(members, ",") }

// containsString reports whether list contains s.
func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// unknownFlags returns the members of the flags value s that are not in
// known, in order; nil when all are known.
func unknownFlags(s string, known []string) []string {
	var out []string
	for _, f := range splitFlags(s) {
		if !containsString(known, f) {
			out = append(out, f)
		}
	}
	return out
}

// oneOf formats the documented members for a message: `"a", "b" or "c"`.
func oneOf(members []string) string {
	var b strings.Builder
	for i, m := range members {
		switch {
		case i == 0:
		case i == len(members)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteByte('"')
		b.WriteString(m)
		b.WriteByte('"')
	}
	return b.String()
}
