package parser

import (
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// httpMethods are the request methods docgen recognises on a start line.
var httpMethods = [...]string{"GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"}

// splitMethod splits a request line into its method (upper-cased) and the
// rest. It accepts "DELETE/x" (no space), and a lower-case method when a
// path or URL follows ("get /me"). ok is false when the line does not start
// with a method.
func splitMethod(s string) (method, rest string, ok bool) {
	s = strings.TrimLeft(s, " \t")
	for _, m := range httpMethods {
		if len(s) < len(m) || !strings.EqualFold(s[:len(m)], m) {
			continue
		}
		r := s[len(m):]
		var rest string
		switch {
		case r == "":
		case r[0] == ' ' || r[0] == '\t' || r[0] == '/':
			rest = strings.TrimSpace(r)
		default:
			continue
		}
		// "Delete the item" is prose: a method not in upper case needs a
		// path or URL after it.
		if s[:len(m)] != m && !strings.HasPrefix(rest, "/") && !strings.HasPrefix(strings.ToLower(rest), "http") {
			continue
		}
		return m, rest, true
	}
	return "", "", false
}

// stripHTTPVersion removes a trailing " HTTP/1.1" from a request target.
func stripHTTPVersion(u string) string {
	if i := strings.LastIndexByte(u, ' '); i >= 0 && strings.HasPrefix(strings.ToUpper(u[i+1:]), "HTTP/") {
		return strings.TrimRight(u[:i], " \t")
	}
	return u
}

// knownHeaders are header names (lower case) that may follow a blank line
// after the start line and still be read as headers.
var knownHeaders = map[string]bool{
	"accept": true, "accept-encoding": true, "accept-language": true, "authorization": true,
	"cache-control": true, "consistencylevel": true, "content-encoding": true,
	"content-disposition": true, "content-id": true, "content-language": true,
	"content-length": true, "content-location": true, "content-range": true,
	"content-transfer-encoding": true, "content-type": true, "date": true, "etag": true,
	"expires": true, "host": true, "if-match": true, "if-none-match": true, "location": true,
	"odata-version": true, "odata-maxversion": true, "prefer": true, "preference-applied": true,
	"retry-after": true, "request-id": true, "client-request-id": true, "user-agent": true,
	"workbook-session-id": true, "x-ms-throttle-priority": true,
}

// headerLine splits a "Name: value" line. Names are HTTP tokens; the
// value may be empty.
func headerLine(s string) (name, value string, ok bool) {
	t := strings.TrimLeft(s, " \t")
	i := 0
	for i < len(t) && isTokenByte(t[i]) {
		i++
	}
	if i == 0 || i >= len(t) || t[i] != ':' {
		return "", "", false
	}
	return t[:i], strings.TrimSpace(t[i+1:]), true
}

func isTokenByte(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') ||
		strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// isKnownHeaderLine reports whether l is a header that can be trusted even
// after a blank line: a known name, or an "X-..."-style hyphenated name.
func isKnownHeaderLine(s string) bool {
	name, _, ok := headerLine(s)
	if !ok {
		return false
	}
	return knownHeaders[strings.ToLower(name)] || (strings.Contains(name, "-") && !strings.HasPrefix(name, "-"))
}

// urlContinuation reports whether line continues a request URL wrapped
// over several lines: it starts with a character that continues a URL's
// path or query ("/", "?", "&", "$", "="), or the URL ends in one that
// awaits more ("?", "&", "=", "/", ",", "(") and the line is one
// space-free token; a header line, a blank line or a body never is.
func urlContinuation(url, line string) bool {
	t := strings.TrimSpace(line)
	if t == "" || url == "" || strings.ContainsAny(t, " \t") || strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") || strings.HasPrefix(t, "<") {
		return false
	}
	if strings.ContainsRune("/?&$=", rune(t[0])) && !strings.HasPrefix(t, "//") {
		return true
	}
	if _, _, ok := headerLine(t); ok {
		return false
	}
	return strings.ContainsRune("?&=/,(", rune(url[len(url)-1]))
}

// ParseHTTPRequest parses an example request block: a start line "METHOD
// URL", header lines, a blank line and the body. The Example has Kind
// RequestExample and PairIndex -1; the caller sets Pos, Name and the rest.
func ParseHTTPRequest(lines []Line) (*model.Example, []model.Diagnostic) {
	ex := &model.Example{Kind: model.RequestExample, PairIndex: -1}
	var diags []model.Diagnostic
	i := skipBlank(lines, 0)
	if i >= len(lines) {
		return ex, diags
	}
	if m, rest, ok := splitMethod(lines[i].Text); ok {
		ex.Method = m
		ex.URL = stripHTTPVersion(rest)
		i++
		// A long request URL wrapped over several lines ("…?$filter=a eq
		// 'b'" then "&$select=c") continues the start line; it is no
		// body.
		for i < len(lines) && urlContinuation(ex.URL, lines[i].Text) {
			ex.URL = stripHTTPVersion(ex.URL + strings.TrimSpace(lines[i].Text))
			i++
		}
	} else {
		diags = append(diags, startLineDiag(lines[i], "request", "METHOD URL, as in \"GET https://graph.microsoft.com/v1.0/me\""))
		i = bestEffortStart(lines, i)
	}
	diags = parseMessage(ex, lines, i, ex.Method != "", diags)
	return ex, diags
}

// ParseHTTPResponse parses an example response block: a status line
// "HTTP/1.1 NNN Reason" (or "HTTP NNN", or no reason), header lines, a
// blank line and the body. The Example has Kind ResponseExample and
// PairIndex -1.
func ParseHTTPResponse(lines []Line) (*model.Example, []model.Diagnostic) {
	ex := &model.Example{Kind: model.ResponseExample, PairIndex: -1}
	var diags []model.Diagnostic
	i := skipBlank(lines, 0)
	if i >= len(lines) {
		return ex, diags
	}
	status, reason, ok := statusLine(lines[i].Text)
	if ok {
		ex.Status, ex.Reason = status, reason
		i++
	} else {
		diags = append(diags, startLineDiag(lines[i], "response", "HTTP/1.1 NNN Reason, as in \"HTTP/1.1 200 OK\""))
		// Best effort: "400 Bad Request", "HTTP code: 200 OK".
		if code, reason, found := findStatus(lines[i].Text); found {
			ex.Status, ex.Reason = code, reason
			i++
		} else {
			i = bestEffortStart(lines, i)
		}
	}
	diags = parseMessage(ex, lines, i, ex.Status != 0, diags)
	return ex, diags
}

func startLineDiag(l Line, what, want string) model.Diagnostic {
	return model.Diagnostic{
		Pos:      indentPos(l),
		Severity: model.Error,
		Code:     CodeHTTPStartLine,
		Message:  "first line of the " + what + " block " + strconv.Quote(clip(strings.TrimSpace(l.Text), 60)) + " is not a " + what + " line; write " + want,
	}
}

// bestEffortStart decides where headers or the body begin when the start
// line is missing: at a header or a JSON opener the block is kept whole,
// otherwise the unreadable line is skipped.
func bestEffortStart(lines []Line, i int) int {
	t := strings.TrimSpace(lines[i].Text)
	if _, _, ok := headerLine(t); ok || strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
		return i
	}
	return i + 1
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// statusLine parses "HTTP/1.1 201 Created", "HTTP 204" or "HTTP/2 200".
func statusLine(s string) (int, string, bool) {
	t := strings.TrimSpace(s)
	if len(t) < 4 || !strings.EqualFold(t[:4], "HTTP") {
		return 0, "", false
	}
	t = t[4:]
	if strings.HasPrefix(t, "/") {
		j := 1
		for j < len(t) && (t[j] == '.' || ('0' <= t[j] && t[j] <= '9')) {
			j++
		}
		if j == 1 {
			return 0, "", false
		}
		t = t[j:]
	}
	if t == "" || (t[0] != ' ' && t[0] != '\t') {
		return 0, "", false
	}
	t = strings.TrimLeft(t, " \t")
	code, reason, ok := statusCode(t)
	return code, reason, ok
}

// statusCode reads a three-digit status code at the start of t and the
// free-text reason after it.
func statusCode(t string) (int, string, bool) {
	if len(t) < 3 {
		return 0, "", false
	}
	for j := 0; j < 3; j++ {
		if t[j] < '0' || t[j] > '9' {
			return 0, "", false
		}
	}
	if len(t) > 3 && t[3] != ' ' && t[3] != '\t' {
		return 0, "", false
	}
	code := int(t[0]-'0')*100 + int(t[1]-'0')*10 + int(t[2]-'0')
	if code < 100 || code > 599 {
		return 0, "", false
	}
	return code, strings.TrimSpace(t[3:]), true
}

// findStatus looks for a status code among the first words of a malformed
// status line.
func findStatus(s string) (int, string, bool) {
	t := strings.TrimSpace(s)
	for k := 0; k < 3 && t != ""; k++ {
		if code, reason, ok := statusCode(t); ok {
			return code, reason, true
		}
		sp := strings.IndexAny(t, " \t")
		if sp < 0 {
			break
		}
		t = strings.TrimLeft(t[sp:], " \t")
	}
	return 0, "", false
}

func skipBlank(lines []Line, i int) int {
	for i < len(lines) && isBlank(lines[i].Text) {
		i++
	}
	return i
}

// parseMessage reads headers and body from lines[i:] into ex.
func parseMessage(ex *model.Example, lines []Line, i int, hadStart bool, diags []model.Diagnostic) []model.Diagnostic {
	// Headers.
	for i < len(lines) {
		t := lines[i].Text
		if isBlank(t) {
			j := skipBlank(lines, i)
			if j < len(lines) && isKnownHeaderLine(lines[j].Text) {
				diags = append(diags, model.Diagnostic{
					Pos:      lines[i].Pos,
					Severity: model.Warning,
					Code:     CodeHTTPBlankLine,
					Message:  "blank line before the header " + strconv.Quote(headerName(lines[j].Text)) + " would end the headers; remove it",
				})
				i = j
				continue
			}
			i = j
			break
		}
		if ex.Kind == model.RequestExample && isRequestLine(t) {
			break
		}
		name, value, ok := headerLine(t)
		if !ok || (len(ex.Headers) > 0 && !isHeaderish(t)) {
			if hadStart || len(ex.Headers) > 0 {
				after := "headers"
				if len(ex.Headers) == 0 {
					after = "start line"
				}
				diags = append(diags, model.Diagnostic{
					Pos:      indentPos(lines[i]),
					Severity: model.Warning,
					Code:     CodeHTTPHeaderBody,
					Message:  "body starts right after the " + after + "; insert a blank line before it",
				})
			}
			break
		}
		h := &model.Header{Name: name, Value: value, Pos: indentPos(lines[i])}
		ex.Headers = append(ex.Headers, h)
		if strings.EqualFold(name, "Content-Type") && ex.ContentType == "" {
			ex.ContentType = mediaType(value)
		}
		i++
	}
	// A second request line after the blank line is not body.
	if ex.Kind == model.RequestExample && i < len(lines) && isRequestLine(lines[i].Text) {
		first := i
		n := 0
		for i < len(lines) && isRequestLine(lines[i].Text) {
			n++
			i = skipBlank(lines, i+1)
		}
		msg := "request block holds a second request line"
		if n > 1 {
			msg = "request block holds " + strconv.Itoa(n) + " more request lines"
		}
		diags = append(diags, model.Diagnostic{
			Pos:      indentPos(lines[first]),
			Severity: model.Warning,
			Code:     CodeHTTPSecondRequest,
			Message:  msg + "; docgen uses only the first, move each request to its own block",
		})
	}
	// Body: everything left, without trailing blank lines.
	end := len(lines)
	for end > i && isBlank(lines[end-1].Text) {
		end--
	}
	if i < end {
		ex.BodyPos = lines[i].Pos
		n := end - i - 1
		for _, l := range lines[i:end] {
			n += len(l.Text)
		}
		var b strings.Builder
		b.Grow(n)
		for k, l := range lines[i:end] {
			if k > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(l.Text)
		}
		ex.Body = b.String()
	}
	return diags
}

// isRequestLine reports whether s is "METHOD /path" or "METHOD http...".
func isRequestLine(s string) bool {
	_, rest, ok := splitMethod(s)
	return ok && (strings.HasPrefix(rest, "/") || strings.HasPrefix(strings.ToLower(rest), "http"))
}

// isHeaderish reports whether a "Name: value" line after other headers is a
// header rather than a body line such as "BEGIN:VCARD".
func isHeaderish(s string) bool {
	name, _, _ := headerLine(s)
	return !strings.EqualFold(name, "BEGIN")
}

func headerName(s string) string {
	n, _, _ := headerLine(s)
	return n
}

// mediaType returns the lower-cased media type of a Content-Type value.
func mediaType(v string) string {
	if i := strings.IndexByte(v, ';'); i >= 0 {
		v = v[:i]
	}
	return strings.ToLower(strings.TrimSpace(v))
}
