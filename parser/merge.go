package parser

import (
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/docgen-dev/docgen/parser/model"
)

// builtinEntity is microsoft.graph.entity, the root of entity types, which
// docgen defines itself so every entity type has its key.
func builtinEntity() *contrib {
	return &contrib{
		t: &model.Type{
			Name:    model.EntityBase,
			Kind:    model.EntityType,
			Key:     "id",
			Builtin: true,
			Properties: []*model.Property{{
				Name:        "id",
				TypeRef:     model.TypeRef{Name: "Edm.String"},
				ReadOnly:    true,
				Description: "The unique identifier of the entity.",
			}},
		},
		prio:      prioBuiltin,
		kindKnown: true,
		hasID:     true,
	}
}

// merge combines page results into a package. Contributions to one type
// are merged in a fixed order (priority, then file, then position), so the
// result does not depend on the order pages were parsed in.
func merge(results []*PageResult) *model.Package {
	pkg := &model.Package{Types: []*model.Type{}, Operations: []*model.Operation{}}
	var diags []model.Diagnostic
	groups := map[string][]*contrib{}
	var names []string
	add := func(c *contrib) {
		if c.t.Name == "" {
			return
		}
		if _, ok := groups[c.t.Name]; !ok {
			names = append(names, c.t.Name)
		}
		groups[c.t.Name] = append(groups[c.t.Name], c)
	}
	add(builtinEntity())
	resolveLinks(results)
	for _, r := range results {
		if r == nil {
			continue
		}
		pkg.Pages = append(pkg.Pages, r.Page)
		if r.Operation != nil {
			pkg.Operations = append(pkg.Operations, r.Operation)
		}
		diags = append(diags, r.Diagnostics...)
		for _, c := range r.contribs {
			add(c)
		}
	}
	sort.Strings(names)
	var merge []string
	for _, n := range names {
		weak := true
		for _, c := range groups[n] {
			weak = weak && c.prio >= prioJSONDerived
		}
		if weak {
			// Only an @odata.type in an example names it: not a
			// documented type.
			continue
		}
		merge = append(merge, n)
	}
	// Groups are independent (each contribution is in one group): they
	// are merged in parallel into slots, read back in name order.
	merged := make([]merged, len(merge))
	parallel(len(merge), func(i int) {
		g := groups[merge[i]]
		sortGroup(g)
		merged[i].t, merged[i].m, merged[i].diags = mergeGroup(g)
	})
	types := make(map[string]*model.Type, len(merge))
	meta := make(map[string]*typeMeta, len(merge))
	for i, n := range merge {
		mg := &merged[i]
		diags = append(diags, mg.diags...)
		types[n] = mg.t
		meta[n] = mg.m
		pkg.Types = append(pkg.Types, mg.t)
	}
	defined := map[string]bool{}
	for _, n := range merge {
		defined[n] = hasDefinition(groups[n])
	}
	actionBodies(results, types, defined)
	diags = append(diags, inferExampleTypes(results, types)...)
	breakCycles(pkg.Types, types, meta)
	resolveEntities(pkg.Types, types, meta)
	for _, t := range pkg.Types {
		if t.Base != "" {
			if b := types[t.Base]; b != nil {
				b.Derived = append(b.Derived, t.Name)
			}
		}
	}
	for _, t := range pkg.Types {
		sort.Strings(t.Derived)
		if t.Kind == model.EnumType {
			t.Evolvable = markSentinel(t.Members)
		}
	}
	sort.SliceStable(pkg.Operations, func(i, j int) bool {
		return pkg.Operations[i].Pos.Before(pkg.Operations[j].Pos)
	})
	uniqueOperationNames(pkg.Operations)
	sort.SliceStable(pkg.Pages, func(i, j int) bool { return pkg.Pages[i].File < pkg.Pages[j].File })
	pkg.Diagnostics = sortDiagnostics(diags)
	return pkg
}

// merged is the merge of one group of contributions.
type merged struct {
	t     *model.Type
	m     *typeMeta
	diags []model.Diagnostic
}

// sortGroup orders the contributions to one type: the winner first.
func sortGroup(g []*contrib) {
	sort.SliceStable(g, func(i, j int) bool {
		a, b := g[i], g[j]
		if a.prio != b.prio {
			return a.prio < b.prio
		}
		// Among equals, the page named after the type (user.md for
		// microsoft.graph.user) is its home, not a page that happens to
		// sort first (intune-devices-user.md).
		if ha, hb := isHomePage(a.t), isHomePage(b.t); ha != hb {
			return ha
		}
		return a.t.Pos.Before(b.t.Pos)
	})
}

// parallel calls fn(i) for every i in [0, n), on up to GOMAXPROCS
// goroutines; fn must only write state of its own i.
func parallel(n int, fn func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// typeMeta is what the merge learnt about a type beyond the model.
type typeMeta struct {
	basePrio    int // priority of the contribution Base came from
	hasID       bool
	addressable bool // its own page treats it as a resource (contrib.addressable)
	entity      bool // stated entity (keyProperty or entity contribution)
	structure   bool // not an enum
}

// sameMembers compares member names as sets; a list that omits
// unknownFutureValue (prose often does) still matches.
func sameMembers(a, b []*model.EnumMember) bool {
	return subsetMembers(a, b) && subsetMembers(b, a)
}

// subsetMembers reports whether every member of a other than
// unknownFutureValue is in b.
func subsetMembers(a, b []*model.EnumMember) bool {
	set := map[string]bool{}
	for _, m := range b {
		set[m.Name] = true
	}
	for _, m := range a {
		if m.Name != model.SentinelMember && !set[m.Name] {
			return false
		}
	}
	return true
}

// memberNames lists the names of ms, comma-separated.
func memberNames(ms []*model.EnumMember) string {
	var n []string
	for _, m := range ms {
		n = append(n, m.Name)
	}
	return strings.Join(n, ", ")
}

// mergeGroup merges the sorted contributions to one type.
func mergeGroup(g []*contrib) (*model.Type, *typeMeta, []model.Diagnostic) {
	var diags []model.Diagnostic
	first := g[0]
	t := &model.Type{Name: first.t.Name, Kind: first.t.Kind, Pos: first.t.Pos, Builtin: first.t.Builtin}
	m := &typeMeta{structure: first.t.Kind != model.EnumType}
	var baseSrc model.Pos
	var membersSrc model.Pos
	haveMembers := false
	noBase := false
	sources := map[model.Pos]bool{}
	defined := hasDefinition(g)
	for _, c := range g {
		ct := c.t
		if c.t.Pos.IsValid() {
			sources[c.t.Pos] = true
		}
		isEnum := ct.Kind == model.EnumType
		if isEnum != !m.structure {
			what := "an enum"
			if !isEnum {
				what = "an entity or complex type"
			}
			diags = append(diags, model.Diagnostic{Pos: ct.Pos, Severity: model.Warning, Code: CodeTypeConflict,
				Message: t.Name + " is documented here as " + what + " but as a " + t.Kind.String() + " type at " + t.Pos.String() + "; document it one way"})
			continue
		}
		if t.Builtin && !t.Pos.IsValid() && c.prio == prioDefinition {
			// A page documents the built-in root (resources/entity.md):
			// that page is where it is defined.
			t.Pos = ct.Pos
		}
		if t.Description == "" {
			t.Description = ct.Description
		}
		if t.Deprecated == "" {
			t.Deprecated = ct.Deprecated
		}
		t.Abstract = t.Abstract || ct.Abstract
		t.OpenType = t.OpenType || ct.OpenType
		if t.Key == "" {
			t.Key = ct.Key
		}
		if ct.Kind == model.EntityType {
			m.entity = true
		}
		if c.addressable && c.prio == prioDefinition {
			m.addressable = true
		}
		if c.hasID && (c.prio < prioInherited || !hasDefinition(g)) {
			// Rows of other pages ("Inherited from x" id rows) make x an
			// entity only when x has no page of its own to say so.
			m.hasID = true
		}
		if c.noBase && c.prio == prioDefinition && t.Base == "" {
			noBase = true
		}
		if ct.Base != "" && !(noBase && c.prio >= prioJSONDerived) {
			// A base read from an @odata.type in another type's
			// representation does not override a page's "baseType": null.
			src := c.baseSrc
			if !src.IsValid() {
				src = ct.Pos
			}
			switch {
			case t.Base == "":
				t.Base, baseSrc = ct.Base, src
				m.basePrio = c.prio
			case t.Base != ct.Base && c.prio < prioInherited:
				diags = append(diags, model.Diagnostic{Pos: src, Severity: model.Warning, Code: CodeBaseConflict,
					Message: t.Name + " inherits from " + ct.Base + " here but from " + t.Base + " at " + baseSrc.String() + "; make the pages agree"})
			}
		}
		for _, p := range ct.Properties {
			old := t.Property(p.Name)
			if old == nil {
				if c.prio == prioAPIPage && defined {
					// A request-body row of an API page adds no
					// property to a type with a page of its own: the
					// table may be an action's parameters or a derived
					// type's members (team-clone's body is no
					// operation's property); the type's own tables say
					// what it has.
					continue
				}
				cp := *p
				t.Properties = append(t.Properties, &cp)
				continue
			}
			sameish := strings.EqualFold(old.TypeRef.Name, p.TypeRef.Name) && old.Collection == p.Collection
			if old.TypeRef.Name != "" && p.TypeRef.Name != "" && !sameish {
				diags = append(diags, model.Diagnostic{Pos: p.Pos, Severity: model.Warning, Code: CodeTypeConflict,
					Message: "property " + p.Name + " of " + t.Name + " is " + p.TypeRef.String() + " here but " + old.TypeRef.String() + " at " + old.Pos.String() + "; use one type"})
			}
			if old.Description == "" {
				old.Description = p.Description
			}
			if old.Deprecated == "" {
				old.Deprecated = p.Deprecated
			}
			if len(old.Values) == 0 && len(p.Values) > 0 {
				old.Values = p.Values
			}
		}
		if isEnum {
			t.Flags = t.Flags || ct.Flags
			if len(ct.Members) > 0 {
				if !haveMembers {
					for _, mb := range ct.Members {
						cp := *mb
						t.Members = append(t.Members, &cp)
					}
					haveMembers = true
					membersSrc = c.membersSrc
					if !membersSrc.IsValid() {
						membersSrc = ct.Pos
					}
				} else if !sameMembers(t.Members, ct.Members) {
					src := c.membersSrc
					if !src.IsValid() {
						src = ct.Pos
					}
					sev := model.Warning
					if c.prio == prioJSONAlts && subsetMembers(ct.Members, t.Members) {
						// "a | b" in a JSON representation often
						// shows a few of the members only.
						sev = model.Info
					}
					diags = append(diags, model.Diagnostic{Pos: src, Severity: sev, Code: CodeEnumConflict,
						Message: "enum " + t.Name + " has members " + memberNames(ct.Members) + " here but " + memberNames(t.Members) +
							" at " + membersSrc.String() + "; list the same members in both places"})
				}
			}
		}
	}
	t.Properties, t.InstanceAnnotations = splitAnnotations(t.Properties)
	for p := range sources {
		t.Sources = append(t.Sources, p)
	}
	sort.Slice(t.Sources, func(i, j int) bool { return t.Sources[i].Before(t.Sources[j]) })
	if !m.structure {
		t.Kind = model.EnumType
		t.Base = ""
	}
	return t, m, diags
}
