package generator

import (
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"
)

// initialisms maps the lower-case form of a word to the spelling Go style
// wants for it (golint's list plus Graph's own, such as OData). A word not
// listed keeps its documented spelling with an upper-case first letter, so
// "cloudPcId" becomes CloudPcID: Pc is not an initialism and stays as
// written.
var initialisms = map[string]string{
	"acl": "ACL", "api": "API", "ascii": "ASCII", "cpu": "CPU", "css": "CSS",
	"dns": "DNS", "eof": "EOF", "guid": "GUID", "html": "HTML", "http": "HTTP",
	"https": "HTTPS", "id": "ID", "ip": "IP", "json": "JSON", "lhs": "LHS",
	"odata": "OData", "qps": "QPS", "ram": "RAM", "rhs": "RHS", "rpc": "RPC",
	"sla": "SLA", "smtp": "SMTP", "sql": "SQL", "ssh": "SSH", "tcp": "TCP",
	"tls": "TLS", "ttl": "TTL", "udp": "UDP", "ui": "UI", "uid": "UID",
	"uri": "URI", "url": "URL", "utf8": "UTF8", "uuid": "UUID", "vm": "VM",
	"xml": "XML", "xmpp": "XMPP", "xsrf": "XSRF", "xss": "XSS",
}

// pluralInitialisms are initialisms whose plural keeps a lower-case s
// ("ids" → IDs, "urls" → URLs).
var pluralInitialisms = map[string]string{
	"ids": "IDs", "urls": "URLs", "uris": "URIs", "ips": "IPs", "apis": "APIs",
	"guids": "GUIDs", "vms": "VMs", "uids": "UIDs",
}

// splitWords splits a documented name into words: at any rune that is not a
// letter or digit ("@odata.type", "user-id", "a_b"), and at camel-case
// boundaries ("cloudPcId" → cloud Pc Id, "cloudPCId" → cloud PC Id).
func splitWords(s string) []string {
	var words []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		words = append(words, splitCamel(part)...)
	}
	return words
}

func splitCamel(s string) []string {
	rs := []rune(s)
	var words []string
	start := 0
	for i := 1; i < len(rs); i++ {
		prev, cur := rs[i-1], rs[i]
		boundary := false
		switch {
		case unicode.IsUpper(cur) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
			// fooBar, foo2Bar
			boundary = true
		case unicode.IsUpper(cur) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			// PCId: the I starts a new word.
			boundary = true
		}
		if boundary {
			words = append(words, string(rs[start:i]))
			start = i
		}
	}
	return append(words, string(rs[start:]))
}

// camelWord spells one word for an exported Go name.
func camelWord(w string) string {
	lower := strings.ToLower(w)
	if s, ok := initialisms[lower]; ok {
		return s
	}
	if s, ok := pluralInitialisms[lower]; ok {
		return s
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// exportedName turns a documented name into an exported Go identifier:
// words are capitalised (initialisms upper-cased), separators dropped, and
// a name that would not start with a letter gets an X prefix. Two digit
// runs that a separator kept apart stay apart ("10.0" → X10_0). It returns
// "" when s has no letter or digit at all.
func exportedName(s string) string {
	words := splitWords(s)
	var b strings.Builder
	for i, w := range words {
		if i > 0 && endsWithDigit(words[i-1]) && startsWithDigit(w) {
			b.WriteByte('_')
		}
		b.WriteString(camelWord(w))
	}
	name := b.String()
	if name == "" {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsLetter(r) || !unicode.IsUpper(r) {
		// A leading digit (or a letter without case) cannot start an
		// exported identifier.
		name = "X" + name
	}
	return name
}

// unexportedName is exportedName with a lower-case first word, for local
// variables and parameters ("CloudPcID" → cloudPcID, "ID" → id). Go
// keywords and predeclared identifiers get a trailing underscore.
func unexportedName(s string) string {
	words := splitWords(s)
	if len(words) == 0 {
		return "x"
	}
	var b strings.Builder
	for i, w := range words {
		if i == 0 {
			b.WriteString(strings.ToLower(w))
			continue
		}
		if endsWithDigit(words[i-1]) && startsWithDigit(w) {
			b.WriteByte('_')
		}
		b.WriteString(camelWord(w))
	}
	return goSanitized(b.String())
}

// goSanitized makes s a usable local identifier: a leading digit gets an
// underscore prefix, and keywords or predeclared names (type, string, len)
// get an underscore suffix so they neither fail to parse nor shadow.
func goSanitized(s string) string {
	if s == "" {
		return "_"
	}
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLetter(r) && r != '_' {
		s = "_" + s
	}
	if token.IsKeyword(s) || predeclared[s] {
		s += "_"
	}
	return s
}

// predeclared are Go's universe-scope identifiers.
var predeclared = map[string]bool{
	"any": true, "append": true, "bool": true, "byte": true, "cap": true,
	"clear": true, "close": true, "comparable": true, "complex": true,
	"complex128": true, "complex64": true, "copy": true, "delete": true,
	"error": true, "false": true, "float32": true, "float64": true,
	"imag": true, "int": true, "int16": true, "int32": true, "int64": true,
	"int8": true, "iota": true, "len": true, "make": true, "max": true,
	"min": true, "new": true, "nil": true, "panic": true, "print": true,
	"println": true, "real": true, "recover": true, "rune": true,
	"string": true, "true": true, "uint": true, "uint16": true,
	"uint32": true, "uint64": true, "uint8": true, "uintptr": true,
}

// PackageName turns a folder name into a Go package name: lower-case
// letters and digits only, never a keyword, never starting with a digit
// ("generated" stays, "Graph-Models" → graphmodels, "2x" → x2x).
func PackageName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	name := b.String()
	switch {
	case name == "":
		return "generated"
	case name[0] >= '0' && name[0] <= '9':
		name = "x" + name
	}
	if token.IsKeyword(name) || predeclared[name] {
		name += "x"
	}
	return name
}

func endsWithDigit(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsDigit(r)
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// The package-level names generated declarations must not take are not
// listed here: loadRuntime (emit_runtime.go) computes them from the
// runtime's sources and the fixed generated declarations (fixedNames), and
// newPlan reserves them before any Graph name is claimed.

// structMethods are the methods (and fixed fields) every generated struct
// has; a property whose Go name would be one of them is renamed.
var structMethods = []string{
	"ODataType", "Extra", "Validate", "ValidateFor", "MarshalJSON", "UnmarshalJSON",
	"Concrete", // polymorphic bases only, reserved everywhere so a field's name never depends on other pages
}
