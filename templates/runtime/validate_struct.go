package runtime

import (
	"reflect"
	"strings"
	"unsafe"
)

// Validation of the generated structs is, like their JSON codec, a table
// per struct type (structCodec) that validateStruct interprets: what a
// field's Go type says (a collection or a required value cannot hold null,
// an enum has Known, an Edm date has Valid, a nested struct is validated
// in turn) plus its validate tag for what the Go type cannot say:
//
//	validate:"notnull"  an Opt member the docs forbid to be null
//	validate:"guid"     Edm.Guid values
//	validate:"oneOf=a|b" the documented values of an Edm.String
//
// An enum type names its Graph type with an enumType method. The problems
// and their order are those the per-type validate methods reported.

// checkKind is the check of one value of a field.
type checkKind uint8

const (
	checkNone   checkKind = iota
	checkEnum             // Known(), enumType()
	checkStruct           // a generated struct: T, or *T when not nil
	checkGUID             // an Edm.Guid string
	checkValid            // Valid() of EdmTimeOfDay, EdmDuration
	checkDate             // an EdmDate: Valid() unless zero
	checkOneOf            // one of the documented strings
)

// knownEnum is what a generated enum has for validation.
type knownEnum interface {
	Known() bool
	enumType() string
}

var knownEnumType = reflect.TypeFor[knownEnum]()

// enumTypeName returns the Graph name of the enum type t
// ("microsoft.graph.cloudPcDeviceImageStatus"), when t is a generated enum.
func enumTypeName(t reflect.Type) (string, bool) {
	if t == nil || !t.Implements(knownEnumType) {
		return "", false
	}
	return reflect.Zero(t).Interface().(knownEnum).enumType(), true
}

// fieldRules are the validation rules of one field.
type fieldRules struct {
	nullIn  bool // a null member is kept in Extra, and a problem
	notNull bool // Opt: a null is a problem
	check   checkKind
	elem    reflect.Type // the type of the checked values
	edm     string       // checkValid, checkDate: "Edm.Date" ...
	oneOf   []string
	list    string // oneOf joined for the message
}

// rulesOf reads the validation rules of a field from its type and tag.
func rulesOf(f *fieldCodec, tag string) fieldRules {
	var r fieldRules
	elem := f.vtype
	switch f.kind {
	case fieldArray:
		r.nullIn = true
		elem = f.typ.Elem()
	case fieldValue:
		r.nullIn = true
	}
	// oneOf comes last: its values may hold commas.
	tag, values, hasValues := strings.Cut(tag, "oneOf=")
	if hasValues {
		r.check = checkOneOf
		r.oneOf = splitValues(values)
		r.list = strings.Join(r.oneOf, ", ")
	}
	for _, opt := range strings.Split(tag, ",") {
		switch opt {
		case "notnull":
			r.notNull = f.kind == fieldOpt
		case "guid":
			r.check = checkGUID
		}
	}
	r.elem = elem
	if r.check != checkNone {
		return r
	}
	switch {
	case elem.Implements(knownEnumType):
		r.check = checkEnum
	case elem == reflect.TypeFor[EdmDate]():
		r.check, r.edm = checkDate, "Edm.Date"
	case elem == reflect.TypeFor[EdmTimeOfDay]():
		r.check, r.edm = checkValid, "Edm.TimeOfDay"
	case elem == reflect.TypeFor[EdmDuration]():
		r.check, r.edm = checkValid, "Edm.Duration"
	case isGeneratedStruct(elem), elem.Kind() == reflect.Pointer && isGeneratedStruct(elem.Elem()):
		r.check = checkStruct
	}
	return r
}

// splitValues splits a oneOf list at '|', where a '\' escapes the next
// character.
func splitValues(s string) []string {
	var out []string
	var cur []byte
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			i++
			cur = append(cur, s[i])
		case s[i] == '|':
			out = append(out, string(cur))
			cur = cur[:0]
		default:
			cur = append(cur, s[i])
		}
	}
	return append(out, string(cur))
}

// validateStruct is ValidateFor of a generated struct: v is a pointer to
// it. It reports the problems of v and of the structs in it, plus, when v
// is the request body of op, the members in required that v lacks or
// holds as null and those in readOnly that it has (JSON names).
func validateStruct(v any, op Op, required, readOnly []string) error {
	rv := reflect.ValueOf(v)
	c := codecOf(rv.Type().Elem())
	p := rv.UnsafePointer()
	var probs problems
	c.validate(&probs, "", p)
	for _, name := range required {
		if i, ok := c.byName[name]; ok {
			f := &c.fields[i]
			fp := unsafe.Add(p, f.offset)
			switch {
			case f.kind == fieldOpt && *(*OptState)(unsafe.Add(fp, f.state)) == OptNull:
				probs.requiredNull(op, name)
			case f.missing(fp):
				probs.required(op, name)
			}
		}
	}
	for _, name := range readOnly {
		if i, ok := c.byName[name]; ok && c.fields[i].present(unsafe.Add(p, c.fields[i].offset)) {
			probs.readOnly(op, name)
		}
	}
	return probs.Err()
}

// missing reports whether the field at p counts as not sent: a nil
// collection or pointer, an absent Opt, an empty string or enum. A
// required number or bool cannot tell, and is never missing.
func (f *fieldCodec) missing(p unsafe.Pointer) bool {
	switch {
	case f.kind == fieldOpt:
		return *(*OptState)(unsafe.Add(p, f.state)) == OptAbsent
	case f.kind == fieldArray, f.typ.Kind() == reflect.Pointer, f.typ.Kind() == reflect.Slice:
		return *(*unsafe.Pointer)(p) == nil
	case f.typ.Kind() == reflect.String:
		return *(*string)(p) == ""
	}
	return false
}

// present is the negation of missing, for the fields missing can tell.
func (f *fieldCodec) present(p unsafe.Pointer) bool {
	switch {
	case f.kind == fieldOpt, f.kind == fieldArray, f.typ.Kind() == reflect.Pointer, f.typ.Kind() == reflect.Slice, f.typ.Kind() == reflect.String:
		return !f.missing(p)
	}
	return false
}

// validate adds the problems of the struct at p to probs, at JSON Pointers
// under base.
func (c *structCodec) validate(probs *problems, base string, p unsafe.Pointer) {
	for i := range c.fields {
		f := &c.fields[i]
		r := &f.rules
		if r.check == checkNone && !r.nullIn && !r.notNull {
			continue
		}
		fp := unsafe.Add(p, f.offset)
		if r.nullIn && c.hasExtra {
			probs.nullIn(*(*JSONMembers)(unsafe.Add(p, c.extra)), base, f.name)
		}
		if r.check == checkNone && !r.notNull {
			continue
		}
		switch f.kind {
		case fieldArray:
			rv := reflect.NewAt(f.typ, fp).Elem()
			if rv.Len() == 0 {
				continue
			}
			path := pointerJoin(base, f.name)
			for i := range rv.Len() {
				r.checkValue(probs, pointerIndex(path, i), rv.Index(i).Addr().UnsafePointer())
			}
		case fieldOpt:
			state := *(*OptState)(unsafe.Add(fp, f.state))
			if r.notNull && state == OptNull {
				probs.notNull(pointerJoin(base, f.name), f.name)
			}
			if state == OptPresent && r.check != checkNone {
				r.checkValue(probs, pointerJoin(base, f.name), fp)
			}
		default:
			r.checkValue(probs, pointerJoin(base, f.name), fp)
		}
	}
}

// checkValue checks one value, at p, of the field's elem type.
func (r *fieldRules) checkValue(probs *problems, path string, p unsafe.Pointer) {
	switch r.check {
	case checkEnum:
		e := reflect.NewAt(r.elem, p).Elem()
		if !e.Interface().(knownEnum).Known() {
			probs.unknownEnum(path, e.String(), e.Interface().(knownEnum).enumType())
		}
	case checkStruct:
		if r.elem.Kind() == reflect.Pointer {
			sp := *(*unsafe.Pointer)(p)
			if sp != nil {
				codecOf(r.elem.Elem()).validate(probs, path, sp)
			}
			return
		}
		codecOf(r.elem).validate(probs, path, p)
	case checkGUID:
		if s := *(*string)(p); !validGUID(s) {
			probs.Add(path, codeFormatGUID, "%q is not a GUID", s)
		}
	case checkDate:
		if d := *(*EdmDate)(p); !d.IsZero() && !d.Valid() {
			probs.Add(path, codeFormatInvalid, "%v is not a valid %s", d, r.edm)
		}
	case checkValid:
		x := reflect.NewAt(r.elem, p).Elem().Interface()
		if !x.(interface{ Valid() bool }).Valid() {
			probs.Add(path, codeFormatInvalid, "%v is not a valid %s", x, r.edm)
		}
	case checkOneOf:
		s := *(*string)(p)
		for _, v := range r.oneOf {
			if s == v {
				return
			}
		}
		probs.Add(path, codeEnumUnknown, "%q is not one of %s", s, r.list)
	}
}
