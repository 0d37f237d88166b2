package parser

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// pageExamples collects the JSON blocks of a non-API page: resource
// representations and "example" blocks. t is the page's type, if any.
func (p *page) pageExamples(typeName string, t *model.Type) {
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
			ex.Name = "resource-" + strconv.Itoa(nRes)
		} else {
			nEx++
			ex.Name = "example-" + strconv.Itoa(nEx)
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
func (p *page) annotationNames(ex *model.Example, a *model.Annotation) {
	if a == nil || len(a.Name) == 0 {
		return
	}
	ex.Name = a.Name[0]
	if len(a.Name) > 1 {
		ex.Names = append([]string(nil), a.Name...)
	}
}

// checkBody classifies an example body as JSON and finds placeholders.
func (p *page) checkBody(ex *model.Example, wantJSON bool) []byte {
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
func (p *page) odataRef(s string) model.TypeRef {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "#"))
	ref, _ := NormalizeType(s, p.ns)
	return ref
}

// jsonAlternatives turns "a | b | c" placeholder strings of a resource
// representation into enum members (named enum property) or values
// (primitive property).
func (p *page) jsonAlternatives(ex *model.Example, t *model.Type) {
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
		e.Members = membersFromNames(alts, ph.Pos)
		p.res.contribs = append(p.res.contribs, &contrib{t: e, prio: prioJSONAlts, hasMembers: true, membersSrc: ph.Pos})
	}
}

// jsonDerived reads inheritance from a resource representation: a member
// whose documented type is T but whose value (or array element) carries
// "@odata.type": "#microsoft.graph.X" with X ≠ T shows that X derives from
// T. It is the weakest inheritance signal (used only when no page states
// X's base).
func (p *page) jsonDerived(js []byte, ex *model.Example, t *model.Type) {
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
			p.res.contribs = append(p.res.contribs, &contrib{t: d, prio: prioJSONDerived, baseSrc: ex.Pos})
		}
	}
}

// shortName returns a qualified name without its namespace.
func shortName(q string) string {
	if i := strings.LastIndexByte(q, '.'); i >= 0 {
		return q[i+1:]
	}
	return q
}
