package parser

import (
	"encoding/json"
	"path"
	"sort"
	"strings"

	"github.com/docgen-dev/docgen/parser/model"
)

// exampleEvidence is what a create or update page says, in other ways than
// a typed body table or annotation, about the type of an example that names
// none. The merge resolves it once every page's types are known.
type exampleEvidence struct {
	ex    *model.Example
	cands []typeCand
}

// typeCand is one statement of a type: a name read from the page, and the
// page a link to it targets ("" when not a link).
type typeCand struct {
	name   string
	target string
	from   string
}

// exampleEvidence gathers, for each JSON example of a create or update
// operation that names no type, where the page states the type otherwise:
// the H1 ("Update user"), the first link of an intro that starts with
// Create/Update, the links of the Request body prose, the response type
// (create and update return the object), and the paired response's
// "@odata.type" annotation (for requests) or the paired request's type (for
// responses). Actions ("user: assignLicense"), $ref bodies and bodies of a
// request-body table (the generator builds a body type from its rows) are
// left alone.
func (p *page) exampleEvidence(op *model.Operation) {
	var todo []*model.Example
	for _, ex := range op.Examples {
		if ex.Type.Name == "" && (ex.JSON == model.ValidJSON || ex.JSON == model.RepairedJSON) {
			todo = append(todo, ex)
		}
	}
	if len(todo) == 0 || strings.Contains(p.page.Title, ":") {
		return
	}
	verb, titleName := titleVerb(p.page.Title)
	method := op.Method
	create := verb == "create" && (method == "POST" || method == "PUT" || method == "")
	update := verb == "update" || method == "PATCH" || method == "PUT"
	if !create && !update {
		return
	}
	var common []typeCand
	if titleName != "" && isDottedName(titleName) {
		common = append(common, typeCand{name: qualify(lowerFirst(titleName), p.ns), from: "the title"})
	}
	if intro := p.intro(); len(intro) > 0 {
		if v, _ := titleVerb(intro[0].text); v == "create" || v == "update" {
			if c, ok := p.linkCand(intro[0].b.lnk(), "the introduction"); ok {
				common = append(common, c)
			}
		}
	}
	for _, b := range p.blocks {
		if b.kind == bPara && p.sectionOf(b) == secRequestBody {
			if c, ok := p.linkCand(b.lnk(), "the request body prose"); ok {
				common = append(common, c)
			}
		}
	}
	var respType *typeCand
	if r := op.Response; r != nil && r.Type.Name != "" && !r.Type.Collection && !r.Type.IsPrimitive() {
		respType = &typeCand{name: r.Type.Name, from: "the response type"}
	}
	for _, ex := range todo {
		if !objectBody(ex.Body) {
			continue
		}
		cands := append([]typeCand(nil), common...)
		switch ex.Kind {
		case model.RequestExample:
			if rb := op.RequestBody; rb != nil && (rb.Type.Name != "" || len(rb.Properties) > 0) {
				continue
			}
			if strings.Contains(ex.URL, "/$ref") || ex.Method == "GET" || ex.Method == "DELETE" {
				continue
			}
			if respType != nil {
				cands = append(cands, *respType)
			}
			if ex.PairIndex >= 0 && ex.PairIndex < len(op.Examples) {
				if a := op.Examples[ex.PairIndex].Annotation; a != nil && a.ODataType != "" {
					cands = append(cands, typeCand{name: p.odataRef(a.ODataType).Name, from: "the response's @odata.type"})
				}
			}
		case model.ResponseExample:
			if ex.Status != 0 && ex.Status/100 != 2 {
				continue
			}
			if ex.PairIndex >= 0 && ex.PairIndex < len(op.Examples) {
				if rq := op.Examples[ex.PairIndex]; rq.Type.Name != "" && !rq.Type.Collection && !rq.Type.IsPrimitive() {
					cands = append(cands, typeCand{name: rq.Type.Name, from: "the request's type"})
				}
			}
		default:
			continue
		}
		if len(cands) > 0 {
			p.res.evidence = append(p.res.evidence, &exampleEvidence{ex: ex, cands: cands})
		}
	}
}

// titleVerb splits "Update user" into ("update", "user") and "Create a new
// shift" into ("create", "shift"); the name is "" unless one word is left
// after articles and "properties"/"object"/"resource".
func titleVerb(s string) (verb, name string) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return "", ""
	}
	verb = strings.ToLower(f[0])
	if verb != "create" && verb != "update" {
		return "", ""
	}
	var rest []string
	for _, w := range f[1:] {
		lw := strings.ToLower(strings.Trim(w, ".,`*"))
		switch lw {
		case "a", "an", "the", "new", "properties", "property", "object", "resource", "entity", "of":
			continue
		}
		rest = append(rest, strings.Trim(w, ".,`*"))
	}
	if len(rest) == 1 {
		name = rest[0]
	}
	return verb, name
}

// linkCand is the first link of a paragraph to a resource page whose text
// names a type.
func (p *page) linkCand(links []mdLink, from string) (typeCand, bool) {
	for _, l := range links {
		d := strings.ToLower(l.Dest)
		if !strings.Contains(d, "resources/") {
			continue
		}
		name := strings.Trim(strings.TrimSpace(l.Text), "*` ")
		if !isDottedName(name) {
			continue
		}
		return typeCand{name: qualify(lowerFirst(name), p.ns), target: p.linkTarget(l.Dest), from: from}, true
	}
	return typeCand{}, false
}

// objectBody reports whether a body is one JSON object that is not a
// {"value": [...]} collection envelope.
func objectBody(body string) bool {
	t := strings.TrimSpace(body)
	if !strings.HasPrefix(t, "{") {
		return false
	}
	if !strings.Contains(t, `"value"`) {
		return true
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(t), &m); err != nil {
		return true // repaired JSON: the generator decides
	}
	v := strings.TrimSpace(string(m["value"]))
	return !strings.HasPrefix(v, "[")
}

// mostDerived returns the one name of names that derives from every other
// ("the title names educationOutcome, the response's @odata.type
// educationPointsOutcome": the example is an educationPointsOutcome), ""
// when there is none.
func mostDerived(names []string, types map[string]*model.Type) string {
	if len(names) < 2 {
		return ""
	}
	for _, n := range names {
		ancestors := map[string]bool{}
		for t, i := types[n], 0; t != nil && t.Base != "" && i < 64; t, i = types[t.Base], i+1 {
			ancestors[t.Base] = true
		}
		all := true
		for _, m := range names {
			if m != n && !ancestors[m] {
				all = false
				break
			}
		}
		if all {
			return n
		}
	}
	return ""
}

// inferExampleTypes gives each example with evidence the one defined
// structured type the evidence names. Evidence naming no defined type is
// dropped; evidence naming a type and its base gives the derived type;
// evidence naming two unrelated types gives no type and an
// example-type-conflict diagnostic.
func inferExampleTypes(results []*PageResult, types map[string]*model.Type) []model.Diagnostic {
	var defs map[string]string
	var lower map[string]string
	var diags []model.Diagnostic
	for _, r := range results {
		if r == nil || len(r.evidence) == 0 {
			continue
		}
		if defs == nil {
			defs = map[string]string{}
			for _, r2 := range results {
				if r2 != nil && r2.defines != "" && r2.Page != nil {
					defs[strings.ToLower(path.Clean(r2.Page.File))] = r2.defines
				}
			}
			lower = map[string]string{}
			for n, t := range types {
				if t.Kind == model.EnumType {
					continue
				}
				k := strings.ToLower(n)
				if old, dup := lower[k]; dup && old != n {
					lower[k] = ""
					continue
				}
				lower[k] = n
			}
		}
		for _, ev := range r.evidence {
			found := map[string][]string{}
			var names []string
			for _, c := range ev.cands {
				n := c.name
				if d := defs[c.target]; c.target != "" && d != "" {
					n = d
				}
				if t := types[n]; t == nil || t.Kind == model.EnumType {
					n = lower[strings.ToLower(n)]
				}
				if n == "" {
					continue
				}
				if _, ok := found[n]; !ok {
					names = append(names, n)
				}
				found[n] = append(found[n], c.from)
			}
			if d := mostDerived(names, types); d != "" {
				names = []string{d}
			}
			switch len(names) {
			case 0:
			case 1:
				ev.ex.Type = model.TypeRef{Name: names[0]}
			default:
				sort.Strings(names)
				var parts []string
				for _, n := range names {
					parts = append(parts, n+" ("+strings.Join(found[n], ", ")+")")
				}
				diags = append(diags, model.Diagnostic{Pos: ev.ex.Pos, Severity: model.Info, Code: CodeExampleTypeConflict,
					Message: "example " + ev.ex.Name + " names no type and the page names several: " + strings.Join(parts, "; ") +
						"; annotate the example with \"@odata.type\" or make the page agree"})
			}
		}
	}
	return diags
}
