package parser

import (
	"path"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// startsWithMethod reports whether a line starts with an HTTP method.
func startsWithMethod(s string) bool {
	s = strings.TrimSpace(s)
	for _, m := range httpMethods {
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

// isHTTPish reports whether a fence info string can hold an HTTP request or
// response ("http", "msgraph-interactive" or none).
func isHTTPish(info string) bool {
	switch strings.ToLower(info) {
	case "http", "", "msgraph-interactive":
		return true
	}
	return false
}

// scenarioSyntax returns the request blocks of scenario sections that
// follow the one holding the page's HTTP request block: a page written as
// "## List a group's drives" / "### HTTP request" / request, then "## List
// a site's drives" / request, … gives one path per scenario, and only the
// first scenario has the "HTTP request" heading. The first request block of
// each following H2 that is a scenario (no section kind docgen knows, not
// an example) is a syntax block too, up to the first H2 that is not one.
func (p *page) scenarioSyntax(syntax []*mdBlock) []*mdBlock {
	if len(syntax) == 0 {
		return nil
	}
	h2 := syntax[0].h2
	if h2 == nil || syntax[0].section == h2 || !scenarioHeading(h2) {
		return nil
	}
	var more []*mdBlock
	var cur *mdBlock
	taken := false
	for _, b := range p.blocks {
		if b.kind == bHeading && !b.tab && b.level == 2 && b.pos.Line > h2.pos.Line {
			if !scenarioHeading(b) {
				break
			}
			cur, taken = b, false
			continue
		}
		if cur == nil || taken || b.kind != bFence || b.h2 != cur {
			continue
		}
		if !isHTTPish(b.info) || !startsWithMethod(firstText(b.fenceLines())) {
			continue
		}
		more = append(more, b)
		taken = true
	}
	return more
}

// scenarioHeading reports whether an H2 names a scenario of the operation
// ("List a site's drives"): no section kind docgen reads, not an example,
// not an HTTP request heading.
func scenarioHeading(h *mdBlock) bool {
	if h.headingKind() != secNone || h.isSyntaxHeading() {
		return false
	}
	t := strings.ToLower(strings.TrimSpace(h.txt()))
	return t != "" && !strings.HasPrefix(t, "example") && !strings.HasPrefix(t, "remark") && !strings.HasPrefix(t, "see also") &&
		!strings.HasPrefix(t, "error") && !strings.HasPrefix(t, "note")
}

// apiPage reads an API page's operation.
func (p *page) apiPage() {
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
		if !b.section.isSyntaxHeading() && !(b.h2 != nil && b.h2.isSyntaxHeading()) {
			continue
		}
		if !isHTTPish(b.info) || !startsWithMethod(firstText(b.fenceLines())) {
			continue
		}
		syntax = append(syntax, b)
	}
	syntax = append(syntax, p.scenarioSyntax(syntax)...)
	seenPath := map[string]model.Pos{}
	for _, b := range syntax {
		paths, diags := ParseSyntaxBlock(b.fenceLines())
		p.res.Diagnostics = append(p.res.Diagnostics, diags...)
		// A request example under an "HTTP request" heading repeats a
		// path on purpose: only a repeated listing is reported.
		example := p.bound[b] != nil && p.bound[b].BlockType == "request"
		for _, pa := range paths {
			key := pa.Method + " " + pa.Template + "?" + pa.Query
			if first, dup := seenPath[key]; dup {
				if example {
					continue
				}
				p.diag(pa.Pos, CodePathDuplicate,
					pa.Method+" "+pa.Template+" is already listed at line "+strconv.Itoa(first.Line)+"; list each path once")
				continue
			}
			seenPath[key] = pa.Pos
			for _, seg := range strings.Split(pa.Template, "/") {
				if strings.Trim(seg, ".") == "" && strings.Contains(seg, "..") {
					p.diag(pa.Pos, CodePathEllipsis,
						"path "+pa.Template+" has a \""+seg+"\" segment standing for omitted segments; list each real path (or describe the nesting in prose)")
					break
				}
			}
			op.Paths = append(op.Paths, pa)
		}
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
	p.response(op)
	p.requestBody(op)
	p.examples(op, syntax)
	p.exampleEvidence(op)
	p.inferType(op)
	p.pageExamples("", nil)
}

// headers reads the Request headers table.
func (p *page) headers(op *model.Operation) {
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
		typeCol := -1
		if valCol < 0 {
			// "Name | Type | Description" tables put the value in the
			// Type column ("| Content-Type | application/json |").
			typeCol = t.column("type")
		}
		for _, r := range t.rows() {
			name := cleanName(r.mdCell(nameCol).text)
			if name == "" {
				continue
			}
			h := &model.Header{Name: name, Pos: r.pos}
			if valCol >= 0 {
				h.Value = r.mdCell(valCol).text
			} else if v := r.mdCell(typeCol).text; typeCol >= 0 && headerValueLike(v) {
				h.Value = v
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
			h.Value = stripMarkers(h.Value)
			op.Headers = append(op.Headers, h)
		}
	}
}

// headerValueLike reports whether a Type cell of a header table holds the
// header's value (a media type, "Bearer {token}", a {placeholder}) rather
// than a type name.
func headerValueLike(v string) bool {
	v = strings.TrimSpace(v)
	return findMediaType(v) != "" || strings.HasPrefix(v, "Bearer") || strings.Contains(v, "{") || strings.Contains(v, "<")
}

// stripMarkers removes trailing "Required." / "Optional." sentences from a
// header value ("Bearer {token}. Required." → "Bearer {token}").
func stripMarkers(v string) string {
	t := strings.TrimSpace(v)
	stripped := false
	for {
		u := strings.TrimRight(t, " ")
		for _, m := range []string{"Required.", "Required", "Optional.", "Optional"} {
			if strings.HasSuffix(u, m) && (len(u) == len(m) || u[len(u)-len(m)-1] == ' ' || u[len(u)-len(m)-1] == '.') {
				u = strings.TrimSpace(u[:len(u)-len(m)])
				break
			}
		}
		if u == t {
			break
		}
		t, stripped = u, true
	}
	if stripped {
		t = strings.TrimSuffix(t, ".")
	}
	if t == "" {
		return v
	}
	return t
}

// queryParams reads query and function parameter tables.
func (p *page) queryParams(op *model.Operation) {
	for _, b := range p.blocks {
		if b.kind != bTable || p.sectionOf(b) != secQuery {
			continue
		}
		if t := b.mdTable; !t.typed() && t.column("name", "parameter", "parameter name", "query parameter") < 0 {
			continue // e.g. a "Vendor name | $filter keyword" table
		}
		props, enums := p.typedRows(b, false, prioAPIPage)
		op.QueryParameters = append(op.QueryParameters, props...)
		p.res.contribs = append(p.res.contribs, enums...)
	}
}

// requestBody reads the Request body section.
func (p *page) requestBody(op *model.Operation) {
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
			if tableBlock == nil && RequiredClaim(b.txt()) {
				claim = true
			}
			if rb == nil {
				if ref, ok := p.bodyType(b); ok {
					rb = &model.RequestBody{Type: ref, Pos: b.pos}
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
		// Create and update pages often name no type ("supply the values
		// for relevant fields that should be updated"): a Property table
		// of a POST/PATCH/PUT that returns one object documents that
		// object's type.
		if tableBlock != nil && tableBlock.mdTable.column("property", "property name") == 0 && op.Response != nil &&
			op.Response.Type.Name != "" && !op.Response.Type.Collection && !op.Response.Type.IsPrimitive() &&
			(op.Method == "POST" || op.Method == "PATCH" || op.Method == "PUT") {
			rb.Type = op.Response.Type
			p.res.bodyFromResponse = true
		}
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
			if mt := findMediaType(h.Value + " " + h.Description); mt != "" {
				rb.ContentType = mt
			}
		}
	}
	op.RequestBody = rb
}

// bodyType reads the request body's type from a Request body paragraph:
// "supply a JSON representation of the [x](../resources/x.md) object",
// "a JSON representation for the x object", "the properties of the [x]
// resource to specify when you create".
func (p *page) bodyType(b *mdBlock) (model.TypeRef, bool) {
	text := b.txt()
	// Every lead contains "representation" or "properties of".
	if !lowerMayContain(text, "representation") && !lowerMayContain(text, "properties of") {
		return model.TypeRef{}, false
	}
	lower := strings.ToLower(text)
	at := -1
	for _, lead := range []string{"json representation of", "json representation for", "representation of", "properties of"} {
		if i := strings.Index(lower, lead); i >= 0 {
			at = i + len(lead)
			break
		}
	}
	if at < 0 {
		return model.TypeRef{}, false
	}
	var after []mdLink
	for _, l := range b.lnk() {
		if i := strings.Index(text[at:], l.Text); i >= 0 && i < 40 {
			after = append(after, l)
		}
	}
	if ref, ok := p.proseType(text[at:], after); ok {
		return ref, true
	}
	// No link: "for the androidLobApp object".
	f := strings.Fields(text[at:])
	for i, w := range f {
		if i > 3 {
			break
		}
		lw := strings.ToLower(strings.Trim(w, ".,*`"))
		if lw == "the" || lw == "a" || lw == "an" || lw == "new" {
			continue
		}
		name := strings.Trim(w, ".,*`")
		inTitle := strings.Contains(strings.ToLower(p.page.Title), strings.ToLower(name))
		if isDottedName(name) && inTitle && i+1 < len(f) {
			next := strings.ToLower(strings.Trim(f[i+1], ".,"))
			if next == "object" || next == "resource" || next == "entity" || next == "objects" {
				return model.TypeRef{Name: qualify(lowerFirst(name), p.ns), Collection: next == "objects"}, true
			}
		}
		break
	}
	return model.TypeRef{}, false
}

// findMediaType finds the first "type/subtype" token in s.
func findMediaType(s string) string {
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
func (p *page) response(op *model.Operation) {
	var r *model.Response
	for _, b := range p.blocks {
		if b.kind != bPara || p.sectionOf(b) != secResponse {
			continue
		}
		text := b.txt()
		lower := strings.ToLower(text)
		status, ok := statusIn(text)
		if r == nil {
			if !ok && !strings.Contains(lower, "return") {
				continue
			}
			r = &model.Response{Status: status, Pos: b.pos}
		} else if r.Status == 0 && ok {
			r.Status = status
		}
		if r.Type.Name == "" {
			if ref, ok := p.proseType(text, b.lnk()); ok {
				r.Type = ref
			} else if ref, ok := p.boldType(b.rawText()); ok {
				r.Type = ref
			} else if ref, ok := primitiveProse(text); ok {
				r.Type = ref
			}
		}
		if r.Status == 204 || strings.Contains(lower, "no content") {
			r.NoContent = true
		}
		if r.Status != 0 && (r.Type.Name != "" || r.NoContent) {
			break
		}
	}
	if r == nil {
		return
	}
	if r.NoContent {
		r.Type = model.TypeRef{}
	}
	op.Response = r
}

// proseType reads the type a sentence links to ("a [user](../resources/user.md)
// object", "a collection of [DriveItem](driveitem.md) resources", "a
// [Drive resource][drive-resource]").
func (p *page) proseType(text string, links []mdLink) (model.TypeRef, bool) {
	for _, l := range links {
		d := strings.ToLower(l.Dest)
		file := strings.SplitN(d, "#", 2)[0]
		if !strings.HasSuffix(file, ".md") && !strings.Contains(d, "resources/") {
			continue
		}
		if strings.Contains(d, "errors") || strings.Contains(d, "/concepts/") || strings.Contains(d, "query-parameters") {
			continue
		}
		name := strings.TrimSpace(l.Text)
		for _, suf := range []string{" resources", " resource", " objects", " object", " entities", " entity"} {
			name = strings.TrimSuffix(name, suf)
		}
		name = strings.Trim(name, "*` ")
		if !isDottedName(name) {
			continue
		}
		ref := model.TypeRef{Name: qualify(lowerFirst(name), p.ns)}
		p.linkType(ref.Name, l.Dest)
		if i := strings.Index(text, l.Text); i >= 0 {
			// The words around the link, not the link text: a type whose
			// name contains "Collection" ("…SettingCollectionDefinition")
			// is not a collection.
			around := strings.ToLower(text[max(0, i-25):i] + " " + text[i+len(l.Text):min(len(text), i+len(l.Text)+20)])
			ref.Collection = strings.Contains(around, "collection") || strings.Contains(around, "list of") || strings.Contains(around, "array of")
		}
		return ref, true
	}
	return model.TypeRef{}, false
}

// primitiveProse reads a primitive response type from prose that names it
// in its canonical spelling: "returns a `200 OK` response code and a String
// collection in the response body" (Collection(Edm.String)), "and a Stream
// in the response body".
func primitiveProse(text string) (model.TypeRef, bool) {
	end := strings.Index(text, " in the response body")
	if end < 0 {
		return model.TypeRef{}, false
	}
	before := text[:end]
	i := strings.LastIndex(before, " and a ")
	n := len(" and a ")
	if j := strings.LastIndex(before, " and an "); j > i {
		i, n = j, len(" and an ")
	}
	if i < 0 {
		return model.TypeRef{}, false
	}
	f := strings.Fields(before[i+n:])
	if len(f) == 0 || len(f) > 2 || (len(f) == 2 && f[1] != "collection") || !canonicalSpellings[f[0]] || f[0] == "Json" {
		return model.TypeRef{}, false
	}
	pr, ok := primitiveSpellings[strings.ToLower(f[0])]
	if !ok {
		return model.TypeRef{}, false
	}
	return model.TypeRef{Name: pr.name, Collection: len(f) == 2}, true
}

// boldType reads a type named in bold in raw Markdown: "an **alert**
// object", "the newly created **chat** resource", "a collection of
// **user** objects".
func (p *page) boldType(raw string) (model.TypeRef, bool) {
	rest := raw
	for {
		i := strings.Index(rest, "**")
		if i < 0 {
			return model.TypeRef{}, false
		}
		j := strings.Index(rest[i+2:], "**")
		if j < 0 {
			return model.TypeRef{}, false
		}
		name := rest[i+2 : i+2+j]
		after := strings.ToLower(strings.TrimSpace(rest[i+4+j:]))
		before := strings.ToLower(rest[max(0, i-25):i])
		rest = rest[i+4+j:]
		if !isDottedName(name) {
			continue
		}
		for _, w := range []string{"object", "resource", "collection", "entity", "entities"} {
			if strings.HasPrefix(after, w) {
				ref := model.TypeRef{Name: qualify(lowerFirst(name), p.ns)}
				ref.Collection = strings.HasPrefix(after, "collection") || strings.Contains(before, "collection of") || strings.Contains(before, "list of")
				return ref, true
			}
		}
	}
}

// statusIn finds "201 Created"-style status codes in prose.
func statusIn(s string) (int, bool) {
	for i := 0; i+3 <= len(s); i++ {
		if s[i] < '1' || s[i] > '5' || (i > 0 && identByte(s[i-1])) {
			continue
		}
		if !isDigit(s[i+1]) || !isDigit(s[i+2]) || (i+3 < len(s) && identByte(s[i+3])) {
			continue
		}
		rest := strings.TrimLeft(s[i+3:], " `,")
		if rest == "" || !(rest[0] >= 'A' && rest[0] <= 'Z') {
			continue
		}
		n, _ := strconv.Atoi(s[i : i+3])
		return n, true
	}
	return 0, false
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
