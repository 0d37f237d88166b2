package examples

import (
	"encoding/base64"
	"fmt"
	"github.com/docgen-dev/docgen/internal/jsonpos"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docgen-dev/docgen/parser/model"
)

// The round-trip rules: whether each value of a body decodes into the
// generated type its declared shape gives, and what a round-trip test must
// tolerate when it does not.

// RoundTrip walks the value at pointer ptr of an example body (root is
// the whole body) along its declared shape and returns the facts, in walk
// order: members in name order, required members an object omits after
// its members. truncated says the example admits it omits members.
func (s *Schema) RoundTrip(ex *model.Example, root *Node, ptr string, sh Shape, truncated bool) []Fact {
	w := &roundTrip{s: s, ex: ex, truncated: truncated}
	if len(ex.Placeholders) > 0 {
		w.placeholders = make(map[string]bool, len(ex.Placeholders))
		for _, ph := range ex.Placeholders {
			if ph != nil {
				w.placeholders[ph.Pointer] = true
			}
		}
	}
	v := root
	if ptr != "" {
		v = Resolve(root, ptr)
	}
	if v != nil {
		w.walk(v, sh, ptr)
	}
	return w.facts
}

// Resolve returns the value at pointer ptr of a body as a decoder into
// maps sees it (the last of duplicate members), or nil.
func Resolve(root *Node, ptr string) *Node {
	n := root
	for _, tok := range strings.Split(ptr, "/")[1:] {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch n.Kind {
		case Object:
			n = n.Last(tok)
		case Array:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Elems) {
				return nil
			}
			n = n.Elems[i]
		default:
			return nil
		}
		if n == nil {
			return nil
		}
	}
	return n
}

type roundTrip struct {
	s            *Schema
	ex           *model.Example
	truncated    bool
	placeholders map[string]bool
	facts        []Fact
}

func (w *roundTrip) add(f Fact) { w.facts = append(w.facts, f) }

// walk checks the value v at pointer ptr against its declared shape.
func (w *roundTrip) walk(v *Node, sh Shape, ptr string) {
	if v.Kind == Null {
		w.checkNull(v, sh, ptr)
		return
	}
	if sh.Collection {
		if v.Kind != Array {
			w.misfit(v, sh, ptr, "a collection ("+sh.String()+") is written as a JSON array", true)
			return
		}
		elem := sh
		elem.Collection = false
		for i, e := range v.Elems {
			ep := ptr + "/" + strconv.Itoa(i)
			if e.Kind == Null {
				w.misfit(e, elem, ep, "a collection element cannot be null", false)
				continue
			}
			w.walk(e, elem, ep)
		}
		return
	}
	switch {
	case sh.Decl != nil && sh.Decl.Struct():
		if v.Kind != Object {
			w.misfit(v, sh, ptr, sh.Decl.Name+" is a JSON object", true)
			return
		}
		// A nested object decodes into the declared struct even when its
		// @odata.type names a derived one (the derived members land in
		// Extra); only the body itself picks the derived type (the
		// generator's choice of the test's type).
		st := sh.Decl
		for _, k := range memberNames(v) {
			if k == "@odata.type" {
				continue
			}
			f := st.Field(k)
			if f == nil {
				continue // kept in Extra, compared verbatim
			}
			fs := w.s.ShapeOf(f.TypeRef)
			if f.Target != nil {
				fs.Decl = f.Target
			}
			fs.Field = f
			w.walk(v.Last(k), fs, ptr+"/"+jsonpos.EscapeToken(k))
		}
		w.checkRequired(st, v, ptr)
	case sh.Decl != nil:
		w.walkEnum(v, sh, ptr)
	default:
		w.walkPrimitive(v, sh, ptr)
	}
}

// memberNames returns the distinct member names of an object, sorted.
func memberNames(n *Node) []string {
	keys := make([]string, 0, len(n.Members))
	for _, m := range n.Members {
		keys = append(keys, m.Key)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// checkRequired reports the required members an object omits: the
// generated struct holds them as plain values, so the round trip adds
// their zero value (and Validate may reject it). A truncated example says
// it omits members, and {"@odata.type": x} alone stands for any x: both
// are notes, not problems.
func (w *roundTrip) checkRequired(st *Decl, obj *Node, ptr string) {
	placeholder := obj.Get("@odata.type") != nil && len(memberNames(obj)) == 1
	for _, f := range st.Fields {
		if !f.Plain || obj.Get(f.Name) != nil {
			continue
		}
		fp := ptr + "/" + jsonpos.EscapeToken(f.Name)
		switch {
		case placeholder:
			w.add(Fact{Pointer: fp, Off: -1, Note: fmt.Sprintf("the example shows {\"@odata.type\"} only, the placeholder for any %s, and omits %s, which is required: %s always encodes it", st.Name, f.Name, st.GoName)})
		case w.truncated:
			w.add(Fact{Pointer: fp, Off: -1, Note: fmt.Sprintf("the example is truncated and omits %s, which is required: %s always encodes it", f.Name, st.GoName)})
		default:
			w.add(Fact{Pointer: fp, Off: -1, Problem: &Problem{Rule: Missing, At: ptr,
				Message: fmt.Sprintf("example %q: %s omits %s, which the %s table marks required, so the round trip through %s adds it; show the member in the example or mark it truncated, or drop the Required marker", w.ex.Name, showPointer(ptr), f.Name, f.Owner.Name, st.GoName)}})
		}
	}
}

// checkNull reports a null the generated Validate rejects: in a collection
// or required field, or one the docs call not nullable.
func (w *roundTrip) checkNull(v *Node, sh Shape, ptr string) {
	f := sh.Field
	if f == nil || ptr == "" {
		return
	}
	switch {
	case f.Collection:
		w.misfit(v, sh, ptr, "a collection is written as an array, not null", false)
	case f.Plain:
		w.misfit(v, sh, ptr, f.Name+" is required and cannot be null", false)
	case f.Nullable == model.False:
		w.misfit(v, sh, ptr, f.Name+" is documented as not nullable", false)
	}
}

func (w *roundTrip) walkEnum(v *Node, sh Shape, ptr string) {
	if v.Kind != String {
		w.misfit(v, sh, ptr, "an enum value is a JSON string", true)
		return
	}
	parts := []string{v.Str}
	if sh.Decl.Flags {
		parts = strings.Split(v.Str, ",")
	}
	for _, part := range parts {
		if !slices.ContainsFunc(sh.Decl.Members, func(m *model.EnumMember) bool { return m.Name == strings.TrimSpace(part) }) {
			w.misfit(v, sh, ptr, fmt.Sprintf("%q is not a documented value of %s", part, sh.Decl.Name), false)
			return
		}
	}
}

var (
	timeOfDayRE = regexp.MustCompile(`^\d\d:\d\d(:\d\d(\.\d{1,12})?)?$`)
	durationRE  = regexp.MustCompile(`^-?P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$`)
)

// intRanges are the bounds of the Edm integer types.
var intRanges = map[string][2]int64{
	"Edm.Byte": {0, 255}, "Edm.SByte": {-128, 127}, "Edm.Int16": {-1 << 15, 1<<15 - 1},
	"Edm.Int32": {-1 << 31, 1<<31 - 1}, "Edm.Int64": {-1 << 63, 1<<63 - 1},
}

// walkPrimitive checks a primitive value and records its kind.
func (w *roundTrip) walkPrimitive(v *Node, sh Shape, ptr string) {
	edm := sh.Edm
	s, isStr := v.Str, v.Kind == String
	isNum := v.Kind == Number
	switch edm {
	case "", "Edm.Untyped":
		return
	case "Edm.String":
		switch {
		case !isStr:
			w.misfit(v, sh, ptr, "an Edm.String is a JSON string", true)
		case sh.Field != nil && len(sh.Field.Values) > 0 && !slices.Contains(sh.Field.Values, s):
			// Validate checks the values the description lists.
			w.misfit(v, sh, ptr, fmt.Sprintf("%q is not one of the values its description lists (%s)", s, strings.Join(sh.Field.Values, ", ")), false)
		}
	case "Edm.Guid":
		switch {
		case !isStr:
			w.misfit(v, sh, ptr, "an Edm.Guid is a JSON string", true)
		case !jsonpos.IsGUID(s):
			w.misfit(v, sh, ptr, fmt.Sprintf("%q is not a GUID", s), false)
		}
	case "Edm.Boolean":
		if v.Kind != Bool {
			w.misfit(v, sh, ptr, "an Edm.Boolean is true or false", true)
		}
	case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64":
		r := intRanges[edm]
		if !isNum {
			w.misfit(v, sh, ptr, "an "+edm+" is a JSON number", true)
			return
		}
		n, err := strconv.ParseInt(string(v.Num), 10, 64)
		if err != nil || n < r[0] || n > r[1] {
			w.misfit(v, sh, ptr, fmt.Sprintf("%s is not an %s", v.Num, edm), true)
		}
	case "Edm.Single", "Edm.Double":
		if !isNum {
			w.misfit(v, sh, ptr, "an "+edm+" is a JSON number", true)
			return
		}
		w.kind(sh, ptr)
	case "Edm.Decimal":
		if isStr {
			if _, ok := new(big.Rat).SetString(s); !ok || strings.ContainsAny(s, "/ ") {
				w.misfit(v, sh, ptr, fmt.Sprintf("%q is not a number", s), true)
			}
		} else if !isNum {
			w.misfit(v, sh, ptr, "an Edm.Decimal is a JSON number", true)
		}
	case "Edm.DateTimeOffset":
		if !isStr || !isDateTimeOffset(s) {
			w.misfit(v, sh, ptr, "an Edm.DateTimeOffset is an RFC 3339 date-time string like \"2006-01-02T15:04:05Z\"", true)
			return
		}
		w.kind(sh, ptr)
	case "Edm.Date":
		if _, err := time.Parse(time.DateOnly, s); !isStr || err != nil {
			w.misfit(v, sh, ptr, "an Edm.Date is a string like \"2006-01-02\"", true)
			return
		}
		w.kind(sh, ptr)
	case "Edm.TimeOfDay":
		if !isStr || !timeOfDayRE.MatchString(s) || !validTimeOfDay(s) {
			w.misfit(v, sh, ptr, "an Edm.TimeOfDay is a string like \"15:04:05\"", true)
			return
		}
		w.kind(sh, ptr)
	case "Edm.Duration":
		if !isStr || !durationRE.MatchString(s) || strings.HasSuffix(s, "T") || s == "P" || s == "-P" {
			w.misfit(v, sh, ptr, "an Edm.Duration is an ISO 8601 duration like \"PT1H30M\"", true)
			return
		}
		w.kind(sh, ptr)
	case "Edm.Binary", "Edm.Stream":
		if _, err := base64.StdEncoding.DecodeString(s); !isStr || err != nil {
			w.misfit(v, sh, ptr, "an "+edm+" is a base64 string", true)
		}
	}
}

// kind records the normalisation kind of a valid primitive.
func (w *roundTrip) kind(sh Shape, ptr string) {
	w.add(Fact{Pointer: ptr, Off: -1, Declared: sh.Edm, Kind: kindOf(sh)})
}

func isDateTimeOffset(s string) bool {
	if _, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return true
	}
	_, err := time.Parse("2006-01-02T15:04:05.999999999", s)
	return err == nil
}

func validTimeOfDay(s string) bool {
	h, _ := strconv.Atoi(s[0:2])
	m, _ := strconv.Atoi(s[3:5])
	sec := 0
	if len(s) >= 8 {
		sec, _ = strconv.Atoi(s[6:8])
	}
	return h < 24 && m < 60 && sec < 60
}

// misfit handles a value that does not fit its declared type: a
// placeholder is replaced by a canonical value; anything else is a docs
// defect (a problem), tolerated by the test (removed before decoding when
// breaks says it would not decode).
func (w *roundTrip) misfit(v *Node, sh Shape, ptr, why string, breaks bool) {
	if canon, ok := w.s.canonical(sh, 0); ok && w.isPlaceholder(v, sh, ptr) {
		if alt := alternative(v, sh); alt != "" {
			canon = alt
		}
		text := Brief(v)
		w.add(Fact{Pointer: ptr, Off: v.Off, Declared: sh.String(), Kind: kindOf(sh), Placeholder: text,
			Edit: &Edit{Value: canon, Reason: fmt.Sprintf("placeholder %s stands for any %s", text, sh.String())}})
		return
	}
	f := Fact{Pointer: ptr, Off: v.Off, Declared: sh.String(), Problem: &Problem{Rule: Value, At: ptr,
		Message: fmt.Sprintf("example %q: %s is %s, but %s; fix the value or the property's type", w.ex.Name, showPointer(ptr), Brief(v), why)}}
	if breaks && ptr != "" {
		f.Edit = &Edit{Reason: "the value does not decode as " + sh.String()}
	}
	w.add(f)
}

func showPointer(p string) string {
	if p == "" {
		return "the body"
	}
	return p
}
