package parser

import (
	"path"
	"runtime"
	"sort"
	"strconv"
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

// resolveLinks renames types whose name was read from a link's text to the
// type the linked page defines, when that page is among the results:
// "[OnlineMeetingInfo](onlinemeetinginfo.md)" names
// microsoft.graph.onlineMeetingInfo, and "[identitySet](identityset.md)" on
// a callRecords page names microsoft.graph.identitySet. Links to pages that
// are not parsed keep the name read from the text.
func resolveLinks(results []*PageResult) {
	defs := map[string]string{}
	defined := map[string]bool{}
	for _, r := range results {
		if r != nil && r.defines != "" && r.Page != nil {
			defs[strings.ToLower(path.Clean(r.Page.File))] = r.defines
		}
		if r != nil {
			for _, c := range r.contribs {
				if c.prio == prioDefinition {
					defined[c.t.Name] = true
				}
			}
		}
	}
	definer := map[string]*PageResult{}
	for _, r := range results {
		if r != nil && r.defines != "" && r.Page != nil {
			definer[strings.ToLower(path.Clean(r.Page.File))] = r
		}
	}
	reported := map[string]bool{}
	// A page whose type name is a shortening of the name its file spells
	// and links use (a page titled "UserFlow" in identityuserflow.md,
	// linked as identityUserFlow) dropped a prefix: the longer name is the
	// type's. The page and every other use of the short name take it. The
	// reverse (a page's workbookIcon in icon.md, linked as icon) keeps the
	// page's longer name below.
	promote := map[string]string{}
	for _, r := range results {
		if r == nil {
			continue
		}
		for name, target := range r.typeLinks {
			def := defs[target]
			if target == "" || def == "" || def == name || defined[name] || promote[def] != "" {
				continue
			}
			if longerForm(name, def) && strings.EqualFold(shortName(name), strings.TrimSuffix(path.Base(target), ".md")) {
				promote[def] = name
				nameConflict(definer[target], target, name, def, name, reported)
			}
		}
	}
	if len(promote) > 0 {
		for target, def := range defs {
			if n := promote[def]; n != "" {
				defs[target] = n
				defined[n] = true
			}
		}
		for _, r := range results {
			if r == nil {
				continue
			}
			if n := promote[r.defines]; n != "" {
				r.defines = n
			}
			r.renameTypes(promote)
		}
	}
	for _, r := range results {
		if r == nil || len(r.typeLinks) == 0 {
			continue
		}
		var renames map[string]string
		for name, target := range r.typeLinks {
			// A name some page defines is kept: the link text names
			// a real type ("[invitationParticipantInfo](participantinfo.md)").
			if def := defs[target]; target != "" && def != "" && def != name && !defined[name] {
				if renames == nil {
					renames = map[string]string{}
				}
				renames[name] = def
				nameConflict(definer[target], target, name, def, def, reported)
			}
		}
		if renames != nil {
			r.renameTypes(renames)
		}
	}
}

// renameTypes applies renames to every type name of a page result.
func (r *PageResult) renameTypes(renames map[string]string) {
	ren := func(s *string) {
		if n, ok := renames[*s]; ok {
			*s = n
		}
	}
	props := func(ps []*model.Property) {
		for _, p := range ps {
			ren(&p.TypeRef.Name)
			ren(&p.InheritedFrom)
		}
	}
	exs := func(es []*model.Example) {
		for _, e := range es {
			ren(&e.Type.Name)
		}
	}
	for _, c := range r.contribs {
		ren(&c.t.Name)
		ren(&c.t.Base)
		props(c.t.Properties)
	}
	if op := r.Operation; op != nil {
		props(op.QueryParameters)
		if op.RequestBody != nil {
			ren(&op.RequestBody.Type.Name)
			props(op.RequestBody.Properties)
		}
		if op.Response != nil {
			ren(&op.Response.Type.Name)
		}
		exs(op.Examples)
	}
	if r.Page != nil {
		exs(r.Page.Examples)
		r.Page.Types = pageTypes(r.contribs)
	}
}

// uniqueOperationNames makes operation names unique when pages of two
// input folders share a file name (v1.0/api/user-get.md and
// beta/api/user-get.md): each colliding name is prefixed with the nearest
// folder of its page that tells the pages apart ("beta-user-get"). Names
// that do not collide are unchanged; a numeric suffix settles what the
// folders cannot. The result depends only on the pages' paths.
func uniqueOperationNames(ops []*model.Operation) {
	byName := map[string][]*model.Operation{}
	for _, op := range ops {
		byName[op.Name] = append(byName[op.Name], op)
	}
	taken := map[string]bool{}
	for _, op := range ops {
		taken[op.Name] = true
	}
	for _, op := range ops { // ops are sorted: deterministic order
		group := byName[op.Name]
		if len(group) < 2 || group[0] != op {
			continue
		}
		dirs := make([][]string, len(group))
		for i, g := range group {
			d := path.Dir(path.Clean(g.Page))
			if d == "." {
				d = ""
			}
			dirs[i] = strings.Split(d, "/")
		}
		base := op.Name
		for i, g := range group {
			prefix := distinctFolder(dirs, i)
			name := base
			if prefix != "" {
				name = slug(prefix) + "-" + base
			}
			for n := 2; taken[name] && name != g.Name; n++ {
				name = slug(prefix) + "-" + base + "-" + strconv.Itoa(n)
				if prefix == "" {
					name = base + "-" + strconv.Itoa(n)
				}
			}
			if name != g.Name {
				taken[name] = true
				g.Name = name
			}
		}
	}
}

// distinctFolder returns the nearest folder of dirs[i] (counting up from
// the page) at which the paths of the group are not all equal.
func distinctFolder(dirs [][]string, i int) string {
	for k := 1; ; k++ {
		some, differs := false, false
		var first string
		for j, d := range dirs {
			c := ""
			if len(d) >= k {
				c = d[len(d)-k]
				some = true
			}
			if j == 0 {
				first = c
			} else if c != first {
				differs = true
			}
		}
		if !some {
			return ""
		}
		if differs {
			if len(dirs[i]) >= k {
				return dirs[i][len(dirs[i])-k]
			}
			return ""
		}
	}
}

// slug lower-cases a folder name and keeps letters, digits, "-" and ".".
func slug(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '.':
			b.WriteByte(c)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

// isHomePage reports whether t's position is on the page whose file name
// is the type's short name ("resources/user.md" for microsoft.graph.user),
// case-insensitively.
func isHomePage(t *model.Type) bool {
	file := t.Pos.File
	if i := strings.LastIndexByte(file, '/'); i >= 0 {
		file = file[i+1:]
	}
	short := t.Name
	if i := strings.LastIndexByte(short, '.'); i >= 0 {
		short = short[i+1:]
	}
	return strings.EqualFold(strings.TrimSuffix(file, ".md"), short)
}

// splitAnnotations moves the rows of a type's tables that document instance
// annotations ("@microsoft.graph.conflictBehavior") out of its properties:
// they are members of the JSON object, not properties of the type.
func splitAnnotations(props []*model.Property) ([]*model.Property, []*model.InstanceAnnotation) {
	var anns []*model.InstanceAnnotation
	kept := props[:0]
	for _, p := range props {
		if !model.IsInstanceAnnotation(p.Name) {
			kept = append(kept, p)
			continue
		}
		anns = append(anns, &model.InstanceAnnotation{Name: p.Name, TypeRef: p.TypeRef, ReadOnly: p.ReadOnly,
			Description: p.Description, Values: p.Values, Pos: p.Pos})
	}
	if len(kept) == 0 {
		kept = nil
	}
	return kept, anns
}

// nameConflict reports a page whose type name disagrees with the name the
// links to it use, when the links' name is the one the page's file name
// spells and the page's is not ("[identityUserFlow](identityuserflow.md)"
// to a page that names its type UserFlow): the docs contradict themselves.
// used is the name docgen keeps. It reports each pair of names once, on the
// defining page d.
func nameConflict(d *PageResult, target, linked, def, used string, reported map[string]bool) {
	if d == nil {
		return
	}
	file := strings.TrimSuffix(path.Base(target), ".md")
	if !strings.EqualFold(shortName(linked), file) || strings.EqualFold(shortName(def), file) {
		return
	}
	key := def + "\x00" + linked
	if reported[key] {
		return
	}
	reported[key] = true
	pos := d.Page.TitlePos
	if !pos.IsValid() {
		pos = model.Pos{File: d.Page.File, Line: 1, Col: 1}
	}
	why := ""
	if used == linked {
		why = " (the page's name is a shortening of it)"
	}
	d.Diagnostics = append(d.Diagnostics, model.Diagnostic{Pos: pos, Severity: model.Warning, Code: CodeTypeNameConflict,
		Message: "this page names its type " + def + " but other pages link to it as " + linked + ", the name its file " + path.Base(target) +
			" spells; docgen uses " + used + why + "; name the type one way on the page, in its annotation and in links"})
}

// longerForm reports whether the qualified name long is short with a
// prefix to its last segment (identityUserFlow for UserFlow), compared
// case-insensitively, in the same namespace.
func longerForm(long, short string) bool {
	ls, ss := shortName(long), shortName(short)
	if len(ls) <= len(ss) || ss == "" || !strings.EqualFold(strings.TrimSuffix(long, ls), strings.TrimSuffix(short, ss)) {
		return false
	}
	return strings.EqualFold(ls[len(ls)-len(ss):], ss)
}

// actionBodies undoes a request-body type taken from the response type
// (bodyFromResponse) when the body table is not that type's: the type has a
// page of its own and the table lists a member neither it nor an ancestor
// declares. Such a table documents an action's parameters ("POST
// /teams/{id}/clone" returns an operation; its body is no operation), so
// the body becomes a parameter object (no type), and so do the request
// examples that had the type only from the body.
func actionBodies(results []*PageResult, types map[string]*model.Type, defined map[string]bool) {
	for _, r := range results {
		if r == nil || !r.bodyFromResponse || r.Operation == nil || r.Operation.RequestBody == nil {
			continue
		}
		op := r.Operation
		rb := op.RequestBody
		name := rb.Type.Name
		t := types[name]
		if t == nil || !defined[name] {
			continue
		}
		foreign := false
		for _, pr := range rb.Properties {
			if !model.IsInstanceAnnotation(pr.Name) && !declares(t, pr.Name, types) {
				foreign = true
				break
			}
		}
		if !foreign {
			continue
		}
		rb.Type = model.TypeRef{}
		for _, ex := range op.Examples {
			if ex.Kind == model.RequestExample && ex.Type.Name == name && (ex.Annotation == nil || ex.Annotation.ODataType == "") {
				ex.Type = model.TypeRef{}
			}
		}
	}
}

// declares reports whether t or one of its ancestors has a property named
// name.
func declares(t *model.Type, name string, types map[string]*model.Type) bool {
	for depth := 0; t != nil && depth < 50; depth++ {
		if t.Property(name) != nil || (name == "id" && t.Key == "id") {
			return true
		}
		t = types[t.Base]
	}
	return false
}
