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

// objectWriter builds the JSON encoding of an object, member by member.
// The zero objectWriter is ready to use; the first error sticks and is
// returned by bytes. It borrows a scratch buffer from a pool until bytes is
// called, so it must not be copied once used. An objectWriter made by
// appendObject instead appends to its caller's buffer and is finished with
// close: appendStruct uses it, so that nested objects are
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
	w.separate()
	w.buf = appendString(w.buf, name)
	w.buf = append(w.buf, ':')
}

// encodedKey writes the separator and key, a member name already encoded
// with its colon: `"name":`.
func (w *objectWriter) encodedKey(key string) {
	w.separate()
	w.buf = append(w.buf, key...)
}

// separate writes '{' before the first member, ',' before the others.
func (w *objectWriter) separate() {
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
}

// field writes `"name":<v as JSON>`, unless v is absent: a nil interface,
// pointer, slice or map, or a value whose IsZero method reports true (an
// absent Opt, a zero EdmDate or EdmDecimal). A time.Time is always written,
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
func (w *objectWriter) extra(e JSONMembers) {
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

// jsonAppender is implemented by the runtime types (EdmDate, EdmDecimal
// ...), which append their own JSON encoding to b
// without allocating; on error they return b unchanged.
type jsonAppender interface {
	appendJSON(b []byte) ([]byte, error)
}

// appendValue appends the JSON encoding of *p to b. Common types take a
// fast path; others use their MarshalJSON or MarshalText method, or
// encoding/json. The output matches json.Marshal (HTML characters escaped).
func appendValue[T any](b []byte, p *T) ([]byte, error) {
	if out, ok, err := appendFast(b, p); ok {
		return out, err
	}
	return appendOther(b, any(*p))
}

// appendFast is the fast path of appendValue for p, a pointer to the
// value, as an interface: one function for every type (a generic
// appendValue with this body was one copy per type argument). It reports
// false, having appended nothing, for a type it does not know; p does not
// escape.
func appendFast(b []byte, p any) ([]byte, bool, error) {
	switch v := p.(type) {
	case *string:
		return appendString(b, *v), true, nil
	case *bool:
		return strconv.AppendBool(b, *v), true, nil
	case *int32:
		return strconv.AppendInt(b, int64(*v), 10), true, nil
	case *int64:
		return strconv.AppendInt(b, *v, 10), true, nil
	case *int:
		return strconv.AppendInt(b, int64(*v), 10), true, nil
	case *int16:
		return strconv.AppendInt(b, int64(*v), 10), true, nil
	case *uint8:
		return strconv.AppendUint(b, uint64(*v), 10), true, nil
	case *float64:
		out, err := appendFloat(b, *v, 64)
		return out, true, err
	case *float32:
		out, err := appendFloat(b, float64(*v), 32)
		return out, true, err
	case *time.Time:
		out, err := appendTime(b, *v)
		return out, true, err
	case *EdmDate:
		out, err := v.appendJSON(b)
		return out, true, err
	case *EdmTimeOfDay:
		out, err := v.appendJSON(b)
		return out, true, err
	case *EdmDuration:
		out, err := v.appendJSON(b)
		return out, true, err
	case *EdmDecimal:
		out, err := v.appendJSON(b)
		return out, true, err
	case *json.RawMessage:
		if *v == nil {
			return append(b, "null"...), true, nil
		}
		return append(b, *v...), true, nil
	case *[]string:
		if *v == nil {
			return append(b, "null"...), true, nil
		}
		b = append(b, '[')
		for i, s := range *v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, s)
		}
		return append(b, ']'), true, nil
	}
	if rv := reflect.ValueOf(p).Elem(); rv.Kind() == reflect.String && plainString(p) {
		return appendString(b, rv.String()), true, nil // generated enums, without boxing
	}
	return b, false, nil
}

// plainString reports whether the value p points to has no marshal
// methods, so that a string kind encodes as its bare value.
func plainString(p any) bool {
	switch p.(type) {
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
	if w.err != nil || o.State == OptAbsent {
		return w.err
	}
	mark := len(w.buf)
	w.key(name)
	if o.State == OptNull {
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
		if sliceElemKind(rv.Type().Elem()) != elemOther {
			// Generated structs append themselves to b: encoding them
			// through MarshalJSON would copy each one once per level of
			// nesting.
			return appendSlice(b, rv)
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
	elemAppender                  // simple, and *T has appendJSON (runtime types)
	elemStruct                    // a generated struct: appendStruct
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
		switch {
		case isGeneratedStruct(t):
			k = elemStruct
		case reflect.PointerTo(t).Implements(appenderType):
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
