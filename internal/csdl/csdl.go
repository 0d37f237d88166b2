// Package csdl reads OData CSDL/EDMX metadata documents (a service's
// `$metadata`, such as Microsoft Graph's) with encoding/xml into a small
// model: the structured and enum types with their properties and members,
// the entity container's entity sets and singletons, and the actions and
// functions. Aliases are resolved: every type name in the model is
// namespace-qualified ("microsoft.graph.entity", never "graph.entity").
//
// Only what a docs cross-check needs is kept; annotations, terms, type
// definitions and referential constraints are skipped.
package csdl

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// Kind says what a Type is.
type Kind int

const (
	// Entity is an EntityType.
	Entity Kind = iota
	// Complex is a ComplexType.
	Complex
	// Enum is an EnumType.
	Enum
)

func (k Kind) String() string {
	switch k {
	case Entity:
		return "entity"
	case Complex:
		return "complex"
	case Enum:
		return "enum"
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// TypeRef is a property, parameter or return type: Name is qualified
// ("Edm.String", "microsoft.graph.user"), Collection marks Collection(Name).
type TypeRef struct {
	Name       string
	Collection bool
}

// String formats r as CSDL writes it: "Collection(Edm.String)".
func (r TypeRef) String() string {
	if r.Collection {
		return "Collection(" + r.Name + ")"
	}
	return r.Name
}

// Property is a structural or navigation property.
type Property struct {
	Name string
	Type TypeRef
	// Nullable is the Nullable facet; CSDL's default is true.
	Nullable bool
	// Navigation marks a NavigationProperty.
	Navigation bool
	// ContainsTarget marks a containment navigation property.
	ContainsTarget bool
	// Line is the element's line in the metadata document.
	Line int
}

// Member is an enum member.
type Member struct {
	Name  string
	Value string
}

// Type is an entity, complex or enum type.
type Type struct {
	// Name is the qualified name, "microsoft.graph.user".
	Name string
	// Namespace is the schema's namespace; Short the name without it.
	Namespace, Short string
	Kind             Kind
	// Base is the qualified BaseType ("" for none).
	Base      string
	Abstract  bool
	OpenType  bool
	HasStream bool
	// Key lists the key property names (entity types that declare a key).
	Key []string
	// Properties are the own structural then navigation properties in
	// document order.
	Properties []*Property
	// IsFlags and Members describe an enum type.
	IsFlags bool
	Members []*Member
	Line    int
}

// Property returns the own property named name (exact), or nil.
func (t *Type) Property(name string) *Property {
	for _, p := range t.Properties {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Binding is a NavigationPropertyBinding of an entity set or singleton.
type Binding struct {
	Path, Target string
}

// Source is an entity set or a singleton of the entity container.
type Source struct {
	Name string
	// Type is the qualified entity type.
	Type string
	// Singleton marks a Singleton (no key segment follows it).
	Singleton bool
	Bindings  []Binding
}

// Parameter is an action or function parameter.
type Parameter struct {
	Name     string
	Type     TypeRef
	Nullable bool
}

// Operation is an action or a function.
type Operation struct {
	// Name is qualified; Short is the name without the namespace.
	Name, Short  string
	Function     bool
	IsBound      bool
	IsComposable bool
	// Parameters are in order; for a bound operation the first is the
	// binding parameter.
	Parameters []Parameter
	// ReturnType is nil for an action that returns nothing.
	ReturnType *TypeRef
}

// Binding returns the bound-to type (the first parameter's type) and true,
// or false for an unbound operation.
func (o *Operation) Binding() (TypeRef, bool) {
	if !o.IsBound || len(o.Parameters) == 0 {
		return TypeRef{}, false
	}
	return o.Parameters[0].Type, true
}

// Schema is one <Schema>.
type Schema struct {
	Namespace, Alias string
}

// Model is a parsed metadata document.
type Model struct {
	Schemas []Schema
	// Types are in document order.
	Types []*Type
	// Sources are the entity sets and singletons in document order.
	Sources []*Source
	// Operations are the actions and functions in document order.
	Operations []*Operation
	// Imports are the container's ActionImport and FunctionImport names
	// (unbound operations addressable from the service root).
	Imports []string

	byName  map[string]*Type
	derived map[string][]*Type
	bound   map[string][]*Operation
}

// ReadFile parses the metadata document at path.
func ReadFile(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// XML shapes. Local names only: EDMX and EDM namespaces are not checked,
// so v4.0 and v4.01 documents read alike.
type xProperty struct {
	Name           string `xml:"Name,attr"`
	Type           string `xml:"Type,attr"`
	Nullable       string `xml:"Nullable,attr"`
	ContainsTarget string `xml:"ContainsTarget,attr"`
}

type xKey struct {
	Refs []struct {
		Name string `xml:"Name,attr"`
	} `xml:"PropertyRef"`
}

type xStructured struct {
	Name       string      `xml:"Name,attr"`
	BaseType   string      `xml:"BaseType,attr"`
	Abstract   string      `xml:"Abstract,attr"`
	OpenType   string      `xml:"OpenType,attr"`
	HasStream  string      `xml:"HasStream,attr"`
	Key        *xKey       `xml:"Key"`
	Properties []xProperty `xml:"Property"`
	Navigation []xProperty `xml:"NavigationProperty"`
}

type xEnum struct {
	Name    string `xml:"Name,attr"`
	IsFlags string `xml:"IsFlags,attr"`
	Members []struct {
		Name  string `xml:"Name,attr"`
		Value string `xml:"Value,attr"`
	} `xml:"Member"`
}

type xBinding struct {
	Path   string `xml:"Path,attr"`
	Target string `xml:"Target,attr"`
}

type xSource struct {
	Name       string     `xml:"Name,attr"`
	EntityType string     `xml:"EntityType,attr"`
	Type       string     `xml:"Type,attr"`
	Bindings   []xBinding `xml:"NavigationPropertyBinding"`
}

type xOperation struct {
	Name         string `xml:"Name,attr"`
	IsBound      string `xml:"IsBound,attr"`
	IsComposable string `xml:"IsComposable,attr"`
	Parameters   []struct {
		Name     string `xml:"Name,attr"`
		Type     string `xml:"Type,attr"`
		Nullable string `xml:"Nullable,attr"`
	} `xml:"Parameter"`
	ReturnType *struct {
		Type string `xml:"Type,attr"`
	} `xml:"ReturnType"`
}

// Read parses a CSDL/EDMX document. Any number of <Schema> elements are
// read, wherever they are nested (edmx:DataServices, or a bare Schema
// document). A document that is not well-formed XML, or that holds no
// Schema, is an error that names the line.
func Read(r io.Reader) (*Model, error) {
	dec := xml.NewDecoder(r)
	m := &Model{}
	type pending struct {
		ns    string
		apply func(resolve func(string) string)
	}
	var todo []pending
	aliases := map[string]string{}
	var ns string // current schema's namespace
	depth, schemaDepth := 0, -1
	inContainer := false
	line := func() int { l, _ := dec.InputPos(); return l }
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("malformed metadata XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			depth--
			if depth == schemaDepth {
				schemaDepth = -1
			}
			if t.Name.Local == "EntityContainer" {
				inContainer = false
			}
			continue
		case xml.StartElement:
			depth++
			start := line()
			if t.Name.Local == "Schema" {
				ns, schemaDepth = attr(t, "Namespace"), depth-1
				if ns == "" {
					return nil, fmt.Errorf("line %d: <Schema> without a Namespace", start)
				}
				s := Schema{Namespace: ns, Alias: attr(t, "Alias")}
				m.Schemas = append(m.Schemas, s)
				if s.Alias != "" {
					aliases[s.Alias] = ns
				}
				continue
			}
			if schemaDepth < 0 {
				continue
			}
			if t.Name.Local == "EntityContainer" {
				inContainer = true
				continue
			}
			if depth != schemaDepth+2 && !(inContainer && depth == schemaDepth+3) {
				continue
			}
			curNS := ns
			switch t.Name.Local {
			case "EntityType", "ComplexType":
				var x xStructured
				if err := dec.DecodeElement(&x, &t); err != nil {
					return nil, fmt.Errorf("malformed metadata XML near line %d: %w", start, err)
				}
				depth--
				ty := &Type{Name: curNS + "." + x.Name, Namespace: curNS, Short: x.Name, Kind: Entity,
					Abstract: isTrue(x.Abstract), OpenType: isTrue(x.OpenType), HasStream: isTrue(x.HasStream), Line: start}
				if t.Name.Local == "ComplexType" {
					ty.Kind = Complex
				}
				if x.Key != nil {
					for _, r := range x.Key.Refs {
						ty.Key = append(ty.Key, r.Name)
					}
				}
				m.Types = append(m.Types, ty)
				todo = append(todo, pending{curNS, func(res func(string) string) {
					if x.BaseType != "" {
						ty.Base = res(x.BaseType)
					}
					for _, p := range x.Properties {
						ty.Properties = append(ty.Properties, &Property{Name: p.Name, Type: typeRef(p.Type, res), Nullable: p.Nullable != "false", Line: start})
					}
					for _, p := range x.Navigation {
						ty.Properties = append(ty.Properties, &Property{Name: p.Name, Type: typeRef(p.Type, res), Nullable: p.Nullable != "false",
							Navigation: true, ContainsTarget: isTrue(p.ContainsTarget), Line: start})
					}
				}})
			case "EnumType":
				var x xEnum
				if err := dec.DecodeElement(&x, &t); err != nil {
					return nil, fmt.Errorf("malformed metadata XML near line %d: %w", start, err)
				}
				depth--
				ty := &Type{Name: curNS + "." + x.Name, Namespace: curNS, Short: x.Name, Kind: Enum, IsFlags: isTrue(x.IsFlags), Line: start}
				for _, mb := range x.Members {
					ty.Members = append(ty.Members, &Member{Name: mb.Name, Value: mb.Value})
				}
				m.Types = append(m.Types, ty)
			case "Action", "Function":
				var x xOperation
				if err := dec.DecodeElement(&x, &t); err != nil {
					return nil, fmt.Errorf("malformed metadata XML near line %d: %w", start, err)
				}
				depth--
				op := &Operation{Name: curNS + "." + x.Name, Short: x.Name, Function: t.Name.Local == "Function",
					IsBound: isTrue(x.IsBound), IsComposable: isTrue(x.IsComposable)}
				m.Operations = append(m.Operations, op)
				todo = append(todo, pending{curNS, func(res func(string) string) {
					for _, p := range x.Parameters {
						op.Parameters = append(op.Parameters, Parameter{Name: p.Name, Type: typeRef(p.Type, res), Nullable: p.Nullable != "false"})
					}
					if x.ReturnType != nil {
						rt := typeRef(x.ReturnType.Type, res)
						op.ReturnType = &rt
					}
				}})
			case "ActionImport", "FunctionImport":
				if inContainer {
					m.Imports = append(m.Imports, attr(t, "Name"))
				}
			case "EntitySet", "Singleton":
				if !inContainer {
					continue
				}
				var x xSource
				if err := dec.DecodeElement(&x, &t); err != nil {
					return nil, fmt.Errorf("malformed metadata XML near line %d: %w", start, err)
				}
				depth--
				s := &Source{Name: x.Name, Singleton: t.Name.Local == "Singleton"}
				m.Sources = append(m.Sources, s)
				todo = append(todo, pending{curNS, func(res func(string) string) {
					s.Type = res(x.EntityType + x.Type)
					for _, b := range x.Bindings {
						s.Bindings = append(s.Bindings, Binding{Path: resolvePath(b.Path, res), Target: b.Target})
					}
				}})
			}
		}
	}
	if len(m.Schemas) == 0 {
		return nil, errors.New("no <Schema> element: not a CSDL/EDMX metadata document")
	}
	resolve := func(name string) string {
		if i := strings.LastIndexByte(name, '.'); i > 0 {
			if full, ok := aliases[name[:i]]; ok {
				return full + name[i:]
			}
		}
		return name
	}
	for _, p := range todo {
		p.apply(resolve)
	}
	m.index()
	return m, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func isTrue(s string) bool { return s == "true" || s == "1" }

func typeRef(s string, resolve func(string) string) TypeRef {
	s = strings.TrimSpace(s)
	if inner, ok := strings.CutPrefix(s, "Collection("); ok && strings.HasSuffix(inner, ")") {
		return TypeRef{Name: resolve(strings.TrimSuffix(inner, ")")), Collection: true}
	}
	return TypeRef{Name: resolve(s)}
}

// resolvePath resolves aliases in type-cast segments of a binding path.
func resolvePath(p string, resolve func(string) string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if strings.Contains(s, ".") {
			parts[i] = resolve(s)
		}
	}
	return strings.Join(parts, "/")
}

func (m *Model) index() {
	m.byName = map[string]*Type{}
	m.derived = map[string][]*Type{}
	m.bound = map[string][]*Operation{}
	for _, t := range m.Types {
		k := strings.ToLower(t.Name)
		if _, dup := m.byName[k]; !dup {
			m.byName[k] = t
		}
		if t.Base != "" {
			b := strings.ToLower(t.Base)
			m.derived[b] = append(m.derived[b], t)
		}
	}
	for _, o := range m.Operations {
		if b, ok := o.Binding(); ok {
			k := strings.ToLower(b.Name)
			m.bound[k] = append(m.bound[k], o)
		}
	}
}

// Type looks a type up by qualified name, case-insensitively; an alias
// prefix ("graph.user") is resolved. It returns nil when there is none.
func (m *Model) Type(name string) *Type {
	if t, ok := m.byName[strings.ToLower(name)]; ok {
		return t
	}
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		for _, s := range m.Schemas {
			if s.Alias != "" && strings.EqualFold(s.Alias, name[:i]) {
				return m.byName[strings.ToLower(s.Namespace+name[i:])]
			}
		}
	}
	return nil
}

// Ancestors returns t's base types, nearest first. A cycle or a missing
// base ends the chain.
func (m *Model) Ancestors(t *Type) []*Type {
	var out []*Type
	seen := map[*Type]bool{t: true}
	for b := m.Type(t.Base); b != nil && !seen[b]; b = m.Type(b.Base) {
		seen[b] = true
		out = append(out, b)
	}
	return out
}

// IsA reports whether t is name or derives from it (case-insensitive).
func (m *Model) IsA(t *Type, name string) bool {
	if strings.EqualFold(t.Name, name) {
		return true
	}
	for _, a := range m.Ancestors(t) {
		if strings.EqualFold(a.Name, name) {
			return true
		}
	}
	return false
}

// AllProperties returns t's properties, own first then each ancestor's,
// nearest first.
func (m *Model) AllProperties(t *Type) []*Property {
	out := slices.Clone(t.Properties)
	for _, a := range m.Ancestors(t) {
		out = append(out, a.Properties...)
	}
	return out
}

// FindProperty looks a property of t or an ancestor up: exact name first,
// then case-insensitively. It returns the property and the type declaring it.
func (m *Model) FindProperty(t *Type, name string) (*Property, *Type) {
	chain := append([]*Type{t}, m.Ancestors(t)...)
	for _, c := range chain {
		if p := c.Property(name); p != nil {
			return p, c
		}
	}
	for _, c := range chain {
		for _, p := range c.Properties {
			if strings.EqualFold(p.Name, name) {
				return p, c
			}
		}
	}
	return nil, nil
}

// Derived returns the types whose base is t (direct only).
func (m *Model) Derived(t *Type) []*Type { return m.derived[strings.ToLower(t.Name)] }

// Source returns the entity set or singleton named name (exact, then
// case-insensitive), or nil.
func (m *Model) Source(name string) *Source {
	for _, s := range m.Sources {
		if s.Name == name {
			return s
		}
	}
	for _, s := range m.Sources {
		if strings.EqualFold(s.Name, name) {
			return s
		}
	}
	return nil
}

// BoundTo returns the operations bound to exactly the type or collection
// named name (case-insensitive qualified name), with the collection flag
// of their binding parameter.
func (m *Model) BoundTo(name string) []*Operation { return m.bound[strings.ToLower(name)] }
