package runtime

import (
	"encoding"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"time"
	"unicode/utf8"
)

// decodeValue decodes the JSON value raw into *p. Common types take a fast
// path that relies on raw being one valid JSON value (as decodeObject
// guarantees) but falls back to encoding/json whenever it is unsure, so
// bad input gives an error, never a panic. A time.Time accepts RFC 3339
// with or without a zone (see parseDateTimeOffset). Like encoding/json,
// null leaves scalars unchanged and sets slices, maps and pointers to nil.
func decodeValue[T any](raw []byte, p *T) error {
	return decodeAny(raw, p)
}

// decodeAny is decodeValue for p, a pointer to the value, as an interface:
// one function for every type (a generic decodeValue with this body was
// one copy per type argument).
func decodeAny(raw []byte, p any) error {
	switch v := p.(type) {
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
	if byMethod && et.Kind() == reflect.Struct {
		// Generated structs: in one pass with their codec; on any error,
		// again below, which decides the error.
		if c := codecOf(et); c.generated {
			out := reflect.New(rv.Type())
			if end, ok := decodeStructs(raw, 0, out.UnsafePointer(), rv.Type(), c, et.Size(), 0); ok && skipSpace(raw, end) == len(raw) {
				rv.Set(out.Elem())
				return true, nil
			}
		}
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
