package serve

import (
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// schema is the model's types as the generated code sees them: every
// struct type with its properties flattened (inherited ones first, root
// base first, a redeclared property keeping the base's place), as the
// generator's plan does, so that the validator checks the same members.
type schema struct {
	pkg   *model.Package
	types map[string]*stype
}

// stype is one type of the schema.
type stype struct {
	*model.Type
	// fields are the flattened properties of a struct type, without
	// @odata.type.
	fields []*model.Property
	index  map[string]*model.Property
	// members are an enum's member names.
	members []string
	// key is the key property of an entity type ("id").
	key string
}

// field returns the flattened property named name, or nil.
func (t *stype) field(name string) *model.Property { return t.index[name] }

// isStruct reports whether t is an entity or complex type.
func (t *stype) isStruct() bool { return t.Kind != model.EnumType }

func newSchema(pkg *model.Package) *schema {
	s := &schema{pkg: pkg, types: make(map[string]*stype, len(pkg.Types))}
	for _, t := range pkg.Types {
		if t == nil || t.Name == "" {
			continue
		}
		st := &stype{Type: t}
		for _, m := range t.Members {
			if m != nil {
				st.members = append(st.members, m.Name)
			}
		}
		s.types[t.Name] = st
	}
	for _, st := range s.types {
		if st.isStruct() {
			s.flatten(st)
		}
	}
	return s
}

// lookup returns the named type, or nil for primitives, untyped JSON and
// undefined names.
func (s *schema) lookup(name string) *stype {
	if name == "" || name == model.JSONType || strings.HasPrefix(name, "Edm.") {
		return nil
	}
	return s.types[name]
}

// synthetic returns a struct type for an action's parameter table (a
// request body without a named type), as the generator synthesizes one.
func (s *schema) synthetic(op *model.Operation) *stype {
	t := &model.Type{Name: "#request." + op.Name, Kind: model.ComplexType, Properties: op.RequestBody.Properties}
	st := &stype{Type: t}
	s.flatten(st)
	return st
}

// flatten fills st.fields like the generator's plan.flatten.
func (s *schema) flatten(st *stype) {
	chain := []*model.Type{st.Type}
	seen := map[string]bool{st.Name: true}
	for cur := st.Type; cur.Base != "" && !cur.Builtin; {
		base := s.types[cur.Base]
		if base == nil || base.Name == cur.Name || seen[base.Name] {
			break
		}
		seen[base.Name] = true
		chain = append(chain, base.Type)
		cur = base.Type
	}
	st.index = map[string]*model.Property{}
	pos := map[string]int{}
	add := func(p *model.Property) {
		if p == nil || p.Name == "" || p.Name == "@odata.type" {
			return
		}
		if i, ok := pos[p.Name]; ok {
			st.fields[i] = p
			st.index[p.Name] = p
			return
		}
		pos[p.Name] = len(st.fields)
		st.fields = append(st.fields, p)
		st.index[p.Name] = p
	}
	root := chain[len(chain)-1]
	if root.Kind == model.EntityType && root.Name != model.EntityBase && s.types[model.EntityBase] == nil {
		add(&model.Property{Name: "id", TypeRef: model.TypeRef{Name: "Edm.String"}})
	}
	for i := len(chain) - 1; i >= 0; i-- {
		for _, p := range chain[i].Properties {
			add(p)
		}
	}
	for _, t := range chain {
		if t.Key != "" {
			st.key = t.Key
			break
		}
	}
	if st.key == "" && root.Kind == model.EntityType {
		st.key = "id"
	}
}
