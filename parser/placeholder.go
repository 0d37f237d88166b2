package parser

import "github.com/docgen-dev/docgen/parser/model"

// FindPlaceholders returns the placeholder values of a JSON body.
func FindPlaceholders(jsonBody []byte, body string, bodyPos model.Pos) []*model.Placeholder {
	return nil
}

// IsPlaceholderString reports whether s is a placeholder string, its kind
// and the Edm type it stands for.
func IsPlaceholderString(s string) (model.PlaceholderKind, string, bool) {
	switch s {
	case "String", "string":
		return model.TypeNamePlaceholder, "Edm.String", true
	}
	return 0, "", false
}
