package parser

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/docgen-dev/docgen/parser/model"
)

// Deprecation, as the pages state it. A property, an enum member or a type
// is deprecated when
//   - its name cell carries a note: "oldProp (deprecated)", "[Deprecated]";
//   - its description opens with the word: "Deprecated.", "[Deprecated] …",
//     "**Deprecated** -- use x instead";
//   - a sentence of its description says it is deprecated now: "This
//     property is deprecated.", "… has been deprecated", "… is being
//     deprecated". A future ("will be deprecated", "to be deprecated") is
//     not a deprecation yet;
//   - a note (a block quote: "> [!CAUTION]", "> [!TIP]", …) anywhere on
//     the page names it: "The **x** property is deprecated. Use y
//     instead." (today's pages pair it with the "(deprecated)" note);
//   - for a type: its H1 ends in "(deprecated)", or a note or paragraph
//     between the H1 and the first section says the resource (type, API)
//     is deprecated: "> [!CAUTION]\n> The x resource is deprecated …".
//
// "Do not use" / "Don't use" on unknownFutureValue is not a deprecation:
// it is the evolvable-enum sentinel convention (model.Type.Evolvable,
// EnumMember.AfterSentinel), which the model already records.

// bareDeprecated is the reason recorded when only a "(deprecated)" note
// says so and the description gives no reason.
const bareDeprecated = "deprecated"

// rowDeprecation returns what a table row says about deprecation: ""
// when nothing; else the description's words on it (the sentence that says
// so and those after it, or the sentences that name a replacement), or
// bareDeprecated.
func rowDeprecation(nameCell, desc string) string {
	if !mentionsDeprecation(nameCell) && !mentionsDeprecation(desc) {
		return "" // almost every row: no allocation
	}
	noted := nameNote(nameCell)
	sents := sentences(desc)
	for i, s := range sents {
		if statesDeprecation(s) {
			return reason(sents[i:])
		}
	}
	if !noted {
		return ""
	}
	var why []string
	for _, s := range sents {
		if namesReplacement(s) {
			why = append(why, s)
		}
	}
	if len(why) > 0 {
		return strings.Join(why, " ")
	}
	return bareDeprecated
}

// mentionsDeprecation reports whether s holds "deprecat" in any case: the
// cheap test before the sentences are read.
func mentionsDeprecation(s string) bool {
	for i := 0; i+len("deprecat") <= len(s); i++ {
		if s[i] == 'd' || s[i] == 'D' {
			if strings.EqualFold(s[i:i+len("deprecat")], "deprecat") {
				return true
			}
		}
	}
	return false
}

// reason joins the sentences from the one that states the deprecation,
// without a leading "Deprecated" marker ("Deprecated.", "[Deprecated]",
// "Deprecated --"), which the Deprecated field itself says; bareDeprecated
// when nothing else is left.
func reason(sents []string) string {
	s := strings.Join(sents, " ")
	head := strings.TrimLeft(s, "[(*_\\ ")
	if len(head) >= len("deprecated") && strings.EqualFold(head[:len("deprecated")], "deprecated") &&
		(len(head) == len("deprecated") || !isLetter(head[len("deprecated")])) {
		s = strings.TrimLeft(head[len("deprecated"):], "]).*_:;,\\-–— ")
	}
	if s == "" {
		return bareDeprecated
	}
	return s
}

// nameNote reports whether a name cell carries a "(deprecated)" or
// "[deprecated]" note after the name.
func nameNote(cell string) bool {
	s := strings.TrimSpace(strings.Trim(strings.TrimSpace(cell), "*`"))
	i := indexNameEnd(s)
	if i <= 0 {
		return false
	}
	rest := strings.ToLower(strings.TrimSpace(s[i:]))
	rest = strings.TrimLeft(rest, "*_` ")
	return strings.HasPrefix(rest, "(deprecated") || strings.HasPrefix(rest, "[deprecated") || strings.HasPrefix(rest, "\\[deprecated")
}

// sentences splits plain text into sentences at ". ", "! ", "? " (and
// the end), keeping the punctuation.
func sentences(s string) []string {
	var out []string
	s = strings.TrimSpace(s)
	for s != "" {
		end := len(s)
		for i := 0; i+1 < len(s); i++ {
			if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' && !abbrevBefore(s[:i]) {
				end = i + 1
				break
			}
		}
		out = append(out, strings.TrimSpace(s[:end]))
		s = strings.TrimSpace(s[end:])
	}
	return out
}

// abbrevBefore reports whether the text before a period ends in an
// abbreviation that does not end a sentence ("e.g", "i.e", "etc").
func abbrevBefore(s string) bool {
	l := strings.ToLower(s)
	for _, a := range []string{"e.g", "i.e", "etc", "vs"} {
		if strings.HasSuffix(l, a) && (len(l) == len(a) || !isLetter(l[len(l)-len(a)-1])) {
			return true
		}
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// statesDeprecation reports whether a sentence says that what it describes
// is deprecated now.
func statesDeprecation(s string) bool {
	l := strings.ToLower(s)
	if !strings.Contains(l, "deprecat") {
		return false
	}
	// "Deprecated.", "[Deprecated] …", "(Deprecated) …", "**Deprecated** …".
	head := strings.TrimLeft(l, "[(*_\\ ")
	if rest, ok := strings.CutPrefix(head, "deprecated"); ok && (rest == "" || !isLetter(rest[0])) {
		return true
	}
	for _, v := range []string{
		" is deprecated", " are deprecated", " was deprecated", " were deprecated",
		" is now deprecated", " are now deprecated",
		" has been deprecated", " have been deprecated", " had been deprecated",
		" is being deprecated", " are being deprecated", " process of being deprecated",
	} {
		if i := strings.Index(l, v); i >= 0 && !stateValue(l[:i]) {
			return true
		}
	}
	return false
}

// stateValue reports whether the words before "is deprecated" name a
// state rather than the thing itself ("when the status is deprecated";
// "the `paused` value is deprecated" is about the value paused).
func stateValue(before string) bool {
	before = strings.TrimRight(before, "* `")
	for _, det := range []string{"the ", "its ", "their ", "whose "} {
		for _, w := range []string{"status", "state", "value"} {
			if strings.HasSuffix(before, det+w) {
				return true
			}
		}
	}
	return false
}

// namesReplacement reports whether a sentence points to what to use
// instead.
func namesReplacement(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "instead") || strings.HasPrefix(l, "use ") || strings.HasPrefix(l, "please use ") ||
		strings.Contains(l, "replaced by") || strings.Contains(l, "superseded by")
}

// deprecations reads what a resource page says about deprecation beyond
// its table rows: of the type it defines, and notes on its properties and
// enum members.
func (p *page) deprecations() {
	if p.kind == model.ResourcePage {
		p.typeDeprecation()
	}
	if op := p.res.Operation; op != nil {
		op.Deprecated = p.introDeprecation("")
	}
	p.noteDeprecations()
}

// noteDeprecations reads the page's notes (paragraphs inside block
// quotes) for sentences "The x property (relationship, value, member) is
// deprecated …" and marks the property of the page's type, or the member
// of an enum the page documents, with that sentence and those after it in
// the same paragraph or list item. A row's own words on its deprecation
// are kept; a bare "(deprecated)" note gets the note's reason.
func (p *page) noteDeprecations() {
	var notes []*mdBlock
	for _, b := range p.blocks {
		if b.kind == bPara && inBlockquote(b.parent) && mentionsDeprecation(b.rawText()) {
			notes = append(notes, b)
		}
	}
	if len(notes) == 0 {
		return
	}
	for _, b := range notes {
		sents := sentences(stripNoteMarker(b.txt()))
		for i, s := range sents {
			if !statesDeprecation(s) {
				continue
			}
			names, kind := noteSubject(s)
			why := reason(sents[i:])
			for _, name := range names {
				p.markDeprecated(name, kind, why)
			}
		}
	}
}

// markDeprecated marks the property name of the page's type (kind
// "property") or the member name of an enum the page documents (kind
// "member") as deprecated with why, unless its row says more.
func (p *page) markDeprecated(name, kind, why string) {
	for _, c := range p.res.contribs {
		if c.prio != prioDefinition {
			continue
		}
		switch kind {
		case "property":
			if c.t.Name != p.res.defines {
				continue
			}
			for _, pr := range c.t.Properties {
				if strings.EqualFold(pr.Name, name) && (pr.Deprecated == "" || pr.Deprecated == bareDeprecated) {
					pr.Deprecated = why
				}
			}
		case "member":
			for _, m := range c.t.Members {
				if strings.EqualFold(m.Name, name) && (m.Deprecated == "" || m.Deprecated == bareDeprecated) {
					m.Deprecated = why
				}
			}
		}
	}
}

// stripNoteMarker removes a leading DocFX alert marker ("[!CAUTION]",
// "[!NOTE]", "[!IMPORTANT]", …) from a paragraph's text.
func stripNoteMarker(txt string) string {
	txt = strings.TrimSpace(txt)
	if strings.HasPrefix(txt, "[!") {
		if i := strings.IndexByte(txt, ']'); i > 2 && isLetters(txt[2:i]) {
			txt = strings.TrimSpace(txt[i+1:])
		}
	}
	// "Note: The x property is deprecated." (a bold label, as text).
	if i := strings.IndexByte(txt, ':'); i > 0 && i <= len("important") && isLetters(txt[:i]) {
		switch strings.ToLower(txt[:i]) {
		case "note", "important", "caution", "warning", "tip":
			txt = strings.TrimSpace(txt[i+1:])
		}
	}
	return txt
}

// isLetters reports whether s is ASCII letters only.
func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return false
		}
	}
	return s != ""
}

// inBlockquote reports whether a block's container is (inside) a block
// quote.
func inBlockquote(n ast.Node) bool {
	for ; n != nil; n = n.Parent() {
		if n.Kind() == ast.KindBlockquote {
			return true
		}
	}
	return false
}

// noteSubject reads the subject of a sentence of a note that states a
// deprecation: "The **x** property is deprecated" gives (["x"],
// "property"), "The `y` value is deprecated" (["y"], "member"), "The **a**,
// **b** and **c** properties are deprecated" (["a", "b", "c"],
// "property"); (nil, "") when the subject is not named properties or
// members.
func noteSubject(s string) (names []string, kind string) {
	l := strings.ToLower(s)
	i := strings.Index(l, " deprecat")
	if i < 0 {
		return nil, ""
	}
	subj := strings.TrimSpace(s[:i])
	for _, v := range []string{" is now", " are now", " has been", " have been", " is being", " are being", " is", " are", " was", " were"} {
		if len(subj) >= len(v) && strings.EqualFold(subj[len(subj)-len(v):], v) {
			subj = subj[:len(subj)-len(v)]
			break
		}
	}
	words := strings.Fields(subj)
	if len(words) >= 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	if len(words) < 2 {
		return nil, ""
	}
	last := strings.ToLower(words[len(words)-1])
	head := words[:len(words)-1]
	if (last == "property" || last == "properties") && len(head) >= 2 && strings.EqualFold(head[len(head)-1], "navigation") {
		head = head[:len(head)-1]
	}
	switch last {
	case "property", "relationship":
		kind = "property"
	case "value", "member":
		kind = "member"
	case "properties", "relationships":
		kind = "property"
	case "values", "members":
		kind = "member"
	default:
		return nil, ""
	}
	plural := strings.HasSuffix(last, "s")
	if !plural {
		if len(head) != 1 {
			return nil, ""
		}
		name := strings.Trim(head[0], "*`_\"")
		if !subjectName(name) {
			return nil, ""
		}
		return []string{name}, kind
	}
	// "a, b, and c" / "a and b" / "a or b": names separated by commas
	// and one conjunction, nothing else.
	for _, w := range head {
		for _, part := range strings.Split(w, ",") {
			switch strings.ToLower(part) {
			case "":
				continue
			case "and", "or":
				continue
			}
			name := strings.Trim(part, "*`_\"")
			if !subjectName(name) {
				return nil, ""
			}
			names = append(names, name)
		}
	}
	if len(names) < 2 {
		return nil, ""
	}
	return names, kind
}

// subjectName reports whether a word of a note's subject names a property
// or member (not "this", "its", …).
func subjectName(name string) bool {
	switch strings.ToLower(name) {
	case "this", "that", "each", "its", "their", "a", "an", "any", "every", "these", "those", "following", "all", "some", "both",
		"other", "several", "many", "two", "three", "related", "old", "legacy":
		return false
	}
	return noteName(name)
}

// noteName reports whether s can be a property or member name.
func noteName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !identByte(c) && c != '@' && c != '.' {
			return false
		}
	}
	return true
}

// typeDeprecation marks the type a resource page defines as deprecated
// when the page says so: an H1 ending in "(deprecated)", or a note or
// paragraph before the first section stating that the resource, type or
// API is deprecated.
func (p *page) typeDeprecation() {
	if p.res.defines == "" {
		return
	}
	var t *model.Type
	for _, c := range p.res.contribs {
		if c.t.Name == p.res.defines && c.prio == prioDefinition {
			t = c.t
			break
		}
	}
	if t == nil {
		return
	}
	short := strings.ToLower(t.Name[strings.LastIndexByte(t.Name, '.')+1:])
	t.Deprecated = p.introDeprecation(short)
}

// introDeprecation returns what the page says about the deprecation of its
// subject (the type named short, or the page's API): the sentences of a
// note or paragraph between the H1 and the first section that state it
// ("This API is deprecated …", "The x resource type is deprecated …"), or
// bareDeprecated when only an H1 ending in "(deprecated)" says so; "" when
// the page says nothing.
func (p *page) introDeprecation(short string) string {
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
		if b.kind != bPara || !mentionsDeprecation(b.rawText()) {
			continue
		}
		sents := sentences(stripNoteMarker(b.txt()))
		for i, s := range sents {
			if statesDeprecation(s) && aboutType(s, short) {
				return reason(sents[i:])
			}
		}
	}
	if p.h1 != nil && strings.HasSuffix(strings.ToLower(strings.TrimSpace(p.page.Title)), "(deprecated)") {
		return bareDeprecated
	}
	return ""
}

// aboutType reports whether a sentence stating a deprecation is about the
// page's type (short is its lower-cased unqualified name): its subject,
// the words before the verb, is "this resource", "the x resource type",
// "x", "this API" and the like, not one of its properties.
func aboutType(s, short string) bool {
	l := strings.ToLower(s)
	if strings.HasPrefix(strings.TrimLeft(l, "[(*_\\ "), "deprecat") {
		return true // "Deprecated. Use x instead."
	}
	i := strings.Index(l, " deprecat")
	if i < 0 {
		return false
	}
	subj := l[:i]
	for _, v := range []string{" is now", " are now", " has been", " have been", " had been", " is being", " are being", " is", " are", " was", " were"} {
		if strings.HasSuffix(subj, v) {
			subj = subj[:len(subj)-len(v)]
			break
		}
	}
	subj = strings.Trim(subj, " *`")
	for _, label := range []string{"note:", "important:", "caution:", "warning:"} {
		// "**Note:** This API is deprecated."
		if rest, ok := strings.CutPrefix(subj, label); ok {
			subj = strings.Trim(rest, " *`")
		}
	}
	for _, art := range []string{"the ", "this "} {
		subj = strings.TrimPrefix(subj, art)
	}
	subj = strings.Trim(subj, " *`")
	subj = strings.TrimPrefix(subj, short)
	switch strings.TrimSpace(subj) {
	case "", "resource", "resource type", "type", "complex type", "entity", "entity type", "api", "apis", "resource and its apis", "resource and its methods",
		"method", "operation", "action", "function", "request", "endpoint":
		return true
	}
	return false
}
