package jsonpos

import (
	"encoding/json"
	"regexp"
	"strings"
	"unicode/utf8"
)

// JSONType is docgen's name for untyped JSON (parser/model.JSONType), the
// type a "Json" placeholder names.
const JSONType = "microsoft.graph.Json"

// PlaceholderKind classifies a placeholder value. The values are those of
// parser/model.PlaceholderKind, in the same order.
type PlaceholderKind int

// The placeholder kinds.
const (
	// TypeNamePlaceholder is a type name standing for a value: "String",
	// "String (timestamp)", "Int32", "Guid", "Boolean".
	TypeNamePlaceholder PlaceholderKind = iota
	// PropertyValuePlaceholder is Intune's "<Property Name> value".
	PropertyValuePlaceholder
	// AlternativesPlaceholder lists allowed values: "a | b | c".
	AlternativesPlaceholder
	// NumberPlaceholder is a stock number such as 1024.
	NumberPlaceholder
	// TemplatePlaceholder is "{userId}" / "<password>" /
	// "<Unknown Primitive Type Edm.Stream>".
	TemplatePlaceholder
)

// Placeholder is a value of a JSON body that stands for "some value of a
// type" rather than data.
type Placeholder struct {
	// Pointer is the value's JSON Pointer in the body ("/status").
	Pointer string
	Kind    PlaceholderKind
	// Text is the value as written in the JSON ("\"String (timestamp)\"").
	Text string
	// Type is the primitive the placeholder names, when it names one
	// ("String (timestamp)" → "Edm.DateTimeOffset").
	Type string
	// Alternatives are the values of an AlternativesPlaceholder.
	Alternatives []string
	// Off is the value's byte offset in the body as written.
	Off int
}

// FindPlaceholders returns the values of a JSON body that stand for "some
// value of a type" rather than data, in document order, each with its JSON
// Pointer (RFC 6901) and its offset in body. jsonBody is the JSON (the body
// itself, or Repair's output); body is the body as written, used to locate
// the values.
//
// Strings are classified by IsPlaceholderString; the numbers 1024 and
// 1024.13 (the stub generator's stock values) are NumberPlaceholders.
func FindPlaceholders(jsonBody []byte, body string) []Placeholder {
	return AppendPlaceholders(nil, jsonBody, body)
}

// AppendPlaceholders appends FindPlaceholders' placeholders to dst.
func AppendPlaceholders(dst []Placeholder, jsonBody []byte, body string) []Placeholder {
	data := body
	if string(jsonBody) != body {
		data = string(jsonBody)
	}
	w := placeholderWalker{data: data, body: body, same: data == body, found: dst}
	w.skipSpace()
	w.ptr = make([]byte, 0, 128)
	w.value(0)
	return w.found
}

// StrictPlaceholders is json.Valid and FindPlaceholders in one pass over a
// body: ok is true only when body is JSON as encoding/json reads it, and
// then the placeholders are FindPlaceholders' for the body. ok false says
// nothing: the caller checks the body and runs FindPlaceholders.
func StrictPlaceholders(body string) ([]Placeholder, bool) {
	return AppendStrictPlaceholders(nil, body)
}

// AppendStrictPlaceholders is StrictPlaceholders appending to dst; when ok
// is false, what it appended is to be discarded.
func AppendStrictPlaceholders(dst []Placeholder, body string) (_ []Placeholder, ok bool) {
	w := placeholderWalker{data: body, body: body, same: true, strict: true, found: dst}
	w.skipSpace()
	if w.i >= len(w.data) {
		return dst, false
	}
	var ptr [128]byte
	w.ptr = ptr[:0]
	w.value(0)
	w.skipSpace()
	return w.found, !w.bad && w.i == len(w.data)
}

// placeholderWalker scans JSON that is known to be valid, tracking the
// JSON Pointer of each value.
type placeholderWalker struct {
	data string
	i    int
	body string
	same bool
	// cursor is how far into body values have been located (when body
	// and data differ).
	cursor int
	found  []Placeholder
	bad    bool
	// ptr is the JSON Pointer of the current value; each level appends
	// its token and truncates it again.
	ptr []byte
	// strict makes anything encoding/json would refuse bad (see
	// StrictPlaceholders); the walk of valid JSON is the same.
	strict bool
}

// StrictDepth bounds the nesting a strict walk accepts (encoding/json
// accepts 10000 levels; deeper bodies are left to it).
const StrictDepth = 1000

const maxPlaceholderDepth = 10000

func (w *placeholderWalker) skipSpace() {
	for w.i < len(w.data) && IsSpace(w.data[w.i]) {
		if c := w.data[w.i]; w.strict && (c == '\f' || c == '\v') {
			w.bad = true
			return
		}
		w.i++
	}
}

func (w *placeholderWalker) value(depth int) {
	if w.bad || w.i >= len(w.data) || depth > maxPlaceholderDepth || (w.strict && depth > StrictDepth) {
		w.bad = true
		return
	}
	switch c := w.data[w.i]; {
	case c == '{':
		w.i++
		w.skipSpace()
		if w.i < len(w.data) && w.data[w.i] == '}' {
			w.i++
			return
		}
		for !w.bad {
			w.skipSpace()
			start := w.i
			end := w.stringEnd()
			if w.bad {
				return
			}
			w.locate(start, end)
			mark := len(w.ptr)
			w.ptr = AppendKey(w.ptr, w.data[start:end])
			w.i = end
			w.skipSpace()
			if w.i >= len(w.data) || w.data[w.i] != ':' {
				w.bad = true
				return
			}
			w.i++
			w.skipSpace()
			w.value(depth + 1)
			w.ptr = w.ptr[:mark]
			w.skipSpace()
			if w.i < len(w.data) && w.data[w.i] == ',' {
				w.i++
				continue
			}
			if w.i < len(w.data) && w.data[w.i] == '}' {
				w.i++
				return
			}
			w.bad = true
		}
	case c == '[':
		w.i++
		w.skipSpace()
		if w.i < len(w.data) && w.data[w.i] == ']' {
			w.i++
			return
		}
		for n := 0; !w.bad; n++ {
			w.skipSpace()
			mark := len(w.ptr)
			w.ptr = AppendIndex(w.ptr, n)
			w.value(depth + 1)
			w.ptr = w.ptr[:mark]
			w.skipSpace()
			if w.i < len(w.data) && w.data[w.i] == ',' {
				w.i++
				continue
			}
			if w.i < len(w.data) && w.data[w.i] == ']' {
				w.i++
				return
			}
			w.bad = true
		}
	case c == '"':
		start := w.i
		end := w.stringEnd()
		if w.bad {
			return
		}
		w.i = end
		raw := w.data[start:end]
		off := w.locate(start, end)
		if !mayBePlaceholder(raw) {
			return
		}
		s := Unquote(raw)
		if kind, typ, ok := IsPlaceholderString(s); ok {
			p := Placeholder{Pointer: string(w.ptr), Kind: kind, Text: raw, Type: typ, Off: off}
			if kind == AlternativesPlaceholder {
				p.Alternatives = Alternatives(s)
			}
			w.found = append(w.found, p)
		}
	default:
		start := w.i
		for w.i < len(w.data) && !IsSpace(w.data[w.i]) && w.data[w.i] != ',' && w.data[w.i] != '}' && w.data[w.i] != ']' {
			w.i++
		}
		if w.i == start {
			w.bad = true
			return
		}
		raw := w.data[start:w.i]
		if w.strict && !IsLiteral(raw) {
			w.bad = true
			return
		}
		off := w.locate(start, w.i)
		if IsStockNumber(raw) {
			w.found = append(w.found, Placeholder{Pointer: string(w.ptr), Kind: NumberPlaceholder, Text: raw, Off: off})
		}
	}
}

// IsStockNumber reports whether a JSON number is one of the stub
// generator's stock values.
func IsStockNumber(raw string) bool {
	switch raw {
	case "1024", "1024.13":
		return true
	}
	return false
}

// stringEnd returns the offset after the string starting at w.i.
func (w *placeholderWalker) stringEnd() int {
	if w.i >= len(w.data) || w.data[w.i] != '"' {
		w.bad = true
		return w.i
	}
	for j := w.i + 1; j < len(w.data); j++ {
		switch c := w.data[j]; {
		case c == '\\':
			if w.strict && !isEscape(w.data[j+1:]) {
				w.bad = true
				return j
			}
			j++
		case c == '"':
			return j + 1
		case c < 0x20 && w.strict:
			w.bad = true
			return j
		}
	}
	w.bad = true
	return len(w.data)
}

// isEscape reports whether s (what follows a backslash in a string)
// starts with a JSON escape: one of "\/bfnrt, or u and 4 hex digits.
func isEscape(s string) bool {
	if len(s) == 0 {
		return false
	}
	switch s[0] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return true
	case 'u':
		if len(s) < 5 {
			return false
		}
		for _, c := range []byte(s[1:5]) {
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
		return true
	}
	return false
}

// IsLiteral reports whether s is true, false, null or a JSON number
// (-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?).
func IsLiteral(s string) bool {
	switch s {
	case "true", "false", "null":
		return true
	}
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(s) && s[i] == '0' {
		i++
	} else if digits() == 0 {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// locate returns the body offset of the token data[start:end]. When body is
// the JSON itself that is start; otherwise the token's text is searched for
// in body from the last located token on.
func (w *placeholderWalker) locate(start, end int) int {
	if w.same {
		return start
	}
	tok := w.data[start:end]
	if k := strings.Index(w.body[w.cursor:], tok); k >= 0 {
		off := w.cursor + k
		w.cursor = off + len(tok)
		return off
	}
	return w.cursor
}

// Unquote decodes a JSON string literal as encoding/json does
// (invalid UTF-8 becomes U+FFFD).
func Unquote(raw string) string {
	if len(raw) >= 2 && strings.IndexByte(raw, '\\') < 0 && utf8.ValidString(raw) {
		return raw[1 : len(raw)-1]
	}
	var s string
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return strings.Trim(raw, `"`)
	}
	return s
}

// placeholderTypes maps the spellings of type-name placeholders (exact
// case: "date" and "long" in lower case are common data) to the type they
// stand for.
var placeholderTypes = map[string]string{
	"String": "Edm.String", "string": "Edm.String", "String-value": "Edm.String", "Edm.String": "Edm.String",
	"Boolean": "Edm.Boolean", "boolean": "Edm.Boolean", "Bool": "Edm.Boolean", "Edm.Boolean": "Edm.Boolean",
	"Int32": "Edm.Int32", "int32": "Edm.Int32", "Int": "Edm.Int32", "Integer": "Edm.Int32", "integer": "Edm.Int32", "Edm.Int32": "Edm.Int32",
	"Int64": "Edm.Int64", "int64": "Edm.Int64", "Long": "Edm.Int64", "Edm.Int64": "Edm.Int64",
	"Int16": "Edm.Int16", "Edm.Int16": "Edm.Int16",
	"Byte": "Edm.Byte", "Edm.Byte": "Edm.Byte",
	"Single": "Edm.Single", "Edm.Single": "Edm.Single",
	"Double": "Edm.Double", "double": "Edm.Double", "Float": "Edm.Double", "Edm.Double": "Edm.Double",
	"Decimal": "Edm.Decimal", "decimal": "Edm.Decimal", "Edm.Decimal": "Edm.Decimal",
	"Guid": "Edm.Guid", "guid": "Edm.Guid", "GUID": "Edm.Guid", "Edm.Guid": "Edm.Guid",
	"Date": "Edm.Date", "Edm.Date": "Edm.Date",
	"DateTimeOffset": "Edm.DateTimeOffset", "dateTimeOffset": "Edm.DateTimeOffset", "datetimeoffset": "Edm.DateTimeOffset",
	"Edm.DateTimeOffset": "Edm.DateTimeOffset", "DateTime": "Edm.DateTimeOffset", "datetime": "Edm.DateTimeOffset",
	"Timestamp": "Edm.DateTimeOffset", "timestamp": "Edm.DateTimeOffset",
	"TimeOfDay": "Edm.TimeOfDay", "Edm.TimeOfDay": "Edm.TimeOfDay",
	"Duration": "Edm.Duration", "Edm.Duration": "Edm.Duration",
	"Binary": "Edm.Binary", "binary": "Edm.Binary", "Edm.Binary": "Edm.Binary",
	"Stream": "Edm.Stream", "Edm.Stream": "Edm.Stream",
	"Json": JSONType, "json": JSONType, "JSON": JSONType,
	"url": "Edm.String", "Url": "Edm.String", "URL": "Edm.String",
}

// stringNotes maps the note of "String (note)" to the type it implies.
var stringNotes = map[string]string{
	"timestamp":              "Edm.DateTimeOffset",
	"datetime":               "Edm.DateTimeOffset",
	"datetimeoffset":         "Edm.DateTimeOffset",
	"date":                   "Edm.Date",
	"iso 8601":               "Edm.Date",
	"duration":               "Edm.Duration",
	"iso 8601 duration":      "Edm.Duration",
	"time of day":            "Edm.TimeOfDay",
	"timeofday":              "Edm.TimeOfDay",
	"time":                   "Edm.TimeOfDay",
	"binary":                 "Edm.Binary",
	"base64":                 "Edm.Binary",
	"identifier":             "Edm.String",
	"url":                    "Edm.String",
	"uri":                    "Edm.String",
	"etag":                   "Edm.String",
	"email":                  "Edm.String",
	"enum":                   "Edm.String",
	"guid":                   "Edm.Guid",
	"json":                   JSONType,
	"int32":                  "Edm.Int32",
	"int64":                  "Edm.Int64",
	"double":                 "Edm.Double",
	"number":                 "Edm.Double",
	"integer":                "Edm.Int32",
	"boolean":                "Edm.Boolean",
	"readonly":               "Edm.String",
	"read-only":              "Edm.String",
	"optional":               "Edm.String",
	"ctag":                   "Edm.String",
	"iso 8601 date":          "Edm.Date",
	"iso 8601 timestamp":     "Edm.DateTimeOffset",
	"hh:mm:ss":               "Edm.TimeOfDay",
	"yyyy-mm-dd":             "Edm.Date",
	"utc":                    "Edm.DateTimeOffset",
	"timestamp utc":          "Edm.DateTimeOffset",
	"iso 8601 date time":     "Edm.DateTimeOffset",
	"iso 8601 datetime":      "Edm.DateTimeOffset",
	"iso 8601 timestamp utc": "Edm.DateTimeOffset",
}

// mayBePlaceholder is a cheap, allocation-free filter on a JSON string
// literal (quotes included): false means IsPlaceholderString is false.
func mayBePlaceholder(raw string) bool {
	if len(raw) < 3 || len(raw) > 130 {
		return false
	}
	c := raw[1]
	if !(('A' <= c && c <= 'Z') || ('a' <= c && c <= 'z') || c == '<' || c == '{' || c == '\\') {
		return false
	}
	// Real data with digits first, URLs and GUIDs are common; type names,
	// "X value", "a | b" and templates are what remains.
	return true
}

// IsPlaceholderString reports whether a JSON string value is a placeholder:
// a type name ("String", "String (timestamp)", "Int32", "Guid"; Type is the
// Edm type it names), an Intune "<Property Name> value" string, an
// alternatives list "a | b | c", or a template such as "{userId}",
// "<password>" or "<Unknown Primitive Type Edm.Stream>". Real data — GUIDs,
// dates, URLs, sentences, enum members — is not a placeholder.
func IsPlaceholderString(s string) (PlaceholderKind, string, bool) {
	if s == "" || len(s) > 120 {
		return 0, "", false
	}
	if typ, ok := typeNamePlaceholder(s); ok {
		return TypeNamePlaceholder, typ, true
	}
	switch s[0] {
	case '<':
		// "<id@host>" is an Internet message id, data.
		if inner, ok := strings.CutSuffix(s[1:], ">"); ok && inner != "" && !strings.ContainsAny(inner, "<>\"@") && strings.TrimSpace(inner) == inner {
			typ := ""
			if i := strings.Index(inner, "Edm."); i >= 0 {
				typ = inner[i:]
				if j := strings.IndexAny(typ, " )"); j >= 0 {
					typ = typ[:j]
				}
			}
			return TemplatePlaceholder, typ, true
		}
	case '{':
		// "{97A21473-8339-4BF0-BCB6-F55E4909FFB8}" is a registry-style GUID, data.
		if inner, ok := strings.CutSuffix(s[1:], "}"); ok && inner != "" && !strings.ContainsAny(inner, "{}\":,") && strings.TrimSpace(inner) == inner && !IsGUID(inner) {
			return TemplatePlaceholder, "", true
		}
	}
	if isPropertyValue(s) {
		return PropertyValuePlaceholder, "", true
	}
	if alts := Alternatives(s); alts != nil {
		return AlternativesPlaceholder, "", true
	}
	return 0, "", false
}

// typeNamePlaceholder recognises "String", "string", "Int32",
// "String (timestamp)", "String(timestamp)", "Edm.String".
func typeNamePlaceholder(s string) (string, bool) {
	if len(s) > 60 {
		return "", false
	}
	if len(s) > len("collection()") && strings.EqualFold(s[:len("collection(")], "collection(") && strings.HasSuffix(s, ")") {
		// "Collection(String)", "Collection(microsoft.graph.driveItem)": the
		// Type cell copied into a JSON representation.
		inner := strings.TrimSpace(s[len("collection(") : len(s)-1])
		if typ, ok := typeNamePlaceholder(inner); ok {
			return "Collection(" + typ + ")", true
		}
		if isQualifiedName(inner) {
			return "Collection(" + inner + ")", true
		}
		return "", false
	}
	if open := strings.IndexByte(s, '('); open > 0 && strings.HasSuffix(s, ")") {
		head := strings.TrimSpace(s[:open])
		if !strings.EqualFold(head, "string") {
			return "", false
		}
		note := strings.ToLower(strings.TrimSpace(s[open+1 : len(s)-1]))
		if typ, ok := stringNotes[note]; ok {
			return typ, true
		}
		// Another short note ("String (email address)") still names a string.
		if note != "" && len(note) <= 30 && !strings.ContainsAny(note, "()\"") && strings.Count(note, " ") < 4 {
			return "Edm.String", true
		}
		return "", false
	}
	typ, ok := placeholderTypes[s]
	return typ, ok
}

// isQualifiedName reports whether s is a namespace-qualified type name:
// dot-separated identifiers, at least two ("microsoft.graph.driveItem").
func isQualifiedName(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if p == "" {
			return false
		}
		for i, r := range p {
			if !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
				return false
			}
		}
	}
	return true
}

// isPropertyValue recognises Intune's "<Property Name> value": Title Case
// words (the first starting with a capital letter) followed by " value"
// ("Display Name value", "Role Scope Tag Ids value").
func isPropertyValue(s string) bool {
	head, ok := strings.CutSuffix(s, " value")
	if !ok || head == "" {
		return false
	}
	for k, w := range strings.Split(head, " ") {
		if w == "" {
			return false
		}
		c := w[0]
		if !('A' <= c && c <= 'Z') && (k == 0 || !('0' <= c && c <= '9')) {
			return false
		}
		for i := 1; i < len(w); i++ {
			c := w[i]
			if !(('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')) {
				return false
			}
		}
	}
	return true
}

// Alternatives splits "a | b | c" into its words (identifiers starting
// with a letter); nil when s is not such a list. "..." parts are dropped.
func Alternatives(s string) []string {
	if strings.IndexByte(s, '|') < 0 {
		return nil
	}
	parts := strings.Split(s, "|")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "..." || p == "…" {
			continue
		}
		if p == "" || !isAltWord(p) {
			return nil
		}
		out = append(out, p)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

func isAltWord(p string) bool {
	if c := p[0]; !(('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !(c == '_' || c == '-' || c == '.' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')) {
			return false
		}
	}
	return true
}

// IsGUID reports whether s is 8-4-4-4-12 hex digits.
func IsGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return false
			}
			continue
		}
		if !(('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')) {
			return false
		}
	}
	return true
}

// Case: IsPlaceholderString matches type names in the spellings the docs
// use ("String", "string", "Int32"), not case-insensitively, because it
// looks at every string of a body without knowing what belongs there, and
// "date", "long" or "binary" in lower case are common data. IsLoosePlaceholder
// is asked only about a value that already does not fit its declared type
// (a string where a DateTimeOffset, a number or an enum belongs); there a
// type name in any case ("DateTimeOffSet", "stream", "int") or a stub value
// ("datetime-value") can only stand for "a value of the type".

// looseNames are the lower-case type names docs write in place of a value
// (ApiDoctor's vocabulary, corpus-catalog §10).
var looseNames = map[string]bool{
	"string": true, "etag": true, "range": true, "url": true, "uri": true, "int64": true,
	"long": true, "number": true, "integer": true, "int": true, "int32": true,
	"int16": true, "short": true, "single": true, "float": true, "decimal": true,
	"double": true, "guid": true, "uuid": true, "bool": true, "boolean": true, "datetime": true,
	"datetimeoffset": true, "timestamp": true, "timeofday": true, "date": true,
	"duration": true, "stream": true, "binary": true, "byte": true, "json": true,
	"object": true, "enum": true, "base64": true,
}

// stubValueRE matches the old stub generator's values: "datetime-value",
// "skuId-value-2" (lower-cased).
var stubValueRE = regexp.MustCompile(`^[a-z][a-z0-9]*-value(-\d+)?$`)

// IsLoosePlaceholder reports whether s, a string value that does not fit
// the type declared for it, stands for "any value of that type": what
// IsPlaceholderString accepts, a type name in any case with an optional
// "Edm." prefix or note ("INT32", "Int32 (enum)"), anything containing
// "timestamp", a stub value ("skuId-value-2"), "@odata.type: x", "<...>",
// "{...}", "... value", "a | b" and "base64..." strings.
func IsLoosePlaceholder(s string) bool {
	if _, _, ok := IsPlaceholderString(s); ok {
		return true
	}
	t := strings.ToLower(strings.TrimSpace(s))
	t = strings.TrimPrefix(t, "edm.")
	if looseNames[t] || strings.Contains(t, "timestamp") {
		return true
	}
	if base, rest, ok := strings.Cut(t, " ("); ok && strings.HasSuffix(rest, ")") && looseNames[base] {
		return true // "String (identifier)", "Int32 (enum)"
	}
	if stubValueRE.MatchString(t) {
		return true
	}
	switch {
	case strings.HasPrefix(t, "@odata.type:"), // "@odata.type: microsoft.graph.alertStatus"
		strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">"),
		strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}"),
		strings.HasSuffix(t, " value") && len(t) > len(" value"),
		strings.Contains(t, " | "),
		strings.HasPrefix(t, "base64"):
		return true
	}
	return false
}
