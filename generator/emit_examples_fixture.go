package generator

import (
	"strings"

	"github.com/docgen-dev/docgen/internal/examples"
	"github.com/docgen-dev/docgen/internal/jsonpos"
	"github.com/docgen-dev/docgen/parser/model"
)

// The fixture of an example test, rendered from the example analysis's
// facts (internal/examples): the kinds and edits as the facts give them,
// and the Known table, which ties the diagnostics reported at lines inside
// the body (by the parser, the naming pass, or here) to the pointer of the
// value on that line.

// exampleSchema is the example analysis's view of the generated types,
// built from the plan on first use.
func (p *plan) exampleSchema() *examples.Schema {
	p.examplesOnce.Do(func() {
		decls := map[*typeInfo]*examples.Decl{}
		all := append([]*typeInfo(nil), p.types...)
		for _, o := range p.ops {
			if o.Body != nil && o.Body.Synthetic {
				all = append(all, o.Body)
			}
		}
		list := make([]*examples.Decl, 0, len(all))
		for _, t := range all {
			d := &examples.Decl{Type: t.Type, GoName: t.GoName}
			for _, c := range t.Consts {
				d.Members = append(d.Members, c.EnumMember)
			}
			decls[t] = d
			list = append(list, d)
		}
		for _, t := range all {
			d := decls[t]
			for _, f := range t.Fields {
				d.Fields = append(d.Fields, &examples.Field{Property: f.Property, Owner: decls[f.Owner], Target: decls[f.Target], Plain: f.Plain})
			}
		}
		p.examples = examples.NewSchema(list, func(name string) bool {
			_, ok := edmTypes[name]
			return ok
		})
	})
	return p.examples
}

// fixture collects the Known table of one test while its facts are
// applied.
type fixture struct {
	p     *plan
	t     *exampleTest
	where model.Pos
	// places maps pointers to where their values start; order lists them
	// in document order.
	places map[string]bodyPlace
	order  []bodyPlace
	// knownAt marks pointers that already have a known diagnostic;
	// lineDiags holds the diagnostics by body line (0-based).
	knownAt   map[string]bool
	lineDiags map[int][]string
}

// bodyPlace is where a value starts in a body: the 0-based line and byte
// column of its member name (of the value for array elements and the root).
type bodyPlace struct {
	pointer   string
	line, col int
}

// newFixture locates the values of the parsed body text and turns the
// diagnostics at lines inside the body into Known entries. text is body,
// or body repaired as rep says (rep is nil when it is not): places are
// found in text by jsonpos.Places, the scan the test harness is pinned to,
// and mapped back to the lines of body as the harness maps them
// (exampleLineIndex); a pointer met twice keeps its first place.
func (p *plan) newFixture(t *exampleTest, where model.Pos, body, text string, rep *jsonpos.Repaired, fileDiags []model.Diagnostic) *fixture {
	fx := &fixture{p: p, t: t, where: where, places: map[string]bodyPlace{}}
	var lines jsonpos.LineIndex
	for _, pl := range jsonpos.Places([]byte(text)) {
		if _, seen := fx.places[pl.Pointer]; seen {
			continue
		}
		off := pl.Off
		if rep != nil {
			off = rep.InOffset(off)
		}
		line, col := lines.LineCol(body, off)
		bp := bodyPlace{pointer: pl.Pointer, line: line, col: col}
		fx.places[pl.Pointer] = bp
		fx.order = append(fx.order, bp)
	}
	fx.knownDiags(fileDiags, body)
	return fx
}

// pos returns the page position of the value at pointer ptr.
func (fx *fixture) pos(ptr string) model.Pos {
	pl, ok := fx.places[ptr]
	if !ok {
		return fx.where
	}
	col := pl.col + 1
	if pl.line == 0 && fx.where.Col > 0 {
		col += fx.where.Col - 1
	}
	return model.Pos{File: fx.where.File, Line: fx.where.Line + pl.line, Col: col}
}

// knownDiags turns the diagnostics at lines inside the body into Known
// entries, at the pointer of the value on that line (the one at or before
// the diagnostic's column), or the body as a whole.
func (fx *fixture) knownDiags(diags []model.Diagnostic, text string) {
	fx.knownAt = map[string]bool{}
	fx.lineDiags = map[int][]string{}
	first := fx.where.Line
	last := first + strings.Count(text, "\n")
	for _, d := range diags {
		if d.Pos.File != fx.where.File || d.Pos.Line < first || d.Pos.Line > last {
			continue
		}
		line := d.Pos.Line - first
		ptr := ""
		found := false
		for _, pl := range fx.order {
			if pl.line != line {
				continue
			}
			col := pl.col + 1
			if line == 0 && fx.where.Col > 0 {
				col += fx.where.Col - 1
			}
			if !found || (d.Pos.Col > 0 && col <= d.Pos.Col) {
				ptr, found = pl.pointer, true
			}
		}
		fx.addKnown(ptr, knownText(d))
		fx.lineDiags[line] = append(fx.lineDiags[line], knownText(d))
	}
}

func (fx *fixture) addKnown(ptr, text string) {
	for _, k := range fx.t.known {
		if k.pointer == ptr && k.diagnostic == text {
			return
		}
	}
	fx.t.known = append(fx.t.known, exampleKnownSpec{ptr, text})
	fx.knownAt[ptr] = true
}

// apply renders the facts, in walk order: kinds and edits as they are,
// notes as Known entries, and each problem as the diagnostics already
// reported on its line or, when there are none, as a diagnostic of its
// own (reported here, and Known to the test).
func (fx *fixture) apply(facts []examples.Fact) {
	for _, f := range facts {
		if f.Kind != "" {
			fx.t.kinds[f.Pointer] = f.Kind
		}
		switch {
		case f.Note != "":
			fx.addKnown(f.Pointer, f.Note)
		case f.Problem != nil:
			fx.report(f.Pointer, f.Problem)
		}
		if f.Edit != nil {
			fx.t.edits = append(fx.t.edits, exampleEditSpec{f.Pointer, f.Edit.Value, f.Edit.Reason})
		}
	}
}

// report records the problem at pointer ptr: what was reported on the
// line of the value that locates it is its report; else it is reported
// here.
func (fx *fixture) report(ptr string, pr *examples.Problem) {
	if pl, ok := fx.places[pr.At]; ok && !fx.knownAt[ptr] {
		for _, text := range fx.lineDiags[pl.line] {
			fx.addKnown(ptr, text)
		}
	}
	if fx.knownAt[ptr] {
		return
	}
	d := model.Diagnostic{Pos: fx.pos(pr.At), Severity: model.Warning, Code: exampleCodes[pr.Rule], Message: pr.Message}
	fx.p.diagOnce(d)
	fx.addKnown(ptr, knownText(d))
}

// knownText is a diagnostic as a Known entry shows it: message and code,
// without its position (the entry's pointer and the line index place it;
// a line number here would change the test file whenever the page's lines
// move).
func knownText(d model.Diagnostic) string {
	return d.Message + " [" + string(d.Code) + "]"
}
