package parser

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
	"github.com/google/go-cmp/cmp"
)

func TestCheckJSON(t *testing.T) {
	at := model.Pos{File: "p.md", Line: 100, Col: 1}
	tests := []struct {
		name      string
		body      string
		state     model.JSONState
		diags     []diagSummary
		msgSubstr string // in the first diagnostic's message
	}{
		{name: "empty", body: "", state: model.NoJSON},
		{name: "blank", body: " \n\t", state: model.NoJSON},
		{name: "valid object", body: "{\n  \"a\": [1, 2.5, true, null]\n}", state: model.ValidJSON},
		{name: "valid top-level scalar ($count)", body: "17", state: model.ValidJSON},
		{name: "valid with ... inside strings", body: `{"a": "Hello..."}`, state: model.ValidJSON},
		{
			name: "trailing comma (application-post-calls.md:118)", state: model.RepairedJSON,
			body:      "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n  ],\n}",
			diags:     []diagSummary{{103, 8, model.Warning, "json-repaired"}, {104, 4, model.Warning, "json-repaired"}},
			msgSubstr: "trailing comma before ]",
		},
		{
			name: "// comment (plannerchecklistitems.md:45)", state: model.RepairedJSON,
			body:      "{\n  \"id\": \"x\" // client-generated GUID\n}",
			diags:     []diagSummary{{101, 13, model.Warning, "json-repaired"}},
			msgSubstr: "// comment",
		},
		{
			name: "/* */ comment (driveitem.md:124)", state: model.RepairedJSON,
			body:      "{\n  \"a\": 1,\n  /* relationships */\n  \"b\": 2\n}",
			diags:     []diagSummary{{102, 3, model.Warning, "json-repaired"}},
			msgSubstr: "/* */ comment",
		},
		{
			name: "NBSP as whitespace (event-delta.md:206)", state: model.RepairedJSON,
			body:  "{\n\u00a0 \"a\": 1\n}",
			diags: []diagSummary{{101, 1, model.Warning, "json-repaired"}},
		},
		{
			name: "U+202F as whitespace", state: model.RepairedJSON,
			body:  "{\"a\":\u202f1}",
			diags: []diagSummary{{100, 6, model.Warning, "json-repaired"}},
		},
		{
			name: "raw newline in a string", state: model.RepairedJSON,
			body:      "{\"a\": \"line1\nline2\"}",
			diags:     []diagSummary{{100, 13, model.Warning, "json-repaired"}},
			msgSubstr: "raw control character",
		},
		{
			name: "missing comma (administrativeunit-get-members.md:54)", state: model.InvalidJSON,
			body:      "{\n  \"a\": 1\n  \"b\": 2\n}",
			diags:     []diagSummary{{102, 3, model.Warning, "json-invalid"}},
			msgSubstr: "missing comma",
		},
		{
			name: "ellipsis element (governanceroleassignment-list.md:91)", state: model.InvalidJSON,
			body:      "{\n  \"value\": [\n    {\"a\": 1},\n    ...\n  ]\n}",
			diags:     []diagSummary{{103, 5, model.Warning, "json-invalid"}},
			msgSubstr: "ellipsis",
		},
		{
			name: "single quotes (page-update.md:53)", state: model.InvalidJSON,
			body:      "[\n  {\n    'target':'body',\n  }\n]",
			diags:     []diagSummary{{102, 5, model.Warning, "json-invalid"}},
			msgSubstr: "single-quoted",
		},
		{
			name: "unquoted key", state: model.InvalidJSON,
			body:      "{\n  expression: \"x\"\n}",
			diags:     []diagSummary{{101, 3, model.Warning, "json-invalid"}},
			msgSubstr: "unquoted key",
		},
		{
			name: "fragment (application-post-onlinemeetings.md:153)", state: model.InvalidJSON,
			body:      "\"joinInformation\": {\n  \"content\": \"x\"\n}",
			diags:     []diagSummary{{100, 1, model.Warning, "json-invalid"}},
			msgSubstr: "fragment",
		},
		{
			name: "truncated (workbookoperation-get.md:116)", state: model.InvalidJSON,
			body:      "{\n  \"a\": {\n    \"b\": 1\n",
			diags:     []diagSummary{{103, 1, model.Warning, "json-invalid"}},
			msgSubstr: "ends before",
		},
		{
			name: "binary placeholder (driveitem-createuploadsession.md:153)", state: model.InvalidJSON,
			body:      "<bytes 0-25 of the file>",
			diags:     []diagSummary{{100, 1, model.Warning, "json-invalid"}},
			msgSubstr: "placeholder",
		},
		{
			name: "two top-level values (dynamics-complextypes.md:33)", state: model.InvalidJSON,
			body:      "{\"a\": 1}\n{\"b\": 2}",
			diags:     []diagSummary{{101, 1, model.Warning, "json-invalid"}},
			msgSubstr: "text follows",
		},
		{
			name: "raw text", state: model.InvalidJSON,
			body:      "BEGIN:VCARD\nEND:VCARD",
			diags:     []diagSummary{{100, 1, model.Warning, "json-invalid"}},
			msgSubstr: "instead of { or [",
		},
		{
			name: "repair plus blocking defect reports the blocking one", state: model.InvalidJSON,
			body:      "{\n  \"a\": \"x\nz\",\n  \"b\": 'q'\n}",
			diags:     []diagSummary{{103, 8, model.Warning, "json-invalid"}},
			msgSubstr: "single-quoted",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			state, data, diags := CheckJSON(tt.body, at)
			if state != tt.state {
				t.Errorf("state = %v, want %v (%v)", state, tt.state, diags)
			}
			switch state {
			case model.ValidJSON:
				if string(data) != tt.body {
					t.Errorf("valid JSON must be returned verbatim, got %q", data)
				}
			case model.RepairedJSON:
				if !json.Valid(data) {
					t.Errorf("repaired bytes are not JSON: %q", data)
				}
				// Blanking repairs keep lines; only escaped raw newlines remove them.
				if !strings.Contains(tt.msgSubstr, "raw control") && strings.Count(string(data), "\n") != strings.Count(tt.body, "\n") {
					t.Errorf("repair changed the line structure: %q", data)
				}
			default:
				if data != nil {
					t.Errorf("want nil bytes, got %q", data)
				}
			}
			if diff := cmp.Diff(tt.diags, summarize(diags)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s\n%v", diff, diags)
			}
			if tt.msgSubstr != "" && (len(diags) == 0 || !strings.Contains(diags[0].Message, tt.msgSubstr)) {
				t.Errorf("first message should mention %q: %v", tt.msgSubstr, diags)
			}
			checkDiags(t, diags)
		})
	}
}

func TestCheckJSONIndentedBlock(t *testing.T) {
	// A fence inside a list item: body columns count from the indentation.
	_, _, diags := CheckJSON("{\n  \"a\": 1,\n}", model.Pos{File: "p.md", Line: 10, Col: 5})
	want := []diagSummary{{11, 13, model.Warning, "json-repaired"}}
	if diff := cmp.Diff(want, summarize(diags)); diff != "" {
		t.Error(diff)
	}
}
