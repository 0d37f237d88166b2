package examples

import (
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
)

func TestBodyRules(t *testing.T) {
	req := func(body string) *model.Example {
		return &model.Example{Kind: model.RequestExample, Name: "ex", Body: body}
	}
	row := func(name string, required bool) *model.Property {
		return &model.Property{Name: name, Required: required}
	}
	tests := []struct {
		name     string
		op       *model.Operation
		member   string
		readOnly bool
		want     BodyRule
	}{
		{"no request body", &model.Operation{}, "a", false, NoRule},
		{"read-only, no table", &model.Operation{}, "id", true, ReadOnly},
		{"row Required, sent", &model.Operation{RequestBody: &model.RequestBody{Properties: []*model.Property{row("a", true)}},
			Examples: []*model.Example{req(`{"a": 1}`)}}, "a", false, Required},
		{"row Required, no example", &model.Operation{RequestBody: &model.RequestBody{Properties: []*model.Property{row("a", true)}}}, "a", false, Required},
		{"row not Required", &model.Operation{RequestBody: &model.RequestBody{Properties: []*model.Property{row("a", false)}},
			Examples: []*model.Example{req(`{"a": 1}`)}}, "a", false, NoRule},
		{"row Required, one example omits it", &model.Operation{RequestBody: &model.RequestBody{Properties: []*model.Property{row("a", true), row("b", false)}},
			Examples: []*model.Example{req(`{"a": 1}`), req(`{"b": 2}`)}}, "a", false, RequiredUnsent},
		{"row Required, an example sends null", &model.Operation{RequestBody: &model.RequestBody{Properties: []*model.Property{row("a", true)}},
			Examples: []*model.Example{req(`{"a": 1}`), req(`{"a": null}`)}}, "a", false, RequiredNull},
		{"row Required, omitted by one example and null in another", &model.Operation{RequestBody: &model.RequestBody{Properties: []*model.Property{row("a", true), row("b", false)}},
			Examples: []*model.Example{req(`{"a": null}`), req(`{"b": 2}`)}}, "a", false, RequiredUnsent},
		{"row not Required, an example sends null", &model.Operation{RequestBody: &model.RequestBody{Properties: []*model.Property{row("a", false)}},
			Examples: []*model.Example{req(`{"a": null}`)}}, "a", false, NoRule},
		{"a null in a response example does not count", &model.Operation{RequestBody: &model.RequestBody{Properties: []*model.Property{row("a", true)}},
			Examples: []*model.Example{req(`{"a": 1}`), {Kind: model.ResponseExample, Body: `{"a": null}`}}}, "a", false, Required},
		{"row Required, read-only", &model.Operation{RequestBody: &model.RequestBody{Properties: []*model.Property{row("a", true)}},
			Examples: []*model.Example{req(`{"a": 1}`)}}, "a", true, RequiredReadOnly},
		{"read-only listed in the table", &model.Operation{RequestBody: &model.RequestBody{Properties: []*model.Property{row("id", false)}}}, "id", true, NoRule},
		{"read-only sent by an example", &model.Operation{Examples: []*model.Example{req(`{"id": "x"}`)}}, "id", true, NoRule},
		{"response examples do not count", &model.Operation{RequestBody: &model.RequestBody{Properties: []*model.Property{row("a", true)}},
			Examples: []*model.Example{{Kind: model.ResponseExample, Body: `{"b": 1}`}}}, "a", false, Required},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, rowP, ex := NewBodyRules(tc.op).Decide(tc.member, tc.readOnly)
			if got != tc.want {
				t.Fatalf("Decide(%q, %v) = %v, want %v", tc.member, tc.readOnly, got, tc.want)
			}
			if (got == Required || got == RequiredReadOnly || got == RequiredUnsent || got == RequiredNull) && rowP == nil {
				t.Errorf("no row for %v", got)
			}
			if (got == RequiredUnsent || got == RequiredNull) != (ex != nil) {
				t.Errorf("example = %v for %v", ex, got)
			}
		})
	}
}
