// Package metacheck cross-checks what docgen read from the documentation
// pages (a model.Package) against the service's CSDL metadata (a
// csdl.Model): documented types, properties and enum members the metadata
// lacks, metadata properties and members the pages omit, property types,
// collection flags and base types that differ, names that differ only by
// case, and HTTP paths that do not resolve through the metadata. Each
// disagreement is a diagnostic at the page position; Summary measures the
// agreement as a whole.
package metacheck

import (
	"fmt"
	"strings"

	"github.com/docgen-dev/docgen/internal/csdl"
	"github.com/docgen-dev/docgen/parser/model"
)

// Measure is one agreement figure: Num of Den.
type Measure struct {
	Name     string
	Num, Den int
}

// Ratio is Num/Den, 1 when Den is 0.
func (m Measure) Ratio() float64 {
	if m.Den == 0 {
		return 1
	}
	return float64(m.Num) / float64(m.Den)
}

// String formats m as "types: 1249 of 1344 (92.9%)".
func (m Measure) String() string {
	return fmt.Sprintf("%s: %d of %d (%.1f%%)", m.Name, m.Num, m.Den, 100*m.Ratio())
}

// The measures, in Summary order.
const (
	// Types: metadata types matched by a documented type / all metadata types.
	Types = "types"
	// TypePrecision: documented types the metadata has / all documented types.
	TypePrecision = "type precision"
	// Properties: own properties of matched types the pages document / all of them.
	Properties = "properties"
	// PropertyPrecision: documented properties of matched types that the
	// type or an ancestor declares / all documented properties of matched types.
	PropertyPrecision = "property precision"
	// PropertyTypes: compared properties whose type and collection flag
	// equal the metadata's / all compared (documented properties found in
	// the metadata, untyped JSON excepted).
	PropertyTypes = "property types"
	// BaseTypes: matched structured types whose stated base equals the
	// metadata's (no base stated and none in the metadata agree too; a type
	// whose pages state no base while the metadata has one is counted in
	// Summary.UnstatedBases instead).
	BaseTypes = "base types"
	// EnumMembers: members of matched enums documented / all of them.
	EnumMembers = "enum members"
	// EnumPrecision: documented members of matched enums the metadata has / all documented.
	EnumPrecision = "enum precision"
	// Paths: documented HTTP paths that resolve / all documented paths.
	Paths = "paths"
)

// Summary is the cross-check's figures.
type Summary struct {
	Measures []Measure
	// Undocumented is the number of metadata types no page documents.
	Undocumented int
	// UnstatedBases is the number of matched types whose pages state no
	// base type while the metadata declares one (docgen's assumption, if
	// any, is not the docs' statement, so these are not in BaseTypes).
	UnstatedBases int
}

// Get returns the measure named name.
func (s Summary) Get(name string) (Measure, bool) {
	for _, m := range s.Measures {
		if m.Name == name {
			return m, true
		}
	}
	return Measure{}, false
}

type checker struct {
	pkg   *model.Package
	md    *csdl.Model
	diags []model.Diagnostic
}

func (c *checker) report(pos model.Pos, code model.Code, format string, args ...any) {
	sev := model.Warning
	if info, ok := model.LookupCode(catalogue, code); ok {
		sev = info.Severity
	}
	c.diags = append(c.diags, model.Diagnostic{Pos: pos, Severity: sev, Code: code, Message: fmt.Sprintf(format, args...)})
}

// documented reports whether a model type is one the pages document (not
// docgen's built-in entity root unless a page defines it, not an enum
// docgen named itself).
func documented(t *model.Type) bool {
	return t != nil && (!t.Builtin || t.Pos.IsValid()) && !t.Synthesized && t.Name != model.JSONType
}

// Check compares pkg with md. The diagnostics are in model order (types by
// name, then operations); the caller sorts them with the rest.
func Check(pkg *model.Package, md *csdl.Model) ([]model.Diagnostic, Summary) {
	c := &checker{pkg: pkg, md: md}
	var (
		types, typePrec, props, propPrec, propTypes, bases, members, memberPrec, paths Measure
	)
	matched := map[*csdl.Type]bool{}
	unstated := 0
	for _, d := range pkg.Types {
		if !documented(d) {
			continue
		}
		typePrec.Den++
		mt := md.Type(d.Name)
		if mt == nil {
			c.report(d.Pos, CodeTypeUnknown, "type %s is not in the metadata; fix the type's name or remove it from this version's docs", d.Name)
			continue
		}
		typePrec.Num++
		if mt.Name != d.Name {
			c.report(d.Pos, CodeNameCase, "type %s is spelt %s in the metadata; write the name exactly as the metadata does", d.Name, mt.Name)
		}
		matched[mt] = true
		if mt.Kind == csdl.Enum {
			if d.Kind == model.EnumType {
				c.enum(d, mt, &members, &memberPrec)
			}
			continue
		}
		if d.Kind == model.EnumType {
			continue
		}
		c.base(d, mt, &bases, &unstated)
		c.structured(d, mt, &props, &propPrec, &propTypes)
	}
	types.Den = len(md.Types)
	types.Num = len(matched)
	for _, op := range pkg.Operations {
		if op == nil {
			continue
		}
		for _, p := range op.Paths {
			if p == nil || len(p.Segments) == 0 {
				continue
			}
			paths.Den++
			if msg := c.resolve(p); msg != "" {
				c.report(p.Pos, CodePathUnresolved, "HTTP path %s does not resolve through the metadata: %s", p.Template, msg)
			} else {
				paths.Num++
			}
		}
	}
	types.Name, typePrec.Name, props.Name, propPrec.Name = Types, TypePrecision, Properties, PropertyPrecision
	propTypes.Name, bases.Name, members.Name, memberPrec.Name, paths.Name = PropertyTypes, BaseTypes, EnumMembers, EnumPrecision, Paths
	return c.diags, Summary{
		Measures:      []Measure{types, typePrec, props, propPrec, propTypes, bases, members, memberPrec, paths},
		Undocumented:  types.Den - types.Num,
		UnstatedBases: unstated,
	}
}

func (c *checker) enum(d *model.Type, mt *csdl.Type, recall, prec *Measure) {
	for _, m := range d.Members {
		if m == nil {
			continue
		}
		prec.Den++
		var found *csdl.Member
		for _, x := range mt.Members {
			if x.Name == m.Name {
				found = x
				break
			}
			if found == nil && strings.EqualFold(x.Name, m.Name) {
				found = x
			}
		}
		if found == nil {
			c.report(m.Pos, CodeMemberUnknown, "enum %s has no member %q in the metadata; fix the member's name or remove it", d.Name, m.Name)
			continue
		}
		prec.Num++
		if found.Name != m.Name {
			c.report(m.Pos, CodeNameCase, "enum member %q of %s is spelt %q in the metadata; write it exactly as the metadata does", m.Name, d.Name, found.Name)
		}
	}
	var missing []string
	for _, x := range mt.Members {
		recall.Den++
		ok := false
		for _, m := range d.Members {
			if m != nil && strings.EqualFold(m.Name, x.Name) {
				ok = true
				break
			}
		}
		if ok {
			recall.Num++
		} else {
			missing = append(missing, x.Name)
		}
	}
	if len(missing) > 0 {
		c.report(d.Pos, CodeMemberUndocumented, "enum %s lacks the metadata's member%s %s; add %s to the enum's table", d.Name, plural(len(missing)), quoteList(missing), them(len(missing)))
	}
}

func (c *checker) structured(d *model.Type, mt *csdl.Type, recall, prec, types *Measure) {
	for _, p := range d.Properties {
		if p == nil || p.InheritedFrom != "" {
			continue
		}
		prec.Den++
		mp, owner := c.md.FindProperty(mt, p.Name)
		if mp == nil {
			c.report(p.Pos, CodePropertyUnknown, "property %s of %s is not in the metadata (nor on a base type); fix its name, move the row to the type that has it, or remove it", p.Name, d.Name)
			continue
		}
		prec.Num++
		if mp.Name != p.Name {
			c.report(p.Pos, CodeNameCase, "property %s of %s is spelt %s in the metadata (%s); write it exactly as the metadata does", p.Name, d.Name, mp.Name, owner.Name)
		}
		if p.Name == "" || p.TypeRef.Name == "" || p.TypeRef.Name == model.JSONType {
			continue
		}
		types.Den++
		if c.sameType(p.TypeRef, mp.Type) {
			types.Num++
			continue
		}
		c.report(p.Pos, CodePropertyType, "property %s of %s is documented as %s but the metadata types it %s; fix the Type cell", p.Name, d.Name, p.TypeRef.String(), mp.Type.String())
	}
	var missing []string
	for _, mp := range mt.Properties {
		recall.Den++
		// The docs' entity type has its key from its root (the id row
		// of its page moves there), whatever kind the metadata says.
		ok := d.Kind == model.EntityType && d.Key != "" && strings.EqualFold(mp.Name, d.Key)
		for _, p := range d.Properties {
			if p != nil && strings.EqualFold(p.Name, mp.Name) {
				ok = true
				break
			}
		}
		if ok {
			recall.Num++
		} else {
			kind := ""
			if mp.Navigation {
				kind = " (relationship)"
			}
			missing = append(missing, mp.Name+" "+mp.Type.String()+kind)
		}
	}
	if len(missing) > 0 {
		c.report(d.Pos, CodePropertyUndocumented, "type %s lacks the metadata's propert%s %s; add %s to the type's Properties or Relationships table",
			d.Name, pluralY(len(missing)), strings.Join(missing, ", "), them(len(missing)))
	}
}

// sameType compares a documented type with the metadata's: collection
// flags equal and names equal ignoring case. A docgen-named enum (the
// docs wrote a primitive with a value list) stands for Edm.String.
func (c *checker) sameType(doc model.TypeRef, md csdl.TypeRef) bool {
	if doc.Collection != md.Collection {
		return false
	}
	name := doc.Name
	if t := c.pkg.Type(name); t != nil && t.Synthesized {
		name = "Edm.String"
	}
	if strings.EqualFold(name, md.Name) {
		return true
	}
	// The metadata may name a type through an alias the docs never use.
	if mt := c.md.Type(md.Name); mt != nil && strings.EqualFold(mt.Name, name) {
		return true
	}
	return false
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func pluralY(n int) string {
	if n == 1 {
		return "y"
	}
	return "ies"
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

func an(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "n"
	}
	return ""
}

// base compares the base type the docs give d with the metadata's. A base
// the pages state is compared (CodeBaseType when it differs); a base they
// do not state (none, or assumed by docgen) is the docs' silence, reported
// with CodeBaseUnstated when the metadata has another base than docgen reads.
func (c *checker) base(d *model.Type, mt *csdl.Type, bases *Measure, unstated *int) {
	kind := ""
	if mk := mt.Kind.String(); mk != d.Kind.String() {
		kind = fmt.Sprintf(" (the docs read as a%s %s type, the metadata declares a%s %s type)", an(d.Kind.String()), d.Kind, an(mk), mk)
	}
	stated := d.Base != "" && !d.BaseAssumed
	if !stated && mt.Base != "" {
		*unstated++
		if d.BaseAssumed && strings.EqualFold(d.Base, mt.Base) {
			return // docgen's assumption is right; the page should still say so
		}
		reading := "reads it with no base"
		if d.BaseAssumed {
			reading = "assumes " + d.Base
		}
		c.report(d.Pos, CodeBaseUnstated, "type %s: no page states its base type (docgen %s) but the metadata says %s%s; state the base on the type's page (\"Inherits from [%s](%s.md).\")",
			d.Name, reading, mt.Base, kind, shortName(mt.Base), strings.ToLower(shortName(mt.Base)))
		return
	}
	bases.Den++
	have := d.Base
	if !stated {
		have = ""
	}
	if strings.EqualFold(have, mt.Base) {
		bases.Num++
		return
	}
	want, shown := mt.Base, have
	if want == "" {
		want = "none"
	}
	if shown == "" {
		shown = "none"
	}
	c.report(d.Pos, CodeBaseType, "type %s has base type %s in the docs but %s in the metadata%s; state the base on the type's page", d.Name, shown, want, kind)
}

// shortName is a qualified name's last segment.
func shortName(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i+1:]
	}
	return name
}
