package placeholders

// Hand-written tests run by TestGoldenCompile: every Edm primitive decodes,
// validates and round-trips; raw JSON members keep any value.

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestKitchenSinkRoundTrip(t *testing.T) {
	in := `{"s":"x","b":false,"i16":-3,"i32":7,"i64":9007199254740993,"u8":255,"f32":1.5,"f64":-0.25,` +
		`"dec":"12.500","dto":"2021-07-01T10:00:00.1234567Z","d":"2021-02-28","tod":"10:00:00.5","dur":"P1DT2H",` +
		`"g":"eda7ed64-7705-4079-9d08-c2bd883f0000","bin":"AQID","stream":"","json":{"any":[1,"x",null]},` +
		`"untyped":[1],"unknownPrim":"?","undefinedType":{"a":1},"undefinedColl":[{"b":2}],"dates":["2020-01-01"],` +
		`"reqJson":null,"reqDate":"2021-07-01T10:00:00Z","reqList":[]}`
	var v KitchenSink
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		t.Fatal(err)
	}
	if err := v.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err := json.Unmarshal([]byte(in), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatal(err)
	}
	// Instants, not strings: .1234567Z keeps its digits here, so the
	// documents are equal member by member.
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("round trip (-in +out):\n%s", diff)
	}
	if !v.Dto.Value.Equal(time.Date(2021, 7, 1, 10, 0, 0, 123456700, time.UTC)) {
		t.Errorf("dto = %v", v.Dto.Value)
	}
}

func TestKitchenSinkProblems(t *testing.T) {
	v := KitchenSink{
		G:     "not-a-guid",
		D:     Some(EdmDate{Year: 2021, Month: 2, Day: 30}),
		Dates: []EdmDate{{Year: 2021, Month: 13, Day: 1}},
	}
	var ve *ValidationError
	if err := v.Validate(); !errors.As(err, &ve) {
		t.Fatalf("Validate = %v", err)
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Path+" "+p.Code)
	}
	want := []string{"/d format.invalid", "/dates/0 format.invalid", "/g format.guid"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
