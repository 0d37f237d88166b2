package runtime

import (
	"encoding/json"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// JSONMember is one member of a JSON object, its value kept as raw JSON.
type JSONMember struct {
	Name  string
	Value json.RawMessage
}

// JSONMembers holds the members of a JSON object that have no struct field:
// unknown properties and @odata.* or property@odata.* annotations, with
// values of any JSON type, in document order. Encoding writes them back
// after the known fields, in the same order, so no data is lost.
type JSONMembers []JSONMember

// Get returns the raw value of the last member called name.
func (e JSONMembers) Get(name string) (json.RawMessage, bool) {
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
func (e *JSONMembers) Set(name string, v json.RawMessage) {
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
		out = append(out, JSONMember{Name: name, Value: v})
	}
	*e = out
}

// Delete removes every member called name.
func (e *JSONMembers) Delete(name string) {
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
func (e JSONMembers) MarshalJSON() ([]byte, error) {
	var w objectWriter
	w.extra(e)
	return w.bytes()
}

// UnmarshalJSON replaces e with the members of the JSON object data, in
// document order. JSON null leaves e empty.
func (e *JSONMembers) UnmarshalJSON(data []byte) error {
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
func decodeObject(data []byte, extra *JSONMembers, field func(name string, value []byte) (known bool, err error)) error {
	return scanObject(data, extra, func(name, value []byte) (bool, error) { return field(string(name), value) })
}

// scanObject is decodeObject with the member name as bytes, which the
// codec table looks up without converting it to a string (an allocation
// per member); only the names kept in extra are copied.
func scanObject(data []byte, extra *JSONMembers, field func(name, value []byte) (known bool, err error)) error {
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
			name := data[i+1 : end-1]
			if escaped {
				var unescaped string
				if err := json.Unmarshal(data[i:end], &unescaped); err != nil {
					return err
				}
				name = []byte(unescaped)
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
				return wrapPath(string(name), err)
			}
			if !known && extra != nil {
				*extra = append(*extra, JSONMember{Name: string(name), Value: append(json.RawMessage(nil), value...)})
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
