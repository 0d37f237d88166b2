package examples

import (
	"fmt"
	"github.com/docgen-dev/docgen/internal/jsonpos"
	"slices"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// The documentation rules: whether an example body agrees with what the
// pages declare (property tables, enum tables, request-body tables,
// @odata.type annotations). Lint reports their problems.

// Checker checks example bodies against the declared types of one
// package.
type Checker struct {
	pkg *model.Package
	// conflicts holds the positions of the parser's enum-conflict
	// findings: an enum documented with different members in two places
	// has no reliable member list, so its values are not checked.
	conflicts map[model.Pos]bool
}

// NewChecker returns a Checker of pkg's example bodies.
func NewChecker(pkg *model.Package) *Checker {
	c := &Checker{pkg: pkg, conflicts: map[model.Pos]bool{}}
	for _, d := range pkg.Diagnostics {
		if d.Code == "enum-conflict" {
			c.conflicts[d.Pos] = true
		}
	}
	return c
}

// conflicted reports whether the parser found that enum t is documented
// with different members in two places.
func (c *Checker) conflicted(t *model.Type) bool {
	if c.conflicts[t.Pos] {
		return true
	}
	for _, s := range t.Sources {
		if c.conflicts[s] {
			return true
		}
	}
	return false
}

// problem records a problem at pointer ptr, located at byte off.
func (w *walker) problem(ptr string, off int, declared string, rule Rule, format string, args ...any) {
	w.facts = append(w.facts, Fact{Pointer: ptr, Off: off, Declared: declared,
		Problem: &Problem{Rule: rule, At: ptr, Message: fmt.Sprintf(format, args...)}})
}

// bodyLikeResponse infers the request body type of a create or update
// whose page names none: the response type, when every row of the
// request-body table is one of its properties (the table lists some
// properties of the object the call creates).
func (c *Checker) bodyLikeResponse(resp model.TypeRef, rows []*model.Property) model.TypeRef {
	t := c.findType(resp.Name)
	if resp.Collection || t == nil || t.Kind == model.EnumType {
		return model.TypeRef{}
	}
	for _, r := range rows {
		// An "@odata.type" row documents the annotation, not a property.
		if r != nil && !strings.Contains(r.Name, "@") && !c.hasProperty(t, r.Name) {
			return model.TypeRef{}
		}
	}
	return model.TypeRef{Name: t.Name}
}

// Check checks the members and values of an example's JSON body against
// the type it holds (want) and, for requests, the request-body table rows
// (extra), and returns the problems found, in body order. Only a body the
// parser found valid is checked.
func (c *Checker) Check(ex *model.Example, want model.TypeRef, extra []*model.Property) []Fact {
	if ex.JSON != model.ValidJSON || strings.TrimSpace(ex.Body) == "" {
		return nil
	}
	root, err := Parse(ex.Body)
	if err != nil {
		return nil
	}
	w := &walker{c: c, ex: ex, placeholders: map[string]*model.Placeholder{}}
	for _, p := range ex.Placeholders {
		if p != nil {
			w.placeholders[p.Pointer] = p
		}
	}
	t := c.findType(want.Name)
	switch {
	case root.Kind == Object && (want.Collection || (t != nil && !c.hasProperty(t, "value") && isEnvelope(root))):
		// A collection response: {"value": [...]} plus annotations.
		if v := root.Get("value"); v != nil && v.Kind == Array {
			for i, e := range v.Elems {
				w.value(e, "/value/"+strconv.Itoa(i), model.TypeRef{Name: want.Name}, "value")
			}
		}
	case root.Kind == Array && want.Collection:
		for i, e := range root.Elems {
			w.value(e, "/"+strconv.Itoa(i), model.TypeRef{Name: want.Name}, "value")
		}
	case root.Kind == Object && t != nil && t.Kind != model.EnumType && isWrapper(root) &&
		(!c.hasProperty(t, "value") || c.wrapsOwnType(t, root.Get("value"))):
		v := root.Get("value")
		var off int
		for _, m := range root.Members {
			if m.Key == "value" {
				off = m.Off
			}
		}
		if v.Kind == Object {
			w.problem("/value", off, want.String(), UnknownMember,
				"example member \"value\" wraps the %s object, but a single %s is returned unwrapped; move the members of \"value\" to the top level",
				t.Name, t.Name)
			w.object(v, "/value", t, extra)
			return w.facts
		}
		w.problem("/value", off, want.String(), TypeMismatch,
			"the body is a single {\"value\": %s} but the example declares type %s; fix the body or the annotation's @odata.type",
			v.Kind, t.Name)
	case root.Kind == Object && (t != nil || len(extra) > 0):
		w.object(root, "", t, extra)
	}
	return w.facts
}

// isEnvelope reports whether an object looks like a collection response:
// a "value" array and otherwise only annotations.
func isEnvelope(n *Node) bool {
	hasValue := false
	for _, m := range n.Members {
		switch {
		case m.Key == "value" && m.Val.Kind == Array:
			hasValue = true
		case strings.Contains(m.Key, "@"):
		default:
			return false
		}
	}
	return hasValue
}

// wrapsOwnType reports whether v, the "value" of a body declared as t (a
// type with a "value" property of its own), is rather an object of t
// wrapped in {"value": ...}, as Intune's examples write single objects:
// t's own "value" is not an object type, and v names t (or a type derived
// from it) in @odata.type or has members of t other than "value".
func (c *Checker) wrapsOwnType(t *model.Type, v *Node) bool {
	if v == nil || v.Kind != Object {
		return false
	}
	if p, _ := c.property(t, "value"); p != nil && !p.Collection {
		if vt := c.findType(p.TypeRef.Name); vt != nil && vt.Kind != model.EnumType {
			return false // t's own value is an object: {"value": {...}} may be it
		}
	}
	if ot := v.Get("@odata.type"); ot != nil && ot.Kind == String {
		name := strings.TrimPrefix(ot.Str, "#")
		if strings.EqualFold(name, t.Name) || c.derivesFrom(name, t.Name) {
			return true
		}
	}
	for _, m := range v.Members {
		if m.Key != "value" && !strings.Contains(m.Key, "@") && c.hasProperty(t, m.Key) {
			return true
		}
	}
	return false
}

// isWrapper reports whether an object is {"value": x} plus annotations
// with x not an array.
func isWrapper(n *Node) bool {
	v := n.Get("value")
	if v == nil || v.Kind == Array || v.Kind == Null {
		return false
	}
	for _, m := range n.Members {
		if m.Key != "value" && !strings.Contains(m.Key, "@") {
			return false
		}
	}
	return true
}

type walker struct {
	c            *Checker
	facts        []Fact
	ex           *model.Example
	placeholders map[string]*model.Placeholder
}

// object checks the members of n against type t (nil when only the extra
// request-body rows are known).
func (w *walker) object(n *Node, ptr string, t *model.Type, extra []*model.Property) {
	c := w.c
	if ot := n.Get("@odata.type"); ot != nil && ot.Kind == String {
		name := strings.TrimPrefix(strings.TrimSpace(ot.Str), "#")
		if !strings.Contains(name, ".") && name != "" {
			name = "microsoft.graph." + name
		}
		named := c.findType(name)
		switch {
		case t == nil:
			t = named
		case name == t.Name:
		case named != nil && c.derivesFrom(name, t.Name):
			t = named
		case w.placeholders[ptr+"/@odata.type"] != nil:
		default:
			hint := ""
			switch {
			case strings.EqualFold(name, t.Name):
				hint = " (it differs only in case)"
			case named != nil && (named.Base == "" || named.Base == model.EntityBase) && t.Name != model.EntityBase:
				hint = fmt.Sprintf(" (if %s derives from %s, its page must say so: an \"Inherits from\" line or a baseType annotation)", named.Name, t.Name)
			case named == nil:
				hint = " (no page defines " + name + ")"
			}
			var off int
			for _, m := range n.Members {
				if m.Key == "@odata.type" {
					off = m.Val.Off
				}
			}
			w.problem(ptr+"/@odata.type", off, t.Name, ODataType,
				"@odata.type %q is neither %s nor a type derived from it%s; fix the @odata.type or the declared type",
				ot.Str, t.Name, hint)
			return
		}
	}
	if t == nil && len(extra) == 0 {
		return
	}
	if t != nil && t.Kind == model.EnumType {
		return
	}
	for _, m := range n.Members {
		if strings.Contains(m.Key, "@") {
			continue // instance or property annotation
		}
		mptr := ptr + "/" + jsonpos.EscapeToken(m.Key)
		var p *model.Property
		for _, e := range extra {
			if e != nil && e.Name == m.Key {
				p = e
				break
			}
		}
		builtin := false
		if p == nil && t != nil {
			p, builtin = c.property(t, m.Key)
		}
		if p == nil && m.Val.Kind == Object && nestedTable(m.Val, extra) {
			// The request-body table documents the members of this one
			// object parameter ("provide a passwordCredential object
			// with the following properties").
			w.object(m.Val, mptr, nil, extra)
			continue
		}
		if p == nil {
			if t != nil && (c.isOpen(t) || !c.hasProperties(t) || (m.Key == "id" && c.isEntity(t))) {
				continue
			}
			owner := "the request-body table"
			if t != nil {
				owner = t.Name + " (or its base types)"
				if len(extra) > 0 {
					owner = t.Name + " or the request-body table"
				}
			}
			hint := ""
			if fold := c.propertyFold(t, extra, m.Key); fold != "" {
				hint = fmt.Sprintf(" (did you mean %q? names are case-sensitive)", fold)
			}
			w.problem(mptr, m.Off, "", UnknownMember,
				"example member %q is not a property of %s%s; fix the name or add the property to the table", m.Key, owner, hint)
			continue
		}
		if builtin {
			// The key docgen adds to entity types: its documented type
			// is unknown (a page's own "id" row may say Int32).
			continue
		}
		w.value(m.Val, mptr, p.TypeRef, m.Key)
	}
}

// value checks one value against the declared type ref of the property
// (or collection element) named prop.
func (w *walker) value(n *Node, ptr string, ref model.TypeRef, prop string) {
	if n.Kind == Null {
		return
	}
	if ph := w.placeholders[ptr]; ph != nil {
		w.placeholder(ph, n, ptr, ref, prop)
		return
	}
	if ref.Name == "" || ref.Name == model.JSONType || ref.Name == "Edm.Untyped" {
		return
	}
	if ref.Collection {
		if n.Kind != Array {
			w.mismatch(n, ptr, ref, prop)
			return
		}
		for i, e := range n.Elems {
			w.value(e, ptr+"/"+strconv.Itoa(i), model.TypeRef{Name: ref.Name}, prop)
		}
		return
	}
	if strings.HasPrefix(ref.Name, "Edm.") {
		if !primitiveAccepts(ref.Name, n) {
			w.mismatch(n, ptr, ref, prop)
		}
		return
	}
	t := w.c.findType(ref.Name)
	if t == nil {
		return // type-undefined reports it
	}
	if t.Kind == model.EnumType {
		if n.Kind != String {
			w.mismatch(n, ptr, ref, prop)
			return
		}
		if named, ok := strings.CutPrefix(n.Str, "@odata.type:"); ok {
			// The stub generator's placeholder for an enum value.
			if named = strings.TrimPrefix(strings.TrimSpace(named), "#"); named != t.Name {
				w.problem(ptr, n.Off, ref.String(), Placeholder,
					"placeholder %q stands for %s but %s is %s; write a member of %s",
					n.Str, named, prop, t.Name, t.Name)
			}
			return
		}
		w.enumValue(n, ptr, t, prop)
		return
	}
	if n.Kind != Object {
		w.mismatch(n, ptr, ref, prop)
		return
	}
	w.object(n, ptr, t, nil)
}

func (w *walker) mismatch(n *Node, ptr string, ref model.TypeRef, prop string) {
	want := "a value of type " + ref.Name
	switch {
	case ref.Collection:
		want = "an array (" + ref.String() + ")"
	case n.Kind == Array:
		want = "a single " + ref.Name + " value, not an array"
	}
	w.problem(ptr, n.Off, ref.String(), TypeMismatch,
		"example value of %s is %s but the table declares %s; fix the value or the Type cell", prop, n.Kind, want)
}

// enumValue checks a string against an enum's members.
func (w *walker) enumValue(n *Node, ptr string, t *model.Type, prop string) {
	if len(t.Members) == 0 || w.c.conflicted(t) {
		return
	}
	names := make([]string, 0, len(t.Members))
	has := func(s string) bool {
		for _, m := range t.Members {
			if m != nil && m.Name == s {
				return true
			}
		}
		return false
	}
	for _, m := range t.Members {
		if m != nil {
			names = append(names, m.Name)
		}
	}
	if has(n.Str) {
		return
	}
	parts := strings.Split(n.Str, ",")
	if len(parts) > 1 {
		all := true
		for _, p := range parts {
			if !has(strings.TrimSpace(p)) {
				all = false
			}
		}
		if all {
			return
		}
	}
	list := strings.Join(names, ", ")
	if len(names) > 8 {
		list = strings.Join(names[:8], ", ") + ", ..."
	}
	hint := ""
	for _, nm := range names {
		if strings.EqualFold(nm, n.Str) {
			hint = fmt.Sprintf(" (members are case-sensitive: write %q)", nm)
		}
	}
	w.problem(ptr, n.Off, t.Name, EnumValue,
		"example value %q of %s is not a member of %s (%s)%s; use a documented member or add it to the enum table",
		n.Str, prop, t.Name, list, hint)
}

// placeholder reports a type-name placeholder that names another type than
// the property's.
func (w *walker) placeholder(ph *model.Placeholder, n *Node, ptr string, ref model.TypeRef, prop string) {
	if ph.Kind != model.TypeNamePlaceholder || ph.Type == "" {
		return
	}
	name := ref.Name
	if ref.Collection && n.Kind == Array {
		return
	}
	if inner, ok := strings.CutPrefix(ph.Type, "Collection("); ok {
		// The Type cell copied into the example ("Collection(String)").
		inner = strings.TrimSuffix(inner, ")")
		switch {
		case !ref.Collection:
			w.problem(ptr, n.Off, ref.String(), Placeholder,
				"placeholder %s stands for a collection but %s is %s; write a placeholder or value of type %s",
				ph.Text, prop, ref.String(), name)
		case strings.HasPrefix(inner, "Edm.") && strings.HasPrefix(name, "Edm.") && !compatiblePrimitive(inner, name):
			w.problem(ptr, n.Off, ref.String(), Placeholder,
				"placeholder %s stands for %s but %s is %s; write a placeholder or value of type %s",
				ph.Text, ph.Type, prop, ref.String(), ref.String())
		}
		return
	}
	if name == "" || name == model.JSONType || name == "Edm.Untyped" || compatiblePrimitive(ph.Type, name) {
		return
	}
	t := w.c.findType(name)
	if !strings.HasPrefix(name, "Edm.") && t == nil {
		return
	}
	if t != nil && t.Kind == model.EnumType && ph.Type == "Edm.String" {
		// "String" for an enum-typed property is the docs' stub convention
		// (an enum is a string on the wire), not a contradiction.
		return
	}
	if t != nil && t.Kind == model.EnumType && n.Kind == String &&
		slices.ContainsFunc(t.Members, func(m *model.EnumMember) bool { return m != nil && m.Name == n.Str }) {
		return // a member that looks like a type name ("url"): a real value
	}
	w.problem(ptr, n.Off, ref.String(), Placeholder,
		"placeholder %s stands for %s but %s is %s; write a placeholder or value of type %s",
		ph.Text, ph.Type, prop, ref.String(), name)
}

var (
	stringTypes  = []string{"Edm.String", "Edm.Guid", "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration", "Edm.Binary"}
	integerTypes = []string{"Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte"}
	floatTypes   = []string{"Edm.Double", "Edm.Single", "Edm.Decimal"}
)

// compatiblePrimitive reports whether a placeholder naming type ph fits a
// property of type prop: the same type, or numbers of the same family.
func compatiblePrimitive(ph, prop string) bool {
	if ph == prop {
		return true
	}
	same := func(set []string) bool { return slices.Contains(set, ph) && slices.Contains(set, prop) }
	return same(integerTypes) || same(floatTypes) ||
		(slices.Contains(integerTypes, ph) && slices.Contains(floatTypes, prop))
}

// primitiveAccepts reports whether JSON value n can encode Edm type name.
// Unknown Edm types (streams, geography, untyped) accept anything.
func primitiveAccepts(name string, n *Node) bool {
	switch {
	case slices.Contains(stringTypes, name):
		return n.Kind == String
	case name == "Edm.Boolean":
		return n.Kind == Bool
	case slices.Contains(integerTypes, name):
		switch n.Kind {
		case Number:
			_, err := strconv.ParseInt(n.Num.String(), 10, 64)
			return err == nil
		case String:
			// IEEE754Compatible=true writes Int64 as a string.
			_, err := strconv.ParseInt(n.Str, 10, 64)
			return name == "Edm.Int64" && err == nil
		}
		return false
	case slices.Contains(floatTypes, name):
		switch n.Kind {
		case Number:
			return true
		case String:
			if n.Str == "NaN" || n.Str == "INF" || n.Str == "-INF" {
				return true
			}
			_, err := strconv.ParseFloat(n.Str, 64)
			return name == "Edm.Decimal" && err == nil
		}
		return false
	}
	return true
}

// Request checks a request example of op against the body the operation
// declares: the example's own type, else the request body's type, else
// (a create or update whose page names none) the response type when every
// request-body row is one of its properties; the rows are checked too.
func (c *Checker) Request(op *model.Operation, ex *model.Example) []Fact {
	want := ex.Type
	var extra []*model.Property
	if rb := op.RequestBody; rb != nil {
		if want.Name == "" {
			want = rb.Type
		}
		extra = rb.Properties
	}
	if want.Name == "" && len(extra) > 0 && op.Response != nil {
		want = c.bodyLikeResponse(op.Response.Type, extra)
	}
	return c.Check(ex, want, extra)
}

// Response checks a response example of op against the example's own
// type, else the operation's response type.
func (c *Checker) Response(op *model.Operation, ex *model.Example) []Fact {
	want := ex.Type
	if r := op.Response; r != nil && want.Name == "" {
		want = r.Type
	}
	return c.Check(ex, want, nil)
}
