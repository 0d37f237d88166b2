package parser

import (
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

	contribs []*contrib
	// defines is the type this page defines (a resource page's type, an
	// enum page's enum), for resolving links to the page.
	defines string
	// typeLinks maps a type name read from a link's text to the page the
	// link targets (lower-cased, slash-cleaned path relative to the input
	// root). The merge renames the type to what that page defines; ""
	// marks a name linked to two different pages (left alone).
	typeLinks map[string]string
	// bodyFromResponse is set when the request body's type was not stated
	// but taken from the response type (a Property table of a POST, PATCH
	// or PUT); the merge drops it when the table is not that type's
	// (actionBodies).
	bodyFromResponse bool
	// evidence is what the page says about the types of examples that
	// name none, resolved by the merge (exampletype.go).
	evidence []*exampleEvidence
}

// contrib is one page's contribution to a type, with what the merge needs
// to order contributions deterministically.
type contrib struct {
	t *model.Type
	// prio orders contributions of one type: lower wins.
	prio int
	// kindKnown is set when the page states the kind (resource annotation
	// with keyProperty, "complex type" H1, enum table).
	kindKnown bool
	// hasID is set when the type has or gets an "id" (entity evidence).
	hasID bool
	// addressable is set when the type's own page has a Relationships
	// table with rows or a Methods table linking API pages: the page
	// treats the type as an addressable (keyed) resource.
	addressable bool
	// noBase is set when the resource annotation states "baseType": null.
	noBase bool
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

// page is the state of parsing one page.
type page struct {
	file   string
	src    []byte
	idx    *pageLines
	fm     *frontMatter
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
	introv    []introPara
	introDone bool
	// md is the reader of the page (nil in some tests).
	md *mdReader
}

// diag reports a diagnostic of the page.
func (p *page) diag(pos model.Pos, code model.Code, msg string) {
	sev := model.Warning
	if c, ok := model.LookupCode(catalogue, code); ok {
		sev = c.Severity
	}
	p.res.Diagnostics = append(p.res.Diagnostics, model.Diagnostic{Pos: pos, Severity: sev, Code: code, Message: msg})
}

// ParsePage reads one page on its own (no merge). path is used verbatim in
// positions.
func ParsePage(path string, src []byte) *PageResult {
	return parsePage(newMDReader(), path, src)
}

// parsePage reads one page with md (see ParsePage). An internal error
// becomes a page-unclassified diagnostic instead of a panic.
func parsePage(md *mdReader, file string, src []byte) (res *PageResult) {
	res = &PageResult{Page: &model.Page{File: file}}
	defer func() {
		// A page must never stop the corpus: report instead of panicking.
		if r := recover(); r != nil {
			res = &PageResult{Page: &model.Page{File: file, LeftOut: true}}
			res.Diagnostics = []model.Diagnostic{{
				Pos: model.Pos{File: file, Line: 1, Col: 1}, Severity: model.Error, Code: CodePageUnclassified,
				Message: "docgen could not read this page (internal error); please report it",
			}}
		}
	}()
	src = normalise(src)
	limitDiags, leaveOut := checkLimits(file, src)
	res.Diagnostics = append(res.Diagnostics, limitDiags...)
	if leaveOut {
		res.Page.LeftOut = true
		return res
	}
	// The page as a string, once: front matter values and the text of
	// blocks are substrings of it.
	text := md.texts.copy(src)
	base, fm, fmDiags := stripFrontMatterText(file, src, text)
	res.Diagnostics = append(res.Diagnostics, fmDiags...)
	p := &page{file: file, src: src, fm: fm, res: res, page: res.Page, bound: map[*mdBlock]*model.Annotation{}, md: md}
	p.idx = newPageLinesBuf(file, src, base, md.starts)
	md.starts = p.idx.starts
	md.text = text[base:]
	p.blocks = collectBlocks(md, src[base:], p.idx)
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
	p.deprecations()
	p.page.Kind = p.kind
	for _, c := range res.contribs {
		res.Types = append(res.Types, c.t)
	}
	p.page.Types = pageTypes(res.contribs)
	res.Diagnostics = sortDiagnostics(res.Diagnostics)
	return res
}

// pageTypes lists the distinct names of a page's contributions, sorted.
func pageTypes(cs []*contrib) []string {
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

// front reads the title, namespace, front matter and description.
func (p *page) front() {
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
				if ns != "" && isDottedName(ns) {
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
type introPara struct {
	b    *mdBlock
	text string
}

// intro returns the paragraphs between the H1 and the first heading,
// without the Namespace line, INCLUDE lines and notes.
func (p *page) intro() []introPara {
	if p.introDone {
		return p.introv
	}
	p.introDone = true
	p.introv = p.readIntro()
	return p.introv
}

// readIntro computes intro.
func (p *page) readIntro() []introPara {
	var out []introPara
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
			t, _ = stripInline(after)
		}
		if t == "" || strings.HasPrefix(t, "[!INCLUDE") || strings.HasPrefix(t, "[!NOTE") {
			continue
		}
		out = append(out, introPara{b: b, text: t})
	}
	return out
}

// firstParagraph is the page's description: the first intro paragraph.
func (p *page) firstParagraph() string {
	for _, ip := range p.intro() {
		return ip.text
	}
	return ""
}

// titlePos is the position of the H1, or the first line without one.
func (p *page) titlePos() model.Pos {
	if p.h1 != nil {
		return p.h1.pos
	}
	return model.Pos{File: p.file, Line: 1, Col: 1}
}

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
