package examples

import (
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// Decl is a declared named type as the generated code holds it: a struct
// with its flattened fields, or an enum with its distinct members. The
// generator builds the Decls from its plan (which decides inheritance,
// required fields and Go names once), so the round-trip rules see exactly
// the generated types.
type Decl struct {
	*model.Type
	// GoName is the generated type's name, for messages.
	GoName string
	// Fields are a struct's fields, inherited ones first.
	Fields []*Field
	// Members are an enum's distinct members, in documented order.
	Members []*model.EnumMember
}

// Struct reports whether d is generated as a struct.
func (d *Decl) Struct() bool { return d.Kind != model.EnumType }

// Field returns the struct field for a JSON member name, or nil.
func (d *Decl) Field(name string) *Field {
	for _, f := range d.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// Field is one field of a generated struct.
type Field struct {
	*model.Property
	// Owner declares the property (the struct or one of its bases).
	Owner *Decl
	// Target is the named type of the value, nil for primitives.
	Target *Decl
	// Plain marks a required single value (not optional in Go).
	Plain bool
}

// Schema is the set of declared types the round-trip rules check bodies
// against.
type Schema struct {
	decls     map[string]*Decl
	primitive func(string) bool
}

// NewSchema indexes decls by qualified name (a synthesized request body
// under its own "#request.<operation>" name); primitive reports the Edm
// types the generated code maps (others are kept as raw JSON).
func NewSchema(decls []*Decl, primitive func(name string) bool) *Schema {
	s := &Schema{decls: make(map[string]*Decl, len(decls)), primitive: primitive}
	for _, d := range decls {
		if d != nil {
			s.decls[d.Name] = d
		}
	}
	return s
}

// Decl returns the declared type named name, or nil.
func (s *Schema) Decl(name string) *Decl { return s.decls[name] }

// Shape is the declared type of a JSON value: a named type (Decl) or a
// primitive (Edm, "" for untyped JSON), possibly a collection, and the
// struct field that holds it, if any.
type Shape struct {
	Decl       *Decl
	Edm        string
	Collection bool
	Field      *Field
}

// ShapeOf returns the shape of a TypeRef.
func (s *Schema) ShapeOf(ref model.TypeRef) Shape {
	sh := Shape{Collection: ref.Collection}
	if ref.Name == model.JSONType {
		// Untyped JSON (json.RawMessage in the struct) takes any value,
		// even where a page documents a "Json" type of its own.
		sh.Edm = "Edm.Untyped"
		return sh
	}
	if d := s.decls[ref.Name]; d != nil {
		sh.Decl = d
	} else if s.primitive(ref.Name) {
		sh.Edm = ref.Name
	}
	return sh
}

// String names a shape for messages ("Collection(Edm.String)").
func (sh Shape) String() string {
	name := sh.Edm
	if sh.Decl != nil {
		name = sh.Decl.Name
	}
	if sh.Collection {
		return "Collection(" + name + ")"
	}
	return name
}

// kindOf is the normalisation kind of a primitive shape, "" for none.
func kindOf(sh Shape) string {
	if sh.Decl != nil || sh.Collection {
		return ""
	}
	switch sh.Edm {
	case "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration", "Edm.Single", "Edm.Double":
		return strings.TrimPrefix(sh.Edm, "Edm.")
	}
	return ""
}
