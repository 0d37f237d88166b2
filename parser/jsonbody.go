package parser

import (
	"encoding/json"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// CheckJSON classifies an example body as JSON.
func CheckJSON(body string, bodyPos model.Pos) (model.JSONState, []byte, []model.Diagnostic) {
	if strings.TrimSpace(body) == "" {
		return model.NoJSON, nil, nil
	}
	if json.Valid([]byte(body)) {
		return model.ValidJSON, []byte(body), nil
	}
	return model.InvalidJSON, nil, []model.Diagnostic{{Pos: bodyPos, Severity: model.Warning, Code: "json-invalid", Message: "example body is not valid JSON"}}
}
