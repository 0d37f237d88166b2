package parser

import (
	"encoding/json"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// ParseAnnotation decodes the content of an HTML comment (between "<!--"
// and "-->") at pos. It returns nil when the comment is not annotation-like.
func ParseAnnotation(text string, pos model.Pos) (*model.Annotation, []model.Diagnostic) {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, "{") {
		return nil, nil
	}
	var m map[string]any
	a := &model.Annotation{Pos: pos}
	if err := json.Unmarshal([]byte(t), &m); err != nil {
		return a, []model.Diagnostic{{Pos: pos, Severity: model.Error, Code: "annotation-json", Message: "annotation is not valid JSON: " + err.Error()}}
	}
	if s, ok := m["blockType"].(string); ok {
		a.BlockType = s
	}
	return a, nil
}
