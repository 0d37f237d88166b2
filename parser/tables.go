package parser

import (
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// mdTable is a GFM table read from goldmark, each row re-checked against its
// source line.
type mdTable struct {
	node    *tableNode
	c       *collector
	pos     model.Pos // header row
	endLine int
	checks  []rowCheck
	rowsv   []*mdRow
	loaded  bool
	// header holds the normalised header texts ("property", "type").
	header []string
	// recovered marks a table goldmark refused (delimiter row with fewer
	// cells than the header) that docgen read from the paragraph's lines.
	recovered bool
}

// mdRow is one row of an mdTable.
type mdRow struct {
	pos   model.Pos
	cells []*mdCell
	// source is the number of cells on the source line; more than
	// len(header) means goldmark dropped cells.
	source int
}

// mdCell is one cell of an mdRow.
type mdCell struct {
	raw   string // Markdown source of the cell
	text  string // plain text: markup removed, links reduced to their text
	links []mdLink
}

// mdCell returns cell i of the row, or an empty cell when the row has
// none there.
func (r *mdRow) mdCell(i int) *mdCell {
	if i < 0 || i >= len(r.cells) || r.cells[i] == nil {
		return &mdCell{}
	}
	return r.cells[i]
}

// mdTable returns the mdTable of a table node: header texts normalised,
// rows read on first use (see rows).
func (c *collector) mdTable(n *tableNode) *mdTable {
	// The table and its slices come from the reader's scratch
	// (mdReader.reset): nothing keeps them after the page.
	t := &c.md.mdTables.take(1)[0]
	t.node, t.c = n, c
	if len(n.rows) == 0 {
		return t
	}
	c.cellNodes(n, n.rows[:1])
	start := -1
	hdr := n.rows[0].cells
	t.header = c.md.strs.take(len(hdr))[:0]
	for i := range hdr {
		ce := &hdr[i]
		if ce.has && start < 0 {
			start = int(ce.start)
		}
		t.header = append(t.header, normHeader(c.cellText(ce, nil)))
	}
	if start < 0 {
		start = n.Pos()
	}
	t.pos = c.idx.pos(start)
	t.pos.Col = 1
	t.endLine = t.pos.Line
	if len(n.rows) > 1 {
		t.checks = c.md.checks.take(len(n.rows) - 1)[:0]
	}
	for _, r := range n.rows[1:] {
		start := r.pos
		if start < 0 {
			start = n.Pos()
		}
		line := c.idx.lineOf(start)
		t.checks = append(t.checks, rowCheck{line: line, source: countCells(c.idx.lineBytes(line))})
		t.endLine = line
	}
	return t
}

// rowCheck is a row's line and the number of cells on its source line.
type rowCheck struct {
	line   int
	source int
}

// rows returns the table's body rows, reading the cells on first use.
func (t *mdTable) rows() []*mdRow {
	if t.loaded || t.node == nil {
		return t.rowsv
	}
	t.loaded = true
	c := t.c
	body := t.node.rows
	if len(body) > 0 {
		body = body[1:]
	}
	c.cellNodes(t.node, body)
	for i := range body {
		if i >= len(t.checks) {
			break
		}
		r := &body[i]
		ck := t.checks[i]
		// Rows and cells come from the reader's scratch (mdReader.reset).
		rw := &c.md.rows.take(1)[0]
		rw.pos, rw.source = c.idx.linePos(ck.line), ck.source
		cells := c.md.cells.take(len(r.cells))
		rw.cells = c.md.cellPtrs.take(len(cells))[:0]
		// The row's cells are substrings of the page (see str).
		for j := range r.cells {
			ce := &r.cells[j]
			cl := &cells[j]
			if ce.has {
				cl.raw = c.str(ce.seg())
			}
			cl.text = c.cellText(ce, &cl.links)
			rw.cells = append(rw.cells, cl)
		}
		if rw.source > len(t.header) && len(t.header) > 0 && len(rw.cells) >= len(t.header) {
			// goldmark dropped the cells after the last header column:
			// rebuild the last cell from the source line.
			cells := splitRow(c.idx.line(ck.line))
			if len(cells) >= len(t.header) {
				last := strings.Join(cells[len(t.header)-1:], "|")
				cl := rw.cells[len(t.header)-1]
				cl.raw = strings.TrimSpace(last)
				cl.text, cl.links = stripInline(cl.raw)
			}
		}
		t.rowsv = append(t.rowsv, rw)
	}
	return t.rowsv
}

// countCells counts the cells of a row's source line as splitRow would,
// without allocating.
func countCells(b []byte) int {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	if len(b) > 0 && b[0] == '|' {
		b = b[1:]
	}
	if len(b) > 0 && b[len(b)-1] == '|' && (len(b) < 2 || b[len(b)-2] != '\\') {
		b = b[:len(b)-1]
	}
	if len(b) == 0 {
		return 0
	}
	n := 1
	for i, ch := range b {
		if ch == '|' && (i == 0 || b[i-1] != '\\') {
			n++
		}
	}
	return n
}

// splitRow splits a table row's source line into cells the way GFM does:
// an optional leading and trailing pipe, cells separated by unescaped pipes
// (code spans do not protect pipes).
func splitRow(line string) []string {
	s := strings.TrimSpace(line)
	s = strings.TrimPrefix(s, "|")
	if strings.HasSuffix(s, "|") && !strings.HasSuffix(s, "\\|") {
		s = s[:len(s)-1]
	}
	if s == "" {
		return nil
	}
	var cells []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '|' && (i == 0 || s[i-1] != '\\') {
			cells = append(cells, s[start:i])
			start = i + 1
		}
	}
	return append(cells, s[start:])
}

// isDelimiterRow reports whether a line is a GFM delimiter row
// ("|:---|---:|").
func isDelimiterRow(line string) bool {
	cells := splitRow(line)
	if len(cells) == 0 {
		return false
	}
	if !strings.Contains(line, "|") && len(cells) == 1 {
		return false
	}
	for _, c := range cells {
		c = strings.TrimSpace(c)
		c = strings.TrimPrefix(c, ":")
		c = strings.TrimSuffix(c, ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}

// recoverTable reads a paragraph whose second line is a delimiter row as a
// table (GFM refuses it when the delimiter row has fewer cells than the
// header). It returns nil when the paragraph is not table-shaped.
func recoverTable(b *mdBlock, idx *pageLines) *mdTable {
	lines := strings.Split(b.rawText(), "\n")
	at := -1
	for i := 1; i < len(lines); i++ {
		if strings.Contains(lines[i-1], "|") && isDelimiterRow(lines[i]) {
			at = i
			break
		}
	}
	if at < 0 {
		return nil
	}
	hl := b.pos.Line + at - 1
	t := &mdTable{recovered: true, pos: idx.linePos(hl), endLine: hl + 1, loaded: true}
	for _, h := range splitRow(lines[at-1]) {
		txt, _ := stripInline(strings.TrimSpace(h))
		t.header = append(t.header, normHeader(txt))
	}
	for i := at + 1; i < len(lines); i++ {
		if !strings.Contains(lines[i], "|") {
			break
		}
		cells := splitRow(lines[i])
		rw := &mdRow{pos: idx.linePos(hl + i - at + 1), source: len(cells)}
		for j, c := range cells {
			if j == len(t.header)-1 && len(cells) > len(t.header) {
				c = strings.Join(cells[j:], "|")
			}
			cl := &mdCell{raw: strings.TrimSpace(c)}
			cl.text, cl.links = stripInline(cl.raw)
			rw.cells = append(rw.cells, cl)
			if j == len(t.header)-1 {
				break
			}
		}
		t.rowsv = append(t.rowsv, rw)
		t.checks = append(t.checks, rowCheck{line: rw.pos.Line, source: rw.source})
		t.endLine = rw.pos.Line
	}
	return t
}

// stripInline reduces a Markdown fragment to plain text without goldmark:
// used for cells goldmark dropped and tables it refused.
func stripInline(s string) (string, []mdLink) {
	var links []mdLink
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("\\`*_[]()#+-.!|<>{}", s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i++
		case c == '*' && i+1 < len(s) && s[i+1] == '*':
			i++
		case c == '`':
		case c == '[':
			end := strings.IndexByte(s[i:], ']')
			if end > 0 && i+end+1 < len(s) && s[i+end+1] == '(' {
				close := strings.IndexByte(s[i+end+1:], ')')
				if close > 0 {
					txt, _ := stripInline(s[i+1 : i+end])
					links = append(links, mdLink{Text: txt, Dest: s[i+end+2 : i+end+1+close]})
					b.WriteString(txt)
					i += end + 1 + close
					continue
				}
			}
			b.WriteByte(c)
		case c == '<':
			end := strings.IndexByte(s[i:], '>')
			if end > 0 && end < 12 {
				tag := strings.ToLower(s[i : i+end+1])
				if strings.HasPrefix(tag, "<br") || strings.HasPrefix(tag, "<li") || strings.HasPrefix(tag, "</li") ||
					strings.HasPrefix(tag, "<ul") || strings.HasPrefix(tag, "</ul") || strings.HasPrefix(tag, "<p") || strings.HasPrefix(tag, "</p") {
					b.WriteByte(' ')
					i += end
					continue
				}
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return cleanText(b.String()), links
}

// normHeader normalises a header cell: bold and code marks, NBSP padding
// and a trailing "?" removed, lower case, single spaces.
func normHeader(s string) string {
	// Most headers are a common one in some case ("Property", "Type"):
	// the normalised form is then the constant, not a new string.
	if v, ok := lookupLower(commonHeaders, s); ok {
		return v
	}
	return normHeaderSlow(s)
}

// normHeaderSlow is normHeader without the look-up of common headers.
func normHeaderSlow(s string) string {
	if strings.ContainsAny(s, "*`&") {
		s = strings.ReplaceAll(s, "&nbsp;", " ")
		s = strings.ReplaceAll(s, "*", "")
		s = strings.ReplaceAll(s, "`", "")
	}
	s = collapseSpace(strings.ToLower(s))
	s = strings.TrimRight(s, "?: ")
	return strings.TrimSpace(s)
}

// column returns the index of the first header equal to one of names, or
// -1.
func (t *mdTable) column(names ...string) int {
	for _, n := range names {
		for i, h := range t.header {
			if h == n {
				return i
			}
		}
	}
	return -1
}

// columnPrefix returns the index of the first header starting with prefix.
func (t *mdTable) columnPrefix(prefix string) int {
	for i, h := range t.header {
		if strings.HasPrefix(h, prefix) {
			return i
		}
	}
	return -1
}

// typed reports whether the table has a Type column.
func (t *mdTable) typed() bool { return t.column("type", "data type") >= 0 }

// commonHeaders maps common normalised headers to themselves: a header
// whose lower-case form is one of them normalises to it (the headers
// normHeaderSlow leaves as they are).
var commonHeaders = func() map[string]string {
	m := map[string]string{}
	for _, h := range []string{"property", "property name", "name", "parameter", "parameter name", "relationship",
		"relationship name", "query parameter", "header", "header name", "request header", "field", "member",
		"type", "data type", "property type", "return type", "description", "remarks", "details", "notes", "comments",
		"required", "value", "values", "method", "return type", "permission type", "permissions (from least to most privileged)",
		"http status code", "status code", "error code", "code", "member", "value", "default", "example"} {
		if normHeaderSlow(h) == h {
			m[h] = h
		}
	}
	return m
}()
