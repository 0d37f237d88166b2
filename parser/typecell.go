package parser

import (
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// TypeNote reports what NormalizeType noticed about a Type cell; the caller
// turns it into diagnostics (type-unknown, type-union, type-spelling).
type TypeNote struct {
	// Empty is set when the cell names no type; the TypeRef is zero.
	Empty bool
	// Unknown is set when the cell could not be read as a type name; the
	// TypeRef is then model.JSONType (untyped JSON).
	Unknown bool
	// Union lists the alternatives of an "A or B" cell as OData type
	// names; the TypeRef is the first.
	Union []string
	// Spelling is a non-canonical spelling that was normalised ("string",
	// "int", "DateTime", "GUID"), for a type-spelling diagnostic.
	Spelling string
	// Note is text removed from the cell ("optional", "url", "maximum size
	// 20") or a remark about the mapping.
	Note string
}

// primitive is the Edm type a lower-cased primitive spelling stands for;
// note explains a mapping that changes the meaning.
type primitive struct {
	name string
	note string
}

// primitiveSpellings maps lower-cased type names (without "Edm.") to Edm
// types.
var primitiveSpellings = map[string]primitive{
	"string":         {"Edm.String", ""},
	"boolean":        {"Edm.Boolean", ""},
	"bool":           {"Edm.Boolean", ""},
	"int32":          {"Edm.Int32", ""},
	"int":            {"Edm.Int32", ""},
	"integer":        {"Edm.Int32", ""},
	"int64":          {"Edm.Int64", ""},
	"long":           {"Edm.Int64", ""},
	"int16":          {"Edm.Int16", ""},
	"short":          {"Edm.Int16", ""},
	"byte":           {"Edm.Byte", ""},
	"sbyte":          {"Edm.SByte", ""},
	"single":         {"Edm.Single", ""},
	"double":         {"Edm.Double", ""},
	"float":          {"Edm.Double", ""},
	"number":         {"Edm.Double", "\"number\" is ambiguous; read as Edm.Double"},
	"decimal":        {"Edm.Decimal", ""},
	"datetimeoffset": {"Edm.DateTimeOffset", ""},
	"datetime":       {"Edm.DateTimeOffset", "DateTime is not an EDM type; read as Edm.DateTimeOffset"},
	"timestamp":      {"Edm.DateTimeOffset", "Timestamp is not an EDM type; read as Edm.DateTimeOffset"},
	"date":           {"Edm.Date", ""},
	"timeofday":      {"Edm.TimeOfDay", ""},
	"duration":       {"Edm.Duration", ""},
	"guid":           {"Edm.Guid", ""},
	"binary":         {"Edm.Binary", ""},
	"stream":         {"Edm.Stream", ""},
	"url":            {"Edm.String", "Url is not an EDM type; read as Edm.String"},
	"uri":            {"Edm.String", "Uri is not an EDM type; read as Edm.String"},
	"json":           {model.JSONType, ""},
	"object":         {model.JSONType, "Object is not a type; read as untyped JSON"},
}

// canonicalSpellings are the spellings that need no type-spelling note.
var canonicalSpellings = map[string]bool{
	"String": true, "Boolean": true, "Int32": true, "Int64": true, "Int16": true, "Byte": true,
	"SByte": true, "Single": true, "Double": true, "Decimal": true, "DateTimeOffset": true,
	"Date": true, "TimeOfDay": true, "Duration": true, "Guid": true, "Binary": true,
	"Stream": true, "Json": true,
}

// NormalizeType reads the plain text of a Type cell (links already reduced
// to their text) as an OData type reference. Primitive spellings become
// Edm names ("string" → Edm.String, "int" → Edm.Int32, "DateTime" →
// Edm.DateTimeOffset), "Json" becomes model.JSONType; "X collection",
// "Collection(X)", "collection of X" and "X[]" set Collection; qualified
// names are kept and other names are qualified with namespace (default
// "microsoft.graph"). Markup (`*`, backticks, `\_`) and trailing notes
// ("(optional)", ", maximum size 20") are removed; "A or B" is a union.
func NormalizeType(cell string, namespace string) (model.TypeRef, TypeNote) {
	if namespace == "" {
		namespace = "microsoft.graph"
	}
	var note TypeNote
	c := cleanTypeCell(cell)
	// A leading "(Optional)" note.
	if strings.HasPrefix(c, "(") {
		if end := strings.IndexByte(c, ')'); end > 0 && end < len(c)-1 && !strings.Contains(strings.ToLower(c[:end]), " or ") {
			note.Note = strings.TrimSpace(c[1:end])
			c = strings.TrimSpace(c[end+1:])
		}
	}
	// Trailing prose: "educationOutcome collection. Holds grades",
	// "string, maximum size 20".
	if i := strings.Index(c, ". "); i > 0 {
		addNote(&note, strings.TrimSpace(c[i+1:]))
		c = c[:i]
	}
	c = strings.TrimSuffix(c, ".")
	if i := strings.IndexByte(c, ','); i > 0 && !strings.HasPrefix(strings.ToLower(c), "collection(") {
		addNote(&note, strings.TrimSpace(c[i+1:]))
		c = strings.TrimSpace(c[:i])
	}
	if c == "" {
		note.Empty = true
		return model.TypeRef{}, note
	}
	// Unions: "A or B", "(a or b or c) collection", "string/number".
	if parts := splitUnion(c); len(parts) > 1 {
		var first model.TypeRef
		for k, p := range parts {
			r, n := normalizeOne(p, namespace)
			if n.Unknown || n.Empty {
				note.Unknown = true
			}
			if n.Spelling != "" && note.Spelling == "" {
				note.Spelling = n.Spelling
			}
			if k == 0 {
				first = r
			}
			note.Union = append(note.Union, r.String())
		}
		if note.Unknown {
			return model.TypeRef{Name: model.JSONType}, note
		}
		return first, note
	}
	r, n := normalizeOne(c, namespace)
	n.Note = joinNotes(note.Note, n.Note)
	return r, n
}

func addNote(n *TypeNote, s string) {
	n.Note = joinNotes(n.Note, s)
}

func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// cleanTypeCell removes emphasis, code and escapes and collapses spaces.
func cleanTypeCell(cell string) string {
	var b strings.Builder
	b.Grow(len(cell))
	space := false
	for i := 0; i < len(cell); i++ {
		c := cell[i]
		switch c {
		case '*', '`':
			continue
		case '\\':
			continue
		case ' ', '\t', '\n', '\r':
			space = true
			continue
		}
		if c == 0xC2 && i+1 < len(cell) && cell[i+1] == 0xA0 {
			i++
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// splitUnion splits "A or B" (and "a/b") at the top level.
func splitUnion(c string) []string {
	coll := ""
	inner := c
	// "(a or b) collection"
	if strings.HasPrefix(inner, "(") {
		if end := strings.LastIndexByte(inner, ')'); end > 0 {
			rest := strings.TrimSpace(inner[end+1:])
			if strings.EqualFold(rest, "collection") {
				coll = " collection"
				inner = inner[1:end]
			}
		}
	}
	var parts []string
	// Only ASCII letters lower-case to those of " or ": without it in
	// some case, inner needs no lower-casing.
	if containsFold(inner, " or ") && strings.Contains(strings.ToLower(inner), " or ") {
		lower := strings.ToLower(inner)
		start := 0
		for {
			i := strings.Index(lower[start:], " or ")
			if i < 0 {
				parts = append(parts, strings.TrimSpace(inner[start:]))
				break
			}
			parts = append(parts, strings.TrimSpace(inner[start:start+i]))
			start += i + 4
		}
	} else if strings.Count(inner, "/") == 1 && !strings.Contains(inner, " ") {
		a, b, _ := strings.Cut(inner, "/")
		if isIdent(a) && isIdent(b) {
			parts = []string{a, b}
		}
	}
	if len(parts) < 2 {
		return nil
	}
	for k := range parts {
		parts[k] += coll
	}
	return parts
}

// normalizeOne reads one type (no union).
func normalizeOne(c, namespace string) (model.TypeRef, TypeNote) {
	var note TypeNote
	var r model.TypeRef
	c = strings.TrimSpace(c)
	// Trailing parenthesised notes: "String (optional)", "string (url)".
	for strings.HasSuffix(c, ")") {
		open := strings.LastIndexByte(c, '(')
		if open <= 0 || strings.EqualFold(strings.TrimSpace(c[:open]), "collection") {
			break
		}
		addNote(&note, strings.TrimSpace(c[open+1:len(c)-1]))
		c = strings.TrimSpace(c[:open])
	}
	// lower is strings.ToLower(c), whose prefixes and suffixes are read
	// from c itself (ASCII case folding) when c is ASCII.
	ascii := isASCII(c)
	lower := ""
	if !ascii {
		lower = strings.ToLower(c)
	}
	lowerHasPrefix := func(w string) bool {
		if ascii {
			return len(c) >= len(w) && foldEqual(c[:len(w)], w)
		}
		return strings.HasPrefix(lower, w)
	}
	switch {
	case ascii && len(c) >= len(" collection") && foldEqual(c[len(c)-len(" collection"):], " collection"),
		!ascii && strings.HasSuffix(lower, " collection"):
		r.Collection = true
		c = strings.TrimSpace(c[:len(c)-len(" collection")])
	case lowerHasPrefix("collection(") && strings.HasSuffix(c, ")"):
		r.Collection = true
		c = strings.TrimSpace(c[len("collection(") : len(c)-1])
	case lowerHasPrefix("collection of "):
		r.Collection = true
		c = strings.TrimSpace(c[len("collection of "):])
	case strings.HasSuffix(c, "[]"):
		r.Collection = true
		c = strings.TrimSpace(c[:len(c)-2])
	}
	// "[itemAnalytics][] resource": a kind word after the type name.
	for _, suf := range []string{" resource type", " complex type", " resource", " object", " entity"} {
		if len(c) > len(suf) && strings.EqualFold(c[len(c)-len(suf):], suf) {
			rest := strings.TrimSpace(c[:len(c)-len(suf)])
			if _, prim := lookupLower(primitiveSpellings, rest); !prim && isQualified(rest) {
				c = rest
			}
			break
		}
	}
	c = strings.TrimPrefix(c, "#")
	if c == "" {
		note.Empty = true
		return model.TypeRef{}, note
	}
	short := c
	if len(short) > 4 && strings.EqualFold(short[:4], "edm.") {
		short = short[4:]
	}
	if p, ok := lookupLower(primitiveSpellings, short); ok {
		r.Name = p.name
		if !canonicalSpellings[short] || (short != c && c[:4] != "Edm.") {
			note.Spelling = c
		}
		addNote(&note, p.note)
		return r, note
	}
	switch {
	case short != c:
		// "Edm.Something" that is not a primitive.
		note.Unknown = true
		r.Name = model.JSONType
	case strings.Contains(c, "."):
		if !isQualified(c) {
			note.Unknown = true
			r.Name = model.JSONType
			break
		}
		r.Name = c
	case isIdent(c):
		r.Name = namespace + "." + c
	default:
		note.Unknown = true
		r.Name = model.JSONType
	}
	if note.Unknown {
		addNote(&note, "cannot read "+`"`+c+`"`+" as a type name")
	}
	return r, note
}

func isQualified(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if !isIdent(part) {
			return false
		}
	}
	return true
}

// isASCII reports whether s holds only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// lookupLower is m[strings.ToLower(s)], without allocating when s is
// short ASCII (lower-cased in a buffer).
func lookupLower[V any](m map[string]V, s string) (V, bool) {
	var buf [64]byte
	if len(s) <= len(buf) && isASCII(s) {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		v, ok := m[string(buf[:len(s)])]
		return v, ok
	}
	v, ok := m[strings.ToLower(s)]
	return v, ok
}
