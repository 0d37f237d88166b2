package generator

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/parser/model"
)

// Problem codes the generated validators report (Problem.Code). They are
// part of the generated API: stable, dotted, lower camel case. The most
// frequent problems are reported through runtime helpers that carry their
// own codes (templates/runtime/validate.go: "null.notAllowed" by
// problems.notNull and nullIn, "enum.unknown" by unknownEnum, "required"
// and "readOnly"), so generated validators stay one short call per check.
const (
	codeEnumUnknown = "enum.unknown"   // a value that is not documented
	codeFormatGUID  = "format.guid"    // an Edm.Guid that is not a GUID
	codeFormat      = "format.invalid" // a Date, TimeOfDay or Duration out of range
)

// emitValidate writes Validate, ValidateFor and the unexported validate
// that nested structs call with their JSON Pointer.
func (p *plan) emitValidate(f *jen.File, t *typeInfo) {
	f.Comment("Validate reports every problem in v (undocumented enum values, malformed")
	f.Comment("GUIDs, nulls the docs forbid, in v and in nested objects) as a")
	f.Comment("*ValidationError, or returns nil.")
	f.Func().Params(jen.Id("v").Op("*").Id(t.GoName)).Id("Validate").Params().Error().Block(
		jen.Return(jen.Id("v").Dot("ValidateFor").Call(jen.Lit(""))),
	)
	p.emitValidateFor(f, t)
	f.Comment("validate adds the problems of v to p, at JSON Pointers under base.")
	f.Func().Params(jen.Id("v").Op("*").Id(t.GoName)).Id("validate").Params(jen.Id("p").Op("*").Id(rtProblems), jen.Id("base").String()).BlockFunc(func(g *jen.Group) {
		for _, fi := range t.Fields {
			for _, s := range p.fieldChecks(fi) {
				g.Add(s)
			}
		}
	})
}

// emitValidateFor writes ValidateFor: Validate plus, for each operation that
// takes the struct as its request body, its required and read-only rules.
func (p *plan) emitValidateFor(f *jen.File, t *typeInfo) {
	var doc []string
	for _, o := range t.BodyOf {
		doc = append(doc, o.ConstName)
	}
	if len(doc) == 0 {
		f.Comment("ValidateFor is Validate: no documented operation takes v as its request")
		f.Comment("body, so op adds no rules.")
	} else {
		addComments(f.Group, docComment(fmt.Sprintf("ValidateFor is Validate plus the rules of op when v is its request body: the members it requires, and no read-only members. Operations with rules: %s.", strings.Join(doc, ", "))))
	}
	f.Func().Params(jen.Id("v").Op("*").Id(t.GoName)).Id("ValidateFor").Params(jen.Id("op").Id(rtOp)).Error().BlockFunc(func(g *jen.Group) {
		g.Var().Id("p").Id(rtProblems)
		g.Id("v").Dot("validate").Call(jen.Op("&").Id("p"), jen.Lit(""))
		if len(t.BodyOf) > 0 {
			g.Switch(jen.Id("op")).BlockFunc(func(sw *jen.Group) {
				for _, o := range t.BodyOf {
					var body []jen.Code
					for _, fi := range o.Required {
						if cond := missing(fi); cond != nil {
							body = append(body, jen.If(cond).Block(jen.Id("p").Dot("required").Call(jen.Id("op"), jen.Lit(fi.Name))))
						}
					}
					for _, fi := range o.ReadOnly {
						if cond := present(fi); cond != nil {
							body = append(body, jen.If(cond).Block(jen.Id("p").Dot("readOnly").Call(jen.Id("op"), jen.Lit(fi.Name))))
						}
					}
					if len(body) > 0 {
						sw.Case(jen.Id(o.ConstName)).Block(body...)
					}
				}
			})
		}
		g.Return(jen.Id("p").Dot("Err").Call())
	})
}

// missing returns the condition under which a field counts as not sent, or
// nil when its Go type cannot tell (a required number or bool).
func missing(fi *fieldInfo) jen.Code {
	v := jen.Id("v").Dot(fi.GoName)
	switch {
	case fi.Collection:
		return v.Op("==").Nil()
	case !fi.Plain:
		return v.Dot("IsZero").Call()
	case fi.Ptr:
		return v.Op("==").Nil()
	case fi.Target == nil && edmTypes[fi.TypeRef.Name].name == "string" && !edmTypes[fi.TypeRef.Name].slice:
		return v.Op("==").Lit("")
	case fi.Target != nil && fi.Target.Kind == model.EnumType:
		return v.Op("==").Lit("")
	}
	return nil
}

// present is the negation of missing.
func present(fi *fieldInfo) jen.Code {
	v := jen.Id("v").Dot(fi.GoName)
	switch {
	case fi.Collection, fi.Plain && fi.Ptr:
		return v.Op("!=").Nil()
	case !fi.Plain:
		return jen.Op("!").Add(v).Dot("IsZero").Call()
	}
	if missing(fi) == nil {
		return nil
	}
	return v.Op("!=").Lit("")
}

// problem returns `p.Add(path, code, format, args...)`.
func problem(path jen.Code, code, format string, args ...jen.Code) jen.Code {
	all := append([]jen.Code{path, jen.Lit(code), jen.Lit(format)}, args...)
	return jen.Id("p").Dot("Add").Call(all...)
}

// fieldChecks returns the statements validating one field.
func (p *plan) fieldChecks(fi *fieldInfo) []jen.Code {
	path := func() *jen.Statement { return jen.Id("pointerJoin").Call(jen.Id("base"), jen.Lit(fi.Name)) }
	field := jen.Id("v").Dot(fi.GoName)
	var out []jen.Code
	switch {
	case fi.Collection:
		out = append(out, nullInExtra(fi))
		if checks := p.valueChecks(fi, jen.Id("v").Dot(fi.GoName).Index(jen.Id("i")), func() *jen.Statement {
			return jen.Id("pointerIndex").Call(path(), jen.Id("i"))
		}); len(checks) > 0 {
			out = append(out, jen.For(jen.Id("i").Op(":=").Range().Add(field)).Block(checks...))
		}
	case fi.Plain:
		if !isRaw(fi) {
			out = append(out, nullInExtra(fi))
		}
		out = append(out, p.valueChecks(fi, jen.Id("v").Dot(fi.GoName), path)...)
	default:
		if fi.Nullable == model.False {
			out = append(out, jen.If(jen.Id("v").Dot(fi.GoName).Dot("IsNull").Call()).Block(
				notNull(path(), fi)))
		}
		if checks := p.valueChecks(fi, jen.Id("v").Dot(fi.GoName).Dot("Value"), path); len(checks) > 0 {
			out = append(out, jen.If(jen.Id("v").Dot(fi.GoName).Dot("IsSet").Call()).Block(checks...))
		}
	}
	return out
}

// nullInExtra reports a null that UnmarshalJSON kept in Extra because the
// field (a collection or a required value) cannot hold it:
// `p.nullIn(v.Extra, base, name)`.
func nullInExtra(fi *fieldInfo) jen.Code {
	return jen.Id("p").Dot("nullIn").Call(jen.Id("v").Dot("Extra"), jen.Id("base"), jen.Lit(fi.Name))
}

// notNull returns `p.notNull(path, name)`: the field's member is null.
func notNull(path jen.Code, fi *fieldInfo) jen.Code {
	return jen.Id("p").Dot("notNull").Call(path, jen.Lit(fi.Name))
}

// valueChecks returns the checks of one value x of the field's type (an
// element for collections). path builds the value's JSON Pointer.
func (p *plan) valueChecks(fi *fieldInfo, x *jen.Statement, path func() *jen.Statement) []jen.Code {
	t := fi.Target
	switch {
	case t != nil && t.Kind == model.EnumType:
		return []jen.Code{jen.If(jen.Op("!").Add(x.Clone().Dot("Known").Call())).Block(
			jen.Id("p").Dot("unknownEnum").Call(path(), jen.String().Call(x.Clone()), jen.Lit(t.Name)))}
	case t != nil && fi.Ptr && !fi.Collection:
		return []jen.Code{jen.If(x.Clone().Op("!=").Nil()).Block(x.Clone().Dot("validate").Call(jen.Id("p"), path()))}
	case t != nil:
		return []jen.Code{x.Clone().Dot("validate").Call(jen.Id("p"), path())}
	case formatOf(fi.TypeRef) == guidFormat:
		return []jen.Code{jen.If(jen.Op("!").Id("validGUID").Call(x.Clone())).Block(
			problem(path(), codeFormatGUID, "%q is not a GUID", x.Clone()))}
	case formatOf(fi.TypeRef) == validFormat:
		cond := jen.Op("!").Add(x.Clone().Dot("Valid").Call())
		if fi.TypeRef.Name == "Edm.Date" {
			// The zero Date (not set) is not a day; a required one
			// left unset is ValidateFor's business.
			cond = jen.Op("!").Add(x.Clone().Dot("IsZero").Call()).Op("&&").Add(cond)
		}
		return []jen.Code{jen.If(cond).Block(
			problem(path(), codeFormat, "%v is not a valid %s", x.Clone(), jen.Lit(fi.TypeRef.Name)))}
	case len(fi.Values) > 0 && fi.TypeRef.Name == "Edm.String":
		var lits []jen.Code
		for _, v := range fi.Values {
			lits = append(lits, jen.Lit(v))
		}
		return []jen.Code{jen.Switch(x.Clone()).Block(
			jen.Case(lits...),
			jen.Default().Block(problem(path(), codeEnumUnknown, "%q is not one of %s", x.Clone(), jen.Lit(strings.Join(fi.Values, ", ")))),
		)}
	}
	return nil
}
