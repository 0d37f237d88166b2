package runtime

// This file applies a decoded PATCH body to a stored value, as Graph means
// PATCH: absent members unchanged, null clears, a value replaces (and a
// nested object merges member by member). It works on every generated
// struct through reflection, so no type needs a method of its own.

import (
	"reflect"
	"strings"
)

var (
	optStateType    = reflect.TypeFor[OptState]()
	jsonMembersType = reflect.TypeFor[JSONMembers]()
)

// ServerApplyPatch applies patch, the decoded body of a PATCH request, to
// dst, the stored value of the same generated type:
//
//   - an absent member leaves dst's member unchanged;
//   - a null member clears it (an Opt becomes null, a collection nil);
//   - a present member replaces it, except an object that dst holds too,
//     which is patched the same way, member by member;
//   - collections are replaced as a whole;
//   - members without a field (Extra) are merged by name, null removing one.
//
// Nothing happens when either is nil.
func ServerApplyPatch[T any](dst, patch *T) {
	if dst == nil || patch == nil {
		return
	}
	d, p := reflect.ValueOf(dst).Elem(), reflect.ValueOf(patch).Elem()
	if d.Kind() != reflect.Struct {
		if !p.IsZero() {
			d.Set(p)
		}
		return
	}
	applyPatch(d, p)
}

// isOptType reports whether t is an Opt[T].
func isOptType(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || t.NumField() != 2 {
		return false
	}
	f, ok := t.FieldByName("State")
	return ok && f.Type == optStateType
}

// applyPatch patches the struct d with p.
func applyPatch(d, p reflect.Value) {
	t := d.Type()
	extra := -1
	byName := map[string]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Type == jsonMembersType {
			extra = i
			continue
		}
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
			byName[name] = i
		}
		df, pf := d.Field(i), p.Field(i)
		if isOptType(f.Type) {
			switch OptState(pf.FieldByName("State").Uint()) {
			case OptAbsent:
			case OptNull:
				df.Set(pf)
			default:
				dv, pv := df.FieldByName("Value"), pf.FieldByName("Value")
				if isGeneratedStruct(pv.Type()) && OptState(df.FieldByName("State").Uint()) == OptPresent {
					applyPatch(dv, pv)
				} else {
					df.Set(pf)
				}
			}
			continue
		}
		switch {
		case pf.IsZero():
			// absent (a collection or a plain value decodes to its zero)
		case isGeneratedStruct(f.Type):
			applyPatch(df, pf)
		case f.Type.Kind() == reflect.Pointer && !df.IsNil() && isGeneratedStruct(f.Type.Elem()):
			applyPatch(df.Elem(), pf.Elem())
		default:
			df.Set(pf)
		}
	}
	if extra < 0 {
		return
	}
	dx := d.Field(extra).Addr().Interface().(*JSONMembers)
	for _, m := range p.Field(extra).Interface().(JSONMembers) {
		null := isNull(m.Value)
		if i, ok := byName[m.Name]; ok && null {
			// A null a collection or plain field cannot hold: clear it.
			d.Field(i).SetZero()
			continue
		}
		if null {
			dx.Delete(m.Name)
			continue
		}
		dx.Set(m.Name, m.Value)
	}
}
