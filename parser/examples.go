package parser

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// examples reads the request and response example fences and pairs them.
func (p *page) examples(op *model.Operation, syntax []*mdBlock) {
	isSyntax := map[*mdBlock]bool{}
	for _, b := range syntax {
		isSyntax[b] = true
	}
	nReq, nResp := 0, 0
	for _, b := range p.blocks {
		if b.kind != bFence {
			continue
		}
		a := p.bound[b]
		if isSyntax[b] && (a == nil || a.BlockType != "request") {
			// A syntax block is also an example only when it is
			// annotated as one (drive-get.md: "### HTTP request" with a
			// "request" fence per alternative, one shared response).
			continue
		}
		var kind model.ExampleKind
		switch {
		case a != nil && a.BlockType == "request":
			kind = model.RequestExample
		case a != nil && a.BlockType == "response":
			kind = model.ResponseExample
		case a != nil:
			if a.BlockType == "ignored" && startsWithMethod(firstText(b.fenceLines())) {
				p.ignoredReqs = append(p.ignoredReqs, b.pos.Line)
			}
			continue // ignored, example, samples, resource
		case !isHTTPish(b.info):
			continue
		default:
			ft := firstText(b.fenceLines())
			switch {
			case strings.HasPrefix(ft, "HTTP/") || strings.HasPrefix(ft, "HTTP "):
				kind = model.ResponseExample
			case startsWithMethod(ft):
				kind = model.RequestExample
			default:
				continue
			}
			if b.section != nil && b.section.isSyntaxHeading() {
				continue
			}
		}
		var ex *model.Example
		var diags []model.Diagnostic
		if kind == model.RequestExample {
			ex, diags = ParseHTTPRequest(b.fenceLines())
			nReq++
			ex.Name = "request-" + strconv.Itoa(nReq)
		} else {
			ex, diags = ParseHTTPResponse(b.fenceLines())
			nResp++
			ex.Name = "response-" + strconv.Itoa(nResp)
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
		p.checkBody(ex, false)
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
			if kind == model.ResponseExample && op.Response != nil && (ex.Status == 0 || ex.Status/100 == 2) {
				ex.Type = op.Response.Type
			}
		}
		if a != nil && a.IsCollection {
			ex.Type.Collection = true
		}
		op.Examples = append(op.Examples, ex)
	}
	p.pair(op)
	if r := op.Response; r != nil && r.Status == 0 && !r.NoContent {
		// The prose gives no status code: take the first paired
		// response example's.
		for _, ex := range op.Examples {
			if ex.Kind == model.ResponseExample && ex.PairIndex >= 0 && ex.Status != 0 {
				r.Status = ex.Status
				break
			}
		}
	}
}

// pair links responses to requests: by annotation name, else the latest
// unpaired request before the response (document order, which is also
// "### Request"/"### Response" heading order on unannotated pages).
func (p *page) pair(op *model.Operation) {
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
	for i, ex := range exs {
		if ex.PairIndex >= 0 {
			continue
		}
		if ex.Annotation == nil {
			// An unannotated block that pairs with nothing is prose
			// illustration or a callback to the app (a notification POSTed
			// to the bot), not an example that needs a partner.
			continue
		}
		if ex.Kind == model.ResponseExample && p.ignoredRequestBefore(exs, i) {
			// Its request is annotated "ignored" (a $count or $value
			// call): the pair exists, it is just not checked.
			continue
		}
		what := "request has no response example after it"
		if ex.Kind == model.ResponseExample {
			what = "response has no request example before it"
		}
		p.diag(ex.Pos, CodeExampleUnpaired,
			"this "+what+"; give each request a response (or pair them with the annotation \"name\")")
	}
}

// inferType records the request body's type from the API page: its table
// rows, and entity evidence (an id in the table or in an example of the
// type). A type only documented on API pages is built from these.
func (p *page) inferType(op *model.Operation) {
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
		// "Required" in a create or update table is that operation's rule
		// (kept on RequestBody.Properties for ValidateFor), not the type's:
		// responses and PATCH bodies may omit the property.
		cp.Required, cp.Optional = false, false
		if cp.Name == "id" {
			c.hasID = true
		}
		t.Properties = appendProp(t.Properties, &cp)
	}
	for _, ex := range op.Examples {
		if ex.Type.Name != t.Name || ex.JSON == model.NoJSON || ex.JSON == model.InvalidJSON {
			continue
		}
		if hasTopLevelID(ex.Body, ex.JSON == model.ValidJSON, ex.Type.Collection) {
			c.hasID = true
		}
	}
	p.res.contribs = append(p.res.contribs, c)
}

// hasTopLevelID reports whether a JSON body (or the first element of its
// "value" array) has an "id" member. valid states that body is valid JSON
// (json.Valid): it is then read by a cheap scan, with the answer
// json.Unmarshal would give.
func hasTopLevelID(body string, valid, collection bool) bool {
	if !strings.Contains(body, `"id"`) {
		return false
	}
	if valid {
		if has, ok := scanTopLevelID([]byte(body), collection); ok {
			return has
		}
	}
	return decodeTopLevelID(body, collection)
}

// scanTopLevelID is hasTopLevelID for valid JSON; ok is false when a
// key needs decoding (the caller then uses encoding/json).
func scanTopLevelID(b []byte, collection bool) (has, ok bool) {
	ms, obj, plain := jsonpos.TopMembers(b)
	if !plain {
		return false, false
	}
	if !obj {
		// null decodes to an empty map; anything else fails to decode.
		return false, true
	}
	if collection {
		v, found := jsonpos.LastMember(ms, "value")
		if !found {
			return false, true
		}
		elems, isArr := jsonpos.ArrayElems(v)
		if !isArr || len(elems) == 0 {
			// null decodes to an empty slice; a non-array fails.
			return false, true
		}
		for _, e := range elems {
			if e[0] != '{' && e[0] != 'n' {
				// An element that is not an object (or null) fails
				// the whole decode.
				return false, true
			}
		}
		ms, obj, plain = jsonpos.TopMembers(elems[0])
		if !plain {
			return false, false
		}
		if !obj {
			return false, true
		}
	}
	_, found := jsonpos.LastMember(ms, "id")
	return found, true
}

// decodeTopLevelID is hasTopLevelID by encoding/json.
func decodeTopLevelID(body string, collection bool) bool {
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

// ignoredRequestBefore reports whether an "ignored" request fence lies
// between the example before exs[i] and exs[i].
func (p *page) ignoredRequestBefore(exs []*model.Example, i int) bool {
	from := 0
	if i > 0 {
		from = exs[i-1].Pos.Line
	}
	for _, l := range p.ignoredReqs {
		if l > from && l < exs[i].Pos.Line {
			return true
		}
	}
	return false
}
