package parser

import (
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
	"github.com/google/go-cmp/cmp"
)

// diagSummary is the comparable part of a diagnostic: "line:col severity code".
type diagSummary struct {
	Line, Col int
	Severity  model.Severity
	Code      model.Code
}

func summarize(ds []model.Diagnostic) []diagSummary {
	var out []diagSummary
	for _, d := range ds {
		out = append(out, diagSummary{d.Pos.Line, d.Pos.Col, d.Severity, d.Code})
	}
	return out
}

// checkDiags verifies that every diagnostic has a valid position, a code
// registered in the model and a message.
func checkDiags(t *testing.T, ds []model.Diagnostic) {
	t.Helper()
	for _, d := range ds {
		if !d.Pos.IsValid() || d.Pos.Col < 1 {
			t.Errorf("diagnostic with invalid position: %v", d)
		}
		if _, ok := model.LookupCode(Codes(), d.Code); !ok {
			t.Errorf("diagnostic code %q is not registered", d.Code)
		}
		if d.Message == "" {
			t.Errorf("diagnostic without message: %v", d)
		}
	}
}

func TestParseAnnotation(t *testing.T) {
	at := model.Pos{File: "p.md", Line: 10, Col: 1}
	tests := []struct {
		name  string
		text  string
		want  *model.Annotation
		diags []diagSummary
	}{
		{
			name: "not annotation-like: uuid stamp",
			text: " uuid: 8fcb5dbc-d5aa-4681-8e31-b001d5168d79\n2015-10-25 14:57:30 UTC ",
		},
		{
			name: "not annotation-like: markdownlint",
			text: " markdownlint-disable MD024 ",
		},
		{
			name: "empty comment",
			text: "  ",
		},
		{
			name: "seed request",
			text: "{\n  \"blockType\": \"request\",\n  \"name\": \"create_cloudpcsnapshot_from_\"\n}\n",
			want: &model.Annotation{Pos: at, BlockType: "request", Name: []string{"create_cloudpcsnapshot_from_"},
				Keys: []string{"blockType", "name"}},
		},
		{
			name: "seed response",
			text: "{\n  \"blockType\": \"response\",\n  \"truncated\": true,\n  \"@odata.type\": \"microsoft.graph.cloudPcSnapshot\"\n}\n",
			want: &model.Annotation{Pos: at, BlockType: "response", Truncated: true, ODataType: "microsoft.graph.cloudPcSnapshot",
				Keys: []string{"blockType", "truncated", "@odata.type"}},
		},
		{
			name: "no space after <!--, single line, @type and @property.aka",
			text: `{ "blockType": "resource", "@type": "microsoft.graph.personOrGroupColumn", "@property.aka": "chooseFromType=format" } `,
			want: &model.Annotation{Pos: at, BlockType: "resource", ODataType: "microsoft.graph.personOrGroupColumn",
				Keys: []string{"blockType", "@type", "@property.aka"}},
		},
		{
			name: "@odata.type wins over @type",
			text: `{"@type": "a.b", "@odata.type": "c.d"}`,
			want: &model.Annotation{Pos: at, ODataType: "c.d", Keys: []string{"@type", "@odata.type"}},
		},
		{
			name: "booleans as strings, name array, baseType null",
			text: `{"blockType": "resource", "truncated": "true", "isCollection": "true", "abstract": "true", "openType": false,
 "baseType": null, "keyProperty": "id", "optionalProperties": ["a", "b"], "name": ["get_a", "get_b"]}`,
			want: &model.Annotation{Pos: at, BlockType: "resource", Truncated: true, IsCollection: true, Abstract: true,
				BaseTypeNull: true, KeyProperty: "id", OptionalProperties: []string{"a", "b"}, Name: []string{"get_a", "get_b"},
				Keys: []string{"blockType", "truncated", "isCollection", "abstract", "openType", "baseType", "keyProperty", "optionalProperties", "name"}},
		},
		{
			name: "isEmpty, expectError, isAbstract, baseType string",
			text: `{"blockType":"response","isEmpty":true,"expectError":true,"isAbstract":true,"baseType":"microsoft.graph.entity"}`,
			want: &model.Annotation{Pos: at, BlockType: "response", IsEmpty: true, ExpectError: true, Abstract: true,
				BaseType: "microsoft.graph.entity", Keys: []string{"blockType", "isEmpty", "expectError", "isAbstract", "baseType"}},
		},
		{
			name:  "trailing comma (chat-delete-tabs.md:82)",
			text:  "{\n  \"blockType\": \"response\",\n}\n",
			want:  &model.Annotation{Pos: at, BlockType: "response", Repaired: true, Keys: []string{"blockType"}},
			diags: []diagSummary{{11, 26, model.Warning, "annotation-json"}},
		},
		{
			name: "unquoted key (user-getmailtips.md:96)",
			text: "{\n  \"blockType\": \"response\",\n  \"truncated\": true,\n  \"@odata.type\": \"microsoft.graph.mailTips\",\n  isCollection: true\n} ",
			want: &model.Annotation{Pos: at, BlockType: "response", Truncated: true, ODataType: "microsoft.graph.mailTips",
				IsCollection: true, Repaired: true, Keys: []string{"blockType", "truncated", "@odata.type", "isCollection"}},
			diags: []diagSummary{{14, 3, model.Warning, "annotation-json"}},
		},
		{
			name: "missing comma between members (teamsappinstallation.md:72)",
			text: "{\n  \"type\": \"#page.annotation\",\n  \"description\": \"teamsApp resource\",\n  \"keywords\": \"\",\n  \"section\": \"documentation\",\n  \"tocPath\": \"\"\n  \"suppressions\": []\n}",
			want: &model.Annotation{Pos: at, Type: "#page.annotation", Suppressions: []string{}, Repaired: true,
				Keys: []string{"type", "description", "keywords", "section", "tocPath", "suppressions"}},
			diags: []diagSummary{{16, 3, model.Warning, "annotation-json"}},
		},
		{
			name: "raw newlines inside suppressions (filtercriteria.md:41)",
			text: "{\n  \"type\": \"#page.annotation\",\n  \"suppressions\": [\n    \"Warning: /x.md:\n      Property 'color' found.\",\n    \"Warning: /x.md:\n      Property 'criterion1' found.\"\n  ]\n}",
			want: &model.Annotation{Pos: at, Type: "#page.annotation", Repaired: true,
				Suppressions: []string{"Warning: /x.md:\n      Property 'color' found.", "Warning: /x.md:\n      Property 'criterion1' found."},
				Keys:         []string{"type", "suppressions"}},
			diags: []diagSummary{{13, 21, model.Warning, "annotation-json"}, {15, 21, model.Warning, "annotation-json"}},
		},
		{
			name: "missing opening quote (translationlanguageoverride.md:42)",
			text: "{\n  \"type\": \"#page.annotation\",\n  \"description\": translationLanguageOverride resource\",\n  \"keywords\": \"\"\n}",
			want: &model.Annotation{Pos: at, Type: "#page.annotation", Repaired: true,
				Keys: []string{"type", "description", "keywords"}},
			diags: []diagSummary{{12, 18, model.Warning, "annotation-json"}},
		},
		{
			name: "missing closing quote",
			text: "{\n  \"type\": \"#page.annotation\",\n  \"description\": \"teamsApp resource,\n  \"keywords\": \"\"\n}",
			want: &model.Annotation{Pos: at, Type: "#page.annotation", Repaired: true,
				Keys: []string{"type", "description", "keywords"}},
			diags: []diagSummary{{12, 18, model.Warning, "annotation-json"}},
		},
		{
			name: "commented-out JSON body has no blockType",
			text: "{\n  \"displayName\": \"x\"\n}",
			want: &model.Annotation{Pos: at, Keys: []string{"displayName"}},
		},
		{
			name:  "wrong value kind",
			text:  `{"blockType": "response", "truncated": "yes", "optionalProperties": "id"}`,
			want:  &model.Annotation{Pos: at, BlockType: "response", Keys: []string{"blockType", "truncated", "optionalProperties"}},
			diags: []diagSummary{{10, 44, model.Warning, "annotation-value"}, {10, 73, model.Warning, "annotation-value"}},
		},
		{
			name:  "unrecoverable: regex fallback for blockType",
			text:  "{\n  \"blockType\": \"request\",\n  \"name\": 'single'\n}",
			want:  &model.Annotation{Pos: at, BlockType: "request", Repaired: true},
			diags: []diagSummary{{12, 11, model.Error, "annotation-json"}},
		},
		{
			name:  "unrecoverable without blockType",
			text:  "{ ] ",
			want:  &model.Annotation{Pos: at, Repaired: true},
			diags: []diagSummary{{10, 7, model.Error, "annotation-json"}},
		},
		{
			name:  "unterminated comment runs to EOF (message.md:188)",
			text:  "{\n  \"blockType\": \"response\",\n  \"truncated\": true\n\nsome markdown",
			want:  &model.Annotation{Pos: at, BlockType: "response", Repaired: true},
			diags: []diagSummary{{14, 6, model.Error, "annotation-json"}},
		},
		{
			name:  "missing closing brace is repaired",
			text:  `{"blockType": "ignored"`,
			want:  &model.Annotation{Pos: at, BlockType: "ignored", Repaired: true, Keys: []string{"blockType"}},
			diags: []diagSummary{{10, 28, model.Warning, "annotation-json"}},
		},
		{
			name: "escapes in strings",
			text: `{"name": "a\"b\u0041\n"}`,
			want: &model.Annotation{Pos: at, Name: []string{"a\"bA\n"}, Keys: []string{"name"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := ParseAnnotation(tt.text, at)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("annotation mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.diags, summarize(diags)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s\n%v", diff, diags)
			}
			checkDiags(t, diags)
		})
	}
}

func TestParseAnnotationMessages(t *testing.T) {
	_, diags := ParseAnnotation("{\n  \"blockType\": \"response\",\n}\n", model.Pos{File: "p.md", Line: 1, Col: 1})
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "trailing comma") {
		t.Fatalf("want one trailing-comma diagnostic, got %v", diags)
	}
	_, diags = ParseAnnotation("{ \"blockType\": \"request\", \"name\": 'x' }", model.Pos{File: "p.md", Line: 1, Col: 1})
	if len(diags) != 1 || !strings.Contains(diags[0].Message, `"blockType": "request"`) || !strings.Contains(diags[0].Message, "single-quoted") {
		t.Fatalf("want a fallback diagnostic naming the recovered blockType, got %v", diags)
	}
}
