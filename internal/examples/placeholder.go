package examples

import (
	"encoding/json"
	"github.com/docgen-dev/docgen/internal/jsonpos"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/docgen-dev/docgen/parser/model"
)

// canonicalEdm are the values substituted for placeholders, as JSON.
var canonicalEdm = map[string]string{
	"Edm.String":         `"String"`,
	"Edm.Guid":           `"6f9619ff-8b86-d011-b42d-00c04fc964ff"`,
	"Edm.Boolean":        `true`,
	"Edm.Byte":           `1`,
	"Edm.SByte":          `1`,
	"Edm.Int16":          `1`,
	"Edm.Int32":          `1`,
	"Edm.Int64":          `1`,
	"Edm.Single":         `1.5`,
	"Edm.Double":         `1.5`,
	"Edm.Decimal":        `1.5`,
	"Edm.DateTimeOffset": `"2006-01-02T15:04:05Z"`,
	"Edm.Date":           `"2006-01-02"`,
	"Edm.TimeOfDay":      `"15:04:05"`,
	"Edm.Duration":       `"PT1H"`,
	"Edm.Binary":         `"AA=="`,
	"Edm.Stream":         `"AA=="`,
}

// canonical returns the JSON of a canonical valid value of a shape, to a
// depth: a struct's canonical value holds its required members (which the
// generated struct always encodes) with their canonical values, so it
// round-trips unchanged.
func (s *Schema) canonical(sh Shape, depth int) (string, bool) {
	switch {
	case sh.Collection:
		return `[]`, true
	case sh.Decl != nil && sh.Decl.Struct():
		if depth > 4 {
			return "", false // a chain of required objects, maybe a cycle
		}
		var members []string
		for _, f := range sh.Decl.Fields {
			if !f.Plain {
				continue
			}
			fs := Shape{Decl: f.Target, Field: f}
			if f.Target == nil && s.primitive(f.TypeRef.Name) {
				fs.Edm = f.TypeRef.Name
			}
			v, ok := s.canonical(fs, depth+1)
			if !ok || (fs.Decl == nil && fs.Edm == "") {
				return "", false
			}
			members = append(members, strconv.Quote(f.Name)+":"+v)
		}
		return "{" + strings.Join(members, ",") + "}", true
	case sh.Decl != nil:
		for _, m := range sh.Decl.Members {
			if !m.AfterSentinel && m.Name != model.SentinelMember {
				return strconv.Quote(m.Name), true
			}
		}
		return "", false
	}
	if sh.Edm == "Edm.String" && sh.Field != nil && len(sh.Field.Values) > 0 {
		return strconv.Quote(sh.Field.Values[0]), true
	}
	c, ok := canonicalEdm[sh.Edm]
	return c, ok
}

// alternative returns, for an "a | b | c" placeholder in an enum, the first
// alternative that is a documented member.
func alternative(v *Node, sh Shape) string {
	if v.Kind != String || sh.Collection || !strings.Contains(v.Str, "|") {
		return ""
	}
	var members []string
	switch {
	case sh.Decl != nil && !sh.Decl.Struct():
		for _, m := range sh.Decl.Members {
			members = append(members, m.Name)
		}
	case sh.Decl == nil && sh.Field != nil:
		members = sh.Field.Values
	}
	for _, a := range strings.Split(v.Str, "|") {
		if a = strings.TrimSpace(a); slices.Contains(members, a) {
			return strconv.Quote(a)
		}
	}
	return ""
}

// isPlaceholder reports whether the value at ptr stands for "any value":
// the parser marked it, or it is a type name such as "String", "Int32" or
// "String (timestamp)", a "<Property Name> value" or "name-value" string,
// a template such as "<password>", the declared type's own name
// ("resourceReference" where a resourceReference belongs), or a number in
// quotes where a number belongs ("4.2").
func (w *roundTrip) isPlaceholder(v *Node, sh Shape, ptr string) bool {
	if w.placeholders[ptr] {
		return true
	}
	if v.Kind != String {
		return false
	}
	s := v.Str
	if sh.Decl != nil {
		// The declared type's own name: "resourceReference",
		// "microsoft.graph.accessAction", "Collection(microsoft.graph.x)".
		name := strings.ToLower(strings.TrimSpace(s))
		if inner, ok := strings.CutPrefix(name, "collection("); ok && sh.Collection {
			name = strings.TrimSuffix(inner, ")")
		}
		full := strings.ToLower(sh.Decl.Name)
		if name == full || name == full[strings.LastIndex(full, ".")+1:] {
			return true
		}
	}
	if !sh.Collection && sh.Decl == nil && numericEdm[sh.Edm] && json.Valid([]byte(s)) {
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return true // "4.2" for a Double: the stub generator's number
		}
	}
	return jsonpos.IsLoosePlaceholder(s)
}

// numericEdm are the Edm types written as JSON numbers.
var numericEdm = map[string]bool{
	"Edm.Byte": true, "Edm.SByte": true, "Edm.Int16": true, "Edm.Int32": true,
	"Edm.Int64": true, "Edm.Single": true, "Edm.Double": true,
}

// Brief shows a JSON value briefly, for messages: a string quoted and cut
// to 60 characters, a number or literal as written, "an object", "an
// array".
func Brief(v *Node) string {
	switch v.Kind {
	case Null:
		return "null"
	case String:
		s := v.Str
		if utf8.RuneCountInString(s) > 60 {
			s = string([]rune(s)[:57]) + "..."
		}
		return strconv.Quote(s)
	case Number:
		return string(v.Num)
	case Bool:
		return strconv.FormatBool(v.Bool)
	case Object:
		return "an object"
	}
	return "an array"
}
