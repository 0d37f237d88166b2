package parser

import (
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
	"github.com/google/go-cmp/cmp"
)

// block splits fence content that starts on page line first, column 1.
func block(first int, text string) []Line {
	return SplitLines(text, model.Pos{File: "p.md", Line: first, Col: 1})
}

func pos(line, col int) model.Pos { return model.Pos{File: "p.md", Line: line, Col: col} }

func TestSplitLines(t *testing.T) {
	got := SplitLines("a\r\n\nb\n", model.Pos{File: "f", Line: 3, Col: 2})
	want := []Line{{"a", model.Pos{File: "f", Line: 3, Col: 2}}, {"", model.Pos{File: "f", Line: 4, Col: 2}}, {"b", model.Pos{File: "f", Line: 5, Col: 2}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
	if SplitLines("", pos(1, 1)) != nil {
		t.Error("empty text should give no lines")
	}
}

func TestParseHTTPRequest(t *testing.T) {
	tests := []struct {
		name  string
		first int
		text  string
		want  *model.Example
		diags []diagSummary
	}{
		{
			name:  "seed 000 request",
			first: 69,
			text: "POST https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/snapshots\nContent-Type: application/json\nContent-length: 155\n\n" +
				"{\n  \"@odata.type\": \"#microsoft.graph.cloudPcSnapshot\",\n  \"cloudPcId\": \"String\"\n}",
			want: &model.Example{Kind: model.RequestExample, PairIndex: -1, Method: "POST",
				URL: "https://graph.microsoft.com/beta/deviceManagement/virtualEndpoint/snapshots",
				Headers: []*model.Header{
					{Name: "Content-Type", Value: "application/json", Pos: pos(70, 1)},
					{Name: "Content-length", Value: "155", Pos: pos(71, 1)},
				},
				Body:    "{\n  \"@odata.type\": \"#microsoft.graph.cloudPcSnapshot\",\n  \"cloudPcId\": \"String\"\n}",
				BodyPos: pos(73, 1), ContentType: "application/json"},
		},
		{
			name:  "URL wrapped over lines",
			first: 10,
			text:  "GET https://graph.microsoft.com/v1.0/users?\n$filter=startswith(displayName,'a')\n&$select=id\nConsistencyLevel: eventual\n",
			want: &model.Example{Kind: model.RequestExample, PairIndex: -1, Method: "GET",
				URL:     "https://graph.microsoft.com/v1.0/users?$filter=startswith(displayName,'a')&$select=id",
				Headers: []*model.Header{{Name: "ConsistencyLevel", Value: "eventual", Pos: pos(13, 1)}}},
		},
		{
			name:  "GET without headers or body",
			first: 5,
			text:  "GET https://graph.microsoft.com/v1.0/me/events?$select=subject,body&$filter=start/dateTime ge '2017-07-01'\n",
			want: &model.Example{Kind: model.RequestExample, PairIndex: -1, Method: "GET",
				URL: "https://graph.microsoft.com/v1.0/me/events?$select=subject,body&$filter=start/dateTime ge '2017-07-01'"},
		},
		{
			name:  "Intune blank line before headers (intune-apps-mobileapp-assign.md:60)",
			first: 60,
			text:  "POST https://graph.microsoft.com/v1.0/deviceAppManagement/mobileApps/{mobileAppId}/assign\n\nContent-type: application/json; charset=utf-8\nContent-length: 461\n\n{\n  \"a\": 1\n}\n",
			want: &model.Example{Kind: model.RequestExample, PairIndex: -1, Method: "POST",
				URL: "https://graph.microsoft.com/v1.0/deviceAppManagement/mobileApps/{mobileAppId}/assign",
				Headers: []*model.Header{
					{Name: "Content-type", Value: "application/json; charset=utf-8", Pos: pos(62, 1)},
					{Name: "Content-length", Value: "461", Pos: pos(63, 1)},
				},
				Body: "{\n  \"a\": 1\n}", BodyPos: pos(65, 1), ContentType: "application/json"},
			diags: []diagSummary{{61, 1, model.Warning, "http-blank-line"}},
		},
		{
			name:  "leading blank lines, indented start line, HTTP/1.1 suffix",
			first: 107,
			text:  "\n\n   PATCH /policies/adminConsentRequestPolicy HTTP/1.1  \ncontent-type: text/plain\n\nhello",
			want: &model.Example{Kind: model.RequestExample, PairIndex: -1, Method: "PATCH", URL: "/policies/adminConsentRequestPolicy",
				Headers:     []*model.Header{{Name: "content-type", Value: "text/plain", Pos: pos(110, 1)}},
				Body:        "hello",
				BodyPos:     pos(112, 1),
				ContentType: "text/plain"},
		},
		{
			name:  "body glued to headers (workbook-createsession.md:122)",
			first: 1,
			text:  "POST https://graph.microsoft.com/v1.0/me/drive/items/{id}/workbook/createSession\nContent-type: application/json\n{\n  \"persistChanges\": true\n}",
			want: &model.Example{Kind: model.RequestExample, PairIndex: -1, Method: "POST",
				URL:     "https://graph.microsoft.com/v1.0/me/drive/items/{id}/workbook/createSession",
				Headers: []*model.Header{{Name: "Content-type", Value: "application/json", Pos: pos(2, 1)}},
				Body:    "{\n  \"persistChanges\": true\n}", BodyPos: pos(3, 1), ContentType: "application/json"},
			diags: []diagSummary{{3, 1, model.Warning, "http-header-body"}},
		},
		{
			name:  "second request line (user-list-agreementacceptances.md:52)",
			first: 53,
			text:  "GET https://graph.microsoft.com/v1.0/me/agreementAcceptances\n\nGET https://graph.microsoft.com/v1.0/users/f2f4f8e9-c99d-4c73-b990-34f81fbf7fcf/agreementAcceptances\n",
			want: &model.Example{Kind: model.RequestExample, PairIndex: -1, Method: "GET",
				URL: "https://graph.microsoft.com/v1.0/me/agreementAcceptances"},
			diags: []diagSummary{{55, 1, model.Warning, "http-second-request"}},
		},
		{
			name:  "not a request line, JSON only",
			first: 1,
			text:  "{\n  \"a\": 1\n}",
			want:  &model.Example{Kind: model.RequestExample, PairIndex: -1, Body: "{\n  \"a\": 1\n}", BodyPos: pos(1, 1)},
			diags: []diagSummary{{1, 1, model.Error, "http-start-line"}},
		},
		{
			name:  "not a request line, prose skipped",
			first: 1,
			text:  "The request\nContent-Type: application/json\n\n{}",
			want: &model.Example{Kind: model.RequestExample, PairIndex: -1,
				Headers: []*model.Header{{Name: "Content-Type", Value: "application/json", Pos: pos(2, 1)}},
				Body:    "{}", BodyPos: pos(4, 1), ContentType: "application/json"},
			diags: []diagSummary{{1, 1, model.Error, "http-start-line"}},
		},
		{
			name:  "vCard body is not a header",
			first: 1,
			text:  "POST /me/contacts\nContent-Type: text/vcard\nBEGIN:VCARD\nEND:VCARD",
			want: &model.Example{Kind: model.RequestExample, PairIndex: -1, Method: "POST", URL: "/me/contacts",
				Headers: []*model.Header{{Name: "Content-Type", Value: "text/vcard", Pos: pos(2, 1)}},
				Body:    "BEGIN:VCARD\nEND:VCARD", BodyPos: pos(3, 1), ContentType: "text/vcard"},
			diags: []diagSummary{{3, 1, model.Warning, "http-header-body"}},
		},
		{
			name:  "body right after the start line",
			first: 1,
			text:  "POST /me/sendMail\n{\"a\": 1}",
			want: &model.Example{Kind: model.RequestExample, PairIndex: -1, Method: "POST", URL: "/me/sendMail",
				Body: `{"a": 1}`, BodyPos: pos(2, 1)},
			diags: []diagSummary{{2, 1, model.Warning, "http-header-body"}},
		},
		{
			name:  "several extra request lines give one diagnostic",
			first: 10,
			text:  "GET /me/photo/$value\nGET /me/photos/48x48/$value\n\nGET /users/{id}/photo/$value\n",
			want:  &model.Example{Kind: model.RequestExample, PairIndex: -1, Method: "GET", URL: "/me/photo/$value"},
			diags: []diagSummary{{11, 1, model.Warning, "http-second-request"}},
		},
		{
			name:  "empty block",
			first: 1,
			text:  "\n  \n",
			want:  &model.Example{Kind: model.RequestExample, PairIndex: -1},
		},
		{
			name:  "missing space after method",
			first: 1,
			text:  "DELETE/identity/conditionalAccess/policies/{id}",
			want:  &model.Example{Kind: model.RequestExample, PairIndex: -1, Method: "DELETE", URL: "/identity/conditionalAccess/policies/{id}"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := ParseHTTPRequest(block(tt.first, tt.text))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("example mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.diags, summarize(diags)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s\n%v", diff, diags)
			}
			checkDiags(t, diags)
		})
	}
}

func TestParseHTTPResponse(t *testing.T) {
	tests := []struct {
		name  string
		first int
		text  string
		want  *model.Example
		diags []diagSummary
	}{
		{
			name:  "seed 002: blank line after status AND header glued to body",
			first: 98,
			text:  "HTTP/1.1 201 Created\n\nContent-Type: application/json\n{\n  \"@odata.type\": \"#microsoft.graph.cloudPcDeviceImage\",\n  \"status\": \"String\"\n}",
			want: &model.Example{Kind: model.ResponseExample, PairIndex: -1, Status: 201, Reason: "Created",
				Headers: []*model.Header{{Name: "Content-Type", Value: "application/json", Pos: pos(100, 1)}},
				Body:    "{\n  \"@odata.type\": \"#microsoft.graph.cloudPcDeviceImage\",\n  \"status\": \"String\"\n}",
				BodyPos: pos(101, 1), ContentType: "application/json"},
			diags: []diagSummary{{99, 1, model.Warning, "http-blank-line"}, {101, 1, model.Warning, "http-header-body"}},
		},
		{
			name:  "seed 000 response",
			first: 91,
			text:  "HTTP/1.1 201 Created\nContent-Type: application/json\n\n{\n  \"id\": \"926ff3f0-f3f0-926f-f0f3-6f92f0f36f92\"\n}\n",
			want: &model.Example{Kind: model.ResponseExample, PairIndex: -1, Status: 201, Reason: "Created",
				Headers: []*model.Header{{Name: "Content-Type", Value: "application/json", Pos: pos(92, 1)}},
				Body:    "{\n  \"id\": \"926ff3f0-f3f0-926f-f0f3-6f92f0f36f92\"\n}", BodyPos: pos(94, 1), ContentType: "application/json"},
		},
		{
			name:  "HTTP NNN Reason (event-post-attachments.md:123)",
			first: 1,
			text:  "HTTP 201 Created",
			want:  &model.Example{Kind: model.ResponseExample, PairIndex: -1, Status: 201, Reason: "Created"},
		},
		{
			name:  "no reason (directory-deleteditems-user-owned.md:88)",
			first: 1,
			text:  "HTTP/1.1 200\nContent-type: application/json\n\n{\"value\": []}",
			want: &model.Example{Kind: model.ResponseExample, PairIndex: -1, Status: 200,
				Headers: []*model.Header{{Name: "Content-type", Value: "application/json", Pos: pos(2, 1)}},
				Body:    `{"value": []}`, BodyPos: pos(4, 1), ContentType: "application/json"},
		},
		{
			name:  "reason is free text",
			first: 1,
			text:  "HTTP/1.1 204 No content",
			want:  &model.Example{Kind: model.ResponseExample, PairIndex: -1, Status: 204, Reason: "No content"},
		},
		{
			name:  "bare status (team-post.md:621)",
			first: 1,
			text:  "400 Bad Request",
			want:  &model.Example{Kind: model.ResponseExample, PairIndex: -1, Status: 400, Reason: "Bad Request"},
			diags: []diagSummary{{1, 1, model.Error, "http-start-line"}},
		},
		{
			name:  "HTTP code: 200 OK (excel.md:69)",
			first: 1,
			text:  "HTTP code: 200 OK\ncontent-type: application/json;odata.metadata=minimal;odata.streaming=true\n\n{}",
			want: &model.Example{Kind: model.ResponseExample, PairIndex: -1, Status: 200, Reason: "OK",
				Headers: []*model.Header{{Name: "content-type", Value: "application/json;odata.metadata=minimal;odata.streaming=true", Pos: pos(2, 1)}},
				Body:    "{}", BodyPos: pos(4, 1), ContentType: "application/json"},
			diags: []diagSummary{{1, 1, model.Error, "http-start-line"}},
		},
		{
			name:  "location header, no body",
			first: 1,
			text:  "HTTP/1.1 302 Found\nLocation: https://x.example/report.csv\n",
			want: &model.Example{Kind: model.ResponseExample, PairIndex: -1, Status: 302, Reason: "Found",
				Headers: []*model.Header{{Name: "Location", Value: "https://x.example/report.csv", Pos: pos(2, 1)}}},
		},
		{
			name:  "status out of range is not a status line",
			first: 1,
			text:  "HTTP/1.1 999 Nope",
			want:  &model.Example{Kind: model.ResponseExample, PairIndex: -1},
			diags: []diagSummary{{1, 1, model.Error, "http-start-line"}},
		},
		{
			name:  "blank line before a non-header ends the headers",
			first: 1,
			text:  "HTTP/1.1 200 OK\n\nNote: text",
			want: &model.Example{Kind: model.ResponseExample, PairIndex: -1, Status: 200, Reason: "OK",
				Body: "Note: text", BodyPos: pos(3, 1)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := ParseHTTPResponse(block(tt.first, tt.text))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("example mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.diags, summarize(diags)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s\n%v", diff, diags)
			}
			checkDiags(t, diags)
		})
	}
}

// pathSummary is a compact view of a Path for table tests.
type pathSummary struct {
	Method, Template, Query string
	Line                    int
	Segments                int
}

func TestParseSyntaxBlock(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  []pathSummary
		diags []diagSummary
	}{
		{
			name: "attachment-delete.md:33, groups separated by a blank line",
			text: "DELETE /me/events/{id}/attachments/{id}\nDELETE /users/{id | userPrincipalName}/events/{id}/attachments/{id}\n\nDELETE /me/calendar/events/{id}/attachments/{id}\n",
			want: []pathSummary{
				{"DELETE", "/me/events/{id}/attachments/{id}", "", 1, 5},
				{"DELETE", "/users/{id | userPrincipalName}/events/{id}/attachments/{id}", "", 2, 6},
				{"DELETE", "/me/calendar/events/{id}/attachments/{id}", "", 4, 6},
			},
		},
		{
			name: "header line, or, comment, query string",
			text: "POST /me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='A1:B2')/clear\nworkbook-session-id: {session-id}\nor\n// comment\nGET /users?$filter=startswith(displayName,'a')\n",
			want: []pathSummary{
				{"POST", "/me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='A1:B2')/clear", "", 1, 9},
				{"GET", "/users", "$filter=startswith(displayName,'a')", 5, 1},
			},
		},
		{
			name: "full URL, missing slash, no space, indented, HTTP/1.1",
			text: "GET https://graph.microsoft.com/v1.0/me/insights/shared/{id}/resource\nGET policies/activityBasedTimeoutPolicies\nDELETE/identity/b2cUserFlows/{id}\n  PATCH /me HTTP/1.1\n",
			want: []pathSummary{
				{"GET", "/me/insights/shared/{id}/resource", "", 1, 5},
				{"GET", "/policies/activityBasedTimeoutPolicies", "", 2, 2},
				{"DELETE", "/identity/b2cUserFlows/{id}", "", 3, 3},
				{"PATCH", "/me", "", 4, 1},
			},
			diags: []diagSummary{{1, 1, model.Info, "http-syntax-path"}, {2, 1, model.Info, "http-syntax-path"}},
		},
		{
			name:  "program code is reported and skipped",
			text:  "GraphServiceClient graphClient = new GraphServiceClient( authProvider );\nGET /me\n",
			want:  []pathSummary{{"GET", "/me", "", 2, 1}},
			diags: []diagSummary{{1, 1, model.Warning, "http-syntax-line"}},
		},
		{
			name:  "prose starting with a method word is not a path; lower-case method with a path is",
			text:  "Delete the item first.\nget /me/events\n",
			want:  []pathSummary{{"GET", "/me/events", "", 2, 2}},
			diags: []diagSummary{{1, 1, model.Warning, "http-syntax-line"}},
		},
		{
			name:  "malformed template",
			text:  "GET /users/{id/events\n",
			want:  []pathSummary{{"GET", "/users/{id/events", "", 1, 2}},
			diags: []diagSummary{{1, 1, model.Warning, "path-template"}},
		},
		{
			name: "query with spaces",
			text: "GET /security/alerts?$filter={property} eq '{property-value}'",
			want: []pathSummary{{"GET", "/security/alerts", "$filter={property} eq '{property-value}'", 1, 2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paths, diags := ParseSyntaxBlock(block(1, tt.text))
			var got []pathSummary
			for _, p := range paths {
				got = append(got, pathSummary{p.Method, p.Template, p.Query, p.Pos.Line, len(p.Segments)})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("paths mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.diags, summarize(diags)); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s\n%v", diff, diags)
			}
			checkDiags(t, diags)
		})
	}
}

func lit(s string) *model.Segment { return &model.Segment{Kind: model.Literal, Raw: s, Name: s} }

func param(raw string, names ...string) *model.Segment {
	p := &model.PathParam{Name: names[0]}
	if len(names) > 1 {
		p.Alternatives = names
	}
	return &model.Segment{Kind: model.Param, Raw: raw, Params: []*model.PathParam{p}}
}

func TestParsePathTemplate(t *testing.T) {
	tests := []struct {
		in      string
		want    []*model.Segment
		wantErr bool
	}{
		{in: "/deviceManagement/virtualEndpoint/snapshots", want: []*model.Segment{lit("deviceManagement"), lit("virtualEndpoint"), lit("snapshots")}},
		{in: "/users/{id | userPrincipalName}/calendar", want: []*model.Segment{lit("users"), param("{id | userPrincipalName}", "id", "userPrincipalName"), lit("calendar")}},
		{in: "/sites/{id|name}/x", want: []*model.Segment{lit("sites"), param("{id|name}", "id", "name"), lit("x")}},
		{in: "/teams/{ team-id }/", want: []*model.Segment{lit("teams"), param("{ team-id }", "team-id")}},
		{in: "/groups/{id}/members/$ref", want: []*model.Segment{lit("groups"), param("{id}", "id"), lit("members"), lit("$ref")}},
		{in: "/me/photo/$value", want: []*model.Segment{lit("me"), lit("photo"), lit("$value")}},
		{in: "/users/$count", want: []*model.Segment{lit("users"), lit("$count")}},
		{in: "/directory/deletedItems/microsoft.graph.group", want: []*model.Segment{lit("directory"), lit("deletedItems"),
			{Kind: model.CastSegment, Raw: "microsoft.graph.group", Name: "microsoft.graph.group"}}},
		{in: "/workbook/worksheets('{id}')/range", want: []*model.Segment{lit("workbook"),
			{Kind: model.KeySegment, Raw: "worksheets('{id}')", Name: "worksheets", Params: []*model.PathParam{{Name: "id", Quoted: true}}},
			lit("range")}},
		{in: "/workbook/worksheets({id})/createSession", want: []*model.Segment{lit("workbook"),
			{Kind: model.KeySegment, Raw: "worksheets({id})", Name: "worksheets", Params: []*model.PathParam{{Name: "id"}}},
			lit("createSession")}},
		{in: "/items(key='{id}')", want: []*model.Segment{
			{Kind: model.KeySegment, Raw: "items(key='{id}')", Name: "items", Params: []*model.PathParam{{Name: "id", Arg: "key", Quoted: true}}}}},
		{in: "/reports/getEmailActivityCounts(period='{period_value}')", want: []*model.Segment{lit("reports"),
			{Kind: model.FunctionSegment, Raw: "getEmailActivityCounts(period='{period_value}')", Name: "getEmailActivityCounts",
				Params: []*model.PathParam{{Name: "period_value", Arg: "period", Quoted: true}}}}},
		{in: "/me/photo/image(width=640,height=480,fittingMode='fit')", want: []*model.Segment{lit("me"), lit("photo"),
			{Kind: model.FunctionSegment, Raw: "image(width=640,height=480,fittingMode='fit')", Name: "image",
				Params: []*model.PathParam{{Arg: "width"}, {Arg: "height"}, {Arg: "fittingMode", Quoted: true}}}}},
		{in: "/applications/delta()", want: []*model.Segment{lit("applications"), {Kind: model.FunctionSegment, Raw: "delta()", Name: "delta"}}},
		{in: "/range(address='A1:B2')", want: []*model.Segment{
			{Kind: model.FunctionSegment, Raw: "range(address='A1:B2')", Name: "range", Params: []*model.PathParam{{Arg: "address", Quoted: true}}}}},
		{in: "/me/drive/root:/{item-path}:/workbook/tables", want: []*model.Segment{lit("me"), lit("drive"),
			{Kind: model.PathSegment, Raw: "root:/{item-path}:", Name: "root", Params: []*model.PathParam{{Name: "item-path"}}},
			lit("workbook"), lit("tables")}},
		{in: "/drives/{drive-id}/root:/{path-relative-to-root}:/content", want: []*model.Segment{lit("drives"), param("{drive-id}", "drive-id"),
			{Kind: model.PathSegment, Raw: "root:/{path-relative-to-root}:", Name: "root", Params: []*model.PathParam{{Name: "path-relative-to-root"}}},
			lit("content")}},
		{in: "/me/drive/items/{parent-id}:/{filename}:/content", want: []*model.Segment{lit("me"), lit("drive"), lit("items"),
			{Kind: model.PathSegment, Raw: "{parent-id}:/{filename}:", Params: []*model.PathParam{{Name: "parent-id"}, {Name: "filename"}}},
			lit("content")}},
		{in: "/me/drive/root:/folder/file.txt", want: []*model.Segment{lit("me"), lit("drive"),
			{Kind: model.PathSegment, Raw: "root:/folder/file.txt", Name: "root"}}},
		{in: "/users?$select=id", want: []*model.Segment{lit("users")}},
		{in: "users/{id}", want: []*model.Segment{lit("users"), param("{id}", "id")}},
		{in: "/", want: nil},
		{in: "", wantErr: true},
		{in: "/users//{id}", want: []*model.Segment{lit("users"), param("{id}", "id")}, wantErr: true},
		{in: "/users/{id", want: []*model.Segment{lit("users"), lit("{id")}, wantErr: true},
		{in: "/users/x('a", want: []*model.Segment{lit("users"), lit("x('a")}, wantErr: true},
		{in: "/sheet{n}/x", want: []*model.Segment{{Kind: model.Literal, Raw: "sheet{n}", Name: "sheet{n}", Params: []*model.PathParam{{Name: "n"}}}, lit("x")}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParsePathTemplate(tt.in)
			if (err != nil) != tt.wantErr {
				t.Errorf("err = %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("segments mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
