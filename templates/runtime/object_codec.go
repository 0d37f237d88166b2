package runtime

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
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
	offset uintptr      // of the field in the struct
	typ    reflect.Type // the field's type
	kind   fieldKind
	value  valueKind    // of the Opt's Value, or of the field itself
	vtype  reflect.Type // the Opt's Value type, or the field's type
	state  uintptr      // Opt: offset of State in the Opt
	rules  fieldRules   // validation (validate_struct.go)
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
	c := &structCodec{typ: t, byName: make(map[string]int, t.NumField())}
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
		f := fieldCodec{name: name, offset: sf.Offset, typ: sf.Type, vtype: sf.Type}
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
		f.rules = rulesOf(&f, sf.Tag.Get("validate"))
		c.byName[name] = len(c.fields)
		c.fields = append(c.fields, f)
	}
	return c
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

// decode is decodeStruct for the struct at p.
func (c *structCodec) decode(data []byte, p unsafe.Pointer) error {
	if isNull(data) {
		return nil
	}
	reflect.NewAt(c.typ, p).Elem().SetZero()
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
				w.key(f.name)
				w.buf = append(w.buf, "null"...)
				continue
			}
			w.key(f.name)
			w.buf, err = f.appendValue(w.buf, fp)
		case fieldValue:
			switch f.value {
			case valueString:
				w.key(f.name)
				w.buf = appendString(w.buf, *(*string)(fp))
			case valueStruct:
				if *(*unsafe.Pointer)(fp) == nil {
					continue
				}
				w.key(f.name)
				w.buf, err = f.appendValue(w.buf, fp)
			default:
				err = w.field(f.name, reflect.NewAt(f.typ, fp).Elem().Interface())
			}
		default: // fieldRaw, fieldArray: nil is absent
			if *(*unsafe.Pointer)(fp) == nil {
				continue
			}
			w.key(f.name)
			if f.kind == fieldRaw {
				w.buf = append(w.buf, *(*json.RawMessage)(fp)...)
				continue
			}
			w.buf, err = appendSlice(w.buf, reflect.NewAt(f.typ, fp).Elem())
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
		return codecOf(f.vtype.Elem()).append(b, sp)
	}
	pv := reflect.NewAt(f.vtype, p)
	if out, ok, err := appendFast(b, pv.Interface()); ok {
		return out, err
	}
	return appendOther(b, pv.Elem().Interface())
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
