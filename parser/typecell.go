package parser

import (
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// TypeNote reports what NormalizeType noticed about a Type cell.
type TypeNote struct {
	// Empty is set when the cell names no type.
	Empty bool
	// Unknown is set when the cell could not be read as a type.
	Unknown bool
	// Union lists the alternatives of an "A or B" cell (qualified).
	Union []string
	// Spelling is a non-canonical spelling that was normalised.
	Spelling string
	// Note is free text about the cell (a stripped "(optional)" note).
	Note string
}

// NormalizeType reads a Type cell.
func NormalizeType(cell string, namespace string) (model.TypeRef, TypeNote) {
	c := strings.TrimSpace(cell)
	if c == "" {
		return model.TypeRef{}, TypeNote{Empty: true}
	}
	if namespace == "" {
		namespace = "microsoft.graph"
	}
	var r model.TypeRef
	if strings.HasSuffix(c, " collection") {
		r.Collection = true
		c = strings.TrimSuffix(c, " collection")
	}
	switch c {
	case "String", "string":
		r.Name = "Edm.String"
	default:
		if strings.Contains(c, ".") {
			r.Name = c
		} else {
			r.Name = namespace + "." + c
		}
	}
	return r, TypeNote{}
}
