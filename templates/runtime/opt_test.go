package runtime

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// otPlain is a struct that uses Opt with otPlain encoding/json, no generated
// codec.
type otPlain struct {
	S   Opt[string]     `json:"s,omitzero"`
	N   Opt[int32]      `json:"n,omitzero"`
	B   Opt[bool]       `json:"b,omitzero"`
	F   Opt[float64]    `json:"f,omitzero"`
	T   Opt[time.Time]  `json:"t,omitzero"`
	D   Opt[EdmDate]    `json:"d,omitzero"`
	Dec Opt[EdmDecimal] `json:"dec,omitzero"`
	L   []string        `json:"l,omitzero"`
	O   Opt[[]string]   `json:"o,omitzero"`
	E   Opt[otColor]    `json:"e,omitzero"`
}

type otColor string

func TestOptPlainJSONRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want otPlain
	}{
		{"all absent", `{}`, otPlain{}},
		{"all null", `{"s":null,"n":null,"b":null,"f":null,"t":null,"d":null,"dec":null,"o":null,"e":null}`,
			otPlain{S: Null[string](), N: Null[int32](), B: Null[bool](), F: Null[float64](), T: Null[time.Time](), D: Null[EdmDate](), Dec: Null[EdmDecimal](), O: Null[[]string](), E: Null[otColor]()}},
		{"zero values present", `{"s":"","n":0,"b":false,"f":0,"l":[],"o":[],"e":""}`,
			otPlain{S: Some(""), N: Some[int32](0), B: Some(false), F: Some(0.0), L: []string{}, O: Some([]string{}), E: Some[otColor]("")}},
		{"values", `{"s":"a\"<b>","n":-7,"b":true,"f":1.5,"t":"2021-07-01T08:00:00.5Z","d":"2021-07-01","dec":1.10,"l":["x"],"o":["y"],"e":"red"}`,
			otPlain{S: Some("a\"<b>"), N: Some[int32](-7), B: Some(true), F: Some(1.5), T: Some(time.Date(2021, 7, 1, 8, 0, 0, 5e8, time.UTC)),
				D: Some(EdmDate{2021, 7, 1}), Dec: Some(EdmDecimal{text: "1.10"}), L: []string{"x"}, O: Some([]string{"y"}), E: Some[otColor]("red")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got otPlain
			if err := json.Unmarshal([]byte(tt.in), &got); err != nil {
				t.Fatalf("Unmarshal: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("decoded (-want +got):\n%s", diff)
			}
			out, err := json.Marshal(got)
			if err != nil {
				t.Fatalf("Marshal: %v", err)
			}
			if !otJSONEqual(t, tt.in, string(out)) {
				t.Errorf("round trip:\n in: %s\nout: %s", tt.in, out)
			}
		})
	}
}

// otJSONEqual compares two JSON texts as values (numbers as written).
func otJSONEqual(t *testing.T, a, b string) bool {
	t.Helper()
	var va, vb any
	da := json.NewDecoder(otReader(a))
	da.UseNumber()
	db := json.NewDecoder(otReader(b))
	db.UseNumber()
	if err := da.Decode(&va); err != nil {
		t.Fatalf("bad JSON %s: %v", a, err)
	}
	if err := db.Decode(&vb); err != nil {
		t.Fatalf("bad JSON %s: %v", b, err)
	}
	return cmp.Equal(va, vb)
}

func TestOptStates(t *testing.T) {
	var absent Opt[int]
	if !absent.IsZero() || absent.State != OptAbsent || absent.Value != 0 {
		t.Errorf("absent: %+v, IsZero %v", absent, absent.IsZero())
	}
	null := Null[int]()
	if null.IsZero() || null.State != OptNull || null.Value != 0 {
		t.Errorf("null: %+v, IsZero %v", null, null.IsZero())
	}
	some := Some(42)
	if some.IsZero() || some.State != OptPresent || some.Value != 42 {
		t.Errorf("some: %+v, IsZero %v", some, some.IsZero())
	}
	for s, want := range map[OptState]string{OptAbsent: "absent", OptNull: "null", OptPresent: "present", 7: "State(7)"} {
		if s.String() != want {
			t.Errorf("State(%d).String() = %q, want %q", s, s.String(), want)
		}
	}
}

func TestOptMarshalJSON(t *testing.T) {
	tests := []struct {
		name string
		v    json.Marshaler
		want string
	}{
		{"absent", Opt[string]{}, `null`},
		{"null", Null[string](), `null`},
		{"string", Some("é<&>\u2028"), `"é\u003c\u0026\u003e\u2028"`},
		{"int64 max", Some[int64](9223372036854775807), `9223372036854775807`},
		{"uint8", Some[uint8](255), `255`},
		{"int16", Some[int16](-3), `-3`},
		{"float32", Some[float32](0.1), `0.1`},
		{"float tiny", Some(1e-7), `1e-7`},
		{"time", Some(time.Date(2021, 7, 1, 8, 0, 0, 0, time.FixedZone("", -7*3600))), `"2021-07-01T08:00:00-07:00"`},
		{"date", Some(EdmDate{2021, 2, 28}), `"2021-02-28"`},
		{"time of day", Some(EdmTimeOfDay{Hour: 8, Digits: 7}), `"08:00:00.0000000"`},
		{"duration", Some(EdmDuration{Days: 1, Hours: 2, Negative: true}), `"-P1DT2H"`},
		{"decimal quoted", Some(EdmDecimal{text: "1.10", quoted: true}), `"1.10"`},
		{"raw", Some(json.RawMessage(`{"a":1}`)), `{"a":1}`},
		{"nil raw", Some(json.RawMessage(nil)), `null`},
		{"nil slice", Some([]string(nil)), `null`},
		{"slice", Some([]string{"a", "b"}), `["a","b"]`},
		{"int slice", Some([]int{1, 2}), `[1,2]`},
		{"enum", Some(otColor("red")), `"red"`},
		{"map", Some(map[string]int{"b": 2, "a": 1}), `{"a":1,"b":2}`},
		{"nested opt", Some(Some(1)), `1`},
		{"extra", Some(JSONMembers{{"x", json.RawMessage(`1`)}}), `{"x":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.v.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestOptMarshalErrors(t *testing.T) {
	for name, v := range map[string]json.Marshaler{
		"NaN":          Some(otNaN()),
		"bad date":     Some(EdmDate{2021, 2, 30}),
		"bad time":     Some(EdmTimeOfDay{Hour: 24}),
		"bad duration": Some(EdmDuration{Hours: -1}),
		"year 10000":   Some(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)),
	} {
		if out, err := v.MarshalJSON(); err == nil {
			t.Errorf("%s: MarshalJSON = %s, want an error", name, out)
		}
	}
}

func TestOptUnmarshalJSON(t *testing.T) {
	t.Run("string escapes", func(t *testing.T) {
		var o Opt[string]
		if err := o.UnmarshalJSON([]byte(`"a\u00e9\n\"x\""`)); err != nil || o != Some("aé\n\"x\"") {
			t.Errorf("got %+v, %v", o, err)
		}
	})
	t.Run("utf8", func(t *testing.T) {
		var o Opt[string]
		if err := o.UnmarshalJSON([]byte(`"日本"`)); err != nil || o != Some("日本") {
			t.Errorf("got %+v, %v", o, err)
		}
	})
	t.Run("lenient DateTimeOffset", func(t *testing.T) {
		var o Opt[time.Time]
		if err := o.UnmarshalJSON([]byte(`"2021-07-01T08:00:00.1234567"`)); err != nil {
			t.Fatal(err)
		}
		if want := time.Date(2021, 7, 1, 8, 0, 0, 123456700, time.UTC); !o.Value.Equal(want) || o.State != OptPresent {
			t.Errorf("got %v", o)
		}
	})
	t.Run("null after value resets", func(t *testing.T) {
		o := Some(5)
		if err := o.UnmarshalJSON([]byte(" null ")); err != nil || o != Null[int]() {
			t.Errorf("got %+v, %v", o, err)
		}
	})
	errs := []struct {
		name string
		do   func() error
	}{
		{"string from number", func() error { var o Opt[string]; return o.UnmarshalJSON([]byte(`1`)) }},
		{"int from string", func() error { var o Opt[int32]; return o.UnmarshalJSON([]byte(`"1"`)) }},
		{"int32 overflow", func() error { var o Opt[int32]; return o.UnmarshalJSON([]byte(`2147483648`)) }},
		{"int from float", func() error { var o Opt[int64]; return o.UnmarshalJSON([]byte(`1.5`)) }},
		{"int plus sign", func() error { var o Opt[int]; return o.UnmarshalJSON([]byte(`+1`)) }},
		{"bool from string", func() error { var o Opt[bool]; return o.UnmarshalJSON([]byte(`"true"`)) }},
		{"bad time", func() error { var o Opt[time.Time]; return o.UnmarshalJSON([]byte(`"yesterday"`)) }},
		{"time from number", func() error { var o Opt[time.Time]; return o.UnmarshalJSON([]byte(`12`)) }},
		{"bad date", func() error { var o Opt[EdmDate]; return o.UnmarshalJSON([]byte(`"2021-02-29"`)) }},
		{"date from number", func() error { var o Opt[EdmDate]; return o.UnmarshalJSON([]byte(`20210101`)) }},
		{"bad decimal", func() error { var o Opt[EdmDecimal]; return o.UnmarshalJSON([]byte(`"1,5"`)) }},
		{"malformed", func() error { var o Opt[string]; return o.UnmarshalJSON([]byte(`"abc`)) }},
		{"empty", func() error { var o Opt[string]; return o.UnmarshalJSON(nil) }},
		{"bad raw", func() error { var o Opt[json.RawMessage]; return o.UnmarshalJSON([]byte(`{`)) }},
	}
	for _, tt := range errs {
		if err := tt.do(); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	var o Opt[int32]
	if err := o.UnmarshalJSON([]byte(`x`)); err == nil || o.State != OptAbsent {
		t.Errorf("failed decode left %+v, %v", o, err)
	}
}

func TestDecodeValueInts(t *testing.T) {
	tests := []struct {
		in   string
		bits int
		want int64
		ok   bool
	}{
		{"0", 64, 0, true},
		{"-0", 64, 0, true},
		{"9223372036854775807", 64, 9223372036854775807, true},
		{"-9223372036854775808", 64, -9223372036854775808, true},
		{"9223372036854775808", 64, 0, false},
		{"-2147483648", 32, -2147483648, true},
		{"2147483647", 32, 2147483647, true},
		{"2147483648", 32, 0, false},
		{"99999999999999999999", 64, 0, false},
		{"01", 64, 0, false},
		{"-", 64, 0, false},
		{"", 64, 0, false},
		{"1e3", 64, 0, false},
	}
	for _, tt := range tests {
		got, ok := parseInt([]byte(tt.in), tt.bits)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseInt(%q, %d) = %d, %v; want %d, %v", tt.in, tt.bits, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzOptUnmarshal checks the fast decoding paths against encoding/json.
func FuzzOptUnmarshal(f *testing.F) {
	for _, s := range []string{`"x"`, `"a\"b"`, `12`, `-0`, `2147483648`, `1e3`, `true`, `null`, `"日本"`, "\"\xff\"", `[1]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) || isNull(data) {
			return
		}
		check := func(name string, optErr error, got any, want any, wantErr error) {
			if (optErr == nil) != (wantErr == nil) {
				t.Fatalf("%s %q: Opt error %v, encoding/json error %v", name, data, optErr, wantErr)
			}
			if optErr == nil && !cmp.Equal(got, want) {
				t.Fatalf("%s %q: Opt %v, encoding/json %v", name, data, got, want)
			}
		}
		var os Opt[string]
		var s string
		check("string", os.UnmarshalJSON(data), os.Value, s, json.Unmarshal(data, &s))
		var oi Opt[int32]
		var i int32
		check("int32", oi.UnmarshalJSON(data), oi.Value, i, json.Unmarshal(data, &i))
		var ol Opt[int64]
		var l int64
		check("int64", ol.UnmarshalJSON(data), ol.Value, l, json.Unmarshal(data, &l))
		var ob Opt[bool]
		var b bool
		check("bool", ob.UnmarshalJSON(data), ob.Value, b, json.Unmarshal(data, &b))
		var oc Opt[otColor]
		var c otColor
		check("enum", oc.UnmarshalJSON(data), oc.Value, c, json.Unmarshal(data, &c))
		var of Opt[float64]
		var fl float64
		check("float64", of.UnmarshalJSON(data), of.Value, fl, json.Unmarshal(data, &fl))
	})
}
