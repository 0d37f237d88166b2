package examples

import (
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
)

func TestSuccessAnswer(t *testing.T) {
	user := model.TypeRef{Name: "microsoft.graph.user"}
	ok := &model.Example{Kind: model.ResponseExample, Status: 202}
	bad := &model.Example{Kind: model.ResponseExample, Status: 404}
	tests := []struct {
		name          string
		op            *model.Operation
		method        string
		status        int
		noContent     bool
		wantBodyNamed bool
	}{
		{"stated", &model.Operation{Response: &model.Response{Status: 201, Type: user}, Examples: []*model.Example{ok}}, "POST", 201, false, true},
		{"from example", &model.Operation{Response: &model.Response{Type: user}, Examples: []*model.Example{bad, ok}}, "GET", 202, false, true},
		{"no body", &model.Operation{}, "DELETE", 204, false, false},
		{"says no content", &model.Operation{Response: &model.Response{Type: user, NoContent: true}}, "PATCH", 204, true, true},
		{"create", &model.Operation{Title: "Create user", Response: &model.Response{Type: user}}, "post", 201, false, true},
		{"create by GET", &model.Operation{Title: "Create user", Response: &model.Response{Type: user}}, "GET", 200, false, true},
		{"only an error example", &model.Operation{Response: &model.Response{Type: user}, Examples: []*model.Example{bad}}, "GET", 200, false, true},
	}
	for _, tt := range tests {
		status, body, noContent := SuccessAnswer(tt.op, tt.method)
		if status != tt.status || noContent != tt.noContent || (body.Name != "") != tt.wantBodyNamed {
			t.Errorf("%s: got %d %q %v, want %d named=%v %v", tt.name, status, body.Name, noContent, tt.status, tt.wantBodyNamed, tt.noContent)
		}
	}
}
