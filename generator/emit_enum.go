package generator

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/parser/model"
)

// emitEnum writes a string-backed enum: the type, one constant per member
// (prefixed with the type name), Values, Known, String and, for flags
// enums, Has and Split. Unknown values decode and encode unchanged because
// the type is a plain string.
func (p *plan) emitEnum(f *jen.File, t *typeInfo) {
	intro := fmt.Sprintf("%s is the %s enum type.", t.GoName, t.Name)
	var notes []string
	if t.Flags {
		notes = append(notes, "It is a flags enum: a value is a comma-separated list of members (\"a,b\"), kept as received; use Has and Split.")
	}
	if t.Evolvable {
		notes = append(notes, "It is evolvable: the service may add members after unknownFutureValue, and a value this package does not know still decodes and encodes unchanged.")
	}
	paras := append([]string{intro, t.Description}, notes...)
	addComments(f.Group, docComment(append(paras, p.sourceOf(t.Pos, typeAnchor(t.Name)), deprecatedPara(t.Deprecated, "type"))...))
	f.Type().Id(t.GoName).String()
	if len(t.Consts) > 0 {
		f.Comment(fmt.Sprintf("The documented values of %s.", t.GoName))
		f.Const().DefsFunc(func(g *jen.Group) {
			for _, c := range t.Consts {
				doc := fmt.Sprintf("%s is %q.", c.GoName, c.Name)
				if c.Value != nil {
					doc = fmt.Sprintf("%s is %q (%d).", c.GoName, c.Name, *c.Value)
				}
				after := ""
				if c.AfterSentinel {
					after = "Returned only with the request header Prefer: include-unknown-enum-members."
				}
				addComments(g, withDeprecated(compactComment(doc+" "+c.Description+" "+after, p.sourceOf(c.Pos, typeAnchor(t.Name)+"."+c.Name)), c.Deprecated, "member"))
				g.Id(c.GoName).Id(t.GoName).Op("=").Lit(c.Name)
			}
		})
	}
	p.emitEnumMethods(f, t)
}

// emitEnumMethods writes the methods of an enum over one table of its
// documented values (valuesOfX, static data): Values copies it, Known
// searches it through a runtime helper shared by every enum. The methods
// are one line each because each costs the compiler a function and its
// pointer wrapper per enum, and a package has hundreds of enums: a switch
// over the members in Known and a literal in Values cost a large enum
// (printerProcessingStateDetail has 400 members) tens of kilobytes of code.
func (p *plan) emitEnumMethods(f *jen.File, t *typeInfo) {
	recv := jen.Id("v").Id(t.GoName)
	table := "valuesOf" + t.GoName
	if len(t.Consts) > 0 {
		addComments(f.Group, docComment(fmt.Sprintf("%s lists the documented values of %s, in documented order.", table, t.GoName)))
		f.Var().Id(table).Op("=").Index().Id(t.GoName).ValuesFunc(func(g *jen.Group) {
			for _, c := range t.Consts {
				g.Id(c.GoName)
			}
		})
	}
	f.Comment(fmt.Sprintf("Values returns the documented values of %s, in documented order.", t.GoName))
	if len(t.Consts) == 0 {
		f.Func().Params(jen.Id(t.GoName)).Id("Values").Params().Index().Id(t.GoName).Block(jen.Return(jen.Nil()))
	} else {
		f.Func().Params(jen.Id(t.GoName)).Id("Values").Params().Index().Id(t.GoName).Block(
			jen.Return(jen.Append(jen.Index().Id(t.GoName).Call(jen.Nil()), jen.Id(table).Op("..."))),
		)
	}
	values := jen.Id(table)
	if len(t.Consts) == 0 {
		values = jen.Nil()
	}
	if t.Flags {
		f.Comment("Known reports whether every member listed in v is documented.")
		f.Func().Params(recv.Clone()).Id("Known").Params().Bool().Block(
			jen.Return(jen.Id("knownFlags").Call(values.Clone(), jen.Id("v"))),
		)
		f.Comment("Has reports whether v lists the member m.")
		f.Func().Params(recv.Clone()).Id("Has").Params(jen.Id("m").Id(t.GoName)).Bool().Block(
			jen.Return(jen.Id("hasFlag").Call(jen.String().Call(jen.Id("v")), jen.String().Call(jen.Id("m")))),
		)
		f.Comment("Split returns the members v lists, in order.")
		f.Func().Params(recv.Clone()).Id("Split").Params().Index().Id(t.GoName).Block(
			jen.Id("parts").Op(":=").Id("splitFlags").Call(jen.String().Call(jen.Id("v"))),
			jen.Id("out").Op(":=").Make(jen.Index().Id(t.GoName), jen.Len(jen.Id("parts"))),
			jen.For(jen.List(jen.Id("i"), jen.Id("s")).Op(":=").Range().Id("parts")).Block(
				jen.Id("out").Index(jen.Id("i")).Op("=").Id(t.GoName).Call(jen.Id("s")),
			),
			jen.Return(jen.Id("out")),
		)
	} else {
		f.Comment("Known reports whether v is a documented value.")
		known := jen.Id("knownValue").Call(values.Clone(), jen.Id("v"))
		if len(t.Consts) == 0 {
			known = jen.False()
		}
		f.Func().Params(recv.Clone()).Id("Known").Params().Bool().Block(jen.Return(known))
	}
	f.Comment("String returns v as it is written in JSON.")
	f.Func().Params(recv.Clone()).Id("String").Params().String().Block(jen.Return(jen.String().Call(jen.Id("v"))))
	f.Line()
	f.Comment("enumType is the Graph name of the enum type, for validation messages.")
	f.Func().Params(jen.Id(t.GoName)).Id("enumType").Params().String().Block(jen.Return(jen.Lit(t.Name)))
}

// kindWord names a type kind in prose.
func kindWord(k model.TypeKind) string {
	switch k {
	case model.EntityType:
		return "entity type"
	case model.EnumType:
		return "enum type"
	}
	return "complex type"
}
