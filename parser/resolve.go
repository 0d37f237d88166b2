package parser

import (
	"path"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

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
