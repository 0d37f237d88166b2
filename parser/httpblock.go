package parser

import (
	"errors"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// ParseHTTPRequest parses the lines of an example HTTP request block.
func ParseHTTPRequest(lines []Line) (*model.Example, []model.Diagnostic) {
	ex := &model.Example{Kind: model.RequestExample, PairIndex: -1}
	for i, l := range lines {
		f := strings.Fields(l.Text)
		if len(f) >= 2 {
			ex.Method, ex.URL = f[0], f[1]
			parseHeadersAndBody(ex, lines[i+1:])
			break
		}
	}
	return ex, nil
}

// ParseHTTPResponse parses the lines of an example HTTP response block.
func ParseHTTPResponse(lines []Line) (*model.Example, []model.Diagnostic) {
	ex := &model.Example{Kind: model.ResponseExample, PairIndex: -1}
	for i, l := range lines {
		f := strings.Fields(l.Text)
		if len(f) >= 2 {
			ex.Status, _ = strconv.Atoi(f[1])
			ex.Reason = strings.Join(f[2:], " ")
			parseHeadersAndBody(ex, lines[i+1:])
			break
		}
	}
	return ex, nil
}

func parseHeadersAndBody(ex *model.Example, lines []Line) {
	i := 0
	for ; i < len(lines); i++ {
		name, value, ok := strings.Cut(lines[i].Text, ":")
		if !ok || strings.TrimSpace(lines[i].Text) == "" {
			break
		}
		ex.Headers = append(ex.Headers, &model.Header{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value), Pos: lines[i].Pos})
	}
	for i < len(lines) && strings.TrimSpace(lines[i].Text) == "" {
		i++
	}
	if i < len(lines) {
		ex.BodyPos = lines[i].Pos
		var b strings.Builder
		for j, l := range lines[i:] {
			if j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(l.Text)
		}
		ex.Body = b.String()
	}
}

// ParseSyntaxBlock parses the "## HTTP request" block into paths.
func ParseSyntaxBlock(lines []Line) ([]*model.Path, []model.Diagnostic) {
	var paths []*model.Path
	for _, l := range lines {
		f := strings.Fields(l.Text)
		if len(f) < 2 {
			continue
		}
		segs, _ := ParsePathTemplate(f[1])
		paths = append(paths, &model.Path{Method: f[0], Template: f[1], Segments: segs, Pos: l.Pos})
	}
	return paths, nil
}

// ParsePathTemplate splits a URL template into segments.
func ParsePathTemplate(s string) ([]*model.Segment, error) {
	if s == "" {
		return nil, errors.New("empty path")
	}
	var segs []*model.Segment
	for _, p := range strings.Split(strings.Trim(s, "/"), "/") {
		segs = append(segs, &model.Segment{Kind: model.Literal, Raw: p, Name: p})
	}
	return segs, nil
}
