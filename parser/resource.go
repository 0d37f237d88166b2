package parser

import (
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// mdColumns maps the columns of a typed or enum table, found by normalised
// header text rather than position.
type mdColumns struct {
	name, typ, desc, req, value int
}

// tableColumns finds the columns of t by their normalised headers (-1
// where there is none).
func tableColumns(t *mdTable) mdColumns {
	c := mdColumns{
		name: t.column("property", "property name", "name", "parameter", "parameter name", "relationship",
			"relationship name", "query parameter", "header", "header name", "request header", "field", "member"),
		typ:  t.column("type", "data type", "property type", "return type"),
		desc: t.column("description", "remarks", "details", "notes", "comments"),
		req:  t.columnPrefix("required"),
	}
	c.value = t.column("value", "values")
	if c.name < 0 {
		c.name = 0
	}
	return c
}

// cleanName reads a property-name cell: bold and code marks removed, a
// trailing note such as "(deprecated)" dropped.
func cleanName(s string) string {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "*`"))
	if i := indexNameEnd(s); i > 0 {
		rest := strings.TrimSpace(s[i:])
		if strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "[") {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s)
}

// indexNameEnd is strings.IndexAny(s, " (\u00a0") without decoding
// runes: neither byte of U+00A0 nor an ASCII byte is ever inside another
// rune (nor decoded with an invalid byte before it).
func indexNameEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '(':
			return i
		case 0xc2:
			if i+1 < len(s) && s[i+1] == 0xa0 {
				return i
			}
		}
	}
	return -1
}

// propertyRow reads one row of a typed table. It returns nil for rows that
// are not properties (section separators, empty names).
func (p *page) propertyRow(t *mdTable, r *mdRow, c mdColumns, nav bool, prio int) (*model.Property, *contrib) {
	nameCell := r.mdCell(c.name)
	name := cleanName(nameCell.text)
	if name == "" {
		return nil, nil
	}
	if strings.HasPrefix(nameCell.raw, "**") && strings.TrimSpace(r.mdCell(c.typ).text) == "" && strings.TrimSpace(r.mdCell(c.desc).text) == "" {
		return nil, nil // "**Section**" separator row
	}
	prop := &model.Property{Name: name, Navigation: nav, Pos: r.pos}
	descCell := r.mdCell(c.desc)
	prop.Description = descCell.text
	prop.Deprecated = rowDeprecation(nameCell.text, descCell.text)
	if c.typ >= 0 {
		typeCell := r.mdCell(c.typ)
		cellText := typeCell.text
		dest, nLinks := "", 0
		for _, l := range typeCell.links {
			if isPageLink(l.Dest) {
				dest = l.Dest
				nLinks++
			}
		}
		if len(typeCell.links) == 0 {
			if txt, d, ok := recoverLink(cellText); ok {
				p.diag(r.pos, CodeLinkBroken,
					"Type cell "+strconv.Quote(cellText)+" of "+strconv.Quote(name)+" holds a malformed link; docgen read it as "+strconv.Quote(txt)+"; write it as [type](type.md)")
				cellText, dest, nLinks = txt, d, 1
			}
		}
		ref, note := NormalizeType(cellText, p.ns)
		if nLinks == 1 && !note.Unknown && len(note.Union) == 0 {
			p.linkType(ref.Name, dest)
		}
		prop.TypeRef = ref
		switch {
		case note.Empty:
			p.diag(r.pos, CodeTypeUnknown,
				"row "+strconv.Quote(name)+" has an empty Type cell (is a description broken over two lines?); put the row on one line and name the type")
		case note.Unknown:
			p.diag(r.pos, CodeTypeUnknown,
				"cannot read the Type cell "+strconv.Quote(cellText)+" of "+strconv.Quote(name)+"; write a primitive (String, Int32, …) or a type name, optionally followed by \"collection\"")
		}
		if len(note.Union) > 0 {
			p.diag(r.pos, CodeTypeUnion,
				"Type cell of "+strconv.Quote(name)+" names alternatives ("+strings.Join(note.Union, ", ")+"); document one type (a common base type) and describe the alternatives in prose")
		}
		if note.Spelling != "" {
			p.diag(r.pos, CodeTypeSpelling,
				"Type cell "+strconv.Quote(note.Spelling)+" is an unusual spelling of "+ref.String()+"; write it as the canonical name")
		}
	}
	m := RowMarkers(descCell.text)
	prop.Required, prop.Optional, prop.ReadOnly, prop.Nullable = m.Required, m.Optional, m.ReadOnly, m.Nullable
	if c.req >= 0 {
		switch strings.ToLower(strings.Trim(strings.TrimSpace(r.mdCell(c.req).text), ".*")) {
		case "yes", "y", "true", "required":
			prop.Required = true
		case "no", "n", "false", "optional":
			prop.Optional = true
		}
	}
	if inh := InheritedFrom(descCell.raw); inh != "" {
		prop.InheritedFrom = qualify(inh, p.ns)
	}
	var enum *contrib
	if vals := EnumValuesFromProse(descCell.raw); len(vals) > 0 {
		if prop.Name != "" && (prop.TypeRef.Name == "" || prop.IsPrimitive() || prop.TypeRef.Name == model.JSONType) {
			prop.Values = vals
		} else {
			e := &model.Type{Name: prop.TypeRef.Name, Kind: model.EnumType, Pos: r.pos}
			e.Members = membersFromNames(vals, r.pos)
			enum = &contrib{t: e, prio: prio, hasMembers: true, membersSrc: r.pos}
		}
	}
	return prop, enum
}

// recoverLink reads a Type cell whose link goldmark did not parse: a link
// missing its ")" ("[x](x.md") or a reference link without a definition
// ("[x][] resource"). It returns the cell with the link reduced to its text
// and the link's destination ("" for a reference).
func recoverLink(s string) (text, dest string, ok bool) {
	open := strings.IndexByte(s, '[')
	if open < 0 {
		return "", "", false
	}
	end := strings.IndexByte(s[open:], ']')
	if end < 0 {
		return "", "", false
	}
	end += open
	name := s[open+1 : end]
	rest := s[end+1:]
	switch {
	case strings.HasPrefix(rest, "("):
		if k := strings.IndexByte(rest, ')'); k >= 0 {
			dest, rest = rest[1:k], rest[k+1:]
		} else {
			dest, rest = rest[1:], ""
			if k := strings.IndexAny(dest, " \t"); k >= 0 {
				dest, rest = dest[:k], dest[k:]
			}
		}
	case strings.HasPrefix(rest, "["):
		k := strings.IndexByte(rest, ']')
		if k < 0 {
			return "", "", false
		}
		rest = rest[k+1:]
	default:
		return "", "", false
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return "", "", false
	}
	return strings.TrimSpace(s[:open] + name + rest), strings.TrimSpace(dest), true
}

// typedRows reads the rows of a typed table into properties; rows an
// "Inherited from" description moves to another type go to moved.
func (p *page) typedRows(b *mdBlock, nav bool, prio int) (props []*model.Property, enums []*contrib) {
	c := tableColumns(b.mdTable)
	for _, r := range b.mdTable.rows() {
		if name := cleanName(r.mdCell(c.name).text); c.typ >= 0 && len(props) > 0 && !isPropertyName(name) && strings.TrimSpace(r.mdCell(c.typ).text) == "" {
			// A description broken over two lines: the second line
			// became a row of its own. Give its text back.
			p.diag(r.pos, CodeTypeUnknown,
				"this row continues the description of "+strconv.Quote(props[len(props)-1].Name)+" on a new line; keep each row on one line (use <br> for line breaks)")
			last := props[len(props)-1]
			last.Description = strings.TrimSpace(last.Description + " " + r.mdCell(c.name).text)
			continue
		}
		prop, e := p.propertyRow(b.mdTable, r, c, nav, prio)
		if prop == nil {
			continue
		}
		props = append(props, prop)
		if e != nil {
			enums = append(enums, e)
		}
	}
	return props, enums
}

// resourcePage reads a resource page's type.
func (p *page) resourcePage() {
	var resAnn *model.Annotation
	for _, a := range p.annots {
		if a.BlockType == "resource" {
			resAnn = a
			break
		}
	}
	name := ""
	if resAnn != nil && resAnn.ODataType != "" {
		name = strings.TrimSuffix(strings.TrimPrefix(resAnn.ODataType, "Collection("), ")")
	}
	h1 := strings.TrimSpace(p.page.Title)
	lower := strings.ToLower(h1)
	complexH1 := false
	if name == "" {
		for _, suf := range []string{" resource type (deprecated)", " resource type", " complex type", " resource (deprecated)", " resource"} {
			if strings.HasSuffix(lower, suf) {
				name = strings.TrimSpace(h1[:len(h1)-len(suf)])
				break
			}
		}
		name = strings.Trim(name, "`*")
	}
	complexH1 = strings.HasSuffix(lower, " complex type")
	if !isDottedName(strings.TrimPrefix(name, "#")) {
		return
	}
	qn := qualify(name, p.ns)
	p.res.defines = qn
	t := &model.Type{Name: qn, Kind: model.ComplexType, Description: p.firstParagraph()}
	switch {
	case p.h1 != nil:
		t.Pos = p.h1.pos
	case resAnn != nil:
		t.Pos = resAnn.Pos
	}
	c := &contrib{t: t, prio: prioDefinition}
	if complexH1 {
		c.kindKnown = true
	}
	if resAnn != nil {
		t.Abstract, t.OpenType = resAnn.Abstract, resAnn.OpenType
		if resAnn.KeyProperty != "" {
			t.Key = resAnn.KeyProperty
			t.Kind = model.EntityType
			c.kindKnown = true
		}
		c.noBase = resAnn.BaseTypeNull
		if resAnn.BaseType != "" && !resAnn.BaseTypeNull {
			t.Base = qualify(resAnn.BaseType, p.ns)
			c.baseSrc = resAnn.Pos
		}
	}
	if base, pos := p.proseBase(); base != "" {
		if t.Base != "" && !strings.EqualFold(t.Base, base) {
			p.diag(pos, CodeBaseConflict,
				"the page says "+qn+" inherits from "+base+" but its resource annotation at "+c.baseSrc.String()+" says "+t.Base+"; make them agree")
			if t.Base == model.EntityBase {
				// microsoft.graph.entity is the annotation stub's default
				// root: the prose names the more specific base, and that
				// is the one the reader sees.
				t.Base, c.baseSrc = base, pos
			}
		} else if t.Base == "" {
			t.Base, c.baseSrc = base, pos
		}
	}
	p.res.contribs = append(p.res.contribs, c)
	moved := map[string]*contrib{}
	var movedOrder []string
	for _, b := range p.blocks {
		if b.kind != bTable {
			continue
		}
		sec := p.sectionOf(b)
		if sec == secSkip && methodsTable(b) {
			c.addressable = true
			continue
		}
		if sec != secProperties && sec != secRelationships {
			continue
		}
		if !b.mdTable.typed() {
			continue
		}
		if c := tableColumns(b.mdTable); c.name == c.typ {
			// "Type | Description" (a "### Derived types" list): the
			// rows name types, not properties.
			continue
		}
		if pr := valueSchemaOf(b, t.Properties); pr != nil {
			// "### Properties of a claims-mapping policy definition":
			// the members of the JSON a string property holds, not
			// properties of the type.
			continue
		}
		props, enums := p.typedRows(b, sec == secRelationships, prioProseOnPage)
		p.res.contribs = append(p.res.contribs, enums...)
		for _, pr := range props {
			if pr.InheritedFrom != "" && pr.InheritedFrom != qn {
				mc := moved[pr.InheritedFrom]
				if mc == nil {
					mc = &contrib{t: &model.Type{Name: pr.InheritedFrom, Kind: model.ComplexType, Pos: pr.Pos}, prio: prioInherited}
					moved[pr.InheritedFrom] = mc
					movedOrder = append(movedOrder, pr.InheritedFrom)
				}
				cp := *pr
				cp.InheritedFrom = ""
				mc.t.Properties = appendProp(mc.t.Properties, &cp)
				if cp.Name == "id" {
					mc.hasID = true
				}
				continue
			}
			if sec == secRelationships {
				// Navigation properties are an entity's: the page
				// treats the type as an addressable resource.
				c.addressable = true
			}
			if pr.Name == "id" && resAnn == nil {
				// Without an annotation an id row is the best entity
				// evidence; with one, keyProperty decides (complex types
				// such as identity have an id too).
				c.hasID = true
			}
			t.Properties = appendProp(t.Properties, pr)
		}
	}
	// "Inherited from" rows name the declaring ancestor of each row, root
	// first (Intune repeats the whole chain): ancestors in order of first
	// appearance form the chain root → … → this type.
	for i := 1; i < len(movedOrder); i++ {
		mc := moved[movedOrder[i]]
		mc.t.Base = movedOrder[i-1]
		mc.baseSrc = mc.t.Pos
	}
	if n := len(movedOrder); n > 0 && t.Base == "" {
		t.Base = movedOrder[n-1]
		c.baseSrc = moved[movedOrder[n-1]].t.Pos
	}
	for _, n := range movedOrder {
		p.res.contribs = append(p.res.contribs, moved[n])
	}
	p.derivedTypes(qn)
	p.pageExamples(qn, t)
}

// methodsTable reports whether b is the table of a "Methods" section that
// links API pages ("[Get x](../api/x-get.md)"): operations addressing the
// page's type.
func methodsTable(b *mdBlock) bool {
	if b.section == nil || !strings.HasPrefix(strings.ToLower(strings.TrimSpace(b.section.txt())), "method") {
		return false
	}
	for _, r := range b.mdTable.rows() {
		for _, l := range r.mdCell(0).links {
			if strings.Contains(l.Dest, "api/") && strings.Contains(l.Dest, ".md") {
				return true
			}
		}
	}
	return false
}

// appendProp appends pr unless a property of that name is there.
func appendProp(props []*model.Property, pr *model.Property) []*model.Property {
	for _, q := range props {
		if q.Name == pr.Name {
			return props
		}
	}
	return append(props, pr)
}

// basePhrases introduce a base type in a page's intro, in the order they
// are looked for: "Inherits from [entity](entity.md).", "A subclass of
// [educationResource](educationresource.md).", "This resource is the
// derivative of [x](x.md).".
var basePhrases = []string{"inherits from", "derived from", "inherited from", "derives from", "derivative of", "subclass of"}

// proseBase reads "Inherits from [x]" / "derived from [x]" / "A subclass of
// [x]" (basePhrases) in the intro.
func (p *page) proseBase() (string, model.Pos) {
	for _, ip := range p.intro() {
		lower := strings.ToLower(ip.text)
		i := -1
		for _, phrase := range basePhrases {
			if i = strings.Index(lower, phrase); i >= 0 {
				break
			}
		}
		if i < 0 {
			continue
		}
		after := ip.text[i:]
		best, bestDest, bestAt := "", "", -1
		for _, l := range ip.b.lnk() {
			at := strings.Index(after, l.Text)
			name := strings.ReplaceAll(l.Text, " ", "")
			if l.Text == "" || at < 0 || !isDottedName(name) {
				continue
			}
			if bestAt < 0 || at < bestAt || (at == bestAt && len(name) > len(best)) {
				best, bestDest, bestAt = name, l.Dest, at
			}
		}
		if best != "" {
			q := qualify(lowerFirst(best), p.ns)
			if isPageLink(bestDest) {
				// The linked page names the type (resolveLinks).
				p.linkType(q, bestDest)
			}
			return q, ip.b.pos
		}
		if len(ip.b.lnk()) > 0 {
			continue
		}
		f := strings.Fields(after)
		if len(f) >= 4 {
			switch strings.ToLower(f[2]) {
			case "the", "a", "an":
				f = append(f[:2], f[3:]...)
			}
		}
		if len(f) >= 3 {
			w := strings.Trim(f[2], ".,;:*`")
			// "inherits from base policy type" names no type; nor does a
			// prose word ("derived from another", "from a single ...").
			// A bare name is a type when it reads as one (typeLikeWord);
			// the intro's text has its code and bold marks removed, so
			// a marked-up single word is looked for in the Markdown.
			if lw := strings.ToLower(w); lw == "base" || lw == "abstract" {
				continue
			}
			if isDottedName(w) && (typeLikeWord(w) || markedUp(ip.b.rawText(), w)) {
				return qualify(lowerFirst(w), p.ns), ip.b.pos
			}
		}
	}
	return "", model.Pos{}
}

// lowerFirst lower-cases a leading capital followed by a lower-case letter
// ("DomainDnsRecord" → "domainDnsRecord"): Graph type names are lower
// camel case, prose often capitalises them.
func lowerFirst(s string) string {
	if len(s) >= 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'a' && s[1] <= 'z' {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

// isPropertyName reports whether s can be a property, parameter or
// instance-annotation name ("id", "@odata.type", "$top", "connection-id").
func isPropertyName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !identByte(c) && c != '@' && c != '.' && c != '-' && c != '$' && c != ':' {
			return false
		}
	}
	return true
}

// markedUp reports whether raw Markdown writes w in code or bold ("`entity`",
// "**entity**"): how pages mark a one-word type name in prose.
func markedUp(raw, w string) bool {
	return strings.Contains(raw, "`"+w+"`") || strings.Contains(raw, "**"+w+"**")
}

// valueSchemaOf reports the property whose value a table documents rather
// than the type: a table under a sub-heading (level 3 or deeper) of the
// Properties section whose heading names a primitive-typed property already
// read ("### Properties of a token lifetime policy definition" after a
// "definition | String collection" row) lists the members of the JSON that
// string holds. It returns nil for tables of the type itself.
func valueSchemaOf(b *mdBlock, props []*model.Property) *model.Property {
	h := b.section
	if h == nil || h.level < 3 || h == b.h2 {
		return nil
	}
	for _, w := range strings.Fields(h.txt()) {
		w = strings.Trim(w, ".,:;*`'\"()")
		for _, pr := range props {
			if pr.IsPrimitive() && strings.EqualFold(pr.Name, w) {
				return pr
			}
		}
	}
	return nil
}

// derivedTypes reads a "Derived types" table of the resource page of qn
// ("| Type | Description |" rows that link the derived types' pages): each
// row states that its type derives from qn. It is a weak statement, used
// only when the derived type's own pages name no base.
func (p *page) derivedTypes(qn string) {
	for _, b := range p.blocks {
		if b.kind != bTable || b.section == nil || !strings.Contains(strings.ToLower(b.section.txt()), "derived types") {
			continue
		}
		c := tableColumns(b.mdTable)
		if c.name != c.typ {
			continue
		}
		for _, r := range b.mdTable.rows() {
			cell := r.mdCell(c.name)
			if len(cell.links) != 1 || !isPageLink(cell.links[0].Dest) {
				continue
			}
			name := strings.Trim(strings.TrimSpace(cell.links[0].Text), "*`")
			if !isDottedName(name) {
				continue
			}
			dn := qualify(lowerFirst(name), p.ns)
			if dn == qn {
				continue
			}
			p.linkType(dn, cell.links[0].Dest)
			d := &model.Type{Name: dn, Kind: model.ComplexType, Pos: r.pos, Base: qn}
			p.res.contribs = append(p.res.contribs, &contrib{t: d, prio: prioInherited, baseSrc: r.pos})
		}
	}
}
