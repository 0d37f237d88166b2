package parser

import (
	"github.com/docgen-dev/docgen/parser/model"
)

// resolveEntities decides entity vs complex for structured types: a type
// is an entity when it has a key, has or gets an id, its own page treats it
// as an addressable resource (Relationships rows, a Methods table of API
// pages), a relationship of another type targets it, or it derives from an
// entity. Only a keyProperty (or an entity base so stated) is the pages'
// word; the rest is evidence, and such types are marked KeyAssumed. Entity
// types without another base derive from EntityBase and get their key;
// their own "id" property lives on EntityBase.
func resolveEntities(all []*model.Type, types map[string]*model.Type, meta map[string]*typeMeta) {
	navTarget := map[string]bool{}
	for _, t := range all {
		for _, p := range t.Properties {
			if p.Navigation && p.InheritedFrom == "" {
				navTarget[p.TypeRef.Name] = true
			}
		}
	}
	const (
		unknown = iota
		stated
		assumed
		not
		visiting
	)
	memo := map[string]int{}
	var kind func(n string) int
	kind = func(n string) int {
		switch k := memo[n]; k {
		case stated, assumed, not:
			return k
		case visiting:
			return not
		}
		t := types[n]
		if t == nil || t.Kind == model.EnumType {
			return not
		}
		memo[n] = visiting
		m := meta[n]
		k := not
		switch {
		case t.Kind == model.EntityType || (m != nil && m.entity) || t.Key != "":
			k = stated
		case t.Base != "" && kind(t.Base) != not:
			k = kind(t.Base)
		// An "id" row typed other than String (chatMessageMention's
		// Int32 index) is a member, not entity evidence: an entity's
		// key is the inherited String id.
		case m != nil && m.hasID && !nonStringID(t), m != nil && m.addressable, navTarget[n]:
			k = assumed
		}
		memo[n] = k
		return k
	}
	for _, t := range all {
		if t.Kind == model.EnumType {
			continue
		}
		switch kind(t.Name) {
		case stated:
			t.Kind = model.EntityType
		case assumed:
			t.Kind, t.KeyAssumed = model.EntityType, t.Name != model.EntityBase
		default:
			t.Kind = model.ComplexType
		}
	}
	for _, t := range all {
		if t.Kind != model.EntityType || t.Name == model.EntityBase {
			continue
		}
		if t.Base == "" {
			t.Base, t.BaseAssumed = model.EntityBase, true
		}
	}
	var keyOf func(t *model.Type, depth int) string
	keyOf = func(t *model.Type, depth int) string {
		if t.Key != "" || depth > 50 {
			return t.Key
		}
		if b := types[t.Base]; b != nil {
			return keyOf(b, depth+1)
		}
		return "id"
	}
	for _, t := range all {
		if t.Kind != model.EntityType || t.Name == model.EntityBase {
			continue
		}
		inheritsKey := types[t.Base] != nil && types[t.Base].Kind == model.EntityType
		t.Key = keyOf(t, 0)
		if inheritsKey {
			// The key property is declared by the root of the chain.
			kept := t.Properties[:0]
			for _, p := range t.Properties {
				if p.Name == t.Key && t.Key == "id" && !nonStringIDProp(p) {
					// A non-String id row is kept so its type is
					// not lost.
					continue
				}
				kept = append(kept, p)
			}
			t.Properties = kept
		}
	}
}

// nonStringID reports whether t declares an "id" property of a type other
// than Edm.String.
func nonStringID(t *model.Type) bool {
	for _, p := range t.Properties {
		if p.Name == "id" {
			return nonStringIDProp(p)
		}
	}
	return false
}

// nonStringIDProp reports whether an id property has a type other than
// Edm.String (a single value, not a collection).
func nonStringIDProp(p *model.Property) bool {
	return p.TypeRef.Name != "" && p.TypeRef.Name != "Edm.String" && !p.Collection
}

// breakCycles removes inheritance cycles (weak signals such as "Inherited
// from" rows can contradict each other): in each cycle the base read from
// the weakest signal is dropped.
func breakCycles(all []*model.Type, types map[string]*model.Type, meta map[string]*typeMeta) {
	for _, t := range all {
		seen := map[string]bool{}
		var chain []*model.Type
		for cur := t; cur != nil && cur.Base != ""; cur = types[cur.Base] {
			if seen[cur.Name] {
				// cur closes a cycle: drop the weakest base in it.
				weakest := cur
				for _, c := range chain {
					if !seen[c.Name] {
						continue
					}
					if meta[c.Name] != nil && meta[weakest.Name] != nil && meta[c.Name].basePrio > meta[weakest.Name].basePrio {
						weakest = c
					}
				}
				weakest.Base = ""
				break
			}
			seen[cur.Name] = true
			chain = append(chain, cur)
		}
	}
}

// hasDefinition reports whether a type has its own resource or enum page.
func hasDefinition(g []*contrib) bool {
	for _, c := range g {
		if c.prio == prioDefinition {
			return true
		}
	}
	return false
}
