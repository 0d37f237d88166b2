package parser

import "strings"

// identByte reports whether c is an ASCII letter, digit or underscore.
func identByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isDottedName reports whether s is non-empty and holds only identByte
// bytes and dots ("microsoft.graph.user").
func isDottedName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !identByte(s[i]) && s[i] != '.' {
			return false
		}
	}
	return true
}

// isWord reports whether s is non-empty and holds only identByte bytes.
func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !identByte(s[i]) {
			return false
		}
	}
	return true
}

// qualify turns a documented type name into a qualified OData name in
// namespace ns.
func qualify(name, ns string) string {
	name = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "#"))
	name = strings.Trim(name, "`*")
	if name == "" {
		return ""
	}
	if strings.HasPrefix(name, "microsoft.") || strings.HasPrefix(name, "Edm.") {
		return name
	}
	if strings.HasPrefix(name, "Microsoft.Graph.") {
		return "microsoft.graph." + name[len("Microsoft.Graph."):]
	}
	if ns == "" {
		ns = "microsoft.graph"
	}
	return ns + "." + name
}

// typeLikeWord reports whether a word written without markup (no link,
// code or bold) reads as a type name rather than a prose word: a qualified
// name ("microsoft.graph.entity") or a camel-case one ("baseItem",
// "DomainDnsRecord"). Prose words ("a", "an", "another", "the", "State",
// "base") are never type names on their own; pages that mean a type link it
// or mark it up.
func typeLikeWord(w string) bool {
	if !isDottedName(w) || w == "" || !(w[0] >= 'a' && w[0] <= 'z' || w[0] >= 'A' && w[0] <= 'Z') {
		return false
	}
	if strings.Contains(strings.Trim(w, "."), ".") {
		return true
	}
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' && w[i-1] >= 'a' && w[i-1] <= 'z' {
			return true
		}
	}
	return false
}
