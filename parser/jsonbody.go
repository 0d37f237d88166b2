package parser

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// CheckJSON classifies an example body. Strict JSON is ValidJSON and the
// returned bytes are the body itself. Otherwise CheckJSON repairs what
// authors commonly get wrong (trailing commas, // and /* */ comments,
// no-break spaces used as whitespace, raw control characters inside
// strings); if that yields JSON the state is RepairedJSON, the bytes are the
// repaired text (for schema use only) and each repair is reported as a
// json-repaired warning at its line. Otherwise the state is InvalidJSON and
// one json-invalid warning names the first defect at its line. An empty
// body is NoJSON.
//
// Body line i is page line bodyPos.Line+i; columns on every line count from
// bodyPos.Col.
func CheckJSON(body string, bodyPos model.Pos) (model.JSONState, []byte, []model.Diagnostic) {
	if jsonpos.IsBlank(body) {
		return model.NoJSON, nil, nil
	}
	b := []byte(body)
	if json.Valid(b) {
		return model.ValidJSON, b, nil
	}
	rep := jsonpos.Repair(body)
	if rep.Changed && json.Valid(rep.Out) {
		diags := make([]model.Diagnostic, 0, len(rep.Fixes))
		for _, f := range rep.Fixes {
			diags = append(diags, model.Diagnostic{
				Pos:      blockPos(body, f.Off, bodyPos),
				Severity: model.Warning,
				Code:     CodeJSONRepaired,
				Message:  "example JSON has " + f.Msg + "; docgen read it leniently, " + f.Fix,
			})
		}
		return model.RepairedJSON, rep.Out, diags
	}
	off, msg := invalidCause(body, &rep)
	return model.InvalidJSON, nil, []model.Diagnostic{{
		Pos:      blockPos(body, off, bodyPos),
		Severity: model.Warning,
		Code:     CodeJSONInvalid,
		Message:  "example body is not JSON: " + msg,
	}}
}

// blockPos maps byte offset off of a block's text to a page position: text
// line i is page line start.Line+i, and on every line columns count from
// start.Col (the block's indentation).
func blockPos(text string, off int, start model.Pos) model.Pos {
	if off > len(text) {
		off = len(text)
	}
	if off < 0 {
		off = 0
	}
	p := start
	ls := strings.LastIndexByte(text[:off], '\n') + 1
	p.Line += strings.Count(text[:ls], "\n")
	if p.Col > 0 {
		p.Col += off - ls
	} else if p.Line > 0 {
		p.Col = off - ls + 1
	}
	return p
}

// invalidCause finds the first defect that keeps body from being JSON even
// after repairs, as a body offset and a message saying what to change.
func invalidCause(body string, rep *jsonpos.Repaired) (int, string) {
	t := strings.TrimLeft(body, " \t\r\n")
	lead := len(body) - len(t)
	switch {
	case strings.HasPrefix(t, "<") || isBracedWords(t):
		return lead, "it holds a placeholder such as " + strconv.Quote(clip(firstLine(t), 40)) + " standing for a binary or non-JSON body; declare its Content-Type or annotate the block"
	case strings.HasPrefix(t, `"`) && looksLikeMember(t):
		return lead, "it is a fragment (a member without the enclosing braces); wrap it in { }"
	case !strings.HasPrefix(t, "{") && !strings.HasPrefix(t, "[") && !startsScalar(t):
		return lead, "it starts with " + strconv.Quote(clip(firstLine(t), 40)) + " instead of { or [; declare a non-JSON Content-Type or fix the body"
	}
	data := rep.Out
	if data == nil {
		data = []byte(body)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var v any
	err := dec.Decode(&v)
	if err == nil {
		// The first value is fine; something follows it.
		off := rep.InOffset(int(dec.InputOffset()))
		for off < len(body) && jsonpos.IsSpace(body[off]) {
			off++
		}
		return off, "text follows the JSON value (a second value, or stray text); remove it or split the example"
	}
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return len(body), "the body ends before the JSON value is complete (unbalanced brackets or an unterminated string); complete or close it"
	}
	outOff := int(se.Offset) - 1
	if outOff < 0 {
		outOff = 0
	}
	if outOff >= len(data) {
		outOff = len(data) - 1
	}
	off := rep.InOffset(outOff)
	if off >= len(body) {
		off = len(body) - 1
	}
	if off < 0 {
		off = 0
	}
	c := data[outOff]
	msg := se.Error()
	switch {
	case c == '.' && bytes.HasPrefix(data[outOff:], []byte("...")) || strings.HasPrefix(body[off:], "…"):
		return off, "an ellipsis (...) stands for omitted elements; remove it or set \"truncated\": true in the annotation"
	case c == '\'':
		return off, "a single-quoted string; use double quotes"
	case (strings.Contains(msg, "after object key:value pair") || strings.Contains(msg, "after array element")) &&
		(c == '"' || c == '{' || c == '['):
		return off, "a missing comma before this value; add it"
	case strings.Contains(msg, "after object key:value pair") || strings.Contains(msg, "after array element") ||
		strings.Contains(msg, "in numeric literal") || strings.Contains(msg, "in literal"):
		return off, "a malformed value (an unquoted string or date?); write strings in double quotes"
	case strings.Contains(msg, "looking for beginning of object key string") && (isWordByte(c)):
		return off, "an unquoted key; put it in double quotes"
	case strings.Contains(msg, "unexpected end"):
		return len(body), "the body ends before the JSON value is complete (unbalanced brackets or an unterminated string); complete or close it"
	}
	return off, strings.TrimPrefix(msg, "invalid character ") + "; fix the JSON syntax"
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimRight(s[:i], "\r")
	}
	return s
}

// looksLikeMember reports whether t starts with `"key":`.
func looksLikeMember(t string) bool {
	end := strings.IndexByte(t[1:], '"')
	if end < 0 {
		return false
	}
	return strings.HasPrefix(strings.TrimLeft(t[end+2:], " \t"), ":")
}

func startsScalar(t string) bool {
	if t == "" {
		return false
	}
	c := t[0]
	return c == '"' || c == '-' || ('0' <= c && c <= '9') ||
		strings.HasPrefix(t, "true") || strings.HasPrefix(t, "false") || strings.HasPrefix(t, "null")
}

// isBracedWords reports whether t is one line of words in braces,
// "{Raw bytes of the file}": a placeholder, not JSON.
func isBracedWords(t string) bool {
	t = strings.TrimRight(t, " \t\r\n")
	if len(t) < 3 || t[0] != '{' || t[len(t)-1] != '}' {
		return false
	}
	inner := t[1 : len(t)-1]
	return strings.TrimSpace(inner) != "" && !strings.ContainsAny(inner, "\"{}:\n[],")
}
