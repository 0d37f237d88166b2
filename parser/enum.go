package parser

import (
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// enumPage reads an enum page (Intune "x enum type", enums.md).
func (p *page) enumPage() {
	name := ""
	h1 := strings.TrimSpace(p.page.Title)
	if strings.HasSuffix(strings.ToLower(h1), " enum type") {
		name = strings.Trim(strings.TrimSpace(h1[:len(h1)-len(" enum type")]), "`*")
	}
	p.enumTables(name)
	if name != "" && isDottedName(name) {
		p.res.defines = qualify(name, p.ns)
	}
	p.pageExamples("", nil)
}

// enumName reads an enum section heading ("chatType values").
func enumName(h string) (string, bool) {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(h), "*"))
	lower := strings.ToLower(t)
	flags := strings.HasSuffix(lower, " flags")
	for _, suf := range []string{" enumeration values", " enum values", " values", " enumeration", " members", " flags"} {
		if strings.HasSuffix(lower, suf) {
			n := strings.Trim(strings.TrimSpace(t[:len(t)-len(suf)]), "`*")
			if isDottedName(n) {
				return n, flags
			}
			return "", false
		}
	}
	return "", false
}

// enumTables reads enum tables: `### x values` tables anywhere, and
// `## Members` tables of an enum page named def.
func (p *page) enumTables(def string) {
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
		name, flags := enumName(b.section.txt())
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
			valCol = intColumn(t, nameCol, descCol)
		}
		e := &model.Type{Name: qualify(name, p.ns), Kind: model.EnumType, Pos: t.pos, Flags: flags, Description: desc}
		allPow2, nonzero := true, 0
		for _, r := range t.rows() {
			mn := cleanName(r.mdCell(nameCol).text)
			if mn == "" || !isWord(strings.ReplaceAll(mn, "-", "_")) {
				continue
			}
			m := &model.EnumMember{Name: mn, Pos: r.pos, Description: r.mdCell(descCol).text}
			m.Deprecated = rowDeprecation(r.mdCell(nameCol).text, m.Description)
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
		if def == "" && p.primitiveValues(e) {
			continue
		}
		if allPow2 && nonzero >= 3 && maxValue(e.Members) >= 4 {
			e.Flags = true
		}
		e.Evolvable = markSentinel(e.Members)
		p.res.contribs = append(p.res.contribs, &contrib{t: e, prio: prioDefinition, kindKnown: true, hasMembers: true, membersSrc: t.pos})
	}
}

// sectionIntro returns the paragraphs between the heading of the section
// blocks[i] is in and blocks[i], joined by spaces: the description of the
// enum a "### x values" table lists.
func (p *page) sectionIntro(i int) string {
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
func intColumn(t *mdTable, nameCol, descCol int) int {
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

// maxValue returns the largest explicit member value (0 when there is
// none above 0).
func maxValue(ms []*model.EnumMember) int64 {
	var m int64
	for _, x := range ms {
		if x.Value != nil && *x.Value > m {
			m = *x.Value
		}
	}
	return m
}

// membersFromNames builds enum members from a list of names.
func membersFromNames(names []string, pos model.Pos) []*model.EnumMember {
	var ms []*model.EnumMember
	for _, n := range names {
		ms = append(ms, &model.EnumMember{Name: n, Pos: pos})
	}
	markSentinel(ms)
	return ms
}

// markSentinel sets AfterSentinel on members after unknownFutureValue and
// reports whether the sentinel is present.
func markSentinel(ms []*model.EnumMember) bool {
	after := false
	for _, m := range ms {
		m.AfterSentinel = after
		if m.Name == model.SentinelMember {
			after = true
		}
	}
	return after
}

// primitiveValues handles an enum table whose heading names a property of
// the page rather than a type ("## State Enumeration" under a "state |
// string" row): when no property of the page has the heading's name as its
// type but one property has it as its name and a primitive type, the table
// lists that property's values (its Values, when it has none yet) and names
// no type. It reports whether it did so.
func (p *page) primitiveValues(e *model.Type) bool {
	short := shortName(e.Name)
	var named *model.Property
	for _, c := range p.res.contribs {
		if c.t.Kind == model.EnumType {
			continue
		}
		for _, pr := range c.t.Properties {
			if strings.EqualFold(pr.TypeRef.Name, e.Name) {
				return false
			}
			if named == nil && strings.EqualFold(pr.Name, short) && pr.IsPrimitive() {
				named = pr
			}
		}
	}
	if named == nil {
		return false
	}
	if len(named.Values) == 0 {
		for _, m := range e.Members {
			named.Values = append(named.Values, m.Name)
		}
	}
	return true
}
