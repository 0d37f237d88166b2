package examples

import (
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// The model lookups of the documentation rules: types by name, base
// chains, the properties a type has with its bases.

// findType returns the type named name, or nil.
func (c *Checker) findType(name string) *model.Type {
	if name == "" {
		return nil
	}
	return c.pkg.Type(name)
}

// derivesFrom reports whether type name is base or derives from it.
func (c *Checker) derivesFrom(name, base string) bool {
	seen := map[string]bool{}
	for name != "" && !seen[name] {
		if name == base {
			return true
		}
		seen[name] = true
		t := c.findType(name)
		if t == nil {
			return false
		}
		name = t.Base
		if name == "" && t.Kind == model.EntityType {
			name = model.EntityBase
		}
	}
	return false
}

// property finds a property of t or of its base types, and reports
// whether it belongs to a built-in type (EntityBase's key).
func (c *Checker) property(t *model.Type, name string) (*model.Property, bool) {
	seen := map[string]bool{}
	for t != nil && !seen[t.Name] {
		seen[t.Name] = true
		for _, p := range t.Properties {
			if p != nil && p.Name == name {
				return p, t.Builtin
			}
		}
		t = c.findType(t.Base)
	}
	return nil, false
}

// hasProperty reports whether t or a base type has the property.
func (c *Checker) hasProperty(t *model.Type, name string) bool {
	p, _ := c.property(t, name)
	return p != nil
}

// isOpen reports whether t or a base type is open.
func (c *Checker) isOpen(t *model.Type) bool {
	seen := map[string]bool{}
	for t != nil && !seen[t.Name] {
		seen[t.Name] = true
		if t.OpenType {
			return true
		}
		t = c.findType(t.Base)
	}
	return false
}

// hasProperties reports whether t or a base type documents any property
// (besides the built-in key): a type documented with no property table is
// not checked member by member.
func (c *Checker) hasProperties(t *model.Type) bool {
	seen := map[string]bool{}
	for t != nil && !seen[t.Name] {
		seen[t.Name] = true
		if !t.Builtin && len(t.Properties) > 0 {
			return true
		}
		t = c.findType(t.Base)
	}
	return false
}

// nestedTable reports whether every member of object n (annotations
// aside) is a row of the request-body table: the table then documents n,
// not the body.
func nestedTable(n *Node, rows []*model.Property) bool {
	if len(rows) == 0 {
		return false
	}
	found := 0
	for _, m := range n.Members {
		if strings.Contains(m.Key, "@") {
			continue
		}
		if !slices.ContainsFunc(rows, func(p *model.Property) bool { return p != nil && p.Name == m.Key }) {
			return false
		}
		found++
	}
	return found > 0
}

// isEntity reports whether t is an entity type (its own kind, or through
// its base chain).
func (c *Checker) isEntity(t *model.Type) bool {
	return t != nil && (t.Kind == model.EntityType || c.derivesFrom(t.Name, model.EntityBase))
}

// propertyFold returns the name of a property of t, its bases or extra that
// equals name ignoring case, or "" (for "did you mean" hints).
func (c *Checker) propertyFold(t *model.Type, extra []*model.Property, name string) string {
	for _, p := range extra {
		if p != nil && strings.EqualFold(p.Name, name) {
			return p.Name
		}
	}
	seen := map[string]bool{}
	for t != nil && !seen[t.Name] {
		seen[t.Name] = true
		for _, p := range t.Properties {
			if p != nil && strings.EqualFold(p.Name, name) {
				return p.Name
			}
		}
		t = c.findType(t.Base)
	}
	return ""
}
