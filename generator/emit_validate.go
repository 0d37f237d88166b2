package generator

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/parser/model"
)

// The problems validation reports, their codes (stable, dotted, lower
// camel case: part of the generated API) and messages are the runtime's
// (templates/runtime/validate.go, validate_struct.go).

// emitValidate writes Validate and, for a struct that an operation takes
// as its request body with required or read-only members, ValidateFor:
// calls of the runtime's validator, which interprets the struct's codec
// table (templates/runtime/validate_struct.go): the checks a field's Go
// type implies plus its validate tag (validateTag). ValidateFor lists, per
// operation that takes the struct as its request body, the members it
// requires and those it refuses as read-only. A struct without such rules
// has no ValidateFor (it would be Validate under another name, and each
// method costs the compiler a function per struct); the server validates
// its bodies with ValidateFor(op) when the body type has it and with
// Validate otherwise.
func (p *plan) emitValidate(f *jen.File, t *typeInfo) {
	cases := validateForCases(t)
	f.Comment("Validate reports every problem in v (undocumented enum values, malformed")
	f.Comment("GUIDs, nulls the docs forbid, in v and in nested objects) as a")
	f.Comment("*ValidationError, or returns nil.")
	call := jen.Id("validateStruct").Call(jen.Id("v"), jen.Lit(""), jen.Nil(), jen.Nil())
	if len(cases) > 0 {
		call = jen.Id("v").Dot("ValidateFor").Call(jen.Lit(""))
	}
	f.Func().Params(jen.Id("v").Op("*").Id(t.GoName)).Id("Validate").Params().Error().Block(jen.Return(call))
	if len(cases) == 0 {
		return
	}
	var doc []string
	for _, o := range t.BodyOf {
		doc = append(doc, o.ConstName)
	}
	addComments(f.Group, docComment(fmt.Sprintf("ValidateFor is Validate plus the rules of op when v is its request body: the members it requires, and no read-only members. Operations with rules: %s.", strings.Join(doc, ", "))))
	f.Func().Params(jen.Id("v").Op("*").Id(t.GoName)).Id("ValidateFor").Params(jen.Id("op").Id(rtOp)).Error().Block(
		jen.Switch(jen.Id("op")).Block(cases...),
		jen.Return(jen.Id("validateStruct").Call(jen.Id("v"), jen.Id("op"), jen.Nil(), jen.Nil())),
	)
}

// validateCall names the method the server validates t with as the
// request body of the operation op (its constant): ValidateFor(op) when t
// has rules, else Validate().
func validateCall(t *typeInfo, op string) string {
	if len(validateForCases(t)) > 0 {
		return "ValidateFor(" + op + ")"
	}
	return "Validate()"
}

// validateForCases returns the cases of ValidateFor's switch: one per
// operation that takes t as its request body and requires or refuses a
// member the runtime can tell as sent or not (missing).
func validateForCases(t *typeInfo) []jen.Code {
	var cases []jen.Code
	for _, o := range t.BodyOf {
		var required, readOnly []jen.Code
		for _, fi := range o.Required {
			if missing(fi) {
				required = append(required, jen.Lit(fi.Name))
			}
		}
		for _, fi := range o.ReadOnly {
			if missing(fi) {
				readOnly = append(readOnly, jen.Lit(fi.Name))
			}
		}
		if len(required)+len(readOnly) > 0 {
			cases = append(cases, jen.Case(jen.Id(o.ConstName)).Block(
				jen.Return(jen.Id("validateStruct").Call(jen.Id("v"), jen.Id("op"), names(required), names(readOnly)))))
		}
	}
	return cases
}

// names is a []string literal, or nil.
func names(lits []jen.Code) jen.Code {
	if len(lits) == 0 {
		return jen.Nil()
	}
	return jen.Index().String().Values(lits...)
}

// missing reports whether the runtime can tell a field as not sent (a nil
// collection or pointer, an absent Opt, an empty string or enum), so that
// a required member can be missing and a read-only one present; a
// required number or bool cannot tell.
func missing(fi *fieldInfo) bool {
	switch {
	case fi.Collection, !fi.Plain, fi.Ptr:
		return true
	case fi.Target == nil && edmTypes[fi.TypeRef.Name].name == "string" && !edmTypes[fi.TypeRef.Name].slice:
		return true
	case fi.Target != nil && fi.Target.Kind == model.EnumType:
		return true
	}
	return false
}

// validateTag is a field's validate tag: what the runtime's validator
// needs beyond the field's Go type (templates/runtime/validate_struct.go):
// "notnull" for an Opt member the docs forbid to be null, "guid" for
// Edm.Guid values, "oneOf=a|b" for the documented values of an Edm.String
// ('|' and '\' in a value escaped with '\'). Empty when none applies.
func validateTag(fi *fieldInfo) string {
	var opts []string
	if !fi.Plain && !fi.Collection && fi.Nullable == model.False {
		opts = append(opts, "notnull")
	}
	if fi.Target == nil {
		switch {
		case formatOf(fi.TypeRef) == guidFormat:
			opts = append(opts, "guid")
		case formatOf(fi.TypeRef) == validFormat:
		case len(fi.Values) > 0 && fi.TypeRef.Name == "Edm.String":
			esc := strings.NewReplacer(`\`, `\\`, "|", `\|`)
			var vals []string
			for _, v := range fi.Values {
				vals = append(vals, esc.Replace(v))
			}
			opts = append(opts, "oneOf="+strings.Join(vals, "|"))
		}
	}
	return strings.Join(opts, ",")
}
