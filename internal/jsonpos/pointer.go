package jsonpos

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// EscapeToken escapes a member name as a JSON Pointer reference token
// (RFC 6901: "~" becomes "~0", "/" becomes "~1").
func EscapeToken(key string) string {
	if !strings.ContainsAny(key, "~/") {
		return key
	}
	return strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}

// UnescapeToken undoes EscapeToken.
func UnescapeToken(tok string) string {
	if strings.IndexByte(tok, '~') < 0 {
		return tok
	}
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
}

// Split splits a JSON Pointer into its unescaped reference tokens; the
// empty pointer (the whole document) has none.
func Split(p string) []string {
	if p == "" {
		return nil
	}
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, s := range segs {
		segs[i] = UnescapeToken(s)
	}
	return segs
}

// Join joins unescaped reference tokens into a JSON Pointer.
func Join(segs []string) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteByte('/')
		b.WriteString(EscapeToken(s))
	}
	return b.String()
}

// Child returns the pointer of member key of the value at p.
func Child(p, key string) string { return p + "/" + EscapeToken(key) }

// Index returns the pointer of element i of the array at p.
func Index(p string, i int) string { return p + "/" + strconv.Itoa(i) }

// AppendKey appends "/" and the escaped token of the JSON string literal
// raw (quotes included, decoded as encoding/json decodes it) to ptr.
func AppendKey(ptr []byte, raw string) []byte {
	ptr = append(ptr, '/')
	if len(raw) >= 2 && strings.IndexByte(raw, '\\') < 0 && utf8.ValidString(raw) {
		return appendEscapedToken(ptr, raw[1:len(raw)-1])
	}
	return appendEscapedToken(ptr, Unquote(raw))
}

func appendEscapedToken(ptr []byte, key string) []byte {
	for _, c := range []byte(key) {
		switch c {
		case '~':
			ptr = append(ptr, '~', '0')
		case '/':
			ptr = append(ptr, '~', '1')
		default:
			ptr = append(ptr, c)
		}
	}
	return ptr
}

// AppendIndex appends "/" and the array index n (n >= 0) to ptr.
func AppendIndex(ptr []byte, n int) []byte {
	ptr = append(ptr, '/')
	return strconv.AppendInt(ptr, int64(n), 10)
}
