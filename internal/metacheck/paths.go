package metacheck

import (
	"fmt"
	"strings"

	"github.com/docgen-dev/docgen/internal/csdl"
	"github.com/docgen-dev/docgen/parser/model"
)

// state is where a path has got to: a single entity or complex value of
// type t, or a collection of them. open means the path has left what the
// metadata can follow (a stream, a primitive, an operation import): the
// rest is accepted.
type state struct {
	t    *csdl.Type
	coll bool
	open bool
}

func (s state) String() string {
	if s.coll {
		return "Collection(" + s.t.Name + ")"
	}
	return s.t.Name
}

// resolve follows p through the metadata and returns "" when it resolves,
// or else what does not resolve.
func (c *checker) resolve(p *model.Path) string {
	segs := p.Segments
	first := segs[0]
	if first == nil {
		return ""
	}
	name := segName(first)
	if strings.HasPrefix(name, "$") {
		return ""
	}
	var s state
	if src := c.md.Source(name); src != nil {
		t := c.md.Type(src.Type)
		if t == nil {
			return ""
		}
		s = state{t: t, coll: !src.Singleton}
		if first.Kind == model.KeySegment {
			if !s.coll {
				return fmt.Sprintf("singleton %s takes no key", src.Name)
			}
			s.coll = false
		}
	} else {
		for _, im := range c.md.Imports {
			if strings.EqualFold(im, name) {
				return ""
			}
		}
		return fmt.Sprintf("%q is no entity set, singleton or operation import of the metadata; fix the first segment", name)
	}
	for _, seg := range segs[1:] {
		if seg == nil || s.open {
			return ""
		}
		var msg string
		s, msg = c.step(s, seg)
		if msg != "" {
			return msg
		}
	}
	return ""
}

func segName(s *model.Segment) string {
	if s.Name != "" {
		return s.Name
	}
	name := s.Raw
	if i := strings.IndexAny(name, "(:"); i >= 0 {
		name = name[:i]
	}
	return strings.TrimSpace(name)
}

// step follows one segment from s.
func (c *checker) step(s state, seg *model.Segment) (state, string) {
	switch seg.Kind {
	case model.Param:
		if !s.coll {
			// A placeholder for a property name ("{property-name}",
			// "{size}" of a thumbnailSet): the rest is not followed.
			return state{open: true}, ""
		}
		s.coll = false
		return s, ""
	case model.PathSegment:
		// OneDrive path addressing: "root:/{path}:" or "{id}:/{path}:"
		// addresses an item of the same type.
		if seg.Name != "" {
			ns, msg := c.member(s, seg.Name, seg.Raw)
			if msg != "" {
				return s, msg
			}
			s = ns
		}
		if s.open {
			return s, ""
		}
		s.coll = false
		return s, ""
	}
	name := segName(seg)
	if strings.HasPrefix(name, "$") || name == "" || strings.Trim(name, ".") == "" {
		// $value, $ref, $count; "..." stands for any path.
		return state{open: true}, ""
	}
	ns, msg := c.member(s, name, seg.Raw)
	if msg != "" {
		if s.coll && seg.Kind == model.Literal && !c.elementHas(s, name) {
			// Key-as-segment: a literal after a collection that is no
			// cast or operation is a key value ("/domains/contoso.com").
			s.coll = false
			return s, ""
		}
		return s, msg
	}
	if seg.Kind == model.KeySegment && !ns.open && ns.coll {
		ns.coll = false
	}
	return ns, ""
}

// member follows a named segment from s: a property, a cast or a bound
// operation.
func (c *checker) member(s state, name, raw string) (state, string) {
	if !s.coll {
		if mp, _ := c.md.FindProperty(s.t, name); mp != nil {
			return c.typed(mp.Type), ""
		}
	}
	if strings.Contains(name, ".") {
		if ct := c.md.Type(name); ct != nil && ct.Kind != csdl.Enum {
			if c.md.IsA(ct, s.t.Name) || c.md.IsA(s.t, ct.Name) {
				return state{t: ct, coll: s.coll}, ""
			}
			return s, fmt.Sprintf("cast %s names %s, which does not derive from %s", raw, ct.Name, s.t.Name)
		}
	}
	if op := c.boundOp(s, name); op != nil {
		if op.ReturnType == nil {
			return state{open: true}, ""
		}
		return c.typed(*op.ReturnType), ""
	}
	// Not found: say whether a derived type has it (a missing cast).
	short := name
	if i := strings.LastIndexByte(short, '.'); i >= 0 {
		short = short[i+1:]
	}
	for _, d := range c.descendants(s.t) {
		if d.Property(short) != nil || (!s.coll && c.hasPropertyFold(d, short)) {
			return s, fmt.Sprintf("%s has no %q; derived type %s has it, so insert the cast segment /%s before it", s, raw, d.Name, d.Name)
		}
		if op := c.boundOp(state{t: d, coll: s.coll}, name); op != nil {
			return s, fmt.Sprintf("%s has no bound operation %q; it is bound to derived type %s, so insert the cast segment /%s before it", s, raw, d.Name, d.Name)
		}
	}
	if s.coll {
		if c.elementHas(s, name) {
			return s, fmt.Sprintf("%q follows %s, which is a collection; add a key segment ({id}) before it", raw, s)
		}
		return s, fmt.Sprintf("%s has no cast or bound operation %q; fix the segment", s, raw)
	}
	return s, fmt.Sprintf("%s has no property, cast or bound operation %q; fix the segment", s, raw)
}

func (c *checker) hasPropertyFold(t *csdl.Type, name string) bool {
	for _, p := range t.Properties {
		if strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

// typed is the state after a value of type r: open for primitives and
// types the metadata lacks.
func (c *checker) typed(r csdl.TypeRef) state {
	t := c.md.Type(r.Name)
	if t == nil || t.Kind == csdl.Enum {
		return state{open: true}
	}
	return state{t: t, coll: r.Collection}
}

// boundOp finds an action or function named name (short, or qualified by
// a namespace or alias) bound to s's type, one of its ancestors, with the
// same collection flag.
func (c *checker) boundOp(s state, name string) *csdl.Operation {
	qual := ""
	short := name
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		qual, short = name[:i], name[i+1:]
	}
	chain := append([]*csdl.Type{s.t}, c.md.Ancestors(s.t)...)
	for _, t := range chain {
		for _, op := range c.md.BoundTo(t.Name) {
			b, _ := op.Binding()
			if b.Collection != s.coll || !strings.EqualFold(op.Short, short) {
				continue
			}
			if qual != "" && !c.sameNamespace(qual, op.Name[:len(op.Name)-len(op.Short)-1]) {
				continue
			}
			return op
		}
	}
	return nil
}

// descendants returns every type deriving from t, breadth first.
func (c *checker) descendants(t *csdl.Type) []*csdl.Type {
	var out []*csdl.Type
	seen := map[*csdl.Type]bool{t: true}
	queue := []*csdl.Type{t}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, d := range c.md.Derived(x) {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
				queue = append(queue, d)
			}
		}
	}
	return out
}

// sameNamespace reports whether qual names namespace ns, directly or
// through the schema's alias.
func (c *checker) sameNamespace(qual, ns string) bool {
	if strings.EqualFold(qual, ns) {
		return true
	}
	for _, s := range c.md.Schemas {
		if strings.EqualFold(s.Namespace, ns) && s.Alias != "" && strings.EqualFold(s.Alias, qual) {
			return true
		}
	}
	return false
}

// elementHas reports whether one element of the collection s has a
// property or bound operation named name.
func (c *checker) elementHas(s state, name string) bool {
	one := state{t: s.t}
	if mp, _ := c.md.FindProperty(s.t, name); mp != nil {
		return true
	}
	return c.boundOp(one, name) != nil
}
