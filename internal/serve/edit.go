package serve

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// EditExample returns the body of a documented request example of op with
// every placeholder ("String", "String (timestamp)", "Guid", ...)
// replaced by a valid sample value of the type declared at its JSON
// Pointer, as the generated handler tests edit them; ok is false when the
// body is not JSON. Bodies without placeholders come back unchanged.
func (srv *Server) EditExample(op *model.Operation, ex *model.Example) (body string, ok bool) {
	src := ex.Body
	switch ex.JSON {
	case model.RepairedJSON:
		rep := jsonpos.Repair(ex.Body)
		if !json.Valid(rep.Out) {
			return ex.Body, false
		}
		src = string(rep.Out)
	case model.InvalidJSON:
		return ex.Body, false
	case model.NoJSON:
		return ex.Body, true
	}
	if op.RequestBody == nil {
		return src, true
	}
	var t *stype
	if op.RequestBody.Type.Name == "" && len(op.RequestBody.Properties) > 0 {
		t = srv.s.synthetic(op)
	} else {
		t = srv.s.lookup(op.RequestBody.Type.Name)
	}
	if ex.Type.Name != "" && srv.s.lookup(ex.Type.Name) != nil {
		t = srv.s.lookup(ex.Type.Name)
	}
	if t == nil || !t.isStruct() {
		return src, true
	}
	v := parseJSON([]byte(src))
	repl := map[string]string{}
	for _, ph := range ex.Placeholders {
		if ref, p, ok := srv.declaredAt(t, ph.Pointer); ok {
			repl[ph.Pointer] = string(synth{srv.s}.value(nil, ref, p, 3))
		}
	}
	srv.loosePlaceholders(v, model.TypeRef{Name: t.Name}, t, "", repl)
	if len(repl) == 0 {
		return src, true
	}
	return string(rebuild(nil, v, "", repl)), true
}

// loosePlaceholders finds the string values under v that do not fit their
// declared type and stand for "any value" ("datetime-value",
// "skuId-value-1", "@odata.type: x"), and maps their pointers to samples.
func (srv *Server) loosePlaceholders(v *jvalue, ref model.TypeRef, root *stype, ptr string, repl map[string]string) {
	if _, ok := repl[ptr]; ok {
		return
	}
	if ref.Collection {
		if v.kind == jArray {
			for i, e := range v.elems {
				srv.loosePlaceholders(e, model.TypeRef{Name: ref.Name}, root, ptr+"/"+strconv.Itoa(i), repl)
			}
		}
		return
	}
	t := srv.s.lookup(ref.Name)
	if t == nil && ref.Name == root.Name {
		t = root
	}
	if t != nil && t.isStruct() {
		if v.kind != jObject {
			return
		}
		for i, k := range v.keys {
			if f := t.field(k); f != nil {
				srv.loosePlaceholdersProp(v.vals[i], f, root, ptr+"/"+escapeToken(k), repl)
			}
		}
	}
}

func (srv *Server) loosePlaceholdersProp(v *jvalue, f *model.Property, root *stype, ptr string, repl map[string]string) {
	if f.Collection || v.kind != jString {
		srv.loosePlaceholders(v, f.TypeRef, root, ptr, repl)
		return
	}
	if !jsonpos.IsLoosePlaceholder(v.str) {
		return
	}
	var p problems
	if ge := srv.chk.decodeRef(v, f.TypeRef, ptr); ge == nil {
		srv.chk.validateValue(&p, v, f, ptr)
		if len(p.list) == 0 {
			return
		}
	}
	repl[ptr] = string(synth{srv.s}.value(nil, f.TypeRef, f, 3))
}

// declaredAt returns the type declared at a JSON Pointer under t.
func (srv *Server) declaredAt(t *stype, ptr string) (model.TypeRef, *model.Property, bool) {
	toks := strings.Split(ptr, "/")[1:]
	ref := model.TypeRef{Name: t.Name}
	var prop *model.Property
	for _, tok := range toks {
		if ref.Collection {
			if _, err := strconv.Atoi(tok); err != nil {
				return ref, nil, false
			}
			ref.Collection = false
			continue
		}
		st := srv.s.lookup(ref.Name)
		if st == nil && ref.Name == t.Name {
			st = t
		}
		if st == nil || !st.isStruct() {
			return ref, nil, false
		}
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		prop = st.field(tok)
		if prop == nil {
			return ref, nil, false
		}
		ref = prop.TypeRef
	}
	return ref, prop, len(toks) > 0
}

// rebuild appends v with the values at the pointers of repl replaced.
func rebuild(b []byte, v *jvalue, ptr string, repl map[string]string) []byte {
	if r, ok := repl[ptr]; ok {
		return append(b, r...)
	}
	switch v.kind {
	case jObject:
		b = append(b, '{')
		for i, k := range v.keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendQuoted(b, k)
			b = append(b, ':')
			b = rebuild(b, v.vals[i], ptr+"/"+escapeToken(k), repl)
		}
		return append(b, '}')
	case jArray:
		b = append(b, '[')
		for i, e := range v.elems {
			if i > 0 {
				b = append(b, ',')
			}
			b = rebuild(b, e, ptr+"/"+strconv.Itoa(i), repl)
		}
		return append(b, ']')
	}
	return append(b, v.raw...)
}
