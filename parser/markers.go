package parser

import (
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// EnumValuesFromProse returns the values a description lists.
func EnumValuesFromProse(desc string) []string { return nil }

// Markers are the facts a property description states about the property.
type Markers struct {
	Required, Optional, ReadOnly bool
	Nullable                     model.Tri
}

// RowMarkers reads the markers of a description cell.
func RowMarkers(desc string) Markers {
	var m Markers
	m.Required = strings.HasPrefix(desc, "Required.")
	m.Optional = strings.HasPrefix(desc, "Optional.")
	m.ReadOnly = strings.Contains(desc, "Read-only")
	return m
}

// InheritedFrom returns the type an "Inherited from x" description names.
func InheritedFrom(desc string) string {
	_, after, ok := strings.Cut(desc, "Inherited from ")
	if !ok {
		return ""
	}
	f := strings.Fields(after)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimRight(f[0], ".,;")
}

// RequiredClaim reports whether a paragraph claims the table lists required
// properties.
func RequiredClaim(paragraph string) bool {
	return strings.Contains(paragraph, "are required when you")
}
