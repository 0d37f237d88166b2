package parser

import (
	"path"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// classify decides the page kind from folder, H1 and annotations; doc_type
// is only a hint, and a disagreement is reported.
func (p *page) classify() {
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
			p.diag(p.titlePos(), CodePageUnclassified,
				"docgen cannot tell whether this is an API, resource or enum page; give it an H1 such as \"x resource type\" or put it under api/ or resources/")
		}
	}
	if p.page.DocType != "" && (!known || hint != kind) {
		pos := model.Pos{File: p.file, Line: 1, Col: 1}
		if p.fm != nil {
			pos.Line = p.fm.line("doc_type")
		}
		p.diag(pos, CodeDoctypeMismatch,
			"doc_type is "+p.page.DocType+" but the page reads as a "+kind.String()+" page; set doc_type to "+docTypeFor(kind))
	}
	p.kind = kind
}

// docTypeKind returns the page kind a front matter doc_type names; ok is
// false for an unknown doc_type.
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

// docTypeFor returns the doc_type of page kind k (the inverse of
// docTypeKind).
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

// secKind is the kind of a section, from its heading (see headingKind):
// what the tables and fences under it hold.
type secKind uint8

// isSyntaxHeading reports whether heading text h starts an "HTTP request"
// section (the syntax block of an API page).
func isSyntaxHeading(h string) bool {
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
func headingKind(h string) secKind {
	t := strings.TrimSpace(strings.Trim(h, "*` "))
	var buf [32]byte
	if b, ok := lowerSmall(t, buf[:]); ok {
		return headingKindLower(string(b), h)
	}
	return headingKindLower(strings.ToLower(t), h)
}

// headingKindLower is headingKind of heading h, whose text (trimmed,
// lower-cased) is t.
func headingKindLower(t, h string) secKind {
	switch {
	case t == "":
		return secNone
	case strings.HasPrefix(t, "http request"):
		return secSyntax
	case strings.Contains(t, "permission") && enumHeadingName(h):
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
func enumHeadingName(h string) bool {
	n, _ := enumName(h)
	return n != ""
}

// sectionOf classifies the section a block is in: the nearest heading, or
// its H2 when the nearest heading says nothing.
func (p *page) sectionOf(b *mdBlock) secKind {
	if !b.secDone {
		b.sec, b.secDone = sectionKind(b), true
	}
	return b.sec
}

// sectionKind computes sectionOf(b): the kind of b.section's heading, or of
// its H2 when that heading says nothing (an H2 that is an enum does not
// count).
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

// headingKind returns headingKind(b.txt()), computed once.
func (b *mdBlock) headingKind() secKind {
	b.classifyHeading()
	return b.hkind
}

// isSyntaxHeading returns isSyntaxHeading(b.txt()), computed once.
func (b *mdBlock) isSyntaxHeading() bool {
	b.classifyHeading()
	return b.hsyntax
}

// classifyHeading sets hkind and hsyntax from the block's text, once.
func (b *mdBlock) classifyHeading() {
	if !b.hdone {
		t := b.txt()
		b.hkind, b.hsyntax, b.hdone = headingKind(t), isSyntaxHeading(t), true
	}
}
