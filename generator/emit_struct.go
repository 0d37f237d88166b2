package generator

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/parser/model"
)

// emitStruct writes a struct type with its JSON codec, its validators and,
// for a polymorphic base, its decode function.
//
//	type CloudPcSnapshot struct {
//		ODataType Opt[string] `json:"@odata.type,omitzero"`
//		ID        Opt[string] `json:"id,omitzero"`
//		...
//		Extra Extra `json:"-"`
//	}
func (p *plan) emitStruct(f *jen.File, t *typeInfo) {
	desc := t.Description
	if t.Synthetic {
		desc = "" // structIntro already says what it is
	}
	addComments(f.Group, docComment(p.structIntro(t), desc, p.sourceOf(t.Pos, typeAnchor(t.Name)), deprecatedPara(t.Deprecated, "type")))
	f.Type().Id(t.GoName).StructFunc(func(g *jen.Group) {
		g.Comment("ODataType is the @odata.type annotation, \"#microsoft.graph.x\",")
		g.Comment("naming the JSON object's type.")
		g.Id("ODataType").Id(rtOpt).Types(jen.String()).Tag(map[string]string{"json": "@odata.type,omitzero"})
		for _, fi := range t.Fields {
			addComments(g, withDeprecated(compactComment(p.fieldIntro(fi)+" "+fi.Description, p.sourceOf(fi.Pos, fieldAnchor(fi))), fi.Deprecated, "property"))
			tag := fi.Name + ",omitzero"
			if fi.Plain {
				tag = fi.Name
			}
			tags := map[string]string{"json": tag}
			if v := validateTag(fi); v != "" {
				tags["validate"] = v
			}
			g.Id(fi.GoName).Add(p.fieldType(fi)).Tag(tags)
		}
		g.Comment("Extra holds the members that have no field: unknown properties and")
		g.Comment("@odata.* or property@odata.* annotations, in document order.")
		if len(t.InstanceAnnotations) > 0 {
			g.Comment("It also holds the instance annotations the docs name for this type:")
			for _, a := range t.InstanceAnnotations {
				typ := a.TypeRef.String()
				if typ == "" {
					typ = "untyped JSON"
				}
				g.Comment("  - " + a.Name + " (" + typ + ")")
			}
		}
		g.Id("Extra").Id(rtJSONMembers).Tag(map[string]string{"json": "-"})
	})
	p.emitUnmarshal(f, t)
	p.emitMarshal(f, t)
	p.emitValidate(f, t)
	p.emitDecodeFunc(f, t)
}

// sourceOf formats the "Source: file#anchor" line of a declaration: the
// page and a name that finds the place in it, never a line number, so that an edit that only moves lines (a blank line above a
// table, a row added above another) changes no generated line.
// SourcePositions turns the line back into a position.
func (p *plan) sourceOf(pos model.Pos, anchor string) string {
	if !pos.IsValid() {
		return ""
	}
	if anchor == "" {
		return "Source: " + pos.File
	}
	return "Source: " + pos.File + "#" + anchor
}

// The anchors of "// Source:" lines name the model node a declaration
// comes from, in one word (a comment line wraps at spaces): a type by its
// name without namespace ("cloudPcSnapshot"; "request-body", the slug of
// the heading, for the body an API page documents in a table), a property
// or enum member by its type's anchor and its own name
// ("cloudPcSnapshot.status"), an operation by the slug of its "HTTP
// request" heading.
const (
	requestBodyAnchor = "request-body"
	operationAnchor   = "http-request"
)

// typeAnchor is the anchor of a type named name ("microsoft.graph.x" or a
// request body's "#request.op").
func typeAnchor(name string) string {
	if strings.HasPrefix(name, "#request.") {
		return requestBodyAnchor
	}
	return name[strings.LastIndexByte(name, '.')+1:]
}

// fieldAnchor is the anchor of a field: its declaring type's and its JSON
// name.
func fieldAnchor(fi *fieldInfo) string {
	if fi.Owner == nil || fi.Owner.Type == nil {
		return ""
	}
	return typeAnchor(fi.Owner.Name) + "." + fi.Name
}

// SourcePositions maps the provenance text of every "// Source:" line the
// generator writes for pkg ("docs/x.md#cloudPcSnapshot.status", the text
// after "Source: ") to the position it stands for. Docs paths are as in
// pkg's positions.
func SourcePositions(pkg *model.Package) map[string]model.Pos {
	m := map[string]model.Pos{}
	add := func(pos model.Pos, anchor string) {
		if !pos.IsValid() {
			return
		}
		k := pos.File + "#" + anchor
		if _, dup := m[k]; !dup {
			m[k] = pos
		}
	}
	for _, t := range pkg.Types {
		if t == nil {
			continue
		}
		a := typeAnchor(t.Name)
		add(t.Pos, a)
		for _, pr := range t.Properties {
			if pr != nil {
				add(pr.Pos, a+"."+pr.Name)
			}
		}
		for _, mb := range t.Members {
			if mb != nil {
				add(mb.Pos, a+"."+mb.Name)
			}
		}
	}
	for _, o := range pkg.Operations {
		if o == nil {
			continue
		}
		add(o.Pos, operationAnchor)
		if rb := o.RequestBody; rb != nil {
			pos := rb.Pos
			if !pos.IsValid() {
				pos = o.Pos
			}
			add(pos, requestBodyAnchor)
			for _, pr := range rb.Properties {
				if pr != nil {
					add(pr.Pos, requestBodyAnchor+"."+pr.Name)
				}
			}
		}
	}
	return m
}

// pageSourceOf formats a "Source: file" line without the line number, for
// declarations in files shared by many pages (docgen_*.go): a line number
// there would make an edit that shifts one page's lines change a file
// other pages share.
func (p *plan) pageSourceOf(pos model.Pos) string {
	if pos.File == "" {
		return ""
	}
	return "Source: " + pos.File
}

// structIntro is the first sentence of a struct's doc comment.
func (p *plan) structIntro(t *typeInfo) string {
	if t.Synthetic {
		return fmt.Sprintf("%s is %s", t.GoName, t.Description)
	}
	s := fmt.Sprintf("%s is the %s %s", t.GoName, t.Name, kindWord(t.Kind))
	switch {
	case t.BaseAssumed:
		s += ", derived from " + t.Base + " by assumption (no page names its base type)"
	case t.Base != "" && t.Base != model.EntityBase:
		s += ", derived from " + t.Base
	}
	if t.Abstract {
		s += " (abstract)"
	}
	return s + "."
}

// fieldIntro is the first sentence of a field's doc comment.
func (p *plan) fieldIntro(f *fieldInfo) string {
	typ := f.TypeRef.String()
	if typ == "" {
		typ = "untyped JSON"
	}
	s := fmt.Sprintf("%s is %q (%s", f.GoName, f.Name, typ)
	if f.Navigation {
		s += ", relationship"
	}
	return s + ")."
}

// emitUnmarshal writes UnmarshalJSON: one call to the runtime's codec,
// which reads the struct's fields and json tags once (a table per type,
// templates/runtime/object_codec.go) and decodes the object in one pass,
// known members into fields, the rest into Extra. A null for a field that
// cannot hold null (a collection or a required value) is kept in Extra, so
// it round-trips and Validate can report it. A table instead of a member
// switch per type: the switch was most of the compile cost of the
// generated models.
func (p *plan) emitUnmarshal(f *jen.File, t *typeInfo) {
	f.Comment("UnmarshalJSON decodes a JSON object into v, keeping unknown members and")
	f.Comment("annotations in v.Extra.")
	f.Func().Params(jen.Id("v").Op("*").Id(t.GoName)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id("decodeStruct").Call(jen.Id("data"), jen.Id("v"))),
	)
}

// emitMarshal writes MarshalJSON, a call of the runtime's codec: the
// fields in declaration order (absent ones skipped), then Extra.
// MarshalJSON has a value receiver so that T, *T and Opt[T] all encode
// through it. The runtime encodes a nested struct, a slice of them or an
// Opt of one into its caller's buffer through the codec table
// (isGeneratedStruct recognises the struct by its Extra field), so the
// struct needs no method of its own for that.
func (p *plan) emitMarshal(f *jen.File, t *typeInfo) {
	f.Comment("MarshalJSON encodes v as a JSON object: @odata.type, the fields that are")
	f.Comment("not absent, then v.Extra.")
	f.Func().Params(jen.Id("v").Id(t.GoName)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("marshalStruct").Call(jen.Op("&").Id("v"))),
	)
}

// emitDecodeFunc writes DecodeX for a polymorphic base X: it reads
// @odata.type and decodes into the derived struct it names, or into X.
func (p *plan) emitDecodeFunc(f *jen.File, t *typeInfo) {
	if t.DecodeFunc == "" {
		return
	}
	var names []string
	for _, d := range t.Descendants {
		names = append(names, "*"+d.GoName)
	}
	addComments(f.Group, docComment(
		fmt.Sprintf("%s decodes a JSON object of type %s or of a type derived from it, choosing the Go type from @odata.type: %s; any other or no @odata.type decodes as *%s.",
			t.DecodeFunc, t.Name, strings.Join(names, ", "), t.GoName),
		p.sourceOf(t.Pos, typeAnchor(t.Name))))
	f.Func().Id(t.DecodeFunc).Params(jen.Id("data").Index().Byte()).Params(jen.Any(), jen.Error()).Block(
		jen.Var().Id("odataType").String(),
		jen.If(jen.Err().Op(":=").Id("decodeObject").Call(jen.Id("data"), jen.Nil(),
			jen.Func().Params(jen.Id("name").String(), jen.Id("value").Index().Byte()).Params(jen.Bool(), jen.Error()).Block(
				jen.If(jen.Id("name").Op("==").Lit("@odata.type")).Block(
					jen.Return(jen.True(), jen.Id("decodeValue").Call(jen.Id("value"), jen.Op("&").Id("odataType"))),
				),
				jen.Return(jen.False(), jen.Nil()),
			)), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Var().Id("v").Interface(jen.Id("UnmarshalJSON").Params(jen.Index().Byte()).Error()),
		jen.Switch(jen.Qual("strings", "TrimPrefix").Call(jen.Id("odataType"), jen.Lit("#"))).BlockFunc(func(g *jen.Group) {
			for _, d := range t.Descendants {
				g.Case(jen.Lit(d.Name)).Block(jen.Id("v").Op("=").New(jen.Id(d.GoName)))
			}
			g.Default().Block(jen.Id("v").Op("=").New(jen.Id(t.GoName)))
		}),
		jen.If(jen.Err().Op(":=").Id("v").Dot("UnmarshalJSON").Call(jen.Id("data")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id("v"), jen.Nil()),
	)
	addComments(f.Group, docComment(fmt.Sprintf(
		"Concrete returns v as the Go type its @odata.type names (see %s), decoded again from v's JSON encoding, so members of a derived type that v keeps in Extra become fields. A field or collection item declared as %s holds a %s whatever its @odata.type; Concrete recovers the derived value.",
		t.DecodeFunc, t.Name, t.GoName)))
	f.Func().Params(jen.Id("v").Op("*").Id(t.GoName)).Id("Concrete").Params().Params(jen.Any(), jen.Error()).Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Id("v").Dot("MarshalJSON").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Id(t.DecodeFunc).Call(jen.Id("data"))),
	)
}
