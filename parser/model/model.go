// Package model is docgen's typed intermediate representation: what the
// parser read from Microsoft Graph documentation pages, with the source
// position of every node.
//
// The model imports only the standard library and knows nothing of Go code
// generation: names are OData names ("microsoft.graph.cloudPcSnapshot",
// "Edm.String"), never Go identifiers. The parser builds it; the generator,
// the linter and `docgen dump` read it. Every slice is in a deterministic
// order (document order within a page, sorted by name or position across
// pages); maps are never used, so a JSON dump of a Package is stable.
package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Pos is a position in a documentation page. File is the page's path
// relative to the docs root (or as given on the command line), with forward
// slashes. Line and Col are 1-based; Col counts bytes.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as "file:line:col" (or "file:line", or "file" when the
// line or column is unknown), the form editors and go vet use.
func (p Pos) String() string {
	switch {
	case p.File == "" && p.Line == 0:
		return "-"
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return p.File + ":" + strconv.Itoa(p.Line)
	}
	return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// IsValid reports whether p names a file and a line.
func (p Pos) IsValid() bool { return p.File != "" && p.Line > 0 }

// Before orders positions by file, line and column.
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// MarshalText encodes p as its String form, so dumps read "docs/x.md:12:1".
func (p Pos) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText parses the String form back.
func (p *Pos) UnmarshalText(b []byte) error {
	s := string(b)
	*p = Pos{}
	if s == "-" || s == "" {
		return nil
	}
	// Split from the right: the file name may itself contain colons.
	parts := strings.Split(s, ":")
	nums := []int{}
	for len(parts) > 1 && len(nums) < 2 {
		n, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		parts = parts[:len(parts)-1]
	}
	p.File = strings.Join(parts, ":")
	if len(nums) > 0 {
		p.Line = nums[0]
	}
	if len(nums) > 1 {
		p.Col = nums[1]
	}
	return nil
}

// Severity ranks a diagnostic.
type Severity int

const (
	// Info is a note that needs no action.
	Info Severity = iota
	// Warning is a doc defect docgen worked around.
	Warning
	// Error is a defect that makes docgen drop or misread part of a page.
	Error
)

var severityNames = [...]string{"info", "warning", "error"}

func (s Severity) String() string {
	if int(s) >= 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "severity(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText encodes s as "info", "warning" or "error".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText parses "info", "warning" or "error".
func (s *Severity) UnmarshalText(b []byte) error {
	for i, n := range severityNames {
		if n == string(b) {
			*s = Severity(i)
			return nil
		}
	}
	return fmt.Errorf("unknown severity %q", b)
}

// Diagnostic is one finding about the input, located at a page position.
// Code is stable across releases (see Code); Message says what is wrong and
// what to change.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	Code     Code     `json:"code"`
	Message  string   `json:"message"`
}

// String formats d like go vet: "file:line:col: message [code]".
func (d Diagnostic) String() string {
	return d.Pos.String() + ": " + d.Message + " [" + string(d.Code) + "]"
}

// Package is everything read from a set of pages: the merged types, the
// operations, the pages themselves, and the diagnostics found on the way.
type Package struct {
	// Types are sorted by Name; each name occurs once (pages that document
	// the same type are merged into one node).
	Types []*Type `json:"types"`
	// Operations are sorted by position (page, then line).
	Operations []*Operation `json:"operations"`
	// Pages are sorted by File.
	Pages []*Page `json:"pages,omitempty"`
	// Diagnostics are sorted by position, then code.
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// Type looks a type up by its qualified name (binary search over the sorted
// Types). It returns nil when there is none.
func (p *Package) Type(name string) *Type {
	lo, hi := 0, len(p.Types)
	for lo < hi {
		m := (lo + hi) / 2
		if p.Types[m].Name < name {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(p.Types) && p.Types[lo].Name == name {
		return p.Types[lo]
	}
	return nil
}

// PageKind says what a page documents.
type PageKind int

const (
	// UnknownPage is a page docgen could not classify.
	UnknownPage PageKind = iota
	// APIPage documents one operation ("Create cloudPcSnapshot").
	APIPage
	// ResourcePage documents an entity or complex type ("x resource type").
	ResourcePage
	// EnumPage documents enum types (Intune "x enum type" pages, enums.md).
	EnumPage
	// ConceptualPage is an overview page with no types or operations.
	ConceptualPage
)

var pageKindNames = [...]string{"unknown", "api", "resource", "enum", "conceptual"}

func (k PageKind) String() string {
	if int(k) >= 0 && int(k) < len(pageKindNames) {
		return pageKindNames[k]
	}
	return "pagekind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText encodes k as its name.
func (k PageKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText parses a page kind name.
func (k *PageKind) UnmarshalText(b []byte) error {
	for i, n := range pageKindNames {
		if n == string(b) {
			*k = PageKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown page kind %q", b)
}

// Page is one documentation page.
type Page struct {
	File string   `json:"file"`
	Kind PageKind `json:"kind"`
	// Title is the H1 text ("Create cloudPcSnapshot"); TitlePos its position.
	Title    string `json:"title,omitempty"`
	TitlePos Pos    `json:"titlePos"`
	// Namespace is the "Namespace:" line's value, "microsoft.graph" when absent.
	Namespace string `json:"namespace,omitempty"`
	// DocType is the front matter's doc_type, a hint only.
	DocType string `json:"docType,omitempty"`
	// Description is the front matter's description.
	Description string `json:"description,omitempty"`
	// Types are the qualified names of the types this page contributes to.
	Types []string `json:"types,omitempty"`
	// Examples are the JSON blocks of the page that belong to no operation:
	// resource JSON representations and "example" blocks.
	Examples []*Example `json:"examples,omitempty"`
	// Ignores are the page's `<!-- docgen-ignore CODE[,CODE] -->` comments.
	Ignores []*Ignore `json:"ignores,omitempty"`
	// Annotation is the page annotation ("type": "#page.annotation"), if any.
	Annotation *Annotation `json:"annotation,omitempty"`
	// Permissions are the permissions tables the page includes: a
	// "permissions" annotation bound to the [!INCLUDE] line after it.
	Permissions []*Include `json:"permissions,omitempty"`
	// LeftOut marks a page docgen could not use (not UTF-8, over a
	// per-page limit, an internal error): it contributes nothing, and
	// `docgen generate` keeps its previously generated files as they are.
	LeftOut bool `json:"leftOut,omitempty"`
}

// Include is a DocFX include line ("[!INCLUDE [label](path)]") that an
// annotation describes.
type Include struct {
	// Name is the annotation's name ("channel_get").
	Name string `json:"name,omitempty"`
	// Path is the include's target as written.
	Path string `json:"path"`
	// Pos is the include line; AnnotationPos the annotation before it.
	Pos           Pos `json:"pos"`
	AnnotationPos Pos `json:"annotationPos"`
}

// Ignore is an inline suppression: `<!-- docgen-ignore CODE[,CODE...] -->`
// suppresses diagnostics with those codes on the lines of the next block
// (FromLine..ToLine, inclusive). A suppression that matches nothing is
// itself reported.
type Ignore struct {
	Codes    []string `json:"codes"`
	Pos      Pos      `json:"pos"`
	FromLine int      `json:"fromLine"`
	ToLine   int      `json:"toLine"`
}

// TypeKind says what a Type is.
type TypeKind int

const (
	// EntityType has a key (id) and is addressable.
	EntityType TypeKind = iota
	// ComplexType is a structured value without a key.
	ComplexType
	// EnumType is a set of named members.
	EnumType
)

var typeKindNames = [...]string{"entity", "complex", "enum"}

func (k TypeKind) String() string {
	if int(k) >= 0 && int(k) < len(typeKindNames) {
		return typeKindNames[k]
	}
	return "typekind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText encodes k as "entity", "complex" or "enum".
func (k TypeKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText parses "entity", "complex" or "enum".
func (k *TypeKind) UnmarshalText(b []byte) error {
	for i, n := range typeKindNames {
		if n == string(b) {
			*k = TypeKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown type kind %q", b)
}

// Well-known type names.
const (
	// EntityBase is the built-in root of entity types; its key is "id".
	EntityBase = "microsoft.graph.entity"
	// JSONType stands for untyped JSON (a "Json" Type cell, or no type at all).
	JSONType = "microsoft.graph.Json"
	// SentinelMember ends the members every client must know; members after
	// it are sent only with "Prefer: include-unknown-enum-members".
	SentinelMember = "unknownFutureValue"
)

// Type is an entity, complex or enum type, merged from every page that
// documents it.
type Type struct {
	// Name is the qualified OData name, "microsoft.graph.cloudPcSnapshot".
	Name string   `json:"name"`
	Kind TypeKind `json:"kind"`
	// Base is the qualified name of the base type ("" for none). Entity
	// types without another base have EntityBase.
	Base string `json:"base,omitempty"`
	// BaseAssumed marks a Base no page states: an entity type (a keyed
	// type) whose pages name no base gets EntityBase by assumption, so that
	// it has its key. A stated base (a resource annotation's baseType, an
	// "Inherits from" sentence, "Inherited from" rows, an @odata.type in a
	// representation) leaves it false. Tools comparing the docs with the
	// service should treat an assumed base as unknown.
	BaseAssumed bool `json:"baseAssumed,omitempty"`
	// KeyAssumed marks an entity type no page states as keyed: no resource
	// annotation gives it a keyProperty and no stated base makes it an
	// entity. docgen reads it as keyed from indirect evidence (an "id" row
	// or example member, a Relationships table of its own, a Methods table
	// linking API pages, a relationship of another type that targets it).
	// Tools comparing the docs with the service should treat the kind as a
	// reading, not a fact; a docs writer should add the keyProperty.
	KeyAssumed bool `json:"keyAssumed,omitempty"`
	Abstract   bool `json:"abstract,omitempty"`
	OpenType   bool `json:"openType,omitempty"`
	// Key is the key property of an entity type ("id" from EntityBase).
	Key string `json:"key,omitempty"`
	// Builtin marks types docgen defines itself (EntityBase).
	Builtin     bool   `json:"builtin,omitempty"`
	Description string `json:"description,omitempty"`
	// Deprecated is non-empty when the pages mark the type deprecated: the
	// words that say so ("The x resource is deprecated … Use y instead."),
	// or "deprecated" when only a "(deprecated)" title says it.
	Deprecated string `json:"deprecated,omitempty"`
	// Pos is where the type is primarily defined: the resource page's H1 or
	// resource annotation, the enum table, or the request-body table of the
	// API page it was inferred from.
	Pos Pos `json:"pos"`
	// Sources lists every position that contributed to this type, sorted.
	Sources []Pos `json:"sources,omitempty"`
	// Properties are the type's own properties (inherited ones live on the
	// base type), in documented order, names unique.
	Properties []*Property `json:"properties,omitempty"`
	// InstanceAnnotations are the instance annotations documented for the
	// type ("@microsoft.graph.conflictBehavior" rows of an "Instance
	// attributes" table, "@odata.etag" rows): members of the JSON object
	// that are not properties of the type. In documented order, names
	// unique.
	InstanceAnnotations []*InstanceAnnotation `json:"instanceAnnotations,omitempty"`
	// Members are an enum type's members in documented order.
	Members []*EnumMember `json:"members,omitempty"`
	// Flags marks an enum whose values combine (a collection-typed enum
	// property, numeric powers of two, or documented as flags).
	Flags bool `json:"flags,omitempty"`
	// Evolvable marks an enum that has the unknownFutureValue sentinel.
	Evolvable bool `json:"evolvable,omitempty"`
	// Synthesized marks an enum the docs never name: docgen named it after
	// the property whose description listed the values.
	Synthesized bool `json:"synthesized,omitempty"`
	// Derived lists the qualified names of the types whose Base is this
	// type, sorted.
	Derived []string `json:"derived,omitempty"`
}

// Property returns the type's own property with the given name, or nil.
func (t *Type) Property(name string) *Property {
	for _, p := range t.Properties {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// TypeRef names the type of a property, a parameter or a body.
type TypeRef struct {
	// Name is "Edm.String"-style for primitives, a qualified name for
	// structured and enum types, or JSONType for untyped JSON.
	Name string `json:"type"`
	// Collection marks Collection(Name).
	Collection bool `json:"collection"`
}

// IsPrimitive reports whether r names an Edm primitive.
func (r TypeRef) IsPrimitive() bool { return strings.HasPrefix(r.Name, "Edm.") }

// String formats r as an OData type name: "Collection(Edm.String)".
func (r TypeRef) String() string {
	if r.Collection {
		return "Collection(" + r.Name + ")"
	}
	return r.Name
}

// Tri is a three-valued fact: unknown (not stated), true or false.
type Tri int

const (
	Unknown Tri = iota
	True
	False
)

// MarshalText encodes t as "", "true" or "false".
func (t Tri) MarshalText() ([]byte, error) {
	switch t {
	case True:
		return []byte("true"), nil
	case False:
		return []byte("false"), nil
	}
	return []byte(""), nil
}

// UnmarshalText parses "", "true" or "false".
func (t *Tri) UnmarshalText(b []byte) error {
	switch string(b) {
	case "true":
		*t = True
	case "false":
		*t = False
	default:
		*t = Unknown
	}
	return nil
}

// Property is a structural or navigation property of a type, a request-body
// member or an action parameter.
type Property struct {
	// Name is the JSON member name as documented ("cloudPcId",
	// "@microsoft.graph.conflictBehavior").
	Name string `json:"name"`
	TypeRef
	// Navigation marks a relationship (a row of a Relationships table).
	Navigation bool `json:"navigation"`
	// Required is true when the row itself says so (a "Required" marker or
	// a Required column). A table-level "properties that are required when
	// you create" claim is on RequestBody.RequiredClaim instead.
	Required bool `json:"required"`
	// Optional is true when the row says "Optional".
	Optional bool `json:"optional,omitempty"`
	ReadOnly bool `json:"readOnly,omitempty"`
	// Nullable is what the description states ("Nullable." / "Not nullable.").
	Nullable Tri `json:"nullable,omitempty"`
	// InheritedFrom is the qualified name of the type an "Inherited from"
	// row names; such rows are moved to that type, not kept here.
	InheritedFrom string `json:"inheritedFrom,omitempty"`
	// Description is the description cell as plain text (markup removed).
	Description string `json:"description,omitempty"`
	// Deprecated is non-empty when the row marks the property deprecated
	// (a "(deprecated)" note after the name, or a description that says
	// so): the description's words on it, or "deprecated" when only the
	// note says it.
	Deprecated string `json:"deprecated,omitempty"`
	// Values lists the values a description cell states ("Possible values
	// are: `a`, `b`"), when the Type cell is a primitive; for a named enum
	// type the values become that type's Members instead.
	Values []string `json:"values,omitempty"`
	// Pos is the table row.
	Pos Pos `json:"pos"`
}

// InstanceAnnotation is an instance annotation a page documents for a type:
// a JSON member whose name starts with "@" ("@microsoft.graph.downloadUrl"),
// which OData defines as an annotation of the object, never a property. It
// is typed as documented; generated code keeps its value with the other
// members that have no field.
type InstanceAnnotation struct {
	// Name is the member name as documented, with its "@".
	Name string `json:"name"`
	TypeRef
	ReadOnly    bool   `json:"readOnly,omitempty"`
	Description string `json:"description,omitempty"`
	// Values lists the values the description states, if any.
	Values []string `json:"values,omitempty"`
	// Pos is the table row.
	Pos Pos `json:"pos"`
}

// IsInstanceAnnotation reports whether a documented member name is an
// instance annotation ("@odata.etag", "@microsoft.graph.conflictBehavior")
// rather than a property: OData annotation names start with "@".
func IsInstanceAnnotation(name string) bool { return strings.HasPrefix(name, "@") }

// EnumMember is one member of an enum type.
type EnumMember struct {
	Name string `json:"name"`
	// Value is the documented numeric value, if any.
	Value *int64 `json:"value,omitempty"`
	// AfterSentinel marks members documented after unknownFutureValue.
	AfterSentinel bool   `json:"afterSentinel,omitempty"`
	Description   string `json:"description,omitempty"`
	// Deprecated is non-empty when the row marks the member deprecated, as
	// for Property.Deprecated. "Do not use" on unknownFutureValue is the
	// sentinel convention (Type.Evolvable), not a deprecation.
	Deprecated string `json:"deprecated,omitempty"`
	Pos        Pos    `json:"pos"`
}
