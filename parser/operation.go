package parser

import (
	"encoding/json"
	"path"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

var pgMethods = []string{"GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"}

// startsWithMethod reports whether a line starts with an HTTP method.
func startsWithMethod(s string) bool {
	s = strings.TrimSpace(s)
	for _, m := range pgMethods {
		if strings.HasPrefix(s, m) && (len(s) == len(m) || s[len(m)] == ' ' || s[len(m)] == '/' || s[len(m)] == '\t') {
			return true
		}
	}
	return false
}

// firstText returns the first non-blank line of a fence.
func firstText(lines []Line) string {
	for _, l := range lines {
		if t := strings.TrimSpace(l.Text); t != "" {
			return t
		}
	}
	return ""
}

func isHTTPish(info string) bool {
	switch strings.ToLower(info) {
	case "http", "", "msgraph-interactive":
		return true
	}
	return false
}

// apiPage reads an API page's operation.
func (p *pageCtx) apiPage() {
	op := &model.Operation{
		Name:  strings.TrimSuffix(path.Base(p.file), ".md"),
		Title: p.page.Title,
		Page:  p.file,
	}
	op.Description = p.firstParagraph()
	p.res.Operation = op
	var syntax []*mdBlock
	for _, b := range p.blocks {
		if b.kind != bFence || b.section == nil {
			continue
		}
		if !isSyntaxHeading(b.section.txt()) && !(b.h2 != nil && isSyntaxHeading(b.h2.txt())) {
			continue
		}
		if !isHTTPish(b.info) || !startsWithMethod(firstText(b.lines)) {
			continue
		}
		syntax = append(syntax, b)
	}
	for _, b := range syntax {
		paths, diags := ParseSyntaxBlock(b.lines)
		p.res.Diagnostics = append(p.res.Diagnostics, diags...)
		op.Paths = append(op.Paths, paths...)
	}
	switch {
	case len(syntax) > 0:
		op.Pos = syntax[0].pos
	case p.h1 != nil:
		op.Pos = p.h1.pos
	default:
		op.Pos = model.Pos{File: p.file, Line: 1, Col: 1}
	}
	if len(op.Paths) > 0 {
		op.Method = op.Paths[0].Method
	}
	p.headers(op)
	p.queryParams(op)
	p.requestBody(op)
	p.response(op)
	p.examples(op, syntax)
	p.inferType(op)
	p.pageExamples("", nil)
}

// headers reads the Request headers table.
func (p *pageCtx) headers(op *model.Operation) {
	for _, b := range p.blocks {
		if b.kind != bTable || p.sectionOf(b) != secHeaders {
			continue
		}
		t := b.mdTable
		nameCol := t.column("name", "header", "header name", "request header", "property", "parameter")
		if nameCol < 0 {
			nameCol = 0
		}
		valCol := t.column("value", "values")
		descCol := t.column("description", "remarks")
		for _, r := range t.rows() {
			name := pgCleanName(r.mdCell(nameCol).text)
			if name == "" {
				continue
			}
			h := &model.Header{Name: name, Pos: r.pos}
			if valCol >= 0 {
				h.Value = r.mdCell(valCol).text
			}
			h.Description = r.mdCell(descCol).text
			desc := h.Description
			if desc == "" {
				desc = h.Value
			}
			if descCol < 0 && valCol >= 0 {
				h.Description = ""
			}
			h.Required = RowMarkers(desc).Required || strings.Contains(desc, "Required")
			op.Headers = append(op.Headers, h)
		}
	}
}

// queryParams reads query and function parameter tables.
func (p *pageCtx) queryParams(op *model.Operation) {
	for _, b := range p.blocks {
		if b.kind != bTable || p.sectionOf(b) != secQuery {
			continue
		}
		props, enums := p.typedRows(b, false, prioAPIPage)
		op.QueryParameters = append(op.QueryParameters, props...)
		p.res.contribs = append(p.res.contribs, enums...)
	}
}

// requestBody reads the Request body section.
func (p *pageCtx) requestBody(op *model.Operation) {
	var rb *model.RequestBody
	var tableBlock *mdBlock
	claim := false
	for _, b := range p.blocks {
		if p.sectionOf(b) != secRequestBody {
			continue
		}
		if b.kind == bHeading {
			continue
		}
		switch b.kind {
		case bPara:
			lower := strings.ToLower(b.txt())
			if tableBlock == nil && RequiredClaim(b.txt()) {
				claim = true
			}
			if rb == nil && strings.Contains(lower, "json representation of") {
				for _, l := range b.lnk() {
					if i := strings.Index(b.txt(), l.Text); i >= 0 && strings.Contains(strings.ToLower(b.txt()[:i]), "json representation of") && pgIsQualified(l.Text) {
						rb = &model.RequestBody{Type: model.TypeRef{Name: pgQualify(l.Text, p.ns)}, Pos: b.pos}
						if strings.Contains(lower, "collection") {
							rb.Type.Collection = true
						}
						break
					}
				}
			}
		case bTable:
			if tableBlock == nil && (b.mdTable.typed() || b.mdTable.column("parameter", "property", "name") >= 0) {
				tableBlock = b
			}
		}
	}
	if rb == nil && tableBlock == nil {
		return
	}
	if rb == nil {
		rb = &model.RequestBody{}
	}
	if tableBlock != nil {
		rb.Pos = tableBlock.mdTable.pos
		props, enums := p.typedRows(tableBlock, false, prioAPIPage)
		rb.Properties = props
		p.res.contribs = append(p.res.contribs, enums...)
	}
	rb.RequiredClaim = claim
	rb.ContentType = "application/json"
	for _, h := range op.Headers {
		if strings.EqualFold(h.Name, "Content-Type") {
			if mt := pgMediaType(h.Value + " " + h.Description); mt != "" {
				rb.ContentType = mt
			}
		}
	}
	op.RequestBody = rb
}

// mediaType finds the first "type/subtype" token in s.
func pgMediaType(s string) string {
	for _, f := range strings.Fields(s) {
		f = strings.Trim(f, ".,;`*()")
		if i := strings.IndexByte(f, '/'); i > 0 && i < len(f)-1 && !strings.Contains(f, "//") {
			if strings.HasPrefix(f, "application/") || strings.HasPrefix(f, "text/") || strings.HasPrefix(f, "image/") ||
				strings.HasPrefix(f, "multipart/") || strings.HasPrefix(f, "video/") || strings.HasPrefix(f, "audio/") {
				return strings.ToLower(f)
			}
		}
	}
	return ""
}

// response reads the Response section prose.
func (p *pageCtx) response(op *model.Operation) {
	for _, b := range p.blocks {
		if b.kind != bPara || p.sectionOf(b) != secResponse {
			continue
		}
		status, ok := statusIn(b.txt())
		if !ok {
			continue
		}
		r := &model.Response{Status: status, Pos: b.pos}
		lower := strings.ToLower(b.txt())
		for _, l := range b.lnk() {
			d := strings.ToLower(l.Dest)
			if !strings.HasSuffix(strings.SplitN(d, "#", 2)[0], ".md") && !strings.Contains(d, "resources/") {
				continue
			}
			if strings.Contains(d, "errors") || !pgIsQualified(l.Text) {
				continue
			}
			r.Type = model.TypeRef{Name: pgQualify(l.Text, p.ns)}
			if i := strings.Index(b.txt(), l.Text); i >= 0 {
				around := strings.ToLower(b.txt()[max(0, i-20):min(len(b.txt()), i+len(l.Text)+20)])
				r.Type.Collection = strings.Contains(around, "collection")
			} else {
				r.Type.Collection = strings.Contains(lower, "collection of")
			}
			break
		}
		if status == 204 || strings.Contains(lower, "no content") {
			r.NoContent = true
			r.Type = model.TypeRef{}
		}
		op.Response = r
		return
	}
}

// statusIn finds "201 Created"-style status codes in prose.
func statusIn(s string) (int, bool) {
	for i := 0; i+3 <= len(s); i++ {
		if s[i] < '1' || s[i] > '5' || (i > 0 && pgIdentByte(s[i-1])) {
			continue
		}
		if !pgIsDigit(s[i+1]) || !pgIsDigit(s[i+2]) || (i+3 < len(s) && pgIdentByte(s[i+3])) {
			continue
		}
		rest := strings.TrimLeft(s[i+3:], " `")
		if rest == "" || !(rest[0] >= 'A' && rest[0] <= 'Z') {
			continue
		}
		n, _ := strconv.Atoi(s[i : i+3])
		return n, true
	}
	return 0, false
}

func pgIsDigit(c byte) bool { return c >= '0' && c <= '9' }

// examples reads the request and response example fences and pairs them.
func (p *pageCtx) examples(op *model.Operation, syntax []*mdBlock) {
	isSyntax := map[*mdBlock]bool{}
	for _, b := range syntax {
		isSyntax[b] = true
	}
	nReq, nResp := 0, 0
	for _, b := range p.blocks {
		if b.kind != bFence || isSyntax[b] {
			continue
		}
		a := p.bound[b]
		var kind model.ExampleKind
		switch {
		case a != nil && a.BlockType == "request":
			kind = model.RequestExample
		case a != nil && a.BlockType == "response":
			kind = model.ResponseExample
		case a != nil:
			continue // ignored, example, samples, resource
		case !isHTTPish(b.info):
			continue
		default:
			ft := firstText(b.lines)
			switch {
			case strings.HasPrefix(ft, "HTTP/") || strings.HasPrefix(ft, "HTTP "):
				kind = model.ResponseExample
			case startsWithMethod(ft):
				kind = model.RequestExample
			default:
				continue
			}
			if b.section != nil && isSyntaxHeading(b.section.txt()) {
				continue
			}
		}
		var ex *model.Example
		var diags []model.Diagnostic
		if kind == model.RequestExample {
			ex, diags = ParseHTTPRequest(b.lines)
			nReq++
			ex.Name = "request-" + pgItoa(nReq)
		} else {
			ex, diags = ParseHTTPResponse(b.lines)
			nResp++
			ex.Name = "response-" + pgItoa(nResp)
		}
		if ex == nil {
			ex = &model.Example{Kind: kind}
		}
		p.res.Diagnostics = append(p.res.Diagnostics, diags...)
		ex.Kind = kind
		ex.Pos = b.pos
		ex.Annotation = a
		ex.PairIndex = -1
		p.annotationNames(ex, a)
		if !ex.BodyPos.IsValid() {
			ex.BodyPos = b.pos
		}
		p.checkBody(ex)
		if a != nil {
			ex.Truncated = a.Truncated
			if a.ODataType != "" {
				ex.Type = p.odataRef(a.ODataType)
			}
		}
		if ex.Type.Name == "" {
			if kind == model.RequestExample && op.RequestBody != nil {
				ex.Type = op.RequestBody.Type
			}
			if kind == model.ResponseExample && op.Response != nil {
				ex.Type = op.Response.Type
			}
		}
		if a != nil && a.IsCollection {
			ex.Type.Collection = true
		}
		op.Examples = append(op.Examples, ex)
	}
	p.pair(op)
}

// pair links responses to requests: by annotation name, else the latest
// unpaired request before the response (document order, which is also
// "### Request"/"### Response" heading order on unannotated pages).
func (p *pageCtx) pair(op *model.Operation) {
	exs := op.Examples
	lastUnpaired := -1
	for i, ex := range exs {
		if ex.Kind == model.RequestExample {
			lastUnpaired = i
			continue
		}
		if ex.Kind != model.ResponseExample {
			continue
		}
		target := -1
		if ex.Annotation != nil && len(ex.Annotation.Name) > 0 {
			for j := i - 1; j >= 0 && target < 0; j-- {
				if exs[j].Kind != model.RequestExample || exs[j].Annotation == nil {
					continue
				}
				for _, n := range ex.Annotation.Name {
					if len(exs[j].Annotation.Name) > 0 && exs[j].Annotation.Name[0] == n {
						target = j
						break
					}
				}
			}
			// Every other named request shares this response.
			for j := 0; j < i; j++ {
				if j == target || exs[j].Kind != model.RequestExample || exs[j].PairIndex >= 0 || exs[j].Annotation == nil {
					continue
				}
				for _, n := range ex.Annotation.Name {
					if len(exs[j].Annotation.Name) > 0 && exs[j].Annotation.Name[0] == n {
						exs[j].PairIndex = i
					}
				}
			}
		}
		if target < 0 && lastUnpaired >= 0 && exs[lastUnpaired].PairIndex < 0 {
			target = lastUnpaired
		}
		if target >= 0 {
			exs[target].PairIndex = i
			ex.PairIndex = target
			if target == lastUnpaired {
				lastUnpaired = -1
			}
		}
	}
	for _, ex := range exs {
		if ex.PairIndex >= 0 {
			continue
		}
		what := "request has no response example after it"
		if ex.Kind == model.ResponseExample {
			what = "response has no request example before it"
		}
		p.diag(ex.Pos, model.Warning, "example-unpaired",
			"this "+what+"; give each request a response (or pair them with the annotation \"name\")")
	}
}

// inferType records the request body's type from the API page: its table
// rows, and entity evidence (an id in the table or in an example of the
// type). A type only documented on API pages is built from these.
func (p *pageCtx) inferType(op *model.Operation) {
	rb := op.RequestBody
	if rb == nil || rb.Type.Name == "" || rb.Type.IsPrimitive() || len(rb.Properties) == 0 {
		return
	}
	t := &model.Type{Name: rb.Type.Name, Kind: model.ComplexType, Pos: rb.Pos}
	c := &contrib{t: t, prio: prioAPIPage}
	for _, pr := range rb.Properties {
		if pr.InheritedFrom != "" && pr.InheritedFrom != t.Name {
			continue
		}
		cp := *pr
		if cp.Name == "id" {
			c.hasID = true
		}
		t.Properties = pgAppendProp(t.Properties, &cp)
	}
	for _, ex := range op.Examples {
		if ex.Type.Name != t.Name || ex.JSON == model.NoJSON || ex.JSON == model.InvalidJSON {
			continue
		}
		if hasTopLevelID(ex.Body, ex.Type.Collection) {
			c.hasID = true
		}
	}
	p.res.contribs = append(p.res.contribs, c)
}

// hasTopLevelID reports whether a JSON body (or the first element of its
// "value" array) has an "id" member.
func hasTopLevelID(body string, collection bool) bool {
	if !strings.Contains(body, `"id"`) {
		return false
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		return false
	}
	if collection {
		var arr []map[string]json.RawMessage
		if err := json.Unmarshal(m["value"], &arr); err != nil || len(arr) == 0 {
			return false
		}
		m = arr[0]
	}
	_, ok := m["id"]
	return ok
}
