package parser

import (
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// enumLeads are the lead phrases that introduce a list of values, lower
// case, longest first where one is a prefix of another.
var enumLeads = []string{
	"the possible values are",
	"possible values include",
	"possible values are",
	"possible values",
	"the supported values are",
	"the supported values",
	"supported values are",
	"supported values",
	"valid values are",
	"valid values",
	"the allowed values are",
	"allowed values are",
	"allowed values",
	"permitted values are",
	"must be one of",
	"can be one of",
	"is one of",
	"following values are supported",
	"the values are",
}

// EnumValuesFromProse returns the values a description lists after a lead
// phrase ("Possible values are: `a`, `b`, `c`.", "Valid values are", "Supported
// values are:<ul><li>`x`: ...", "Possible values are **All**, **Selected** or
// **None**.", "... everyone, organization, and unknownFutureValue."). Numeric
// ranges ("Valid values 1 to 365") and references to a table ("described in
// the following table") are not lists. It returns nil when there is no list.
func EnumValuesFromProse(desc string) []string {
	// Every lead phrase contains "values" or "one of" (in ASCII, which
	// only ASCII lower-cases to): most descriptions have neither and need
	// no lower-casing.
	if !containsFold(desc, "values") && !containsFold(desc, "one of") {
		return nil
	}
	lower := strings.ToLower(desc)
	from := 0
	for from < len(lower) {
		best, bestLen := -1, 0
		for _, lead := range enumLeads {
			if i := strings.Index(lower[from:], lead); i >= 0 && (best < 0 || from+i < best || (from+i == best && len(lead) > bestLen)) {
				best, bestLen = from+i, len(lead)
			}
		}
		if best < 0 {
			return nil
		}
		if vals := valuesAfterLead(desc[best+bestLen:]); vals != nil {
			return vals
		}
		from = best + bestLen
	}
	return nil
}

// valuesAfterLead reads the list that follows a lead phrase.
func valuesAfterLead(s string) []string {
	t := strings.TrimLeft(s, " \t")
	// "The supported values for {period_value} are: D7, D30".
	if strings.HasPrefix(strings.ToLower(t), "for ") {
		colon := strings.IndexByte(t, ':')
		end := strings.IndexAny(t, ".")
		if colon < 0 || (end >= 0 && end < colon) || colon > 80 {
			return nil
		}
		t = t[colon:]
	}
	t = strings.TrimLeft(t, " \t")
	for _, w := range []string{"are", "include", "is", "can be"} {
		if len(t) > len(w) && strings.EqualFold(t[:len(w)], w) && (t[len(w)] == ' ' || t[len(w)] == ':') {
			t = strings.TrimLeft(t[len(w):], " \t")
			break
		}
	}
	t = strings.TrimLeft(t, ": \t")
	switch {
	case strings.HasPrefix(t, "<ul>") || strings.HasPrefix(t, "<li>"):
		return htmlListValues(t)
	case strings.HasPrefix(t, "<br") || strings.HasPrefix(t, "</br>"):
		return brListValues(t)
	}
	if t == "" {
		return nil
	}
	switch t[0] {
	case '`':
		return delimitedValues(t, "`", "`")
	case '*':
		if strings.HasPrefix(t, "**") {
			return delimitedValues(t, "**", "**")
		}
		return delimitedValues(t, "*", "*")
	case '\'':
		return delimitedValues(t, "'", "'")
	case '"':
		return delimitedValues(t, `"`, `"`)
	}
	return bareValues(t)
}

// delimitedValues reads "`a`, `b`, or `c`" style lists.
func delimitedValues(t, open, close string) []string {
	var out []string
	for {
		if !strings.HasPrefix(t, open) {
			break
		}
		rest := t[len(open):]
		end := strings.Index(rest, close)
		if end <= 0 {
			break
		}
		v := strings.TrimSpace(rest[:end])
		t = rest[end+len(close):]
		if v != "" && !strings.ContainsAny(v, "\n") {
			out = appendUnique(out, v)
		}
		var ok bool
		t, ok = skipSeparator(t)
		if !ok {
			break
		}
	}
	return nilIfEmpty(out)
}

// skipSeparator skips ", ", ", or ", " and ", " or ", " / " between values.
func skipSeparator(t string) (string, bool) {
	u := strings.TrimLeft(t, " \t")
	// A note on the previous value: "`a` (default), `b`", "`Workplace`
	// (indicates *bring your own personal devices*), `AzureAd`".
	if strings.HasPrefix(u, "(") {
		if end := closingParen(u); end > 0 && end < maxValueNote {
			u = strings.TrimLeft(u[end+1:], " \t")
		}
	}
	had := false
	if strings.HasPrefix(u, ",") || strings.HasPrefix(u, "/") || strings.HasPrefix(u, ";") {
		u = strings.TrimLeft(u[1:], " \t")
		had = true
	}
	for _, w := range []string{"or ", "and "} {
		if strings.HasPrefix(u, w) {
			u = strings.TrimLeft(u[len(w):], " \t")
			had = true
			break
		}
	}
	return u, had
}

// maxValueNote bounds the parenthesised note after a value, so a
// parenthesis that never closes does not swallow the description.
const maxValueNote = 200

// closingParen returns the index of the ")" that closes the "(" at u[0],
// counting nested parentheses, or -1.
func closingParen(u string) int {
	depth := 0
	for i := 0; i < len(u); i++ {
		switch u[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// bareValues reads "everyone, organization, and unknownFutureValue." lists:
// at least two identifiers separated by commas or "or"/"and", ending the
// sentence.
func bareValues(t string) []string {
	var out []string
	for {
		j := 0
		for j < len(t) && (isIdentByte(t[j]) || t[j] == '-') {
			j++
		}
		if j == 0 {
			return nil
		}
		out = appendUnique(out, t[:j])
		t = t[j:]
		if t == "" || t[0] == '.' || t[0] == ')' || (t[0] == ';' && len(out) > 1) {
			break
		}
		var ok bool
		t, ok = skipSeparator(t)
		if !ok {
			return nil
		}
	}
	if len(out) < 2 || isNumericList(out) {
		return nil
	}
	return out
}

func isIdentByte(c byte) bool {
	return c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// htmlListValues reads "<ul><li>`a`: text</li><li>b - text</li></ul>".
func htmlListValues(t string) []string {
	end := strings.Index(t, "</ul>")
	if end >= 0 {
		t = t[:end]
	}
	var out []string
	for {
		i := strings.Index(t, "<li>")
		if i < 0 {
			break
		}
		t = t[i+4:]
		item := t
		if j := strings.Index(item, "</li>"); j >= 0 {
			item = item[:j]
		} else if j := strings.Index(item, "<li>"); j >= 0 {
			item = item[:j]
		}
		item = strings.TrimSpace(item)
		var v string
		switch {
		case strings.HasPrefix(item, "`"):
			if k := strings.IndexByte(item[1:], '`'); k > 0 {
				v = item[1 : k+1]
			}
		case strings.HasPrefix(item, "**"):
			if k := strings.Index(item[2:], "**"); k > 0 {
				v = item[2 : k+2]
			}
		default:
			k := 0
			for k < len(item) && (isIdentByte(item[k]) || item[k] == '-') {
				k++
			}
			v = item[:k]
		}
		if v = strings.TrimSpace(strings.TrimRight(v, ":")); v != "" {
			out = appendUnique(out, v)
		}
	}
	return nilIfEmpty(out)
}

// brListValues reads lists whose items follow "<br>" / "<br/>" / "</br>":
// `<br/>"Success" - text<br/>"Disabled" - text`; each item's first quoted,
// backticked or bare word is the value.
func brListValues(t string) []string {
	var out []string
	for t != "" {
		i := strings.Index(t, "<br")
		if j := strings.Index(t, "</br"); j >= 0 && (i < 0 || j < i) {
			i = j
		}
		if i < 0 {
			break
		}
		end := strings.IndexByte(t[i:], '>')
		if end < 0 {
			break
		}
		t = strings.TrimLeft(t[i+end+1:], " \t")
		item := t
		if j := strings.Index(item, "<"); j >= 0 {
			item = item[:j]
		}
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		var v string
		if q := item[0]; q == '"' || q == '`' || q == '\'' {
			if k := strings.IndexByte(item[1:], q); k > 0 {
				v = item[1 : k+1]
			}
		} else {
			k := 0
			for k < len(item) && (isIdentByte(item[k]) || item[k] == '-') {
				k++
			}
			v = item[:k]
		}
		if v != "" {
			out = appendUnique(out, v)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

func isNumericList(vals []string) bool {
	if len(vals) == 0 {
		return false
	}
	for _, v := range vals {
		for i := 0; i < len(v); i++ {
			if (v[i] < '0' || v[i] > '9') && v[i] != '-' && v[i] != '.' {
				return false
			}
		}
	}
	return true
}

func appendUnique(out []string, v string) []string {
	for _, o := range out {
		if o == v {
			return out
		}
	}
	return append(out, v)
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// Markers are the facts a description cell states about its row.
type Markers struct {
	Required, Optional, ReadOnly bool
	Nullable                     model.Tri
}

// RowMarkers reads the markers of a description cell (plain text). The
// rule: "Required" and "Optional" count only as a sentence of their own —
// the word followed by ".", ",", ";", ")" or the end of the text ("Required.",
// "**TODO** Required.", "Optional; defaults to false") — so "Required for
// users who ..." and "Required if ..." do not; "Not required." is not a
// Required marker; lower case counts only as "is required." / "are
// required.". "Read-only" / "Read only" count anywhere as a word unless
// negated; lower case only in "is read-only", "read-only property" and the
// like, not in "read-only mode". "Nullable" (or "is nullable.") is True;
// "Not nullable", "non-nullable", "cannot be null" are False.
func RowMarkers(desc string) Markers {
	var m Markers
	// Each marker contains "required", "optional", "read" or "null" in
	// some case: most descriptions are ruled out by a few scans.
	if containsFold(desc, "required") {
		m.Required = hasMarker(desc, "Required") || hasMarker(desc, "required") && lowerMarker(desc, "required")
	}
	if containsFold(desc, "optional") {
		m.Optional = hasMarker(desc, "Optional") || hasMarker(desc, "optional") && lowerMarker(desc, "optional")
	}
	if !containsFold(desc, "read") {
		return nullMarkers(desc, m)
	}
	for _, w := range []string{"Read-only", "Read only", "ReadOnly", "Read-Only"} {
		if hasWord(desc, w) {
			m.ReadOnly = true
			break
		}
	}
	if !m.ReadOnly {
		for _, p := range []string{"is read-only", "is a read-only", "are read-only", "read-only property", "read-only attribute", "is read only"} {
			if strings.Contains(desc, p) && !negated(desc[:strings.Index(desc, p)]) {
				m.ReadOnly = true
				break
			}
		}
	}
	return nullMarkers(desc, m)
}

// nullMarkers adds the Nullable marker of desc to m.
func nullMarkers(desc string, m Markers) Markers {
	if !containsFold(desc, "null") {
		// Every nullability phrase below contains "null".
		return m
	}
	lower := strings.ToLower(desc)
	switch {
	case strings.Contains(lower, "not nullable") || strings.Contains(lower, "non-nullable") ||
		strings.Contains(lower, "non nullable") || strings.Contains(lower, "not null.") ||
		strings.Contains(lower, "cannot be null") || strings.Contains(lower, "can't be null") ||
		strings.Contains(lower, "can not be null") || strings.Contains(lower, "must not be null"):
		m.Nullable = model.False
	case hasWord(desc, "Nullable") || lowerMarker(desc, "nullable"):
		m.Nullable = model.True
	}
	return m
}

// containsFold reports whether s contains the lower-case ASCII word w,
// ignoring ASCII case, without allocating. Candidates are found with
// IndexByte (for both cases of the least common letter of w, see
// foldAnchor), which is fast.
func containsFold(s, w string) bool {
	n := len(w)
	if n == 0 {
		return true
	}
	if len(s) < n {
		return false
	}
	k := foldAnchor(w)
	lo, up := w[k], w[k]
	if lo >= 'a' && lo <= 'z' {
		up = lo - ('a' - 'A')
	}
	// Anchor positions j hold w[k] in some case; w would start at j-k.
	// end bounds them: s[:end] holds every j with j-k+n <= len(s).
	end := len(s) - n + k + 1
	next := func(c byte, from int) int {
		if from >= end {
			return -1
		}
		if q := strings.IndexByte(s[from:end], c); q >= 0 {
			return from + q
		}
		return -1
	}
	nl, nu := next(lo, k), -1
	if up != lo {
		nu = next(up, k)
	}
	for {
		j := nl
		if nu >= 0 && (j < 0 || nu < j) {
			j = nu
		}
		if j < 0 {
			return false
		}
		if foldEqual(s[j-k:j-k+n], w) {
			return true
		}
		if j == nl {
			nl = next(lo, j+1)
		} else {
			nu = next(up, j+1)
		}
	}
}

// foldRank ranks lower-case letters from the least to the most common
// in the Graph reference pages (case folded); other bytes rank after them.
const foldRank = "zxqjkwvybfghumldcprnasiote"

// foldRanks maps a byte to its rank in foldRank (len(foldRank) for
// other bytes).
var foldRanks = func() (r [256]uint8) {
	for i := range r {
		r[i] = uint8(len(foldRank))
	}
	for i := 0; i < len(foldRank); i++ {
		r[foldRank[i]] = uint8(i)
	}
	return r
}()

// foldAnchor returns the index of the byte of w that containsFold looks
// for: its least common letter (the first one of equal rank).
func foldAnchor(w string) int {
	best, bestRank := 0, uint8(255)
	for i := 0; i < len(w); i++ {
		if r := foldRanks[w[i]]; r < bestRank {
			best, bestRank = i, r
		}
	}
	return best
}

// lowerMayContain reports whether strings.ToLower(s) may contain the
// lower-case ASCII word w: false only when it surely does not. Only ASCII
// runes and U+0130 and U+212A (which lower-case to "i" and "k") lower-case
// to ASCII.
func lowerMayContain(s, w string) bool {
	return containsFold(s, w) || strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a")
}

// foldEqual reports whether s equals the lower-case ASCII word w ignoring
// ASCII case; len(s) == len(w).
func foldEqual(s, w string) bool {
	for k := 0; k < len(w); k++ {
		if s[k] != w[k] && !(w[k] >= 'a' && w[k] <= 'z' && s[k]|0x20 == w[k]) {
			return false
		}
	}
	return true
}

// hasMarker reports whether word occurs as a marker: as a whole word,
// followed by sentence punctuation or the end, and not negated.
func hasMarker(desc, word string) bool {
	from := 0
	for {
		i := strings.Index(desc[from:], word)
		if i < 0 {
			return false
		}
		i += from
		from = i + len(word)
		if i > 0 && isIdentByte(desc[i-1]) {
			continue
		}
		after := strings.TrimLeft(desc[from:], "*_")
		after = strings.TrimRight(after, " \t")
		if after != "" && !strings.ContainsRune(".,;)", rune(after[0])) {
			continue
		}
		if negated(desc[:i]) {
			continue
		}
		return true
	}
}

// lowerMarker accepts a lower-case marker only after "is"/"are" and before
// sentence punctuation ("This property is required.", "is read-only.").
func lowerMarker(desc, word string) bool {
	lower := desc
	for _, p := range []string{"is " + word, "are " + word} {
		if i := strings.Index(lower, p); i >= 0 {
			rest := strings.TrimSpace(lower[i+len(p):])
			if rest == "" || strings.ContainsRune(".,;)", rune(rest[0])) {
				return true
			}
		}
	}
	return false
}

// hasWord reports whether word occurs as a whole word, not negated.
func hasWord(desc, word string) bool {
	from := 0
	for {
		i := strings.Index(desc[from:], word)
		if i < 0 {
			return false
		}
		i += from
		from = i + len(word)
		if i > 0 && (isIdentByte(desc[i-1]) || desc[i-1] == '-') {
			continue
		}
		if from < len(desc) && (isIdentByte(desc[from]) || desc[from] == '-') {
			continue
		}
		if negated(desc[:i]) {
			continue
		}
		return true
	}
}

// negated reports whether the text before a marker ends with "not " / "Not "
// / "non-".
func negated(before string) bool {
	// strings.ToLower(b) ends with "not" or "non" exactly when b's last
	// three bytes do in some ASCII case: only ASCII runes lower-case to
	// "n", "o" and "t".
	b := strings.TrimRight(before, " ")
	hasSuffixFold := func(w string) bool { return len(b) >= len(w) && foldEqual(b[len(b)-len(w):], w) }
	return hasSuffixFold("not") || strings.HasSuffix(before, "non-") || hasSuffixFold("non")
}

// InheritedFrom returns the bare type name an "Inherited from x" description
// names ("Inherited from deviceConfiguration." → "deviceConfiguration"), or ""
// when there is none. desc is the cell's Markdown: a name written as a link,
// in code or in bold is a type name; a bare word only when it looks like one
// (typeLikeWord), so "inherited from an ancestor" names none.
func InheritedFrom(desc string) string {
	if !containsFold(desc, "inherited from ") {
		return ""
	}
	lower := strings.ToLower(desc)
	i := strings.Index(lower, "inherited from ")
	if i < 0 {
		return ""
	}
	t := strings.TrimLeft(desc[i+len("inherited from "):], " \t")
	marked := strings.HasPrefix(t, "[") || strings.HasPrefix(t, "*") || strings.HasPrefix(t, "`")
	t = strings.TrimLeft(t, "[*`")
	j := 0
	for j < len(t) && (isIdentByte(t[j]) || t[j] == '.') {
		j++
	}
	name := strings.TrimRight(t[:j], ".")
	if name == "" || !isIdent(name[:1]) {
		return ""
	}
	if !marked && !typeLikeWord(name) {
		// "inherited from an ancestor", "from another scope": a prose
		// word, not a type name.
		return ""
	}
	return name
}

// RequiredClaim reports whether a paragraph says the table after it lists
// required properties: "The following table shows the properties that are
// required when you create the X." and its update variants.
func RequiredClaim(paragraph string) bool {
	if !lowerMayContain(paragraph, "required") {
		return false
	}
	p := strings.ToLower(paragraph)
	if !strings.Contains(p, "required") {
		return false
	}
	if !strings.Contains(p, "propert") && !strings.Contains(p, "parameter") {
		return false
	}
	for _, s := range []string{"required when you create", "required when you update", "required when creating",
		"required when updating", "required to create", "required to update", "are required when"} {
		if strings.Contains(p, s) {
			return true
		}
	}
	return false
}
