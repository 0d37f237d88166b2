package generator

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/parser/model"
)

// format names the validation a primitive needs beyond its Go type.
type format string

const (
	noFormat   format = ""
	guidFormat format = "guid"
	// validFormat: the runtime type has a Valid method (EdmDate, EdmTimeOfDay,
	// EdmDuration); decoding is strict, but a value built in Go may be out of
	// range.
	validFormat format = "valid"
)

// edmType is how an Edm primitive is represented in Go.
type edmType struct {
	// pkg and name give the Go type: a predeclared type (pkg ""), a
	// runtime type copied into the package (pkg "", upper-case name), or a
	// qualified standard-library type.
	pkg, name string
	// slice marks []name ([]byte).
	slice bool
	// check is the extra validation Validate applies.
	check format
}

// edmTypes is the Edm → Go table. Types not listed (and untyped JSON) are
// json.RawMessage.
var edmTypes = map[string]edmType{
	"Edm.String":         {name: "string"},
	"Edm.Boolean":        {name: "bool"},
	"Edm.Byte":           {name: "uint8"},
	"Edm.SByte":          {name: "int8"},
	"Edm.Int16":          {name: "int16"},
	"Edm.Int32":          {name: "int32"},
	"Edm.Int64":          {name: "int64"},
	"Edm.Single":         {name: "float32"},
	"Edm.Double":         {name: "float64"},
	"Edm.Decimal":        {name: rtEdmDecimal},
	"Edm.DateTimeOffset": {pkg: "time", name: "Time"},
	"Edm.Date":           {name: rtEdmDate, check: validFormat},
	"Edm.TimeOfDay":      {name: rtEdmTimeOfDay, check: validFormat},
	"Edm.Duration":       {name: rtEdmDuration, check: validFormat},
	"Edm.Guid":           {name: "string", check: guidFormat},
	"Edm.Binary":         {name: "byte", slice: true},
	"Edm.Stream":         {name: "byte", slice: true},
	"Edm.Untyped":        {pkg: "encoding/json", name: "RawMessage"},
}

// rawJSON is the Go type of untyped or unknown JSON values.
func rawJSON() *jen.Statement { return jen.Qual("encoding/json", "RawMessage") }

// elemType returns the Go type of one value of ref (ignoring Collection):
// the primitive's Go type, the generated type's name, or json.RawMessage.
func (p *plan) elemType(ref model.TypeRef) *jen.Statement {
	if ref.Name == model.JSONType {
		// Untyped JSON, even where a page documents a "Json" type of its
		// own (json.md): any JSON value, kept verbatim.
		return rawJSON()
	}
	if t := p.byName[ref.Name]; t != nil {
		return jen.Id(t.GoName)
	}
	e, ok := edmTypes[ref.Name]
	if !ok {
		return rawJSON()
	}
	var s *jen.Statement
	if e.pkg != "" {
		s = jen.Qual(e.pkg, e.name)
	} else {
		s = jen.Id(e.name)
	}
	if e.slice {
		return jen.Index().Add(s)
	}
	return s
}

// goType returns the Go type of a bare TypeRef: []T for a collection, T
// otherwise (no Opt, no pointer). Handlers use it for parameters and
// bodies.
func (p *plan) goType(ref model.TypeRef) *jen.Statement {
	if ref.Collection {
		return jen.Index().Add(p.elemType(ref))
	}
	return p.elemType(ref)
}

// fieldType returns the Go type of a struct field: []T for collections
// (nil is absent, empty is kept), T or *T for required single values, and
// Opt[T] or Opt[*T] for the rest (absent, null and value stay distinct).
func (p *plan) fieldType(f *fieldInfo) *jen.Statement {
	elem := p.elemType(f.TypeRef)
	switch {
	case f.Collection:
		return jen.Index().Add(elem)
	case f.Ptr:
		elem = jen.Op("*").Add(elem)
	}
	if f.Plain {
		return elem
	}
	return jen.Id(rtOpt).Types(elem)
}

// formatOf returns the extra check a field's values need.
func formatOf(ref model.TypeRef) format { return edmTypes[ref.Name].check }
