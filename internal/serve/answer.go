package serve

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/textproto"
	"net/url"
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// pair is a documented request example and its response example (req
// nil for a response without a request).
type pair struct {
	req, resp *model.Example
	// parts and query are the request example's path (version removed)
	// and query; body its parsed body (nil for none).
	parts []string
	query url.Values
	body  *jvalue
	// names are the request's and the response's example names, for
	// Prefer: example=NAME.
	names []string
	// data is the response body as sent (ok false: JSON that cannot be
	// served), and headers the example's headers replayed, canonical
	// names: both worked out once, not per request.
	data    []byte
	ok      bool
	headers []header
}

// header is one replayed response header.
type header struct {
	name  string
	value []string
}

// exampleNames returns every name of an example.
func exampleNames(ex *model.Example) []string {
	if ex == nil {
		return nil
	}
	if len(ex.Names) > 0 {
		return ex.Names
	}
	return []string{ex.Name}
}

// ExamplePath splits a documented request URL into its path (without
// scheme, host and version segment) and query.
func ExamplePath(raw string) (path, query string) {
	raw = strings.TrimSpace(raw)
	if i := strings.Index(raw, "://"); i >= 0 {
		raw = raw[i+3:]
		if j := strings.IndexByte(raw, '/'); j >= 0 {
			raw = raw[j:]
		} else {
			raw = "/"
		}
	}
	if !strings.HasPrefix(raw, "/") {
		raw = "/" + raw
	}
	path, query, _ = strings.Cut(raw, "?")
	lower := strings.ToLower(path)
	for _, v := range []string{"/v1.0/", "/beta/"} {
		if strings.HasPrefix(lower, v) {
			path = path[len(v)-1:]
			break
		}
	}
	if lower == "/v1.0" || lower == "/beta" {
		path = "/"
	}
	return path, query
}

// newPairs lists the documented request/response pairs of op.
func newPairs(op *model.Operation) []*pair {
	var out []*pair
	paired := map[int]bool{}
	for _, ex := range op.Examples {
		if ex == nil || ex.Kind != model.RequestExample {
			continue
		}
		p := &pair{req: ex}
		if ex.PairIndex >= 0 && ex.PairIndex < len(op.Examples) && op.Examples[ex.PairIndex] != nil && op.Examples[ex.PairIndex].Kind == model.ResponseExample {
			p.resp = op.Examples[ex.PairIndex]
			paired[ex.PairIndex] = true
		}
		path, q := ExamplePath(ex.URL)
		p.parts = splitPath(path)
		p.query, _ = url.ParseQuery(q)
		if b := strings.TrimSpace(ex.Body); b != "" && json.Valid([]byte(b)) {
			p.body = parseJSON([]byte(b))
		}
		out = append(out, p)
	}
	for i, ex := range op.Examples {
		if ex != nil && ex.Kind == model.ResponseExample && !paired[i] {
			out = append(out, &pair{resp: ex})
		}
	}
	for _, p := range out {
		p.names = append(slices.Clip(exampleNames(p.req)), exampleNames(p.resp)...)
		if p.resp == nil {
			continue
		}
		p.data, p.ok = exampleBody(p.resp)
		for _, hd := range p.resp.Headers {
			if hd != nil && !skipHeader(hd.Name) {
				name := textproto.CanonicalMIMEHeaderKey(hd.Name)
				// A later header of the same name replaces an earlier
				// one, as Header.Set did.
				p.headers = slices.DeleteFunc(p.headers, func(h header) bool { return h.name == name })
				p.headers = append(p.headers, header{name, []string{hd.Value}})
			}
		}
	}
	return out
}

// answering returns the pairs that can answer (those with a response):
// one when the operation has a single response example, which every
// request gets unless it names another (Prefer: example=NAME).
func answering(pairs []*pair) (only *pair) {
	for _, p := range pairs {
		if p.resp != nil {
			if only != nil {
				return nil
			}
			only = p
		}
	}
	return only
}

// pick returns the pair whose request best matches the incoming one: a
// Prefer: example=NAME names one; else the method, path segments, query
// parameters and body members that agree count.
func pick(pairs []*pair, r *http.Request, parts []string, body *jvalue) *pair {
	p, _ := pickScore(pairs, r, parts, body)
	return p
}

// pickScore is pick with the winning score (1<<20 for a named example).
func pickScore(pairs []*pair, r *http.Request, parts []string, body *jvalue) (*pair, int) {
	if name := preferExample(r); name != "" {
		for _, p := range pairs {
			for _, n := range p.names {
				if strings.EqualFold(n, name) {
					return p, 1 << 20
				}
			}
		}
	}
	var best *pair
	bestScore := -1 << 30
	var q url.Values
	for _, p := range pairs {
		if p.resp == nil {
			continue
		}
		score := 0
		if p.req != nil {
			if !strings.EqualFold(p.req.Method, r.Method) && !(r.Method == http.MethodHead && p.req.Method == http.MethodGet) {
				score -= 1000
			}
			if len(p.parts) == len(parts) {
				score += 4
				for i := range parts {
					if strings.EqualFold(parts[i], p.parts[i]) {
						score += 4
					}
				}
			}
			if len(p.query) > 0 && q == nil {
				q = r.URL.Query()
			}
			for k, v := range p.query {
				if q.Get(k) == v[0] {
					score += 3
				} else if q.Has(k) {
					score++
				}
			}
			score += bodyScore(p.body, body)
		}
		if score > bestScore {
			best, bestScore = p, score
		}
	}
	return best, bestScore
}

// bodyScore counts the top-level members two bodies share, equal values
// counting more.
func bodyScore(a, b *jvalue) int {
	if a == nil || b == nil || a.kind != jObject || b.kind != jObject {
		return 0
	}
	n := 0
	for i, k := range a.keys {
		if v := b.get(k); v != nil {
			n++
			if bytes.Equal(a.vals[i].raw, v.raw) {
				n += 2
			}
		}
	}
	return n
}

// preferExample returns the NAME of a "Prefer: example=NAME" header.
func preferExample(r *http.Request) string {
	for _, h := range r.Header.Values("Prefer") {
		for part := range strings.SplitSeq(h, ",") {
			k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "example") {
				return strings.Trim(strings.TrimSpace(v), `"`)
			}
		}
	}
	return ""
}

// exampleBody returns a response example's body as sent: the JSON as
// documented (repaired when the page's JSON needed it), other bodies
// verbatim; ok is false when the body is JSON that cannot be served.
func exampleBody(ex *model.Example) (body []byte, ok bool) {
	switch ex.JSON {
	case model.ValidJSON:
		return []byte(ex.Body), true
	case model.RepairedJSON:
		rep := jsonpos.Repair(ex.Body)
		if json.Valid(rep.Out) {
			return rep.Out, true
		}
		return nil, false
	case model.InvalidJSON:
		return nil, false
	}
	return []byte(ex.Body), true
}

// synth builds valid sample values of the schema's types.
type synth struct{ s *schema }

// value appends a sample value of ref.
func (y synth) value(b []byte, ref model.TypeRef, p *model.Property, depth int) []byte {
	if ref.Collection {
		b = append(b, '[')
		if depth < 3 {
			b = y.value(b, model.TypeRef{Name: ref.Name}, p, depth+1)
		}
		return append(b, ']')
	}
	if t := y.s.lookup(ref.Name); t != nil {
		if !t.isStruct() {
			return appendQuoted(b, sampleMember(t))
		}
		return y.object(b, t, depth)
	}
	if p != nil && len(p.Values) > 0 && ref.Name == "Edm.String" {
		return appendQuoted(b, p.Values[0])
	}
	return append(b, samplePrimitive(ref.Name)...)
}

// object appends a sample object of the struct t: its structural
// properties (navigation ones left out) down to a depth.
func (y synth) object(b []byte, t *stype, depth int) []byte {
	b = append(b, '{')
	n := 0
	if t.Kind == model.EntityType || len(t.Derived) > 0 {
		b = append(b, `"@odata.type":`...)
		b = appendQuoted(b, "#"+t.Name)
		n++
	}
	for _, f := range t.fields {
		if f.Navigation {
			continue
		}
		ft := y.s.lookup(f.TypeRef.Name)
		if depth >= 2 && ft != nil && ft.isStruct() && !f.Required {
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = appendQuoted(b, f.Name)
		b = append(b, ':')
		if depth >= 4 && ft != nil && ft.isStruct() {
			if f.Collection {
				b = append(b, "[]"...)
			} else {
				b = append(b, "{}"...)
			}
			continue
		}
		b = y.value(b, f.TypeRef, f, depth+1)
	}
	return append(b, '}')
}

// sampleMember is the first documented member of an enum that a client
// must know.
func sampleMember(t *stype) string {
	for _, m := range t.Members {
		if m != nil && !m.AfterSentinel && m.Name != model.SentinelMember {
			return m.Name
		}
	}
	if len(t.members) > 0 {
		return t.members[0]
	}
	return ""
}

// samplePrimitive is a valid JSON value of an Edm type.
func samplePrimitive(name string) string {
	switch name {
	case "Edm.String":
		return `"string"`
	case "Edm.Guid":
		return `"00000000-0000-0000-0000-000000000000"`
	case "Edm.Boolean":
		return "false"
	case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Single", "Edm.Double", "Edm.Decimal":
		return "0"
	case "Edm.DateTimeOffset":
		return `"2021-07-01T00:00:00Z"`
	case "Edm.Date":
		return `"2021-07-01"`
	case "Edm.TimeOfDay":
		return `"08:00:00"`
	case "Edm.Duration":
		return `"PT1H"`
	case "Edm.Binary", "Edm.Stream":
		return `"AA=="`
	}
	return "null"
}

// synthBody is the body of an operation without a response example: a
// sample of its response type (a collection in its value envelope).
func (y synth) body(op *operation) []byte {
	ref := op.respRef
	if ref.Collection {
		b := []byte(`{"value":`)
		b = y.value(b, ref, nil, 0)
		return append(b, '}')
	}
	return y.value(nil, ref, nil, 0)
}

// statusOf is an example's status, or the operation's.
func statusOf(ex *model.Example, op *operation) int {
	if ex != nil && ex.Status >= 100 && ex.Status <= 599 {
		return ex.Status
	}
	return op.status
}

// skipHeader reports headers of an example not replayed.
func skipHeader(name string) bool {
	switch strings.ToLower(name) {
	case "content-length", "transfer-encoding", "connection", "date", "content-encoding":
		return true
	}
	return false
}
