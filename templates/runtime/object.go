package runtime

import (
	"encoding"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
)

// Member is one member of a JSON object, its value kept as raw JSON.
type Member struct {
	Name  string
	Value json.RawMessage
}

// Extra holds the members of a JSON object that have no struct field:
// unknown properties and @odata.* or property@odata.* annotations, with
// values of any JSON type, in document order. Encoding writes them back
// after the known fields, in the same order, so no data is lost.
type Extra []Member

// Get returns the raw value of the last member called name.
func (e Extra) Get(name string) (json.RawMessage, bool) {
	for i := len(e) - 1; i >= 0; i-- {
		if e[i].Name == name {
			return e[i].Value, true
		}
	}
	return nil, false
}

// Set gives the member called name the raw JSON value v: it replaces the
// value of the first such member and removes any later duplicates, or
// appends a new member. v must be valid JSON; it is not copied.
func (e *Extra) Set(name string, v json.RawMessage) {
	found := false
	out := (*e)[:0]
	for _, m := range *e {
		if m.Name == name {
			if found {
				continue
			}
			found = true
			m.Value = v
		}
		out = append(out, m)
	}
	clear((*e)[len(out):])
	if !found {
		out = append(out, Member{Name: name, Value: v})
	}
	*e = out
}

// Delete removes every member called name.
func (e *Extra) Delete(name string) {
	out := (*e)[:0]
	for _, m := range *e {
		if m.Name != name {
			out = append(out, m)
		}
	}
	clear((*e)[len(out):])
	*e = out
}

// MarshalJSON writes the members as one JSON object, in order.
func (e Extra) MarshalJSON() ([]byte, error) {
	var w objectWriter
	w.extra(e)
	return w.bytes()
}

// UnmarshalJSON replaces e with the members of the JSON object data, in
// document order. JSON null leaves e empty.
func (e *Extra) UnmarshalJSON(data []byte) error {
	*e = nil
	if isNull(data) {
		return nil
	}
	return decodeObject(data, e, func(string, []byte) (bool, error) { return false, nil })
}

// decodeObject decodes the JSON object data in one pass. For each member it
// calls field with the member name (unescaped) and the raw bytes of its
// value; field reports whether it consumed the member. Members it did not
// consume are appended to *extra (when extra is not nil) with a copy of
// their raw value. A name that occurs twice is passed to field twice, so
// for fields the last occurrence wins, and both are kept in extra.
//
// The whole of data is validated as JSON during the scan; any value other
// than an object (including null, which callers handle) is an error. Errors
// returned by field are wrapped with the JSON Pointer of the member. Raw
// bytes passed to field alias data and must be copied to be retained.
func decodeObject(data []byte, extra *Extra, field func(name string, value []byte) (known bool, err error)) error {
	i := skipSpace(data, 0)
	if i >= len(data) {
		return &syntaxError{offset: int64(i), msg: "unexpected end of JSON input"}
	}
	if data[i] != '{' {
		end, err := skipValue(data, i, 0)
		if err != nil {
			return err
		}
		return &typeError{kind: jsonKind(data[i]), want: "object", value: data[i:end]}
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		i++
	} else {
		for {
			if i >= len(data) {
				return errEOF(i)
			}
			if data[i] != '"' {
				return badChar(data, i, "looking for beginning of object key string")
			}
			end, escaped, err := scanString(data, i)
			if err != nil {
				return err
			}
			var name string
			if escaped {
				if err := json.Unmarshal(data[i:end], &name); err != nil {
					return err
				}
			} else {
				name = string(data[i+1 : end-1])
			}
			i = skipSpace(data, end)
			if i >= len(data) {
				return errEOF(i)
			}
			if data[i] != ':' {
				return badChar(data, i, "after object key")
			}
			i = skipSpace(data, i+1)
			start := i
			if i, err = skipValue(data, i, 1); err != nil {
				return err
			}
			value := data[start:i]
			known, err := field(name, value)
			if err != nil {
				return wrapPath(name, err)
			}
			if !known && extra != nil {
				*extra = append(*extra, Member{Name: name, Value: append(json.RawMessage(nil), value...)})
			}
			i = skipSpace(data, i)
			if i >= len(data) {
				return errEOF(i)
			}
			if data[i] == ',' {
				i = skipSpace(data, i+1)
				continue
			}
			if data[i] == '}' {
				i++
				break
			}
			return badChar(data, i, "after object key:value pair")
		}
	}
	if i = skipSpace(data, i); i < len(data) {
		return badChar(data, i, "after top-level value")
	}
	return nil
}

// maxDepth bounds the nesting of arrays and objects, as encoding/json does.
const maxDepth = 10000

// skipSpace returns the index of the first non-white-space byte at or after i.
func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// trimSpace removes JSON white space from both ends of data.
func trimSpace(data []byte) []byte {
	data = data[skipSpace(data, 0):]
	for len(data) > 0 {
		switch data[len(data)-1] {
		case ' ', '\t', '\n', '\r':
			data = data[:len(data)-1]
			continue
		}
		break
	}
	return data
}

// skipValue validates the JSON value starting at data[i] (no leading white
// space) and returns the index just after it.
func skipValue(data []byte, i, depth int) (int, error) {
	if i >= len(data) {
		return i, errEOF(i)
	}
	switch c := data[i]; {
	case c == '"':
		end, _, err := scanString(data, i)
		return end, err
	case c == '{' || c == '[':
		if depth >= maxDepth {
			return i, &syntaxError{offset: int64(i), msg: "exceeded max depth"}
		}
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		i = skipSpace(data, i+1)
		if i < len(data) && data[i] == closer {
			return i + 1, nil
		}
		for {
			if c == '{' {
				if i >= len(data) {
					return i, errEOF(i)
				}
				if data[i] != '"' {
					return i, badChar(data, i, "looking for beginning of object key string")
				}
				end, _, err := scanString(data, i)
				if err != nil {
					return end, err
				}
				i = skipSpace(data, end)
				if i >= len(data) {
					return i, errEOF(i)
				}
				if data[i] != ':' {
					return i, badChar(data, i, "after object key")
				}
				i = skipSpace(data, i+1)
			}
			var err error
			if i, err = skipValue(data, i, depth+1); err != nil {
				return i, err
			}
			i = skipSpace(data, i)
			if i >= len(data) {
				return i, errEOF(i)
			}
			switch data[i] {
			case ',':
				i = skipSpace(data, i+1)
				continue
			case closer:
				return i + 1, nil
			}
			if c == '{' {
				return i, badChar(data, i, "after object key:value pair")
			}
			return i, badChar(data, i, "after array element")
		}
	case c == 't':
		return skipLiteral(data, i, "true")
	case c == 'f':
		return skipLiteral(data, i, "false")
	case c == 'n':
		return skipLiteral(data, i, "null")
	case c == '-' || ('0' <= c && c <= '9'):
		end := scanNumber(data, i)
		if end < 0 {
			if -end >= len(data) {
				return -end, errEOF(-end)
			}
			return -end, badChar(data, -end, "in numeric literal")
		}
		return end, nil
	}
	return i, badChar(data, i, "looking for beginning of value")
}

func skipLiteral(data []byte, i int, lit string) (int, error) {
	for j := 0; j < len(lit); j++ {
		if i+j >= len(data) {
			return i + j, errEOF(i + j)
		}
		if data[i+j] != lit[j] {
			return i + j, badChar(data, i+j, "in literal "+lit+" (expecting "+strconv.QuoteRune(rune(lit[j]))+")")
		}
	}
	return i + len(lit), nil
}

// scanNumber returns the index just after the JSON number starting at
// data[i], or minus the index of the offending byte (never 0, because a
// number has at least one byte).
func scanNumber(data []byte, i int) int {
	digits := func(i int) int {
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
		return i
	}
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i >= len(data):
		return -i
	case data[i] == '0':
		i++
	case '1' <= data[i] && data[i] <= '9':
		i = digits(i + 1)
	default:
		return -i
	}
	if i < len(data) && data[i] == '.' {
		i++
		j := digits(i)
		if j == i {
			return -i
		}
		i = j
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return -i
		}
		i = j
	}
	return i
}

// validNumber reports whether s is exactly one JSON number.
func validNumber[S ~string | ~[]byte](s S) bool {
	return len(s) > 0 && scanNumber([]byte(s), 0) == len(s)
}

// scanString validates the JSON string starting at data[i] (a quote) and
// returns the index just after its closing quote, and whether it contains
// escapes.
func scanString(data []byte, i int) (end int, escaped bool, err error) {
	for j := i + 1; j < len(data); j++ {
		switch c := data[j]; {
		case c == '"':
			return j + 1, escaped, nil
		case c == '\\':
			escaped = true
			j++
			if j >= len(data) {
				return j, escaped, errEOF(j)
			}
			switch data[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				for k := 1; k <= 4; k++ {
					if j+k >= len(data) {
						return j + k, escaped, errEOF(j + k)
					}
					if !isHex(data[j+k]) {
						return j + k, escaped, badChar(data, j+k, "in \\u hexadecimal character escape")
					}
				}
				j += 4
			default:
				return j, escaped, badChar(data, j, "in string escape code")
			}
		case c < 0x20:
			return j, escaped, badChar(data, j, "in string literal")
		}
	}
	return len(data), escaped, errEOF(len(data))
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// jsonKind names the kind of JSON value that starts with c.
func jsonKind(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

// syntaxError reports malformed JSON.
type syntaxError struct {
	offset int64
	msg    string
}

// Error implements error.
func (e *syntaxError) Error() string {
	return "json: " + e.msg + " (offset " + strconv.FormatInt(e.offset, 10) + ")"
}

func errEOF(i int) error {
	return &syntaxError{offset: int64(i), msg: "unexpected end of JSON input"}
}

func badChar(data []byte, i int, context string) error {
	c := data[i]
	q := strconv.QuoteRune(rune(c))
	if c >= utf8.RuneSelf {
		q = `'\x` + string(hexDigits[c>>4]) + string(hexDigits[c&0xF]) + `'`
	}
	return &syntaxError{offset: int64(i), msg: "invalid character " + q + " " + context}
}

// typeError reports a JSON value of the wrong kind.
type typeError struct {
	kind, want string
	value      []byte
}

// Error implements error.
func (e *typeError) Error() string {
	v := string(e.value)
	if v == e.kind { // null
		return "json: cannot decode " + e.kind + " as " + e.want
	}
	if len(v) > 40 {
		v = v[:37] + "..."
	}
	return "json: cannot decode " + e.kind + " " + v + " as " + e.want
}

// pathError locates an error at a JSON Pointer inside the document.
type pathError struct {
	path string
	err  error
}

// Error implements error.
func (e *pathError) Error() string { return "json: " + e.path + ": " + trimJSONPrefix(e.err.Error()) }

// Unwrap returns the underlying error.
func (e *pathError) Unwrap() error { return e.err }

func trimJSONPrefix(s string) string {
	if len(s) > 6 && s[:6] == "json: " {
		return s[6:]
	}
	return s
}

// decodeArray decodes a JSON array into dst, a pointer to a slice: with
// decodeSlice when the elements are generated structs or strings, else
// with encoding/json. When encoding/json fails inside an element, it
// decodes the elements one by one (reflection, on the error path only) so
// that the error's JSON Pointer names the element's index: encoding/json
// passes an element's UnmarshalJSON error on without saying which element
// it was.
func decodeArray(data []byte, dst any) error {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Slice {
		return json.Unmarshal(data, dst)
	}
	// Slices of generated structs and of strings: element by element,
	// without encoding/json's second validation pass (decodeSlice names
	// the index in its errors itself).
	if ok, err := decodeSlice(data, rv.Elem()); ok {
		return err
	}
	err := json.Unmarshal(data, dst)
	if err == nil {
		return nil
	}
	elem := rv.Elem().Type().Elem()
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '[' {
		return err
	}
	i = skipSpace(data, i+1)
	for n := 0; i < len(data) && data[i] != ']'; n++ {
		start := i
		end, serr := skipValue(data, i, 1)
		if serr != nil {
			return err
		}
		var eerr error
		if elem.Kind() == reflect.Slice && elem.Elem().Kind() != reflect.Uint8 {
			eerr = decodeArray(data[start:end], reflect.New(elem).Interface())
		} else {
			eerr = json.Unmarshal(data[start:end], reflect.New(elem).Interface())
		}
		if eerr != nil {
			return wrapPath(strconv.Itoa(n), eerr)
		}
		i = skipSpace(data, end)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	return err
}

// wrapPath prefixes the location of err with the member name.
func wrapPath(name string, err error) error {
	if pe, ok := err.(*pathError); ok {
		pe.path = pointerJoin("", name) + pe.path
		return pe
	}
	return &pathError{path: pointerJoin("", name), err: err}
}

// objectWriter builds the JSON encoding of an object, member by member.
// The zero objectWriter is ready to use; the first error sticks and is
// returned by bytes. It borrows a scratch buffer from a pool until bytes is
// called, so it must not be copied once used. An objectWriter made by
// appendObject instead appends to its caller's buffer and is finished with
// close: generated appendJSON methods use it, so that nested objects are
// written straight into the buffer of the outermost one.
type objectWriter struct {
	buf       []byte
	pooled    *[]byte
	err       error
	open      bool // '{' written
	appending bool // made by appendObject: buf is the caller's
	base      int  // len(buf) when appendObject made the writer
}

// scratch holds reusable encoding buffers.
var scratch = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// maxPooled is the largest buffer returned to the pool.
const maxPooled = 64 << 10

// appendObject returns a writer that appends an object to b; close
// returns the extended buffer.
func appendObject(b []byte) objectWriter {
	return objectWriter{buf: b, appending: true, base: len(b)}
}

// close finishes an object begun by appendObject: it returns the buffer
// with the object appended, or the buffer as it was and the first error.
func (w *objectWriter) close() ([]byte, error) {
	switch {
	case w.err != nil:
		return w.buf[:w.base], w.err
	case !w.open:
		return append(w.buf, '{', '}'), nil
	}
	return append(w.buf, '}'), nil
}

// getScratch borrows an empty buffer from the pool, for a MarshalJSON that
// builds its result with appendJSON and then calls putScratch.
func getScratch() *[]byte {
	p := scratch.Get().(*[]byte)
	*p = (*p)[:0]
	return p
}

// putScratch returns a copy of b, the buffer borrowed as p and extended by
// appendJSON, or nil and err, and gives the buffer back to the pool.
func putScratch(p *[]byte, b []byte, err error) ([]byte, error) {
	var out []byte
	if err == nil {
		out = make([]byte, len(b))
		copy(out, b)
	}
	if cap(b) <= maxPooled {
		*p = b[:0]
		scratch.Put(p)
	}
	return out, err
}

// key writes the separator and `"name":`.
func (w *objectWriter) key(name string) {
	if !w.open {
		if !w.appending {
			w.pooled = scratch.Get().(*[]byte)
			w.buf = (*w.pooled)[:0]
		}
		w.buf = append(w.buf, '{')
		w.open = true
	} else {
		w.buf = append(w.buf, ',')
	}
	w.buf = appendString(w.buf, name)
	w.buf = append(w.buf, ':')
}

// field writes `"name":<v as JSON>`, unless v is absent: a nil interface,
// pointer, slice or map, or a value whose IsZero method reports true (an
// absent Opt, a zero Date or Decimal). A time.Time is always written,
// because 0001-01-01T00:00:00Z occurs as a real value in Graph payloads.
// A non-nil empty slice is written as []. The error, also kept for bytes,
// names the member.
func (w *objectWriter) field(name string, v any) error {
	if w.err != nil {
		return w.err
	}
	mark := len(w.buf)
	var err error
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		w.key(name)
		w.buf = appendString(w.buf, x)
	case bool:
		w.key(name)
		w.buf = strconv.AppendBool(w.buf, x)
	case int32:
		w.key(name)
		w.buf = strconv.AppendInt(w.buf, int64(x), 10)
	case int64:
		w.key(name)
		w.buf = strconv.AppendInt(w.buf, x, 10)
	case int:
		w.key(name)
		w.buf = strconv.AppendInt(w.buf, int64(x), 10)
	case float64:
		w.key(name)
		w.buf, err = appendFloat(w.buf, x, 64)
	case time.Time:
		w.key(name)
		w.buf, err = appendTime(w.buf, x)
	case json.RawMessage:
		if x == nil {
			return nil
		}
		w.key(name)
		w.buf = append(w.buf, x...)
	default:
		if isAbsent(v) {
			return nil
		}
		w.key(name)
		w.buf, err = appendOther(w.buf, v)
	}
	if err != nil {
		w.buf = w.buf[:mark]
		w.err = wrapPath(name, err)
	}
	return w.err
}

// isAbsent reports whether field should omit v.
func isAbsent(v any) bool {
	if z, ok := v.(interface{ IsZero() bool }); ok {
		if _, isTime := v.(time.Time); !isTime {
			rv := reflect.ValueOf(v)
			if rv.Kind() == reflect.Pointer && rv.IsNil() {
				return true
			}
			return z.IsZero()
		}
		return false
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return rv.IsNil()
	}
	return false
}

// raw writes `"name":` followed by v, which must be valid JSON. A nil v is
// skipped.
func (w *objectWriter) raw(name string, v json.RawMessage) {
	if w.err != nil || v == nil {
		return
	}
	w.key(name)
	w.buf = append(w.buf, v...)
}

// extra writes every member of e, in order. A member with a nil value is
// written as null.
func (w *objectWriter) extra(e Extra) {
	if w.err != nil {
		return
	}
	for _, m := range e {
		w.key(m.Name)
		if m.Value == nil {
			w.buf = append(w.buf, "null"...)
		} else {
			w.buf = append(w.buf, m.Value...)
		}
	}
}

// bytes closes the object and returns its encoding, or the first error.
// The writer is reset and may be used for another object.
func (w *objectWriter) bytes() ([]byte, error) {
	var out []byte
	err := w.err
	switch {
	case err != nil:
	case !w.open:
		out = []byte("{}")
	default:
		out = make([]byte, len(w.buf)+1)
		copy(out, w.buf)
		out[len(w.buf)] = '}'
	}
	if w.pooled != nil && cap(w.buf) <= maxPooled {
		*w.pooled = w.buf[:0]
		scratch.Put(w.pooled)
	}
	*w = objectWriter{}
	return out, err
}

// jsonAppender is implemented by the runtime types and the generated
// structs (through a pointer), which append their own JSON encoding to b
// without allocating; on error they return b unchanged.
type jsonAppender interface {
	appendJSON(b []byte) ([]byte, error)
}

// appendValue appends the JSON encoding of *p to b. Common types take a
// fast path; others use their MarshalJSON or MarshalText method, or
// encoding/json. The output matches json.Marshal (HTML characters escaped).
func appendValue[T any](b []byte, p *T) ([]byte, error) {
	switch v := any(p).(type) {
	case *string:
		return appendString(b, *v), nil
	case *bool:
		return strconv.AppendBool(b, *v), nil
	case *int32:
		return strconv.AppendInt(b, int64(*v), 10), nil
	case *int64:
		return strconv.AppendInt(b, *v, 10), nil
	case *int:
		return strconv.AppendInt(b, int64(*v), 10), nil
	case *int16:
		return strconv.AppendInt(b, int64(*v), 10), nil
	case *uint8:
		return strconv.AppendUint(b, uint64(*v), 10), nil
	case *float64:
		return appendFloat(b, *v, 64)
	case *float32:
		return appendFloat(b, float64(*v), 32)
	case *time.Time:
		return appendTime(b, *v)
	case *Date:
		return v.appendJSON(b)
	case *TimeOfDay:
		return v.appendJSON(b)
	case *Duration:
		return v.appendJSON(b)
	case *Decimal:
		return v.appendJSON(b)
	case *json.RawMessage:
		if *v == nil {
			return append(b, "null"...), nil
		}
		return append(b, *v...), nil
	case *[]string:
		if *v == nil {
			return append(b, "null"...), nil
		}
		b = append(b, '[')
		for i, s := range *v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, s)
		}
		return append(b, ']'), nil
	}
	if rv := reflect.ValueOf(p).Elem(); rv.Kind() == reflect.String && plainString(p) {
		return appendString(b, rv.String()), nil // generated enums, without boxing
	}
	return appendOther(b, any(*p))
}

// plainString reports whether *p has no marshal methods, so that a string
// kind encodes as its bare value.
func plainString[T any](p *T) bool {
	switch any(p).(type) {
	case json.Marshaler, encoding.TextMarshaler:
		return false
	}
	return true
}

// optField is objectWriter.field for an Opt, without the allocation that
// converting the Opt to an interface costs: it skips an absent o, writes
// null for a null one, and the value of a present one. Generated
// MarshalJSON methods use it for Opt fields (optField(&w, "name", v.Name)),
// which makes encoding about a quarter faster.
func optField[T any](w *objectWriter, name string, o Opt[T]) error {
	if w.err != nil || o.State == StateAbsent {
		return w.err
	}
	mark := len(w.buf)
	w.key(name)
	if o.State == StateNull {
		w.buf = append(w.buf, "null"...)
		return nil
	}
	var err error
	if w.buf, err = appendValue(w.buf, &o.Value); err != nil {
		w.buf = w.buf[:mark]
		w.err = wrapPath(name, err)
	}
	return w.err
}

// appendOther is the slow path of appendValue and objectWriter.field.
func appendOther(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case jsonAppender:
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
			return append(b, "null"...), nil
		}
		return x.appendJSON(b)
	case json.Marshaler:
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
			return append(b, "null"...), nil
		}
		out, err := x.MarshalJSON()
		if err != nil {
			return b, err
		}
		// The output is trusted to be valid JSON, as the json.Marshaler
		// contract requires; encoding/json re-validates it when the
		// enclosing value is encoded through json.Marshal.
		return append(b, out...), nil
	case encoding.TextMarshaler:
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
			return append(b, "null"...), nil
		}
		text, err := x.MarshalText()
		if err != nil {
			return b, err
		}
		return appendString(b, string(text)), nil
	}
	// Named scalars without methods (generated enums), and slices of
	// values that encode themselves (generated structs) or of strings.
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.String:
		return appendString(b, rv.String()), nil
	case reflect.Bool:
		return strconv.AppendBool(b, rv.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, rv.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.AppendUint(b, rv.Uint(), 10), nil
	case reflect.Float32:
		return appendFloat(b, rv.Float(), 32)
	case reflect.Float64:
		return appendFloat(b, rv.Float(), 64)
	case reflect.Slice:
		if rv.IsNil() {
			return append(b, "null"...), nil
		}
		if kind := sliceElemKind(rv.Type().Elem()); kind != elemOther {
			// Generated structs append themselves to b: encoding them
			// through MarshalJSON would copy each one once per level of
			// nesting.
			appends := kind == elemAppender
			mark := len(b)
			b = append(b, '[')
			for i := 0; i < rv.Len(); i++ {
				if i > 0 {
					b = append(b, ',')
				}
				ev := rv.Index(i)
				var err error
				switch {
				case ev.Kind() == reflect.String:
					b = appendString(b, ev.String())
				case appends:
					b, err = ev.Addr().Interface().(jsonAppender).appendJSON(b)
				default:
					var out []byte
					out, err = ev.Addr().Interface().(json.Marshaler).MarshalJSON()
					b = append(b, out...)
				}
				if err != nil {
					return b[:mark], wrapPath(strconv.Itoa(i), err)
				}
			}
			return append(b, ']'), nil
		}
	}
	out, err := json.Marshal(v)
	if err != nil {
		return b, err
	}
	return append(b, out...), nil
}

var (
	marshalerType       = reflect.TypeFor[json.Marshaler]()
	appenderType        = reflect.TypeFor[jsonAppender]()
	textMarshalerType   = reflect.TypeFor[encoding.TextMarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// sliceElem says how appendOther encodes the elements of a slice.
type sliceElem uint8

const (
	elemOther    sliceElem = iota // through encoding/json
	elemSimple                    // simpleSliceElem: MarshalJSON or a plain string
	elemAppender                  // simple, and *T has appendJSON (generated structs)
)

// sliceElemKinds caches sliceElemKind, which reflection makes slow.
var sliceElemKinds sync.Map // reflect.Type → sliceElem

// sliceElemKind classifies the element type t of a slice.
func sliceElemKind(t reflect.Type) sliceElem {
	if k, ok := sliceElemKinds.Load(t); ok {
		return k.(sliceElem)
	}
	k := elemOther
	if simpleSliceElem(t) {
		k = elemSimple
		if reflect.PointerTo(t).Implements(appenderType) {
			k = elemAppender
		}
	}
	sliceElemKinds.Store(t, k)
	return k
}

// simpleSliceElem reports whether appendOther may encode a slice element by
// element through pointers to them: the elements are non-pointer values
// with a value-receiver MarshalJSON, or strings without marshal methods.
// Other slices, []byte (base64) among them, go to encoding/json.
func simpleSliceElem(t reflect.Type) bool {
	switch {
	case t.Kind() == reflect.Pointer || t.Kind() == reflect.Interface:
		return false
	case t.Implements(marshalerType):
		return true
	case t.Kind() == reflect.String:
		pt := reflect.PointerTo(t)
		return !pt.Implements(marshalerType) && !pt.Implements(textMarshalerType)
	}
	return false
}

const hexDigits = "0123456789abcdef"

// plainByte reports the bytes appendString copies as they are: ASCII other
// than control characters, '"', '\\' and the HTML characters <, > and &.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendString appends s as a JSON string exactly as json.Marshal does:
// HTML characters, U+2028 and U+2029 escaped, invalid UTF-8 replaced by
// U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if plainByte[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// unsupportedFloat reports a NaN or infinite float, which JSON cannot hold.
type unsupportedFloat float64

// Error implements error.
func (f unsupportedFloat) Error() string {
	return "json: unsupported value: " + strconv.FormatFloat(float64(f), 'g', -1, 64)
}

// appendFloat appends f as json.Marshal formats a float of the given size.
func appendFloat(b []byte, f float64, bits int) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, unsupportedFloat(f)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	b = strconv.AppendFloat(b, f, format, -1, bits)
	if format == 'e' {
		// Clean up e-09 to e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// appendTime appends t as a JSON string in RFC 3339 with nanoseconds.
func appendTime(b []byte, t time.Time) ([]byte, error) {
	out, err := t.AppendText(append(b, '"'))
	if err != nil {
		return b, err
	}
	return append(out, '"'), nil
}

// decodeValue decodes the JSON value raw into *p. Common types take a fast
// path that relies on raw being one valid JSON value (as decodeObject
// guarantees) but falls back to encoding/json whenever it is unsure, so
// bad input gives an error, never a panic. A time.Time accepts RFC 3339
// with or without a zone (see parseDateTimeOffset). Like encoding/json,
// null leaves scalars unchanged and sets slices, maps and pointers to nil.
func decodeValue[T any](raw []byte, p *T) error {
	switch v := any(p).(type) {
	case *string:
		if s, ok := unquoteFast(raw); ok {
			*v = s
			return nil
		}
	case *bool:
		switch string(raw) {
		case "true":
			*v = true
			return nil
		case "false":
			*v = false
			return nil
		}
	case *int32:
		if n, ok := parseInt(raw, 32); ok {
			*v = int32(n)
			return nil
		}
	case *int64:
		if n, ok := parseInt(raw, 64); ok {
			*v = n
			return nil
		}
	case *int:
		if n, ok := parseInt(raw, strconv.IntSize); ok {
			*v = int(n)
			return nil
		}
	case *float64:
		if validNumber(raw) {
			if f, err := strconv.ParseFloat(string(raw), 64); err == nil {
				*v = f
				return nil
			}
		}
	case *time.Time:
		if isNull(raw) {
			return nil
		}
		s, ok := unquoteFast(raw)
		if !ok {
			if raw = trimSpace(raw); len(raw) == 0 || raw[0] != '"' {
				break // let encoding/json report the type mismatch
			}
			if err := json.Unmarshal(raw, &s); err != nil {
				return err
			}
		}
		t, err := parseDateTimeOffset(s)
		if err != nil {
			return err
		}
		*v = t
		return nil
	case *json.RawMessage:
		raw = trimSpace(raw)
		if !json.Valid(raw) {
			break
		}
		*v = append((*v)[:0], raw...)
		return nil
	case json.Unmarshaler:
		return v.UnmarshalJSON(trimSpace(raw))
	case encoding.TextUnmarshaler:
		if isNull(raw) {
			return nil
		}
		if text, ok := unquoteFastBytes(raw); ok {
			return v.UnmarshalText(text)
		}
	default:
		switch rv := reflect.ValueOf(p).Elem(); rv.Kind() {
		case reflect.String:
			// Named string types without methods: generated enums.
			if s, ok := unquoteFast(raw); ok {
				rv.SetString(s)
				return nil
			}
		case reflect.Slice:
			if ok, err := decodeSlice(raw, rv); ok {
				return err
			}
		case reflect.Pointer:
			// A pointer to a generated struct (Opt[*T], *T): its
			// UnmarshalJSON directly. decodeObject, which handed raw
			// over, has validated it already; encoding/json would scan
			// it once more before calling the same method.
			if rv.Type().Implements(unmarshalerType) {
				if isNull(raw) {
					rv.SetZero()
					return nil
				}
				nv := reflect.New(rv.Type().Elem())
				if err := nv.Interface().(json.Unmarshaler).UnmarshalJSON(trimSpace(raw)); err != nil {
					return err
				}
				rv.Set(nv)
				return nil
			}
		}
	}
	return json.Unmarshal(raw, p)
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// decodeSlice decodes a JSON array into the slice rv when its elements are
// generated structs (pointer-receiver UnmarshalJSON) or plain strings,
// without encoding/json's second validation pass. It reports false, having
// changed nothing, for other slices and for anything but an array or null,
// leaving those (and their errors) to encoding/json.
func decodeSlice(raw []byte, rv reflect.Value) (bool, error) {
	et := rv.Type().Elem()
	byMethod := et.Kind() != reflect.Pointer && et.Kind() != reflect.Interface && reflect.PointerTo(et).Implements(unmarshalerType)
	if !byMethod && (et.Kind() != reflect.String || reflect.PointerTo(et).Implements(textUnmarshalerType)) {
		return false, nil
	}
	raw = trimSpace(raw)
	if isNull(raw) {
		rv.SetZero()
		return true, nil
	}
	if len(raw) == 0 || raw[0] != '[' {
		return false, nil
	}
	out := reflect.MakeSlice(rv.Type(), 0, 0) // non-nil: [] stays []
	i := skipSpace(raw, 1)
	if i < len(raw) && raw[i] == ']' {
		i++
	} else {
		for {
			start := i
			end, err := skipValue(raw, i, 1)
			if err != nil {
				return true, err
			}
			out = reflect.Append(out, reflect.Zero(et))
			ev := out.Index(out.Len() - 1)
			elem := raw[start:end]
			if byMethod {
				err = ev.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(elem)
			} else if s, ok := unquoteFast(elem); ok {
				ev.SetString(s)
			} else {
				err = json.Unmarshal(elem, ev.Addr().Interface())
			}
			if err != nil {
				return true, wrapPath(strconv.Itoa(out.Len()-1), err)
			}
			i = skipSpace(raw, end)
			if i < len(raw) && raw[i] == ',' {
				i = skipSpace(raw, i+1)
				continue
			}
			if i < len(raw) && raw[i] == ']' {
				i++
				break
			}
			if i >= len(raw) {
				return true, errEOF(i)
			}
			return true, badChar(raw, i, "after array element")
		}
	}
	if i = skipSpace(raw, i); i < len(raw) {
		return true, badChar(raw, i, "after top-level value")
	}
	rv.Set(out)
	return true, nil
}

// unquoteFast returns the contents of the JSON string raw when it has no
// escapes, no control characters and is valid UTF-8.
func unquoteFast(raw []byte) (string, bool) {
	body, ok := unquoteFastBytes(raw)
	if !ok {
		return "", false
	}
	return string(body), true
}

// unquoteFastBytes is unquoteFast without the copy: the result aliases raw.
func unquoteFastBytes(raw []byte) ([]byte, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return nil, false
	}
	body := raw[1 : len(raw)-1]
	checked := false
	for _, c := range body {
		if c < 0x20 || c == '"' || c == '\\' {
			return nil, false
		}
		if c >= utf8.RuneSelf && !checked {
			if !utf8.Valid(body) {
				return nil, false
			}
			checked = true
		}
	}
	return body, true
}

// parseInt parses a JSON integer that fits in bits, or reports false.
func parseInt(raw []byte, bits int) (int64, bool) {
	if len(raw) == 0 || len(raw) > 20 {
		return 0, false
	}
	neg := raw[0] == '-'
	digits := raw
	if neg {
		digits = raw[1:]
	}
	if len(digits) == 0 || len(digits) > 1 && digits[0] == '0' {
		return 0, false
	}
	var n uint64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
		if n > (math.MaxUint64-9)/10 {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	limit := uint64(1) << (bits - 1)
	if neg {
		if n > limit {
			return 0, false
		}
		return -int64(n), true
	}
	if n >= limit {
		return 0, false
	}
	return int64(n), true
}
