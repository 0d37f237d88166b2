package parser

import (
	"errors"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// ParseSyntaxBlock parses the block under "## HTTP request": one Path per
// "METHOD /path" line. Blank lines, comments, header lines and the word
// "or" are skipped; full URLs lose scheme, host and version; a missing
// leading slash is added; the query string goes to Path.Query.
func ParseSyntaxBlock(lines []Line) ([]*model.Path, []model.Diagnostic) {
	var paths []*model.Path
	var diags []model.Diagnostic
	for _, l := range lines {
		t := strings.TrimSpace(l.Text)
		if t == "" || strings.EqualFold(t, "or") || strings.HasPrefix(t, "//") ||
			strings.HasPrefix(t, "#") || strings.HasPrefix(t, "<!--") {
			continue
		}
		method, rest, ok := splitMethod(t)
		if !ok {
			if _, _, isHeader := headerLine(t); !isHeader {
				diags = append(diags, model.Diagnostic{
					Pos:      indentPos(l),
					Severity: model.Warning,
					Code:     CodeHTTPSyntaxLine,
					Message:  "line " + strconv.Quote(clip(t, 60)) + " in the HTTP request block is not \"METHOD /path\"; docgen ignored it",
				})
			}
			continue
		}
		pos := indentPos(l)
		raw := stripHTTPVersion(rest)
		tmpl, query, note := splitRequestTarget(raw)
		if note != "" {
			diags = append(diags, model.Diagnostic{
				Pos:      pos,
				Severity: model.Info,
				Code:     CodeHTTPSyntaxPath,
				Message:  "path " + strconv.Quote(clip(raw, 80)) + " " + note + "; write it as \"/path\" without host or version",
			})
		}
		p := &model.Path{Method: method, Template: tmpl, Query: query, Pos: pos}
		segs, err := ParsePathTemplate(tmpl)
		p.Segments = segs
		if err != nil {
			diags = append(diags, model.Diagnostic{
				Pos:      pos,
				Severity: model.Warning,
				Code:     CodePathTemplate,
				Message:  "path template " + strconv.Quote(clip(tmpl, 80)) + ": " + err.Error(),
			})
		}
		paths = append(paths, p)
	}
	return paths, diags
}

// splitRequestTarget turns a syntax-block request target into a template
// ("/x/{id}") and a query string, noting a full URL or a missing slash.
func splitRequestTarget(raw string) (tmpl, query, note string) {
	t := raw
	if hasPrefixFold(t, "https://") || hasPrefixFold(t, "http://") {
		note = "is a full URL"
		t = t[strings.Index(t, "//")+2:]
		if i := strings.IndexByte(t, '/'); i >= 0 {
			t = t[i:]
		} else {
			t = "/"
		}
		t = stripVersion(t)
	} else if !strings.HasPrefix(t, "/") {
		note = "has no leading slash"
		t = "/" + t
		t = stripVersion(t)
	}
	if i := queryIndex(t); i >= 0 {
		t, query = t[:i], t[i+1:]
	}
	return strings.TrimRight(t, " \t"), query, note
}

// stripVersion removes a leading "/v1.0", "/beta", "/V1.0" or "/v1".
func stripVersion(t string) string {
	rest := t[1:]
	seg := rest
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		seg = rest[:i]
	}
	switch strings.ToLower(seg) {
	case "v1.0", "beta", "v1", "v2.0":
		t = rest[len(seg):]
		if t == "" {
			t = "/"
		}
	}
	return t
}

// queryIndex returns the index of the '?' that starts the query, ignoring
// any inside braces, parentheses or quotes.
func queryIndex(s string) int {
	depth := 0
	quote := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			quote = !quote
		case quote:
		case c == '{' || c == '(':
			depth++
		case c == '}' || c == ')':
			if depth > 0 {
				depth--
			}
		case c == '?' && depth == 0:
			return i
		}
	}
	return -1
}

// ParsePathTemplate splits a URL path template (no host, no query) into
// segments. It never panics; on malformed input (unbalanced braces,
// parentheses or quotes, empty segments) it returns the segments it could
// read together with an error.
//
// OneDrive path addressing ("root:/{item-path}:") spans slashes and becomes
// one PathSegment whose Name is the literal before the colon ("root"); when
// that part is a parameter ("{parent-id}:/{file-name}:") Name is empty and
// the parameter comes first in Params.
func ParsePathTemplate(s string) ([]*model.Segment, error) {
	if i := queryIndex(s); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSpace(s)
	if s == "" || s == "/" {
		if s == "" {
			return nil, errors.New("empty path")
		}
		return nil, nil
	}
	var segs []*model.Segment
	var errs []string
	addErr := func(msg string) {
		for _, e := range errs {
			if e == msg {
				return
			}
		}
		errs = append(errs, msg)
	}
	i := 0
	if s[0] == '/' {
		i = 1
	}
	for i <= len(s) {
		start := i
		depth, quote := 0, false
		colonPath := false
		for i < len(s) {
			c := s[i]
			if quote {
				if c == '\'' {
					quote = false
				}
				i++
				continue
			}
			if c == '\'' {
				quote = true
			} else if c == '{' || c == '(' {
				depth++
			} else if c == '}' || c == ')' {
				depth--
				if depth < 0 {
					addErr("unbalanced " + string(c))
					depth = 0
				}
			} else if c == ':' && depth == 0 && i+1 < len(s) && s[i+1] == '/' {
				// "root:/path:" — consume up to the closing colon.
				colonPath = true
				j := i + 2
				d := 0
				for j < len(s) {
					if s[j] == '{' {
						d++
					} else if s[j] == '}' && d > 0 {
						d--
					} else if s[j] == ':' && d == 0 {
						break
					}
					j++
				}
				if j < len(s) {
					j++ // closing colon
				}
				i = j
				// The segment ends at the next slash.
				continue
			} else if c == '/' && depth == 0 {
				break
			}
			i++
		}
		if quote {
			addErr("unterminated quote")
		}
		if depth > 0 {
			addErr("unbalanced { or (")
		}
		raw := s[start:i]
		if raw == "" {
			if i < len(s) || start < len(s) {
				addErr("empty segment")
			}
		} else if colonPath {
			segs = append(segs, pathSegment(raw))
		} else {
			seg, err := classifySegment(raw)
			if err != "" {
				addErr(err)
			}
			segs = append(segs, seg)
		}
		if i >= len(s) {
			break
		}
		i++ // slash
		if i == len(s) {
			// A trailing slash: not an empty segment worth reporting.
			break
		}
	}
	if len(errs) > 0 {
		return segs, errors.New(strings.Join(errs, "; "))
	}
	return segs, nil
}

// pathSegment builds the PathSegment for "prefix:/path:".
func pathSegment(raw string) *model.Segment {
	seg := &model.Segment{Kind: model.PathSegment, Raw: raw}
	colon := strings.Index(raw, ":/")
	prefix := raw[:colon]
	if p, ok := braceParam(prefix); ok {
		seg.Params = append(seg.Params, p)
	} else {
		seg.Name = prefix
	}
	rest := raw[colon+2:]
	for rest != "" {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			break
		}
		cl := strings.IndexByte(rest[open:], '}')
		if cl < 0 {
			break
		}
		if p, ok := braceParam(rest[open : open+cl+1]); ok {
			seg.Params = append(seg.Params, p)
		}
		rest = rest[open+cl+1:]
	}
	return seg
}

// braceParam reads "{a | b}" as a parameter with alternatives.
func braceParam(s string) (*model.PathParam, bool) {
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' || strings.ContainsAny(s[1:len(s)-1], "{}") {
		return nil, false
	}
	inner := s[1 : len(s)-1]
	p := &model.PathParam{}
	if strings.IndexByte(inner, '|') >= 0 {
		for _, a := range strings.Split(inner, "|") {
			if a = strings.TrimSpace(a); a != "" {
				p.Alternatives = append(p.Alternatives, a)
			}
		}
		if len(p.Alternatives) > 0 {
			p.Name = p.Alternatives[0]
		}
		if len(p.Alternatives) < 2 {
			p.Alternatives = nil
		}
	} else {
		p.Name = strings.TrimSpace(inner)
	}
	return p, true
}

// classifySegment classifies one slash-free segment.
func classifySegment(raw string) (*model.Segment, string) {
	seg := &model.Segment{Kind: model.Literal, Raw: raw, Name: raw}
	if p, ok := braceParam(raw); ok {
		seg.Kind, seg.Name = model.Param, ""
		seg.Params = []*model.PathParam{p}
		return seg, ""
	}
	if open := strings.IndexByte(raw, '('); open > 0 && strings.HasSuffix(raw, ")") {
		name := raw[:open]
		args := splitArgs(raw[open+1 : len(raw)-1])
		seg.Name = name
		named := false
		for _, a := range args {
			if argName(a) != "" {
				named = true
			}
		}
		switch {
		case len(args) == 0:
			seg.Kind = model.FunctionSegment
		case len(args) == 1 && (!named || strings.EqualFold(argName(args[0]), "key")):
			seg.Kind = model.KeySegment
		default:
			seg.Kind = model.FunctionSegment
		}
		for _, a := range args {
			seg.Params = append(seg.Params, argParam(a))
		}
		return seg, ""
	}
	if strings.ContainsAny(raw, "()") {
		return seg, "malformed parentheses in segment " + strconv.Quote(raw)
	}
	if isCast(raw) {
		seg.Kind = model.CastSegment
		return seg, ""
	}
	// A literal with embedded parameters ("sheet{n}") keeps its kind but
	// lists them.
	rest := raw
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			break
		}
		cl := strings.IndexByte(rest[open:], '}')
		if cl < 0 {
			return seg, "unbalanced { in segment " + strconv.Quote(raw)
		}
		if p, ok := braceParam(rest[open : open+cl+1]); ok {
			seg.Params = append(seg.Params, p)
		}
		rest = rest[open+cl+1:]
	}
	return seg, ""
}

// isCast reports whether a literal segment is a qualified type name such as
// "microsoft.graph.group".
func isCast(s string) bool {
	if strings.HasPrefix(s, "$") || strings.Count(s, ".") < 2 {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if part == "" || !isIdent(part) {
			return false
		}
	}
	return true
}

func isIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || (i > 0 && '0' <= c && c <= '9')) {
			return false
		}
	}
	return s != ""
}

// splitArgs splits function arguments at top-level commas.
func splitArgs(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	depth, quote, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			quote = !quote
		case quote:
		case c == '{' || c == '(':
			depth++
		case c == '}' || c == ')':
			depth--
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

// argName returns the name of a "name=value" argument.
func argName(a string) string {
	eq := strings.IndexByte(a, '=')
	if eq <= 0 {
		return ""
	}
	n := strings.TrimSpace(a[:eq])
	if !isIdent(n) {
		return ""
	}
	return n
}

// argParam reads one argument: "period='{period}'", "{id}", "'{id}'",
// "width=640".
func argParam(a string) *model.PathParam {
	p := &model.PathParam{Arg: argName(a)}
	v := a
	if p.Arg != "" {
		v = strings.TrimSpace(a[strings.IndexByte(a, '=')+1:])
	}
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		p.Quoted = true
		v = v[1 : len(v)-1]
	}
	if bp, ok := braceParam(v); ok {
		p.Name, p.Alternatives = bp.Name, bp.Alternatives
	}
	return p
}
