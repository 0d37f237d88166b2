package apidiff

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Change says how a declaration became incompatible.
type Change int

const (
	// Removed: the declaration is gone.
	Removed Change = iota
	// Renamed: the declaration is gone and a new one of the same kind
	// and shape took its place (New).
	Renamed
	// Changed: the declaration exists with an incompatible type, value,
	// signature or JSON name.
	Changed
)

// Break is one incompatible change.
type Break struct {
	Change Change
	// Old is the declaration as it was; New is what replaced it (nil when
	// it was removed).
	Old, New *Decl
	// Source is the provenance of the change's cause: the new
	// declaration's, or for a removal the nearest surviving one's (the
	// type that documented a removed field or constant, on the page that
	// documented it; the field whose type a type rename changed), else the
	// old declaration's.
	Source string
}

// Message says what broke, with the old and new Go declarations.
func (b Break) Message() string {
	what := string(b.Old.Kind) + " " + b.Old.Key
	switch b.Change {
	case Renamed:
		return fmt.Sprintf("%s is renamed to %s: was `%s`, now `%s`; code that uses the old name stops compiling", what, b.New.Key, b.Old.Text, b.New.Text)
	case Changed:
		msg := fmt.Sprintf("%s changed incompatibly: was `%s`, now `%s`", what, b.Old.Text, b.New.Text)
		if b.Old.Kind == Field && b.Old.JSON != b.New.JSON {
			msg += fmt.Sprintf("; its JSON name changes from %q to %q", b.Old.JSON, b.New.JSON)
		}
		return msg
	}
	return fmt.Sprintf("%s is removed: was `%s`; code that uses it stops compiling", what, b.Old.Text)
}

// Compare returns the incompatible changes from old to new, sorted by the
// old declaration's key. The members of a removed type (fields, methods,
// the constants of an enum type) are not reported again.
func Compare(old, new *API) []Break {
	gone := func(key string) bool { _, ok := new.Decls[key]; return !ok }
	added := func(key string) bool { _, ok := old.Decls[key]; return !ok }
	var keys []string
	for k := range old.Decls {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var newKeys []string
	for k := range new.Decls {
		if added(k) {
			newKeys = append(newKeys, k)
		}
	}
	slices.Sort(newKeys)
	removedType := func(name string) bool {
		d := old.Decls[name]
		return d != nil && d.Kind == Type && gone(name)
	}
	used := map[string]bool{} // added declarations already paired with a removal
	// pair finds the added declaration that took the place of removed
	// declaration o: the only added one of the same kind, parent and shape
	// in the same file.
	pair := func(o *Decl, shape func(*Decl) string) *Decl {
		var found *Decl
		for _, k := range newKeys {
			n := new.Decls[k]
			if used[k] || n.Kind != o.Kind || n.Parent != o.Parent || n.File != o.File || shape(n) != shape(o) {
				continue
			}
			if found != nil {
				return nil // ambiguous
			}
			found = n
		}
		if found != nil {
			used[found.Key] = true
		}
		return found
	}
	var breaks []Break
	for _, k := range keys {
		o := old.Decls[k]
		if o.Parent != "" && removedType(o.Parent) {
			continue
		}
		if o.Kind == Const && removedType(o.Type) {
			continue
		}
		if n, ok := new.Decls[k]; ok {
			if n.Kind != o.Kind || n.sig != o.sig {
				breaks = append(breaks, Break{Change: Changed, Old: o, New: n, Source: n.Source})
			}
			continue
		}
		b := Break{Change: Removed, Old: o, Source: o.Source}
		switch o.Kind {
		case Type:
			if n := pair(o, func(d *Decl) string { return strings.TrimPrefix(d.Text, "type "+d.Key) }); n != nil {
				b.Change, b.New, b.Source = Renamed, n, n.Source
			} else if f := retyped(old, new, o.Key); f != nil {
				b.Source = f.Source
			}
		case Field:
			if n := pair(o, func(d *Decl) string { return d.Type }); n != nil {
				b.Change, b.New, b.Source = Renamed, n, n.Source
			} else if src, ok := ownerSource(o.Source); ok {
				b.Source = src
			} else if p := new.Decls[o.Parent]; o.Source == "" && p != nil {
				b.Source = p.Source
			}
		case Const:
			if n := pair(o, func(d *Decl) string { return d.Type }); n != nil {
				b.Change, b.New, b.Source = Renamed, n, n.Source
			} else if src, ok := ownerSource(o.Source); ok {
				b.Source = src
			} else if t := new.Decls[o.Type]; o.Source == "" && t != nil && t.Kind == Type {
				b.Source = t.Source
			}
		case Method:
			if p := new.Decls[o.Parent]; p != nil && !strings.HasSuffix(p.Text, " interface") {
				b.Source = p.Source
			}
		}
		breaks = append(breaks, b)
	}
	return breaks
}

// retyped returns, for a removed type, the first field (by key) that used
// it and still exists with another type: the place where a rename of the
// type shows (a typo in a Type cell renames a synthesized enum).
func retyped(old, new *API, typeName string) *Decl {
	word := regexp.MustCompile(`\b` + regexp.QuoteMeta(typeName) + `\b`)
	var keys []string
	for k, d := range old.Decls {
		if d.Kind == Field && word.MatchString(d.Type) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		if n := new.Decls[k]; n != nil && n.Type != old.Decls[k].Type {
			return n
		}
	}
	return nil
}

// ownerSource turns the provenance of a member that is gone
// ("docs/base.md#base.size") into its type's on the same page
// ("docs/base.md#base"): the table the row was removed from, on the page
// that documented it, even for a field a derived struct inherited.
func ownerSource(src string) (string, bool) {
	i := strings.IndexByte(src, '#')
	if i < 0 {
		return "", false
	}
	j := strings.IndexByte(src[i:], '.')
	if j < 0 {
		return "", false
	}
	return src[:i+j], true
}
