package parser

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
	"github.com/google/go-cmp/cmp"
)

// Fuzz targets for the lexing helpers. Run one with, for example,
//
//	go test ./parser -run '^$' -fuzz FuzzCheckJSON -fuzztime 30s
//
// Crashers found so far are kept under testdata/fuzz/<FuzzName>/ and run as
// regular test cases.

var fuzzPos = model.Pos{File: "f.md", Line: 7, Col: 3}

// checkDiagRange fails when a diagnostic lies outside lines
// [fuzzPos.Line, fuzzPos.Line+lines] or has no valid position.
func checkDiagRange(t *testing.T, ds []model.Diagnostic, lines int) {
	t.Helper()
	for _, d := range ds {
		if d.Pos.File != fuzzPos.File || d.Pos.Line < fuzzPos.Line || d.Pos.Line > fuzzPos.Line+lines || d.Pos.Col < 1 {
			t.Fatalf("diagnostic out of range (%d lines): %v", lines, d)
		}
		if _, ok := model.LookupCode(Codes(), d.Code); !ok {
			t.Fatalf("unregistered code %q", d.Code)
		}
		if d.Message == "" {
			t.Fatalf("empty message: %v", d)
		}
	}
}

func FuzzParseAnnotation(f *testing.F) {
	for _, s := range []string{
		"{\n  \"blockType\": \"response\",\n}\n",
		`{ "blockType": "resource", "@type": "x.y", "baseType": null, "truncated": "true", "name": ["a","b"] }`,
		"{\n  \"description\": translationLanguageOverride resource\",\n  \"keywords\": \"\"\n}",
		"{\n  \"description\": \"teamsApp resource,\n  \"keywords\": \"\"\n}",
		"{\n isCollection: true\n \"a\": \"b\"\n}",
		"{\"suppressions\": [\"a\n b\"]}",
		" uuid: 1234 ",
		"{\"a\": {\"b\": [1, 2.5e3, -1, true, null, \"\\u00e9\"]}}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, diags := ParseAnnotation(text, fuzzPos)
		annotationLike := strings.HasPrefix(strings.TrimLeft(text, " \t\n\r\f\v"), "{")
		if (a != nil) != annotationLike {
			t.Fatalf("annotation = %v for annotation-like %v", a, annotationLike)
		}
		if a == nil && diags != nil {
			t.Fatalf("diagnostics for a non-annotation: %v", diags)
		}
		checkDiagRange(t, diags, strings.Count(text, "\n"))
		if a != nil && len(diags) == 0 && a.Repaired {
			t.Fatalf("repaired without a diagnostic")
		}
		// Strict JSON objects need no repair.
		var m map[string]any
		if a != nil && json.Unmarshal([]byte(text), &m) == nil && a.Repaired {
			t.Fatalf("strict JSON marked repaired: %v", diags)
		}
	})
}

func FuzzParseHTTPRequest(f *testing.F) {
	for _, s := range []string{
		"POST https://graph.microsoft.com/beta/x\nContent-Type: application/json\nContent-length: 155\n\n{\n  \"a\": 1\n}",
		"POST /x\n\nContent-type: application/json\n\n{}",
		"GET /a\n\nGET /b\n",
		"\n\n  DELETE/x HTTP/1.1\nContent-Type: text/plain\nhello",
		"{\n}",
		"nonsense\nHeader: v\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		lines := SplitLines(text, fuzzPos)
		ex, diags := ParseHTTPRequest(lines)
		checkHTTPExample(t, ex, diags, lines, model.RequestExample)
	})
}

func FuzzParseHTTPResponse(f *testing.F) {
	for _, s := range []string{
		"HTTP/1.1 201 Created\n\nContent-Type: application/json\n{\n  \"a\": 1\n}",
		"HTTP 204",
		"HTTP/1.1 200\nContent-type: application/json\n\n{}",
		"400 Bad Request",
		"HTTP code: 200 OK\n\n{}",
		"HTTP/2 302 Found\nLocation: x\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		lines := SplitLines(text, fuzzPos)
		ex, diags := ParseHTTPResponse(lines)
		checkHTTPExample(t, ex, diags, lines, model.ResponseExample)
		if ex.Status != 0 && (ex.Status < 100 || ex.Status > 599) {
			t.Fatalf("status %d", ex.Status)
		}
	})
}

func checkHTTPExample(t *testing.T, ex *model.Example, diags []model.Diagnostic, lines []Line, kind model.ExampleKind) {
	t.Helper()
	if ex == nil || ex.Kind != kind || ex.PairIndex != -1 {
		t.Fatalf("bad example %+v", ex)
	}
	checkDiagRange(t, diags, len(lines))
	if ex.Body != "" {
		if ex.BodyPos.Line < fuzzPos.Line || ex.BodyPos.Line >= fuzzPos.Line+len(lines) {
			t.Fatalf("BodyPos %v out of range", ex.BodyPos)
		}
		first := lines[ex.BodyPos.Line-fuzzPos.Line].Text
		if !strings.HasPrefix(ex.Body, first) {
			t.Fatalf("body %q does not start with its line %q", ex.Body, first)
		}
	}
	for _, h := range ex.Headers {
		if h.Name == "" || !h.Pos.IsValid() {
			t.Fatalf("bad header %+v", h)
		}
	}
}

func FuzzParsePathTemplate(f *testing.F) {
	for _, s := range []string{
		"/users/{id | userPrincipalName}/calendar",
		"/me/drive/root:/{item-path}:/workbook/tables",
		"/me/drive/items/{parent-id}:/{filename}:/content",
		"/reports/getEmailActivityCounts(period='{period_value}')",
		"/me/photo/image(width=640,height=480,fittingMode='fit')",
		"/workbook/worksheets({id})/range(address='A1:B2')",
		"/directory/deletedItems/microsoft.graph.group/$count",
		"/x('a/b')/{y}:/z",
		"//{(')}:/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		segs, err := ParsePathTemplate(s)
		if err == nil && strings.TrimSpace(s) == "" {
			t.Fatalf("empty template accepted")
		}
		for _, seg := range segs {
			if seg == nil || seg.Raw == "" {
				t.Fatalf("empty segment in %q: %+v", s, segs)
			}
			if !strings.Contains(s, seg.Raw) {
				t.Fatalf("segment %q not in %q", seg.Raw, s)
			}
			for _, p := range seg.Params {
				if p == nil {
					t.Fatalf("nil param")
				}
			}
		}
	})
}

func FuzzCheckJSON(f *testing.F) {
	for _, s := range []string{
		"{\n  \"a\": 1,\n}",
		"{\n  \"id\": \"x\" // c\n}",
		"{ /* c */ \"a\": [1, 2,], }",
		"{\"a\":\u00a01}",
		"{\"a\": \"x\ny\"}",
		"{\n  \"a\": 1\n  \"b\": 2\n}",
		"[ {\"a\": 1}, ... ]",
		"{'a': 'b'}",
		"<bytes 0-25 of the file>",
		"{\"a\": \"String\", \"b\": [1024, \"Display Name value\"], \"c/~\": {\"d\": \"a | b\"}}",
		"17",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		state, data, diags := CheckJSON(body, fuzzPos)
		checkDiagRange(t, diags, strings.Count(body, "\n"))
		switch state {
		case model.NoJSON:
			if strings.TrimSpace(body) != "" && strings.Trim(body, " \t\r\n\f\v") != "" {
				t.Fatalf("non-blank body %q is NoJSON", body)
			}
			return
		case model.ValidJSON:
			if string(data) != body || !json.Valid(data) || diags != nil {
				t.Fatalf("valid: data %q diags %v", data, diags)
			}
		case model.RepairedJSON:
			if !json.Valid(data) || len(diags) == 0 {
				t.Fatalf("repaired: data %q diags %v", data, diags)
			}
		case model.InvalidJSON:
			if data != nil || len(diags) != 1 {
				t.Fatalf("invalid: data %q diags %v", data, diags)
			}
			return
		}
		got := FindPlaceholders(data, body, fuzzPos)
		var gotPtrs []string
		for _, p := range got {
			gotPtrs = append(gotPtrs, p.Pointer)
			if p.Pos.Line < fuzzPos.Line || p.Pos.Line > fuzzPos.Line+strings.Count(body, "\n") || p.Pos.Col < 1 {
				t.Fatalf("placeholder position out of range: %+v", p)
			}
		}
		if diff := cmp.Diff(referencePointers(t, data), gotPtrs); diff != "" {
			t.Fatalf("placeholder pointers differ from the json.Decoder walk (-want +got):\n%s", diff)
		}
	})
}

// referencePointers walks data with json.Decoder and returns the pointers
// of the placeholder values, as FindPlaceholders should.
func referencePointers(t *testing.T, data []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out []string
	var walk func(ptr string, depth int)
	walk = func(ptr string, depth int) {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("decoder: %v", err)
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' {
				for dec.More() {
					k, err := dec.Token()
					if err != nil {
						t.Fatalf("decoder: %v", err)
					}
					key := k.(string)
					key = strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
					walk(ptr+"/"+key, depth+1)
				}
			} else {
				for n := 0; dec.More(); n++ {
					walk(ptr+"/"+strconv.Itoa(n), depth+1)
				}
			}
			dec.Token() // closing delimiter
		case string:
			if _, _, ok := IsPlaceholderString(v); ok {
				out = append(out, ptr)
			}
		case json.Number:
			if jsonpos.IsStockNumber(string(v)) {
				out = append(out, ptr)
			}
		}
	}
	walk("", 0)
	return out
}
