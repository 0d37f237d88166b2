package runtime

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tvColor is an enum as generated.
type tvColor string

func (v tvColor) Known() bool    { return v == "red" || v == "blue" }
func (tvColor) enumType() string { return "microsoft.graph.color" }
func (v tvColor) String() string { return string(v) }

// tvNode is validated by the table (validateStruct), tvOld by the
// per-type code the generator wrote before; TestValidateMatchesPerTypeCode
// compares their problems on the same documents.
type tvNode struct {
	ID     string           `json:"id" validate:"guid"`
	Kind   Opt[string]      `json:"kind,omitzero" validate:"notnull,oneOf=a|b\\|c|d, e"`
	Color  Opt[tvColor]     `json:"color,omitzero"`
	Colors []tvColor        `json:"colors,omitzero"`
	Day    Opt[EdmDate]     `json:"day,omitzero"`
	Dur    Opt[EdmDuration] `json:"dur,omitzero"`
	At     EdmTimeOfDay     `json:"at"`
	Guids  []string         `json:"guids,omitzero" validate:"guid"`
	Child  Opt[*tvNode]     `json:"child,omitzero" validate:"notnull"`
	Parent *tvNode          `json:"parent"`
	Items  []tvNode         `json:"items,omitzero"`
	Count  int32            `json:"count"`
	Any    json.RawMessage  `json:"any"`
	Opaque Opt[tvColor]     `json:"opaque,omitzero" validate:"notnull"`
	Extra  JSONMembers      `json:"-"`
}

func (v *tvNode) UnmarshalJSON(data []byte) error { return decodeStruct(data, v) }

func (v tvNode) MarshalJSON() ([]byte, error) { return marshalStruct(&v) }

func (v *tvNode) appendJSON(b []byte) ([]byte, error) { return appendStruct(b, v) }

func (v *tvNode) ValidateFor(op Op) error {
	switch op {
	case "create":
		return validateStruct(v, op, []string{"id", "kind", "colors", "parent"}, []string{"color", "items", "id"})
	}
	return validateStruct(v, op, nil, nil)
}

type tvOld tvNode

func (v *tvOld) ValidateFor(op Op) error {
	var p problems
	v.validate(&p, "")
	switch op {
	case "create":
		if v.ID == "" {
			p.required(op, "id")
		}
		if v.Kind.State == OptNull {
			p.requiredNull(op, "kind")
		} else if v.Kind.IsZero() {
			p.required(op, "kind")
		}
		if v.Colors == nil {
			p.required(op, "colors")
		}
		if v.Parent == nil {
			p.required(op, "parent")
		}
		if !v.Color.IsZero() {
			p.readOnly(op, "color")
		}
		if v.Items != nil {
			p.readOnly(op, "items")
		}
		if v.ID != "" {
			p.readOnly(op, "id")
		}
	}
	return p.Err()
}

func (v *tvOld) validate(p *problems, base string) {
	p.nullIn(v.Extra, base, "id")
	if !validGUID(v.ID) {
		p.Add(pointerJoin(base, "id"), "format.guid", "%q is not a GUID", v.ID)
	}
	if v.Kind.State == OptNull {
		p.notNull(pointerJoin(base, "kind"), "kind")
	}
	if v.Kind.State == OptPresent {
		switch v.Kind.Value {
		case "a", "b|c", "d, e":
		default:
			p.Add(pointerJoin(base, "kind"), "enum.unknown", "%q is not one of %s", v.Kind.Value, "a, b|c, d, e")
		}
	}
	if v.Color.State == OptPresent {
		if !v.Color.Value.Known() {
			p.unknownEnum(pointerJoin(base, "color"), string(v.Color.Value), "microsoft.graph.color")
		}
	}
	p.nullIn(v.Extra, base, "colors")
	for i := range v.Colors {
		if !v.Colors[i].Known() {
			p.unknownEnum(pointerIndex(pointerJoin(base, "colors"), i), string(v.Colors[i]), "microsoft.graph.color")
		}
	}
	if v.Day.State == OptPresent {
		if !v.Day.Value.IsZero() && !v.Day.Value.Valid() {
			p.Add(pointerJoin(base, "day"), "format.invalid", "%v is not a valid %s", v.Day.Value, "Edm.Date")
		}
	}
	if v.Dur.State == OptPresent {
		if !v.Dur.Value.Valid() {
			p.Add(pointerJoin(base, "dur"), "format.invalid", "%v is not a valid %s", v.Dur.Value, "Edm.Duration")
		}
	}
	p.nullIn(v.Extra, base, "at")
	if !v.At.Valid() {
		p.Add(pointerJoin(base, "at"), "format.invalid", "%v is not a valid %s", v.At, "Edm.TimeOfDay")
	}
	p.nullIn(v.Extra, base, "guids")
	for i := range v.Guids {
		if !validGUID(v.Guids[i]) {
			p.Add(pointerIndex(pointerJoin(base, "guids"), i), "format.guid", "%q is not a GUID", v.Guids[i])
		}
	}
	if v.Child.State == OptNull {
		p.notNull(pointerJoin(base, "child"), "child")
	}
	if v.Child.State == OptPresent {
		if v.Child.Value != nil {
			(*tvOld)(v.Child.Value).validate(p, pointerJoin(base, "child"))
		}
	}
	p.nullIn(v.Extra, base, "parent")
	if v.Parent != nil {
		(*tvOld)(v.Parent).validate(p, pointerJoin(base, "parent"))
	}
	p.nullIn(v.Extra, base, "items")
	for i := range v.Items {
		(*tvOld)(&v.Items[i]).validate(p, pointerIndex(pointerJoin(base, "items"), i))
	}
	p.nullIn(v.Extra, base, "count")
	if v.Opaque.State == OptNull {
		p.notNull(pointerJoin(base, "opaque"), "opaque")
	}
	if v.Opaque.State == OptPresent {
		if !v.Opaque.Value.Known() {
			p.unknownEnum(pointerJoin(base, "opaque"), string(v.Opaque.Value), "microsoft.graph.color")
		}
	}
}

func TestValidateMatchesPerTypeCode(t *testing.T) {
	docs := []string{
		`{}`,
		`{"id":"6f9619ff-8b86-d011-b42d-00c04fc964ff","kind":"b|c","color":"red","colors":["blue"],"day":"2021-07-01","dur":"PT1H","at":"08:00:00","guids":["6f9619ff-8b86-d011-b42d-00c04fc964ff"],"child":{"id":"6f9619ff-8b86-d011-b42d-00c04fc964ff"},"parent":{},"items":[],"count":1,"any":null}`,
		`{"id":"x","kind":"z","color":"green","colors":["red","mauve","teal"],"guids":["a","6f9619ff-8b86-d011-b42d-00c04fc964ff","b"],"count":null}`,
		`{"id":null,"kind":null,"color":null,"colors":null,"guids":null,"child":null,"parent":null,"items":null,"at":null,"opaque":null}`,
		`{"kind":"d, e","child":{"kind":null,"child":{"color":"x","items":[{"id":"y"},{"colors":["z"]}]}},"parent":{"colors":null},"items":[{"guids":["q"]},{"opaque":"o"}]}`,
		`{"day":"0001-01-01","dur":"P1Y"}`,
	}
	for _, doc := range docs {
		var v tvNode
		if err := json.Unmarshal([]byte(doc), &v); err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		for _, op := range []Op{"", "create", "other"} {
			got, want := v.ValidateFor(op), (*tvOld)(&v).ValidateFor(op)
			if diff := cmp.Diff(errString(want), errString(got)); diff != "" {
				t.Errorf("%s, op %q: problems differ (-per-type code +table):\n%s", doc, op, diff)
			}
		}
	}
	// The documents above report every kind of problem.
	var v tvNode
	_ = json.Unmarshal([]byte(docs[2]), &v)
	if err := v.ValidateFor("create"); err == nil {
		t.Error("no problems in a bad document")
	}
}

func TestSplitValues(t *testing.T) {
	for in, want := range map[string][]string{
		"a":         {"a"},
		"a|b":       {"a", "b"},
		`a\|b|c\\d`: {"a|b", `c\d`},
		"|":         {"", ""},
		"":          {""},
	} {
		if got := splitValues(in); !cmp.Equal(got, want) {
			t.Errorf("splitValues(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValidateStructReports(t *testing.T) {
	var v tvNode
	doc := `{"id":"x","kind":null,"colors":["mauve"],"items":[{"guids":["q"]}],"count":null,"child":{"opaque":"o"}}`
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	var got []string
	if err, ok := v.ValidateFor("create").(*ValidationError); ok {
		for _, p := range err.Problems {
			got = append(got, p.Path+" "+p.Code)
		}
	}
	wantList := []string{
		"/child/id format.guid",
		"/child/opaque enum.unknown",
		"/colors/0 enum.unknown",
		"/count null.notAllowed",
		"/id format.guid",
		"/id readOnly",
		"/items readOnly",
		"/items/0/guids/0 format.guid",
		"/items/0/id format.guid",
		"/kind null.notAllowed",
		"/kind required", // required, and sent as null
		"/parent required",
	}
	if diff := cmp.Diff(wantList, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	var msgs []string
	if err, ok := v.ValidateFor("create").(*ValidationError); ok {
		for _, p := range err.Problems {
			msgs = append(msgs, p.Message)
		}
	}
	if !slices.Contains(msgs, "the property kind is required and must not be null") {
		t.Errorf("a required member sent as null: %q", msgs)
	}
}
