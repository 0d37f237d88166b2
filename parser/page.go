package parser

import (
	"bytes"
	"path"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// PageResult is one page read on its own, before pages are merged: the
// page, its operation (API pages), the type contributions it makes, and its
// diagnostics.
type PageResult struct {
	Page      *model.Page
	Operation *model.Operation
	// Types are this page's contributions to types, unmerged: a resource
	// page's type, enums from tables and prose, types inferred from a
	// request body, rows moved to the type an "Inherited from" row names.
	Types       []*model.Type
	Diagnostics []model.Diagnostic

	contribs []*pgContrib
	// defines is the type this page defines (a resource page's type, an
	// enum page's enum), for resolving links to the page.
	defines string
	// typeLinks maps a type name read from a link's text to the page the
	// link targets (lower-cased, slash-cleaned path relative to the input
	// root). The merge renames the type to what that page defines; ""
	// marks a name linked to two different pages (left alone).
	typeLinks map[string]string
	// evidence is what the page says about the types of examples that
	// name none, resolved by the merge (exampletype.go).
	evidence []*pgExampleEvidence
}

// contrib is one page's contribution to a type, with what the merge needs
// to order contributions deterministically.
type pgContrib struct {
	t *model.Type
	// prio orders contributions of one type: lower wins.
	prio int
	// kindKnown is set when the page states the kind (resource annotation
	// with keyProperty, "complex type" H1, enum table).
	kindKnown bool
	// hasID is set when the type has or gets an "id" (entity evidence).
	hasID bool
	// baseSrc is where Base was read.
	baseSrc model.Pos
	// membersSrc is where the member list was read (enum contributions).
	membersSrc model.Pos
	hasMembers bool
}

// Contribution priorities (lower wins when contributions disagree).
const (
	prioBuiltin     = -1
	prioDefinition  = 0 // resource page, enum table
	prioProseOnPage = 1 // prose enum values on a resource page
	prioJSONAlts    = 2 // "a | b | c" strings in a JSON representation
	prioAPIPage     = 3 // request-body tables and prose on API pages
	prioInherited   = 4 // rows moved by "Inherited from"
	prioJSONDerived = 5 // "@odata.type" of a value in a JSON representation
)

// pageCtx is the state of parsing one page.
type pgPage struct {
	file   string
	src    []byte
	idx    *pgLineIndex
	fm     *pgFrontMatter
	blocks []*mdBlock
	ns     string
	kind   model.PageKind
	page   *model.Page
	res    *PageResult
	// bound maps a fence block to the annotation bound to it.
	bound map[*mdBlock]*model.Annotation
	// annots lists every block annotation in order.
	annots []*model.Annotation
	// ignoredReqs are the lines of request fences annotated "ignored".
	ignoredReqs []int
	h1          *mdBlock
	// introv caches intro (read once per page).
	introv    []pgIntroPara
	introDone bool
	// md is the reader of the page (nil in some tests).
	md *mD
}

func (p *pgPage) diag(pos model.Pos, sev model.Severity, code model.Code, msg string) {
	p.res.Diagnostics = append(p.res.Diagnostics, model.Diagnostic{Pos: pos, Severity: sev, Code: code, Message: msg})
}

// ParsePage reads one page on its own (no merge). path is used verbatim in
// positions.
func ParsePage(path string, src []byte) *PageResult {
	return parsePage(newMD(), path, src)
}

func parsePage(md *mD, file string, src []byte) (res *PageResult) {
	res = &PageResult{Page: &model.Page{File: file}}
	defer func() {
		// A page must never stop the corpus: report instead of panicking.
		if r := recover(); r != nil {
			res = &PageResult{Page: &model.Page{File: file}}
			res.Diagnostics = []model.Diagnostic{{
				Pos: model.Pos{File: file, Line: 1, Col: 1}, Severity: model.Error, Code: "page-unclassified",
				Message: "docgen could not read this page (internal error); please report it",
			}}
		}
	}()
	src = pgNormalise(src)
	// The page as a string, once: front matter values and the text of
	// blocks are substrings of it.
	text := md.texts.copy(src)
	base, fm, fmDiags := pgStripFrontMatterText(file, src, text)
	res.Diagnostics = append(res.Diagnostics, fmDiags...)
	p := &pgPage{file: file, src: src, fm: fm, res: res, page: res.Page, bound: map[*mdBlock]*model.Annotation{}, md: md}
	p.idx = pgNewLineIndexBuf(file, src, base, md.starts)
	md.starts = p.idx.starts
	md.text = text[base:]
	p.blocks = pgCollectBlocks(md, src[base:], p.idx)
	p.todoText(src)
	p.front()
	p.recoverTables()
	p.checkFences()
	p.checkTableRows()
	p.annotations()
	p.classify()
	switch p.kind {
	case model.APIPage:
		p.apiPage()
	case model.ResourcePage:
		p.resourcePage()
	case model.EnumPage:
		p.enumPage()
	}
	if p.kind != model.EnumPage {
		p.enumTables("")
	}
	p.page.Kind = p.kind
	for _, c := range res.contribs {
		res.Types = append(res.Types, c.t)
	}
	p.page.Types = pgPageTypes(res.contribs)
	res.Diagnostics = pgSortDiagnostics(res.Diagnostics)
	return res
}

// pageTypes lists the distinct names of a page's contributions, sorted.
func pgPageTypes(cs []*pgContrib) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range cs {
		if !seen[c.t.Name] {
			seen[c.t.Name] = true
			out = append(out, c.t.Name)
		}
	}
	sortStrings(out)
	return out
}

// linkType records that the type name was read from the text of a link to
// dest. Only relative links to Markdown pages count.
func (p *pgPage) linkType(name, dest string) {
	if name == "" || strings.HasPrefix(name, "Edm.") || name == model.JSONType {
		return
	}
	target := p.linkTarget(dest)
	if target == "" {
		return
	}
	if p.res.typeLinks == nil {
		p.res.typeLinks = map[string]string{}
	}
	if old, ok := p.res.typeLinks[name]; ok && old != target {
		target = ""
	}
	p.res.typeLinks[name] = target
}

// linkTarget is pgLinkTarget(p.file, dest), remembered by the reader for
// the pages of p's folder (it depends on the file's folder only).
func (p *pgPage) linkTarget(dest string) string {
	m := p.md
	if m == nil {
		return pgLinkTarget(p.file, dest)
	}
	k := [2]string{path.Dir(p.file), dest}
	if t, ok := m.targets[k]; ok {
		return t
	}
	t := pgLinkTarget(p.file, dest)
	if m.targets == nil || len(m.targets) >= maxTargets {
		m.targets = make(map[[2]string]string)
	}
	m.targets[k] = t
	return t
}

// maxTargets bounds the link targets a reader remembers.
const maxTargets = 4096

// linkTarget resolves a relative link to a Markdown page against the file
// that holds it, lower-cased; "" for other links.
func pgLinkTarget(file, dest string) string {
	if !pgIsPageLink(dest) {
		return ""
	}
	return strings.ToLower(path.Clean(path.Join(path.Dir(file), pgLinkPath(dest))))
}

// isPageLink reports whether dest is a relative link to a whole Markdown
// page. A link into a section ("chat.md#chattype-values") names something
// the page defines besides its type.
func pgIsPageLink(dest string) bool {
	if strings.IndexByte(dest, '#') >= 0 {
		return false
	}
	d := pgLinkPath(dest)
	n := len(d)
	return n > 3 && d[0] != '/' && strings.IndexByte(d, ':') < 0 &&
		d[n-3] == '.' && d[n-2]|0x20 == 'm' && d[n-1]|0x20 == 'd'
}

// linkPath is dest without its query and surrounding spaces.
func pgLinkPath(dest string) string {
	if i := strings.IndexByte(dest, '?'); i >= 0 {
		dest = dest[:i]
	}
	return strings.TrimSpace(dest)
}

// todoText reports every line that still holds a TODO (scaffold text).
func (p *pgPage) todoText(src []byte) {
	if !bytes.Contains(src, []byte("TODO")) {
		return
	}
	line := 1
	for len(src) > 0 {
		l, rest, _ := bytes.Cut(src, []byte{'\n'})
		if i := pgIndexWord(l, "TODO"); i >= 0 {
			p.diag(model.Pos{File: p.file, Line: line, Col: i + 1}, model.Warning, "todo-text",
				"page still contains scaffold text \"TODO\"; replace it with the real content")
		}
		src = rest
		line++
	}
}

// indexWord returns the byte index of word in l where it is not part of a
// longer identifier, or -1.
func pgIndexWord(l []byte, word string) int {
	off := 0
	for {
		i := bytes.Index(l[off:], []byte(word))
		if i < 0 {
			return -1
		}
		i += off
		before := i == 0 || !identByte(l[i-1])
		after := i+len(word) >= len(l) || !identByte(l[i+len(word)])
		if before && after {
			return i
		}
		off = i + len(word)
	}
}

func identByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// front reads the title, namespace, front matter and description.
func (p *pgPage) front() {
	p.page.DocType = p.fm.get("doc_type")
	p.page.Description = p.fm.get("description")
	p.ns = "microsoft.graph"
	for _, b := range p.blocks {
		if b.kind == bHeading && b.level == 1 && !b.tab && p.h1 == nil {
			p.h1 = b
			p.page.Title = b.txt()
			p.page.TitlePos = b.pos
		}
	}
	for _, b := range p.blocks {
		if b.kind != bPara {
			continue
		}
		for _, l := range strings.Split(b.rawText(), "\n") {
			t := strings.TrimSpace(l)
			if rest, ok := strings.CutPrefix(t, "Namespace:"); ok {
				ns := strings.TrimRight(strings.TrimSpace(rest), ".")
				ns = strings.Trim(ns, "`*")
				if ns != "" && pgIsQualified(ns) {
					p.ns = ns
					p.page.Namespace = ns
				}
				return
			}
		}
		if b.section != nil {
			break
		}
	}
}

// introPara is one paragraph between the H1 and the first section.
type pgIntroPara struct {
	b    *mdBlock
	text string
}

// intro returns the paragraphs between the H1 and the first heading,
// without the Namespace line, INCLUDE lines and notes.
func (p *pgPage) intro() []pgIntroPara {
	if p.introDone {
		return p.introv
	}
	p.introDone = true
	p.introv = p.readIntro()
	return p.introv
}

func (p *pgPage) readIntro() []pgIntroPara {
	var out []pgIntroPara
	started := p.h1 == nil
	for _, b := range p.blocks {
		if b == p.h1 {
			started = true
			continue
		}
		if !started {
			continue
		}
		if b.kind == bHeading && !b.tab {
			break
		}
		if b.kind != bPara || (p.h1 != nil && b.parent != p.h1.parent) {
			continue
		}
		t := strings.TrimSpace(b.txt())
		if strings.HasPrefix(t, "Namespace:") {
			// The Namespace line may share its paragraph with prose.
			_, after, ok := strings.Cut(b.rawText(), "\n")
			if !ok {
				continue
			}
			t, _ = pgStripInline(after)
		}
		if t == "" || strings.HasPrefix(t, "[!INCLUDE") || strings.HasPrefix(t, "[!NOTE") {
			continue
		}
		out = append(out, pgIntroPara{b: b, text: t})
	}
	return out
}

// firstParagraph is the page's description: the first intro paragraph.
func (p *pgPage) firstParagraph() string {
	for _, ip := range p.intro() {
		return ip.text
	}
	return ""
}

// recoverTables reports paragraphs that are meant as tables but are not
// (delimiter row with fewer cells than the header) and reads them anyway.
func (p *pgPage) recoverTables() {
	for _, b := range p.blocks {
		if b.kind != bPara || !b.segmentHas('|') || !b.segmentHas('-') {
			continue
		}
		t := pgRecoverTable(b, p.idx)
		if t == nil {
			continue
		}
		p.diag(t.pos, model.Warning, "table-not-table",
			"this looks like a table but is not one: the delimiter row must have one cell per header cell")
		b.kind = bTable
		b.mdTable = t
	}
}

// checkFences reports fences that swallow what follows them.
func (p *pgPage) checkFences() {
	for _, b := range p.blocks {
		if b.kind != bFence {
			continue
		}
		reported := false
		lines := b.node.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			t := bytes.TrimLeft(seg.Value(p.blocksSrc()), " \t")
			if bytes.HasPrefix(t, []byte("```")) || isATXHeading(string(t[:min(len(t), 8)])) {
				p.diag(p.idx.pos(seg.Start), model.Error, "fence-unclosed",
					"code fence opened at line "+itoa(b.pos.Line)+" runs into this line; close the fence with a ``` line before it")
				reported = true
				break
			}
		}
		if !b.closed && !reported {
			p.diag(b.pos, model.Error, "fence-unclosed", "code fence is never closed; add a ``` line after its content")
		}
	}
}

// blocksSrc is the text goldmark parsed (the page after its front matter).
func (p *pgPage) blocksSrc() []byte { return p.src[p.idx.base:] }

func isATXHeading(t string) bool {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && n < len(t) && t[n] == ' '
}

// checkTableRows reports rows that have more cells than the header
// (goldmark drops the extra cells; docgen keeps them in the last cell).
func (p *pgPage) checkTableRows() {
	for _, b := range p.blocks {
		if b.kind != bTable {
			continue
		}
		for _, r := range b.mdTable.checks {
			if r.source > len(b.mdTable.header) {
				p.diag(p.idx.linePos(r.line), model.Warning, "table-cells",
					"row has "+itoa(r.source)+" cells but the header has "+itoa(len(b.mdTable.header))+
						"; escape the | inside the cell as \\|")
			}
		}
	}
}

// annotations decodes every HTML comment, keeps the page annotation and
// docgen-ignore comments, and binds block annotations to their fences.
func (p *pgPage) annotations() {
	for i, b := range p.blocks {
		if b.kind != bHTML {
			continue
		}
		content, ok := pgCommentContent(b.rawText())
		if !ok {
			continue
		}
		trimmed := strings.TrimSpace(content)
		if rest, ok := strings.CutPrefix(trimmed, "docgen-ignore"); ok {
			ig := &model.Ignore{Pos: b.pos}
			for _, f := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
				ig.Codes = append(ig.Codes, f)
			}
			ig.FromLine, ig.ToLine = b.endLine+1, b.endLine+1
			if i+1 < len(p.blocks) {
				nb := p.blocks[i+1]
				ig.FromLine, ig.ToLine = nb.pos.Line, max(nb.endLine, nb.pos.Line)
				// The block may be preceded by its annotation comment(s):
				// cover them and the block they describe.
				for j := i + 1; j+1 < len(p.blocks) && p.blocks[j].kind == bHTML; j++ {
					nb = p.blocks[j+1]
					ig.ToLine = max(ig.ToLine, nb.endLine, nb.pos.Line)
				}
			}
			p.page.Ignores = append(p.page.Ignores, ig)
			continue
		}
		a, diags := ParseAnnotation(content, b.pos)
		p.res.Diagnostics = append(p.res.Diagnostics, diags...)
		if a == nil {
			continue
		}
		if a.Type == "#page.annotation" || strings.HasPrefix(a.Type, "#page.") {
			if p.page.Annotation == nil {
				p.page.Annotation = a
			}
			continue
		}
		if a.BlockType == "" {
			continue
		}
		p.annots = append(p.annots, a)
		if f := p.bindTarget(i); f != nil {
			if _, taken := p.bound[f]; !taken {
				p.bound[f] = a
				continue
			}
		}
		p.diag(b.pos, model.Warning, "annotation-unbound",
			"the "+a.BlockType+" annotation is not followed by a code fence; put it directly before the fence it describes")
	}
}

// bindTarget finds the fence an annotation at blocks[i] binds to: the next
// fence in the same container, across blank lines and at most one paragraph
// or one heading.
func (p *pgPage) bindTarget(i int) *mdBlock {
	a := p.blocks[i]
	between := 0
	for j := i + 1; j < len(p.blocks); j++ {
		b := p.blocks[j]
		if b.parent != a.parent {
			continue
		}
		switch b.kind {
		case bFence:
			return b
		case bPara, bHeading:
			if b.kind == bHeading && b.tab {
				continue
			}
			between++
			if between > 1 {
				return nil
			}
		default:
			return nil
		}
	}
	return nil
}

// commentContent returns the text between "<!--" and "-->".
func pgCommentContent(raw string) (string, bool) {
	s := strings.TrimSpace(raw)
	rest, ok := strings.CutPrefix(s, "<!--")
	if !ok {
		return "", false
	}
	if i := strings.Index(rest, "-->"); i >= 0 {
		return rest[:i], true
	}
	return rest, true
}

// classify decides the page kind from folder, H1 and annotations; doc_type
// is only a hint, and a disagreement is reported.
func (p *pgPage) classify() {
	slash := "/" + p.file
	folder := ""
	switch {
	case strings.Contains(slash, "/api/"):
		folder = "api"
	case strings.Contains(slash, "/resources/"):
		folder = "resources"
	}
	base := strings.TrimSuffix(path.Base(p.file), ".md")
	h1 := strings.ToLower(strings.TrimSpace(p.page.Title))
	h1 = strings.TrimSpace(strings.TrimSuffix(h1, "(deprecated)"))
	enumH1 := strings.HasSuffix(h1, " enum type") || h1 == "enum values" || strings.HasSuffix(h1, " enum values") || strings.HasSuffix(h1, " enumeration values")
	resH1 := strings.HasSuffix(h1, " resource type") || strings.HasSuffix(h1, " complex type")
	weakResH1 := strings.HasSuffix(h1, " resource")
	hasRes, hasReq := false, false
	for _, a := range p.annots {
		switch a.BlockType {
		case "resource":
			hasRes = true
		case "request", "response":
			hasReq = true
		}
	}
	hasSyntax := false
	hasProps := false
	onlyEnumTables := true
	anyTable := false
	for _, b := range p.blocks {
		if b.kind == bFence && b.section != nil && b.section.isSyntaxHeading() {
			hasSyntax = true
		}
		if b.kind == bTable {
			anyTable = true
			sec := p.sectionOf(b)
			if sec == secProperties || sec == secRelationships {
				hasProps = true
			}
			if sec != secEnum {
				onlyEnumTables = false
			}
		}
	}
	kind := model.UnknownPage
	decided := true
	switch {
	case enumH1 || base == "enums" || strings.HasPrefix(base, "enums-"):
		kind = model.EnumPage
	case resH1 || (folder != "api" && (hasRes || weakResH1)):
		kind = model.ResourcePage
	case folder == "api":
		kind = model.APIPage
	case folder == "resources":
		switch {
		case hasProps:
			kind = model.ResourcePage
		case anyTable && onlyEnumTables:
			kind = model.EnumPage
		default:
			kind = model.ConceptualPage
		}
	case hasSyntax || hasReq:
		kind = model.APIPage
	case hasProps:
		kind = model.ResourcePage
	default:
		decided = false
	}
	hint, known := docTypeKind(p.page.DocType)
	if !decided {
		if known {
			kind = hint
		} else {
			p.diag(p.titlePos(), model.Warning, "page-unclassified",
				"docgen cannot tell whether this is an API, resource or enum page; give it an H1 such as \"x resource type\" or put it under api/ or resources/")
		}
	}
	if p.page.DocType != "" && (!known || hint != kind) {
		pos := model.Pos{File: p.file, Line: 1, Col: 1}
		if p.fm != nil {
			pos.Line = p.fm.line("doc_type")
		}
		p.diag(pos, model.Warning, "doctype-mismatch",
			"doc_type is "+p.page.DocType+" but the page reads as a "+kind.String()+" page; set doc_type to "+docTypeFor(kind))
	}
	p.kind = kind
}

func (p *pgPage) titlePos() model.Pos {
	if p.h1 != nil {
		return p.h1.pos
	}
	return model.Pos{File: p.file, Line: 1, Col: 1}
}

func docTypeKind(dt string) (model.PageKind, bool) {
	switch dt {
	case "apiPageType":
		return model.APIPage, true
	case "resourcePageType":
		return model.ResourcePage, true
	case "enumPageType":
		return model.EnumPage, true
	case "conceptualPageType":
		return model.ConceptualPage, true
	}
	return model.UnknownPage, false
}

func docTypeFor(k model.PageKind) string {
	switch k {
	case model.APIPage:
		return "apiPageType"
	case model.ResourcePage:
		return "resourcePageType"
	case model.EnumPage:
		return "enumPageType"
	}
	return "conceptualPageType"
}

// section kinds of tables.
type secKind uint8

const (
	secNone secKind = iota
	secProperties
	secRelationships
	secRequestBody
	secHeaders
	secQuery
	secEnum
	secSyntax
	secResponse
	secSkip
)

func pgIsSyntaxHeading(h string) bool {
	return hasPrefixFold(strings.TrimSpace(h), "http request")
}

// hasPrefixFold is strings.HasPrefix(strings.ToLower(s), prefix) for a
// lower-case ASCII prefix without "i" and "k" (the letters non-ASCII runes
// lower-case to), without allocating.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// lowerSmall returns strings.ToLower(s) for a short ASCII s, written to
// buf (no allocation); ok is false for other strings.
func lowerSmall(s string, buf []byte) ([]byte, bool) {
	if len(s) > len(buf) {
		return nil, false
	}
	b := buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b, true
}

// headingKind classifies a heading text.
func pgHeadingKind(h string) secKind {
	t := strings.TrimSpace(strings.Trim(h, "*` "))
	var buf [32]byte
	if b, ok := lowerSmall(t, buf[:]); ok {
		return headingKindLower(string(b), h)
	}
	return headingKindLower(strings.ToLower(t), h)
}

// headingKindLower is pgHeadingKind of heading h, whose text (trimmed,
// lower-cased) is t.
func headingKindLower(t, h string) secKind {
	switch {
	case t == "":
		return secNone
	case strings.HasPrefix(t, "http request"):
		return secSyntax
	case strings.Contains(t, "permission") && pgEnumHeadingName(h):
		// "### permissionType values" is an enum, not a Permissions
		// section.
		return secEnum
	case strings.Contains(t, "permission"), t == "prerequisites", strings.HasPrefix(t, "method"):
		return secSkip
	case strings.HasPrefix(t, "request header"), strings.HasPrefix(t, "optional request header"), strings.HasPrefix(t, "response header"):
		return secHeaders
	case strings.HasPrefix(t, "request body"):
		return secRequestBody
	case t == "relationships", t == "relationship":
		return secRelationships
	case t == "properties", t == "property", t == "instance attributes":
		return secProperties
	case strings.Contains(t, "query parameter"), strings.HasPrefix(t, "function parameter"), t == "parameters":
		return secQuery
	case t == "response", t == "response body", t == "responses":
		return secResponse
	case t == "members", t == "enum values", t == "enumerated values", strings.HasSuffix(t, " values"),
		strings.HasSuffix(t, " enumeration"), strings.HasSuffix(t, " members"), strings.HasSuffix(t, " flags"):
		return secEnum
	}
	return secNone
}

// enumHeadingName reports whether a heading names an enum ("x values").
func pgEnumHeadingName(h string) bool {
	n, _ := pgEnumName(h)
	return n != ""
}

// sectionOf classifies the section a block is in: the nearest heading, or
// its H2 when the nearest heading says nothing.
func (p *pgPage) sectionOf(b *mdBlock) secKind {
	if !b.secDone {
		b.sec, b.secDone = sectionKind(b), true
	}
	return b.sec
}

func sectionKind(b *mdBlock) secKind {
	if b.section == nil {
		return secNone
	}
	k := b.section.headingKind()
	if k == secNone && b.h2 != nil && b.h2 != b.section {
		k = b.h2.headingKind()
		if k == secEnum {
			k = secNone
		}
	}
	return k
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

func pgIsQualified(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !identByte(s[i]) && s[i] != '.' {
			return false
		}
	}
	return true
}

func pgIsIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !identByte(s[i]) {
			return false
		}
	}
	return true
}

// qualify turns a documented type name into a qualified OData name in
// namespace ns.
func pgQualify(name, ns string) string {
	name = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), "#"))
	name = strings.Trim(name, "`*")
	if name == "" {
		return ""
	}
	if strings.HasPrefix(name, "microsoft.") || strings.HasPrefix(name, "Edm.") {
		return name
	}
	if strings.HasPrefix(name, "Microsoft.Graph.") {
		return "microsoft.graph." + name[len("Microsoft.Graph."):]
	}
	if ns == "" {
		ns = "microsoft.graph"
	}
	return ns + "." + name
}
