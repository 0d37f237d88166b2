package parser

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// columns maps the columns of a typed or enum table, found by normalised
// header text rather than position.
type mdColumns struct {
	name, typ, desc, req, value int
}

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
func pgCleanName(s string) string {
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
func (p *pgPage) propertyRow(t *mdTable, r *mdRow, c mdColumns, nav bool, prio int) (*model.Property, *pgContrib) {
	nameCell := r.mdCell(c.name)
	name := pgCleanName(nameCell.text)
	if name == "" {
		return nil, nil
	}
	if strings.HasPrefix(nameCell.raw, "**") && strings.TrimSpace(r.mdCell(c.typ).text) == "" && strings.TrimSpace(r.mdCell(c.desc).text) == "" {
		return nil, nil // "**Section**" separator row
	}
	prop := &model.Property{Name: name, Navigation: nav, Pos: r.pos}
	descCell := r.mdCell(c.desc)
	prop.Description = descCell.text
	if c.typ >= 0 {
		typeCell := r.mdCell(c.typ)
		cellText := typeCell.text
		dest, nLinks := "", 0
		for _, l := range typeCell.links {
			if pgIsPageLink(l.Dest) {
				dest = l.Dest
				nLinks++
			}
		}
		if len(typeCell.links) == 0 {
			if txt, d, ok := pgRecoverLink(cellText); ok {
				p.diag(r.pos, model.Warning, "link-broken",
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
			p.diag(r.pos, model.Warning, "type-unknown",
				"row "+strconv.Quote(name)+" has an empty Type cell (is a description broken over two lines?); put the row on one line and name the type")
		case note.Unknown:
			p.diag(r.pos, model.Warning, "type-unknown",
				"cannot read the Type cell "+strconv.Quote(cellText)+" of "+strconv.Quote(name)+"; write a primitive (String, Int32, …) or a type name, optionally followed by \"collection\"")
		}
		if len(note.Union) > 0 {
			p.diag(r.pos, model.Warning, "type-union",
				"Type cell of "+strconv.Quote(name)+" names alternatives ("+strings.Join(note.Union, ", ")+"); document one type (a common base type) and describe the alternatives in prose")
		}
		if note.Spelling != "" {
			p.diag(r.pos, model.Info, "type-spelling",
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
	if inh := InheritedFrom(descCell.text); inh != "" {
		prop.InheritedFrom = pgQualify(inh, p.ns)
	}
	var enum *pgContrib
	if vals := EnumValuesFromProse(descCell.raw); len(vals) > 0 {
		if prop.Name != "" && (prop.TypeRef.Name == "" || prop.IsPrimitive() || prop.TypeRef.Name == model.JSONType) {
			prop.Values = vals
		} else {
			e := &model.Type{Name: prop.TypeRef.Name, Kind: model.EnumType, Pos: r.pos}
			e.Members = pgMembersFromNames(vals, r.pos)
			enum = &pgContrib{t: e, prio: prio, hasMembers: true, membersSrc: r.pos}
		}
	}
	return prop, enum
}

// recoverLink reads a Type cell whose link goldmark did not parse: a link
// missing its ")" ("[x](x.md") or a reference link without a definition
// ("[x][] resource"). It returns the cell with the link reduced to its text
// and the link's destination ("" for a reference).
func pgRecoverLink(s string) (text, dest string, ok bool) {
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

// membersFromNames builds enum members from a list of names.
func pgMembersFromNames(names []string, pos model.Pos) []*model.EnumMember {
	var ms []*model.EnumMember
	for _, n := range names {
		ms = append(ms, &model.EnumMember{Name: n, Pos: pos})
	}
	pgMarkSentinel(ms)
	return ms
}

// markSentinel sets AfterSentinel on members after unknownFutureValue and
// reports whether the sentinel is present.
func pgMarkSentinel(ms []*model.EnumMember) bool {
	after := false
	for _, m := range ms {
		m.AfterSentinel = after
		if m.Name == model.SentinelMember {
			after = true
		}
	}
	return after
}

// typedRows reads the rows of a typed table into properties; rows an
// "Inherited from" description moves to another type go to moved.
func (p *pgPage) typedRows(b *mdBlock, nav bool, prio int) (props []*model.Property, enums []*pgContrib) {
	c := tableColumns(b.mdTable)
	for _, r := range b.mdTable.rows() {
		if name := pgCleanName(r.mdCell(c.name).text); c.typ >= 0 && len(props) > 0 && !isPropertyName(name) && strings.TrimSpace(r.mdCell(c.typ).text) == "" {
			// A description broken over two lines: the second line
			// became a row of its own. Give its text back.
			p.diag(r.pos, model.Warning, "type-unknown",
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
func (p *pgPage) resourcePage() {
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
	if !pgIsQualified(strings.TrimPrefix(name, "#")) {
		return
	}
	qn := pgQualify(name, p.ns)
	p.res.defines = qn
	t := &model.Type{Name: qn, Kind: model.ComplexType, Description: p.firstParagraph()}
	switch {
	case p.h1 != nil:
		t.Pos = p.h1.pos
	case resAnn != nil:
		t.Pos = resAnn.Pos
	}
	c := &pgContrib{t: t, prio: prioDefinition}
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
		if resAnn.BaseType != "" && !resAnn.BaseTypeNull {
			t.Base = pgQualify(resAnn.BaseType, p.ns)
			c.baseSrc = resAnn.Pos
		}
	}
	if base, pos := p.proseBase(); base != "" {
		if t.Base != "" && !strings.EqualFold(t.Base, base) {
			p.diag(pos, model.Warning, "base-conflict",
				"the page says "+qn+" inherits from "+base+" but its resource annotation at "+c.baseSrc.String()+" says "+t.Base+"; make them agree")
		} else if t.Base == "" {
			t.Base, c.baseSrc = base, pos
		}
	}
	p.res.contribs = append(p.res.contribs, c)
	moved := map[string]*pgContrib{}
	var movedOrder []string
	for _, b := range p.blocks {
		if b.kind != bTable {
			continue
		}
		sec := p.sectionOf(b)
		if sec != secProperties && sec != secRelationships {
			continue
		}
		if !b.mdTable.typed() {
			continue
		}
		props, enums := p.typedRows(b, sec == secRelationships, prioProseOnPage)
		p.res.contribs = append(p.res.contribs, enums...)
		for _, pr := range props {
			if pr.InheritedFrom != "" && pr.InheritedFrom != qn {
				mc := moved[pr.InheritedFrom]
				if mc == nil {
					mc = &pgContrib{t: &model.Type{Name: pr.InheritedFrom, Kind: model.ComplexType, Pos: pr.Pos}, prio: prioInherited}
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
	p.pageExamples(qn, t)
}

// appendUnique appends pr unless a property of that name is there.
func appendProp(props []*model.Property, pr *model.Property) []*model.Property {
	for _, q := range props {
		if q.Name == pr.Name {
			return props
		}
	}
	return append(props, pr)
}

// proseBase reads "Inherits from [x]" / "derived from [x]" / "A subclass of
// [x]" in the intro.
func (p *pgPage) proseBase() (string, model.Pos) {
	for _, ip := range p.intro() {
		lower := strings.ToLower(ip.text)
		i := strings.Index(lower, "inherits from")
		if i < 0 {
			i = strings.Index(lower, "derived from")
		}
		if i < 0 {
			i = strings.Index(lower, "inherited from")
		}
		if i < 0 {
			// "A subclass of [educationResource](educationresource.md)."
			i = strings.Index(lower, "subclass of")
		}
		if i < 0 {
			continue
		}
		after := ip.text[i:]
		best, bestAt := "", -1
		for _, l := range ip.b.lnk() {
			at := strings.Index(after, l.Text)
			name := strings.ReplaceAll(l.Text, " ", "")
			if l.Text == "" || at < 0 || !pgIsQualified(name) {
				continue
			}
			if bestAt < 0 || at < bestAt || (at == bestAt && len(name) > len(best)) {
				best, bestAt = name, at
			}
		}
		if best != "" {
			return pgQualify(pgLowerFirst(best), p.ns), ip.b.pos
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
			// "inherits from base policy type" names no type.
			if lw := strings.ToLower(w); lw == "base" || lw == "abstract" {
				continue
			}
			if pgIsQualified(w) {
				return pgQualify(pgLowerFirst(w), p.ns), ip.b.pos
			}
		}
	}
	return "", model.Pos{}
}

// pageExamples collects the JSON blocks of a non-API page: resource
// representations and "example" blocks. t is the page's type, if any.
func (p *pgPage) pageExamples(typeName string, t *model.Type) {
	nRes, nEx := 0, 0
	for _, b := range p.blocks {
		if b.kind != bFence {
			continue
		}
		a := p.bound[b]
		kind := model.JSONExample
		switch {
		case a != nil && a.BlockType == "resource":
			kind = model.ResourceExample
		case a != nil && a.BlockType == "example":
		case a == nil && strings.EqualFold(b.info, "json") && b.section != nil &&
			strings.Contains(strings.ToLower(b.section.txt()), "json representation"):
			kind = model.ResourceExample
		case a == nil && strings.EqualFold(b.info, "json") && p.kind != model.APIPage:
		default:
			continue
		}
		ex := &model.Example{Kind: kind, Pos: b.pos, Annotation: a, PairIndex: -1}
		if kind == model.ResourceExample {
			nRes++
			ex.Name = "resource-" + itoa(nRes)
		} else {
			nEx++
			ex.Name = "example-" + itoa(nEx)
		}
		p.annotationNames(ex, a)
		ex.Body = b.fenceBody()
		if len(b.fenceLines()) > 0 {
			ex.BodyPos = b.fenceLines()[0].Pos
		} else {
			ex.BodyPos = b.pos
		}
		js := p.checkBody(ex, kind == model.ResourceExample && t != nil)
		switch {
		case a != nil && a.ODataType != "":
			ex.Type = p.odataRef(a.ODataType)
		case kind == model.ResourceExample && typeName != "":
			ex.Type = model.TypeRef{Name: typeName}
		}
		if a != nil {
			ex.Truncated = a.Truncated
			if a.IsCollection {
				ex.Type.Collection = true
			}
		}
		p.page.Examples = append(p.page.Examples, ex)
		if kind == model.ResourceExample && t != nil {
			p.jsonAlternatives(ex, t)
			p.jsonDerived(js, ex, t)
		}
	}
}

// annotationNames copies an annotation's name(s) to an example.
func (p *pgPage) annotationNames(ex *model.Example, a *model.Annotation) {
	if a == nil || len(a.Name) == 0 {
		return
	}
	ex.Name = a.Name[0]
	if len(a.Name) > 1 {
		ex.Names = append([]string(nil), a.Name...)
	}
}

// checkBody classifies an example body as JSON and finds placeholders.
func (p *pgPage) checkBody(ex *model.Example, wantJSON bool) []byte {
	if strings.TrimSpace(ex.Body) == "" {
		return nil
	}
	ct := strings.ToLower(ex.ContentType)
	if ct != "" && !strings.Contains(ct, "json") {
		return nil
	}
	if ph, ok := strictPlaceholders(ex.Body, ex.BodyPos); ok {
		// What CheckJSON and FindPlaceholders give strict JSON, in one
		// pass.
		ex.JSON = model.ValidJSON
		ex.Placeholders = ph
		if !wantJSON {
			return nil
		}
		return []byte(ex.Body)
	}
	state, js, diags := CheckJSON(ex.Body, ex.BodyPos)
	ex.JSON = state
	p.res.Diagnostics = append(p.res.Diagnostics, diags...)
	if js != nil {
		ex.Placeholders = FindPlaceholders(js, ex.Body, ex.BodyPos)
	}
	return js
}

// odataRef reads an annotation's @odata.type ("microsoft.graph.x",
// "Collection(microsoft.graph.x)", "#microsoft.graph.x", "stream").
func (p *pgPage) odataRef(s string) model.TypeRef {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "#"))
	ref, _ := NormalizeType(s, p.ns)
	return ref
}

// jsonAlternatives turns "a | b | c" placeholder strings of a resource
// representation into enum members (named enum property) or values
// (primitive property).
func (p *pgPage) jsonAlternatives(ex *model.Example, t *model.Type) {
	for _, ph := range ex.Placeholders {
		if ph.Kind != model.AlternativesPlaceholder || len(ph.Alternatives) == 0 {
			continue
		}
		name := strings.TrimPrefix(ph.Pointer, "/")
		if strings.Contains(name, "/") {
			continue
		}
		name = jsonpos.UnescapeToken(name)
		prop := t.Property(name)
		if prop == nil {
			continue
		}
		var alts []string
		truncated := strings.Contains(ph.Text, "...") || strings.Contains(ph.Text, "…")
		for _, a := range ph.Alternatives {
			a = strings.TrimSpace(a)
			if a == "" || a == "..." || strings.Contains(a, " ") {
				continue
			}
			alts = append(alts, a)
		}
		if len(alts) == 0 {
			continue
		}
		if prop.IsPrimitive() || prop.TypeRef.Name == "" {
			// "a | b | ..." shows some values only: it is not the list.
			if len(prop.Values) == 0 && !truncated {
				prop.Values = alts
			}
			continue
		}
		e := &model.Type{Name: prop.TypeRef.Name, Kind: model.EnumType, Pos: ph.Pos}
		e.Members = pgMembersFromNames(alts, ph.Pos)
		p.res.contribs = append(p.res.contribs, &pgContrib{t: e, prio: prioJSONAlts, hasMembers: true, membersSrc: ph.Pos})
	}
}

// enumPage reads an enum page (Intune "x enum type", enums.md).
func (p *pgPage) enumPage() {
	name := ""
	h1 := strings.TrimSpace(p.page.Title)
	if strings.HasSuffix(strings.ToLower(h1), " enum type") {
		name = strings.Trim(strings.TrimSpace(h1[:len(h1)-len(" enum type")]), "`*")
	}
	p.enumTables(name)
	if name != "" && pgIsQualified(name) {
		p.res.defines = pgQualify(name, p.ns)
	}
	p.pageExamples("", nil)
}

// enumName reads an enum section heading ("chatType values").
func pgEnumName(h string) (string, bool) {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(h), "*"))
	lower := strings.ToLower(t)
	flags := strings.HasSuffix(lower, " flags")
	for _, suf := range []string{" enumeration values", " enum values", " values", " enumeration", " members", " flags"} {
		if strings.HasSuffix(lower, suf) {
			n := strings.Trim(strings.TrimSpace(t[:len(t)-len(suf)]), "`*")
			if pgIsQualified(n) {
				return n, flags
			}
			return "", false
		}
	}
	return "", false
}

// enumTables reads enum tables: `### x values` tables anywhere, and
// `## Members` tables of an enum page named def.
func (p *pgPage) enumTables(def string) {
	for bi, b := range p.blocks {
		if b.kind != bTable || b.section == nil {
			continue
		}
		if b.section.headingKind() != secEnum {
			continue
		}
		t := b.mdTable
		if t.typed() {
			continue
		}
		name, flags := pgEnumName(b.section.txt())
		var desc string
		if name == "" {
			lower := strings.ToLower(strings.TrimSpace(b.section.txt()))
			if def == "" || (lower != "members" && lower != "enum values" && lower != "enumerated values") {
				continue
			}
			name = def
			desc = p.firstParagraph()
		} else {
			desc = p.sectionIntro(bi)
		}
		nameCol := t.column("member", "name", "enum member", "member name")
		valCol := t.column("value", "int value", "numeric value", "values")
		if nameCol < 0 {
			nameCol, valCol = valCol, -1
		}
		if nameCol < 0 {
			continue
		}
		descCol := t.column("description", "remarks", "details")
		if valCol < 0 {
			valCol = pgIntColumn(t, nameCol, descCol)
		}
		e := &model.Type{Name: pgQualify(name, p.ns), Kind: model.EnumType, Pos: t.pos, Flags: flags, Description: desc}
		allPow2, nonzero := true, 0
		for _, r := range t.rows() {
			mn := pgCleanName(r.mdCell(nameCol).text)
			if mn == "" || !pgIsIdent(strings.ReplaceAll(mn, "-", "_")) {
				continue
			}
			m := &model.EnumMember{Name: mn, Pos: r.pos, Description: r.mdCell(descCol).text}
			if valCol >= 0 {
				if v, err := strconv.ParseInt(strings.TrimSpace(r.mdCell(valCol).text), 0, 64); err == nil {
					m.Value = &v
					if v != 0 {
						nonzero++
						if v < 0 || v&(v-1) != 0 {
							allPow2 = false
						}
					}
				}
			}
			e.Members = append(e.Members, m)
		}
		if len(e.Members) == 0 {
			continue
		}
		if allPow2 && nonzero >= 3 && maxValue(e.Members) >= 4 {
			e.Flags = true
		}
		e.Evolvable = pgMarkSentinel(e.Members)
		p.res.contribs = append(p.res.contribs, &pgContrib{t: e, prio: prioDefinition, kindKnown: true, hasMembers: true, membersSrc: t.pos})
	}
}

// sectionIntro returns the paragraphs between the heading of the section
// blocks[i] is in and blocks[i], joined by spaces: the description of the
// enum a "### x values" table lists.
func (p *pgPage) sectionIntro(i int) string {
	b := p.blocks[i]
	var parts []string
	for j := i - 1; j >= 0 && p.blocks[j] != b.section; j-- {
		q := p.blocks[j]
		if q.kind != bPara || q.parent != b.parent || q.section != b.section {
			continue
		}
		t := strings.TrimSpace(q.txt())
		if t == "" || strings.HasPrefix(t, "[!INCLUDE") || strings.HasPrefix(t, "[!NOTE") || strings.HasPrefix(t, "Namespace:") {
			continue
		}
		parts = append(parts, t)
	}
	for l, r := 0, len(parts)-1; l < r; l, r = l+1, r-1 {
		parts[l], parts[r] = parts[r], parts[l]
	}
	return strings.Join(parts, " ")
}

// intColumn finds the value column of an enum table whose header does not
// say so ("Member|Member|Description"): the first other column whose
// non-empty cells are all integers. It returns -1 if there is none.
func pgIntColumn(t *mdTable, nameCol, descCol int) int {
	for c := range t.header {
		if c == nameCol || c == descCol {
			continue
		}
		ints := 0
		for _, r := range t.rows() {
			v := strings.TrimSpace(r.mdCell(c).text)
			if v == "" {
				continue
			}
			if _, err := strconv.ParseInt(v, 0, 64); err != nil {
				ints = -1
				break
			}
			ints++
		}
		if ints > 0 {
			return c
		}
	}
	return -1
}

func maxValue(ms []*model.EnumMember) int64 {
	var m int64
	for _, x := range ms {
		if x.Value != nil && *x.Value > m {
			m = *x.Value
		}
	}
	return m
}

// lowerFirst lower-cases a leading capital followed by a lower-case letter
// ("DomainDnsRecord" → "domainDnsRecord"): Graph type names are lower
// camel case, prose often capitalises them.
func pgLowerFirst(s string) string {
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

// jsonDerived reads inheritance from a resource representation: a member
// whose documented type is T but whose value (or array element) carries
// "@odata.type": "#microsoft.graph.X" with X ≠ T shows that X derives from
// T. It is the weakest inheritance signal (used only when no page states
// X's base).
func (p *pgPage) jsonDerived(js []byte, ex *model.Example, t *model.Type) {
	if js == nil || !bytes.Contains(js, []byte("@odata.type")) {
		return
	}
	// js is valid JSON: its top-level members are read by a cheap scan
	// unless a key needs decoding.
	ms, obj, plain := jsonpos.TopMembers(js)
	var top map[string]json.RawMessage
	if !plain {
		if json.Unmarshal(js, &top) != nil {
			return
		}
	} else if !obj {
		return
	}
	member := func(name string) ([]byte, bool) {
		if !plain {
			raw, ok := top[name]
			return raw, ok
		}
		return jsonpos.LastMember(ms, name)
	}
	seen := map[string]bool{}
	for _, prop := range t.Properties {
		if prop.TypeRef.Name == "" || prop.IsPrimitive() {
			continue
		}
		raw, ok := member(prop.Name)
		if !ok {
			continue
		}
		var vals []json.RawMessage
		if prop.Collection {
			if json.Unmarshal(raw, &vals) != nil {
				continue
			}
		} else {
			vals = []json.RawMessage{raw}
		}
		for _, v := range vals {
			var obj struct {
				Type string `json:"@odata.type"`
			}
			if json.Unmarshal(v, &obj) != nil || obj.Type == "" {
				continue
			}
			name := strings.TrimPrefix(strings.TrimSpace(obj.Type), "#")
			if !strings.HasPrefix(name, "microsoft.") || name == prop.TypeRef.Name || seen[name] {
				continue
			}
			// Examples often show the base type's name for a derived-typed
			// member, so the direction is only trusted when the names
			// agree: fileAttachment derives from attachment.
			if xs, ts := shortName(name), shortName(prop.TypeRef.Name); len(xs) <= len(ts) || !strings.HasSuffix(strings.ToLower(xs), strings.ToLower(ts)) {
				continue
			}
			seen[name] = true
			d := &model.Type{Name: name, Kind: model.ComplexType, Pos: ex.Pos, Base: prop.TypeRef.Name}
			p.res.contribs = append(p.res.contribs, &pgContrib{t: d, prio: prioJSONDerived, baseSrc: ex.Pos})
		}
	}
}

func shortName(q string) string {
	if i := strings.LastIndexByte(q, '.'); i >= 0 {
		return q[i+1:]
	}
	return q
}
