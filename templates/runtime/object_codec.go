package runtime

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// The JSON codec of the generated structs is a table per struct type,
// built once by reflection from the struct's fields and json tags, and
// interpreted by decodeStruct and appendStruct: the generated UnmarshalJSON
// and MarshalJSON methods are one call each. Per-type code (a member switch
// and an encoder per struct) cost a package of a thousand types most of
// its compile time and memory; the table costs nothing to compile.
//
// The rules are those the per-type code followed, decided by a field's Go
// type:
//   - Opt[T]: absent, null or a value; decoded by its UnmarshalJSON,
//     encoded unless absent.
//   - json.RawMessage: any JSON value, null included.
//   - any other type (a collection []T, a required T or *T): a null
//     cannot be held, so it is kept in Extra (for Validate to report);
//     encoded unless nil or IsZero.
//   - Extra (JSONMembers, json:"-"): every other member, in order.

// structCodec is the codec table of one generated struct type.
type structCodec struct {
	typ    reflect.Type
	fields []fieldCodec
	byName map[string]int // JSON name → index in fields
	extra  uintptr        // offset of the Extra field
	// hasExtra is false for a struct without an Extra field (json:"-"),
	// which drops the members it has no field for.
	hasExtra bool
	// generated is isGeneratedStruct(typ).
	generated bool
}

// fieldKind says how a field decodes and encodes.
type fieldKind uint8

const (
	fieldOpt   fieldKind = iota // Opt[T]
	fieldRaw                    // json.RawMessage
	fieldArray                  // a collection []T (not []byte)
	fieldValue                  // a required value: T or *T, []byte
)

// valueKind is the fast path of a value (an Opt's Value, or a required
// value): its encoding, and for some its decoding, without reflection.
type valueKind uint8

const (
	valueOther  valueKind = iota // through appendAny / decodeAny
	valueString                  // a string kind without marshal methods: strings, enums
	valueBool
	valueInt32
	valueInt64
	valueFloat64
	valueTime
	valueStruct // *T of a generated struct
)

// fieldCodec is one field of a structCodec.
type fieldCodec struct {
	name   string       // JSON name
	key    string       // `"name":`, for encoding
	offset uintptr      // of the field in the struct
	typ    reflect.Type // the field's type
	kind   fieldKind
	value  valueKind    // of the Opt's Value, or of the field itself
	vtype  reflect.Type // the Opt's Value type, or the field's type
	state  uintptr      // Opt: offset of State in the Opt
	rules  fieldRules   // validation (validate_struct.go)
	// elem is the generated struct T of an Opt[*T] or *T (valueStruct),
	// or of a collection []T; nil for other fields.
	elem *codecRef
	// elemSize is the size of a collection's element.
	elemSize uintptr
	// strs is true for a collection of strings or enums: elements of a
	// string kind without marshal methods (valueString).
	strs bool
}

// codecRef is the codec of a nested generated struct type, looked up on
// first use (a table cannot hold the tables of its fields' types when it
// is built: the types may be recursive) and kept, so that decoding and
// encoding a nested object costs no cache lookup.
type codecRef struct {
	t reflect.Type
	c atomic.Pointer[structCodec]
}

// get returns the codec of r.t.
func (r *codecRef) get() *structCodec {
	if c := r.c.Load(); c != nil {
		return c
	}
	c := codecOf(r.t)
	r.c.Store(c)
	return c
}

var (
	codecs          sync.Map // reflect.Type (struct) → *structCodec
	rawMessageType  = reflect.TypeFor[json.RawMessage]()
	timeType        = reflect.TypeFor[time.Time]()
	odataRefType    = reflect.TypeFor[ODataRef]()
	emptyObjectType = reflect.TypeFor[EmptyObject]()
)

// codecOf returns the codec of the struct type t, building it on first
// use.
func codecOf(t reflect.Type) *structCodec {
	if c, ok := codecs.Load(t); ok {
		return c.(*structCodec)
	}
	c := buildCodec(t)
	actual, _ := codecs.LoadOrStore(t, c)
	return actual.(*structCodec)
}

// buildCodec reads the table of the struct type t from its fields.
func buildCodec(t reflect.Type) *structCodec {
	c := &structCodec{typ: t, byName: make(map[string]int, t.NumField()), generated: isGeneratedStruct(t)}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			if sf.Type == jsonMembersType {
				c.extra, c.hasExtra = sf.Offset, true
			}
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if !sf.IsExported() || name == "" {
			continue
		}
		f := fieldCodec{name: name, key: string(appendString(nil, name)) + ":", offset: sf.Offset, typ: sf.Type, vtype: sf.Type}
		switch {
		case isOptType(sf.Type):
			f.kind = fieldOpt
			f.vtype = sf.Type.Field(0).Type
			f.state = sf.Type.Field(1).Offset
		case sf.Type == rawMessageType:
			f.kind = fieldRaw
		case sf.Type.Kind() == reflect.Slice && sf.Type.Elem().Kind() != reflect.Uint8:
			f.kind = fieldArray
		default:
			f.kind = fieldValue
		}
		f.value = valueKindOf(f.vtype)
		switch {
		case f.value == valueStruct:
			f.elem = &codecRef{t: f.vtype.Elem()}
		case f.kind == fieldArray && isStructCollection(sf.Type):
			f.elem = &codecRef{t: sf.Type.Elem()}
			f.elemSize = sf.Type.Elem().Size()
		case f.kind == fieldArray:
			f.strs = valueKindOf(sf.Type.Elem()) == valueString
		}
		f.rules = rulesOf(&f, sf.Tag.Get("validate"))
		c.byName[name] = len(c.fields)
		c.fields = append(c.fields, f)
	}
	return c
}

// isStructCollection reports whether the slice type t is a collection of
// generated structs that decodeArray and appendSlice decode and encode
// through the elements' UnmarshalJSON and appendJSON: those of the codec
// table.
func isStructCollection(t reflect.Type) bool {
	e := t.Elem()
	return isGeneratedStruct(e) && e.Implements(marshalerType) && reflect.PointerTo(e).Implements(unmarshalerType)
}

// isGeneratedStruct reports whether t is a struct with a codec table: a
// generated struct, which has an Extra field (json:"-") for the members
// without a field. ODataRef and EmptyObject have one too, but codecs of
// their own.
func isGeneratedStruct(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || t == odataRefType || t == emptyObjectType {
		return false
	}
	f, ok := t.FieldByName("Extra")
	return ok && f.Type == jsonMembersType && f.Tag.Get("json") == "-"
}

// valueKindOf classifies a value type for the fast paths.
func valueKindOf(t reflect.Type) valueKind {
	switch pt := reflect.PointerTo(t); {
	case t == timeType:
		return valueTime
	case t.Kind() == reflect.Pointer && isGeneratedStruct(t.Elem()):
		return valueStruct
	case pt.Implements(marshalerType), pt.Implements(textMarshalerType), pt.Implements(unmarshalerType), pt.Implements(textUnmarshalerType):
		return valueOther
	}
	switch t.Kind() {
	case reflect.String:
		return valueString
	case reflect.Bool:
		if t == reflect.TypeFor[bool]() {
			return valueBool
		}
	case reflect.Int32:
		if t == reflect.TypeFor[int32]() {
			return valueInt32
		}
	case reflect.Int64:
		if t == reflect.TypeFor[int64]() {
			return valueInt64
		}
	case reflect.Float64:
		if t == reflect.TypeFor[float64]() {
			return valueFloat64
		}
	}
	return valueOther
}

// decodeStruct is the UnmarshalJSON of a generated struct: v is a pointer
// to it. null leaves *v unchanged; an object resets *v and decodes its
// members into the fields, the rest into Extra in order.
func decodeStruct(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	return codecOf(rv.Type().Elem()).decode(data, rv.UnsafePointer())
}

// decode is decodeStruct for the struct at p. It decodes in one pass
// (decodeFast); when that fails, it decodes again with decodeSlow, which
// scans each member's value before decoding it and so decides which error
// is reported, and where.
func (c *structCodec) decode(data []byte, p unsafe.Pointer) error {
	if isNull(data) {
		return nil
	}
	c.reset(p)
	if end, ok := c.decodeFast(data, skipSpace(data, 0), p, 0); ok && skipSpace(data, end) == len(data) {
		return nil
	}
	c.reset(p)
	return c.decodeSlow(data, p)
}

// reset zeroes the struct at p.
func (c *structCodec) reset(p unsafe.Pointer) {
	reflect.NewAt(c.typ, p).Elem().SetZero()
}

// decodeSlow decodes data into the zero struct at p member by member: each
// member's value is scanned whole before it is decoded, as the per-type
// code did, so a syntax error anywhere in a value is reported before a
// type error inside it. Its result, error or not, is decode's definition.
func (c *structCodec) decodeSlow(data []byte, p unsafe.Pointer) error {
	var extra *JSONMembers
	if c.hasExtra {
		extra = (*JSONMembers)(unsafe.Add(p, c.extra))
	}
	return scanObject(data, extra, func(name, value []byte) (bool, error) {
		i, ok := c.byName[string(name)]
		if !ok {
			return false, nil
		}
		return c.fields[i].decode(unsafe.Add(p, c.fields[i].offset), value)
	})
}

// decodeFast decodes the object at data[i:] into the zero struct at p in
// one pass: nested objects and collections of them are decoded as they are
// scanned, not scanned first and decoded after, and a member name is
// matched with the field after the last one matched (members usually come
// in the documented order) before the name index. depth is the object's
// nesting below the value decode was given. It returns the index just past
// the object, or false for anything it does not decode as decodeSlow
// would, an error above all: decode then starts again with decodeSlow, so
// that errors stay as they were.
func (c *structCodec) decodeFast(data []byte, i int, p unsafe.Pointer, depth int) (int, bool) {
	if depth >= maxDepth || i >= len(data) || data[i] != '{' {
		return 0, false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return i + 1, true
	}
	next := 0 // the field after the last one matched
	for {
		if i >= len(data) || data[i] != '"' {
			return 0, false
		}
		end, escaped, err := scanString(data, i)
		if err != nil {
			return 0, false
		}
		name := data[i+1 : end-1]
		if escaped {
			var unescaped string
			if json.Unmarshal(data[i:end], &unescaped) != nil {
				return 0, false
			}
			name = []byte(unescaped)
		}
		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return 0, false
		}
		i = skipSpace(data, i+1)
		if i >= len(data) {
			return 0, false
		}
		f := -1
		if next < len(c.fields) && c.fields[next].name == string(name) {
			f = next
		} else if j, ok := c.byName[string(name)]; ok {
			f = j
		}
		start, known, ok := i, false, false
		if f >= 0 {
			next = f + 1
			i, known, ok = c.fields[f].decodeFast(data, i, unsafe.Add(p, c.fields[f].offset), depth)
		} else {
			i, err = skipValue(data, i, depth+1)
			ok = err == nil
		}
		if !ok {
			return 0, false
		}
		if !known && c.hasExtra {
			extra := (*JSONMembers)(unsafe.Add(p, c.extra))
			*extra = append(*extra, JSONMember{Name: string(name), Value: append(json.RawMessage(nil), data[start:i]...)})
		}
		i = skipSpace(data, i)
		if i >= len(data) {
			return 0, false
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
			continue
		case '}':
			return i + 1, true
		}
		return 0, false
	}
}

// decodeFast decodes the value at data[i:] into the field at p, a member
// of an object at depth. It returns the index just past the value, whether
// the field took it (see decode), and false for anything decode would not
// take (see structCodec.decodeFast).
func (f *fieldCodec) decodeFast(data []byte, i int, p unsafe.Pointer, depth int) (end int, known, ok bool) {
	switch {
	case f.kind == fieldArray && data[i] == '[':
		if f.elem != nil {
			end, ok = decodeStructs(data, i, p, f.typ, f.elem.get(), f.elemSize, depth+1)
			return end, true, ok
		}
		if f.strs {
			end, ok = decodeStrings(data, i, (*[]string)(p), depth+1)
			return end, true, ok
		}
	case f.elem != nil && f.kind != fieldArray && data[i] == '{': // Opt[*T] or *T
		ec := f.elem.get()
		sp := reflect.New(ec.typ).UnsafePointer()
		if end, ok = ec.decodeFast(data, i, sp, depth+1); !ok {
			return 0, false, false
		}
		*(*unsafe.Pointer)(p) = sp
		if f.kind == fieldOpt {
			*(*OptState)(unsafe.Add(p, f.state)) = OptPresent
		}
		return end, true, true
	}
	end, err := skipValue(data, i, depth+1)
	if err != nil {
		return 0, false, false
	}
	known, err = f.decode(p, data[i:end])
	return end, known, err == nil
}

// sliceHeader is the layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// emptyElems is where an empty collection's elements are: a decoded [] is
// a non-nil slice.
var emptyElems struct{}

// decodeStructs decodes the array at data[i:] (at depth) into the slice at
// p, of type typ, whose elements (of size size) are generated structs with
// the codec ec, each decoded as it is scanned. It returns the index just
// past the array, or false as structCodec.decodeFast does.
func decodeStructs(data []byte, i int, p unsafe.Pointer, typ reflect.Type, ec *structCodec, size uintptr, depth int) (int, bool) {
	if depth >= maxDepth || data[i] != '[' {
		return 0, false
	}
	s := (*sliceHeader)(p)
	*s = sliceHeader{data: unsafe.Pointer(&emptyElems)}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return i + 1, true
	}
	for {
		if s.len == s.cap {
			reflect.NewAt(typ, p).Elem().Grow(1)
		}
		ep := unsafe.Add(s.data, uintptr(s.len)*size)
		s.len++
		end, ok := ec.decodeFast(data, i, ep, depth+1)
		if !ok {
			return 0, false
		}
		i = skipSpace(data, end)
		if i >= len(data) {
			return 0, false
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
			continue
		case ']':
			return i + 1, true
		}
		return 0, false
	}
}

// decodeStrings decodes the array of strings at data[i:] (at depth) into
// *p, which may be a slice of a string type (an enum) seen as []string, as
// decodeSlice would, or reports false as structCodec.decodeFast does.
func decodeStrings(data []byte, i int, p *[]string, depth int) (int, bool) {
	if depth >= maxDepth || data[i] != '[' {
		return 0, false
	}
	out := make([]string, 0) // non-nil: [] stays []
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		*p = out
		return i + 1, true
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return 0, false
		}
		end, _, err := scanString(data, i)
		if err != nil {
			return 0, false
		}
		s, ok := unquoteFast(data[i:end])
		if !ok && json.Unmarshal(data[i:end], &s) != nil {
			return 0, false
		}
		out = append(out, s)
		i = skipSpace(data, end)
		if i >= len(data) {
			return 0, false
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
			continue
		case ']':
			*p = out
			return i + 1, true
		}
		return 0, false
	}
}

// decode decodes value into the field at p. It reports false, leaving the
// member to Extra, for a null the field cannot hold.
func (f *fieldCodec) decode(p unsafe.Pointer, value []byte) (bool, error) {
	switch f.kind {
	case fieldOpt:
		switch f.value {
		case valueString:
			if s, ok := unquoteFast(value); ok {
				*(*string)(p) = s
				*(*OptState)(unsafe.Add(p, f.state)) = OptPresent
				return true, nil
			}
		case valueBool:
			return true, decodeOpt(value, (*bool)(p), (*OptState)(unsafe.Add(p, f.state)))
		case valueInt32:
			return true, decodeOpt(value, (*int32)(p), (*OptState)(unsafe.Add(p, f.state)))
		case valueInt64:
			return true, decodeOpt(value, (*int64)(p), (*OptState)(unsafe.Add(p, f.state)))
		case valueFloat64:
			return true, decodeOpt(value, (*float64)(p), (*OptState)(unsafe.Add(p, f.state)))
		case valueTime:
			return true, decodeOpt(value, (*time.Time)(p), (*OptState)(unsafe.Add(p, f.state)))
		case valueStruct:
			state := (*OptState)(unsafe.Add(p, f.state))
			*(*unsafe.Pointer)(p) = nil
			*state = OptAbsent
			if isNull(value) {
				*state = OptNull
				return true, nil
			}
			elem := f.vtype.Elem()
			nv := reflect.New(elem)
			if err := codecOf(elem).decode(trimSpace(value), nv.UnsafePointer()); err != nil {
				return true, err
			}
			*(*unsafe.Pointer)(p) = nv.UnsafePointer()
			*state = OptPresent
			return true, nil
		}
		return true, reflect.NewAt(f.typ, p).Interface().(json.Unmarshaler).UnmarshalJSON(value)
	case fieldRaw:
		return true, decodeAny(value, (*json.RawMessage)(p))
	case fieldArray:
		if isNull(value) {
			return false, nil
		}
		return true, decodeArray(value, reflect.NewAt(f.typ, p).Interface())
	}
	if isNull(value) {
		return false, nil
	}
	if f.value == valueString {
		if s, ok := unquoteFast(value); ok {
			*(*string)(p) = s
			return true, nil
		}
	}
	return true, decodeAny(value, reflect.NewAt(f.typ, p).Interface())
}

// decodeOpt is Opt.UnmarshalJSON for the Opt whose Value is *v and State
// *state, without finding the method through an interface.
func decodeOpt[T bool | int32 | int64 | float64 | time.Time](value []byte, v *T, state *OptState) error {
	var zero T
	*v, *state = zero, OptAbsent
	if isNull(value) {
		*state = OptNull
		return nil
	}
	if err := decodeAny(value, v); err != nil {
		*v = zero
		return err
	}
	*state = OptPresent
	return nil
}

// marshalStruct is the MarshalJSON of a generated struct: v is a pointer
// to it.
func marshalStruct(v any) ([]byte, error) {
	s := getScratch()
	b, err := appendStruct(*s, v)
	return putScratch(s, b, err)
}

// appendStruct appends the encoding of a generated struct: v is a pointer
// to it. It appends @odata.type, the fields that are not absent, then Extra,
// or returns b and the first error.
func appendStruct(b []byte, v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	return codecOf(rv.Type().Elem()).append(b, rv.UnsafePointer())
}

// append is appendStruct for the struct at p.
func (c *structCodec) append(b []byte, p unsafe.Pointer) ([]byte, error) {
	w := appendObject(b)
	for i := range c.fields {
		f := &c.fields[i]
		fp := unsafe.Add(p, f.offset)
		var err error
		mark := len(w.buf)
		switch f.kind {
		case fieldOpt:
			switch *(*OptState)(unsafe.Add(fp, f.state)) {
			case OptAbsent:
				continue
			case OptNull:
				w.encodedKey(f.key)
				w.buf = append(w.buf, "null"...)
				continue
			}
			w.encodedKey(f.key)
			w.buf, err = f.appendValue(w.buf, fp)
		case fieldValue:
			switch f.value {
			case valueString:
				w.encodedKey(f.key)
				w.buf = appendString(w.buf, *(*string)(fp))
			case valueStruct:
				if *(*unsafe.Pointer)(fp) == nil {
					continue
				}
				w.encodedKey(f.key)
				w.buf, err = f.appendValue(w.buf, fp)
			default:
				err = w.field(f.name, reflect.NewAt(f.typ, fp).Elem().Interface())
			}
		default: // fieldRaw, fieldArray: nil is absent
			if *(*unsafe.Pointer)(fp) == nil {
				continue
			}
			w.encodedKey(f.key)
			switch {
			case f.kind == fieldRaw:
				w.buf = append(w.buf, *(*json.RawMessage)(fp)...)
				continue
			case f.elem != nil:
				w.buf, err = appendStructs(w.buf, fp, f.elem.get(), f.elemSize)
			case f.strs:
				w.buf = appendStrings(w.buf, *(*[]string)(fp))
			default:
				w.buf, err = appendSlice(w.buf, reflect.NewAt(f.typ, fp).Elem())
			}
		}
		if err != nil {
			if w.err == nil {
				w.buf = w.buf[:mark]
				w.err = wrapPath(f.name, err)
			}
			return w.close()
		}
	}
	if c.hasExtra {
		w.extra(*(*JSONMembers)(unsafe.Add(p, c.extra)))
	}
	return w.close()
}

// appendValue appends the value at p (an Opt's Value, or a required
// *T of a generated struct).
func (f *fieldCodec) appendValue(b []byte, p unsafe.Pointer) ([]byte, error) {
	switch f.value {
	case valueString:
		return appendString(b, *(*string)(p)), nil
	case valueBool:
		return strconv.AppendBool(b, *(*bool)(p)), nil
	case valueInt32:
		return strconv.AppendInt(b, int64(*(*int32)(p)), 10), nil
	case valueInt64:
		return strconv.AppendInt(b, *(*int64)(p), 10), nil
	case valueFloat64:
		return appendFloat(b, *(*float64)(p), 64)
	case valueTime:
		return appendTime(b, *(*time.Time)(p))
	case valueStruct:
		sp := *(*unsafe.Pointer)(p)
		if sp == nil {
			return append(b, "null"...), nil
		}
		return f.elem.get().append(b, sp)
	}
	pv := reflect.NewAt(f.vtype, p)
	if out, ok, err := appendFast(b, pv.Interface()); ok {
		return out, err
	}
	return appendOther(b, pv.Elem().Interface())
}

// appendStructs appends the slice at p of generated structs (of size
// size, with the codec ec) as appendSlice would, without reflection.
func appendStructs(b []byte, p unsafe.Pointer, ec *structCodec, size uintptr) ([]byte, error) {
	s := (*sliceHeader)(p)
	mark := len(b)
	b = append(b, '[')
	for i := range s.len {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = ec.append(b, unsafe.Add(s.data, uintptr(i)*size)); err != nil {
			return b[:mark], wrapPath(strconv.Itoa(i), err)
		}
	}
	return append(b, ']'), nil
}

// appendStrings appends the strings s (or enums seen as strings) as
// appendSlice would.
func appendStrings(b []byte, s []string) []byte {
	b = append(b, '[')
	for i, e := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, e)
	}
	return append(b, ']')
}

// appendSlice appends the non-nil slice rv as appendOther would, without
// converting it to an interface (an allocation) for the common element
// types: strings, enums and generated structs.
func appendSlice(b []byte, rv reflect.Value) ([]byte, error) {
	kind := sliceElemKind(rv.Type().Elem())
	if kind == elemOther {
		return appendOther(b, rv.Interface())
	}
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
		case kind == elemStruct:
			b, err = appendStruct(b, ev.Addr().Interface())
		case kind == elemAppender:
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

// Compile-time checks that the interfaces the classification relies on
// stay what they are.
var (
	_ json.Unmarshaler         = (*JSONMembers)(nil)
	_ encoding.TextUnmarshaler = (*EdmDate)(nil)
)
