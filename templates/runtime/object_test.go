package runtime

import (
	"encoding/json"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func otReader(s string) io.Reader { return strings.NewReader(s) }

func otNaN() float64 { return math.NaN() }

// otResource is written the way the generator writes a resource.
type otResource struct {
	ODataType Opt[string]
	ID        string
	Status    Opt[otColor]
	Size      Opt[int64]
	Tags      []string
	Inner     Opt[otInner]
	Extra     JSONMembers
}

type otInner struct {
	Name  Opt[string]
	Extra JSONMembers
}

func (v *otResource) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	*v = otResource{}
	return decodeObject(b, &v.Extra, func(n string, raw []byte) (bool, error) {
		switch n {
		case "@odata.type":
			return true, decodeValue(raw, &v.ODataType)
		case "id":
			return true, decodeValue(raw, &v.ID)
		case "status":
			return true, decodeValue(raw, &v.Status)
		case "size":
			return true, decodeValue(raw, &v.Size)
		case "tags":
			return true, json.Unmarshal(raw, &v.Tags)
		case "inner":
			return true, decodeValue(raw, &v.Inner)
		}
		return false, nil
	})
}

func (v otResource) MarshalJSON() ([]byte, error) {
	var w objectWriter
	w.field("@odata.type", v.ODataType)
	w.field("id", v.ID)
	w.field("status", v.Status)
	w.field("size", v.Size)
	w.field("tags", v.Tags)
	w.field("inner", v.Inner)
	w.extra(v.Extra)
	return w.bytes()
}

func (v *otInner) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	*v = otInner{}
	return decodeObject(b, &v.Extra, func(n string, raw []byte) (bool, error) {
		switch n {
		case "name":
			return true, json.Unmarshal(raw, &v.Name)
		}
		return false, nil
	})
}

func (v otInner) MarshalJSON() ([]byte, error) {
	var w objectWriter
	w.field("name", v.Name)
	w.extra(v.Extra)
	return w.bytes()
}

func TestObjectRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want otResource
		out  string // when it differs from in
	}{
		{name: "empty", in: `{}`, want: otResource{}, out: `{"id":""}`}, // required fields are always written
		{name: "required zero value kept", in: `{"id":""}`, want: otResource{ID: ""}, out: `{"id":""}`},
		{
			name: "extras of every type keep their order",
			in:   `{"@odata.context":"https://x/$metadata#a","@odata.etag":"W/\"CQAA\"","id":"1","x@odata.type":"#Int64","obj":{"a":[1,{"b":null}]},"arr":[1,"2",true],"n":null,"num":1.50,"t":true}`,
			want: otResource{ID: "1", Extra: JSONMembers{
				{"@odata.context", json.RawMessage(`"https://x/$metadata#a"`)},
				{"@odata.etag", json.RawMessage(`"W/\"CQAA\""`)},
				{"x@odata.type", json.RawMessage(`"#Int64"`)},
				{"obj", json.RawMessage(`{"a":[1,{"b":null}]}`)},
				{"arr", json.RawMessage(`[1,"2",true]`)},
				{"n", json.RawMessage(`null`)},
				{"num", json.RawMessage(`1.50`)},
				{"t", json.RawMessage(`true`)},
			}},
			// Known members first, then extras in document order.
			out: `{"id":"1","@odata.context":"https://x/$metadata#a","@odata.etag":"W/\"CQAA\"","x@odata.type":"#Int64","obj":{"a":[1,{"b":null}]},"arr":[1,"2",true],"n":null,"num":1.50,"t":true}`,
		},
		{
			name: "absent null value",
			in:   `{"@odata.type":"#microsoft.graph.x","id":"a","status":null,"size":12,"inner":{"name":null,"z":1}}`,
			want: otResource{ODataType: Some("#microsoft.graph.x"), ID: "a", Status: Null[otColor](), Size: Some[int64](12),
				Inner: Some(otInner{Name: Null[string](), Extra: JSONMembers{{"z", json.RawMessage(`1`)}}})},
		},
		{name: "empty collection kept", in: `{"id":"a","tags":[]}`, want: otResource{ID: "a", Tags: []string{}}},
		{name: "null collection dropped", in: `{"id":"a","tags":null}`, want: otResource{ID: "a"}, out: `{"id":"a"}`},
		{name: "null object", in: `{"id":"a","inner":null}`, want: otResource{ID: "a", Inner: Null[otInner]()}},
		{
			name: "white space and escapes",
			in:   " {\n \"i\\u0064\" : \"x\\ty\" ,\t\"ta\\/gs\":[ \"a\" ]\r\n} ",
			want: otResource{ID: "x\ty", Extra: JSONMembers{{"ta/gs", json.RawMessage(`[ "a" ]`)}}},
			out:  `{"id":"x\ty","ta/gs":[ "a" ]}`,
		},
		{
			name: "duplicates: last wins for fields, extras keep both",
			in:   `{"id":"1","id":"2","q":1,"q":2}`,
			want: otResource{ID: "2", Extra: JSONMembers{{"q", json.RawMessage(`1`)}, {"q", json.RawMessage(`2`)}}},
			out:  `{"id":"2","q":1,"q":2}`,
		},
		{name: "unknown enum kept", in: `{"id":"a","status":"chartreuse"}`, want: otResource{ID: "a", Status: Some[otColor]("chartreuse")}},
		{name: "html escaped like encoding/json", in: `{"id":"<b>&amp;</b>"}`, want: otResource{ID: "<b>&amp;</b>"}, out: `{"id":"\u003cb\u003e\u0026amp;\u003c/b\u003e"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got otResource
			if err := json.Unmarshal([]byte(tt.in), &got); err != nil {
				t.Fatalf("Unmarshal: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Fatalf("decoded (-want +got):\n%s", diff)
			}
			want := tt.out
			if want == "" {
				want = tt.in
			}
			out, err := got.MarshalJSON()
			if err != nil {
				t.Fatalf("MarshalJSON: %v", err)
			}
			if string(out) != want {
				t.Errorf("MarshalJSON:\n got %s\nwant %s", out, want)
			}
			// Through encoding/json the output is the same, compacted.
			viaJSON, err := json.Marshal(got)
			if err != nil {
				t.Fatalf("json.Marshal: %v", err)
			}
			if !otJSONEqual(t, string(viaJSON), want) {
				t.Errorf("json.Marshal:\n got %s\nwant %s", viaJSON, want)
			}
		})
	}
}

func TestDecodeObjectAliasing(t *testing.T) {
	data := []byte(`{"e":"abc"}`)
	var e JSONMembers
	if err := e.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	copy(data, `{"e":"xyz"}`)
	if got, _ := e.Get("e"); string(got) != `"abc"` {
		t.Errorf("Extra aliases the input: %s", got)
	}
}

// TestDecodeObjectValidates checks the scanner against json.Valid.
func TestDecodeObjectValidates(t *testing.T) {
	inputs := []string{
		`{}`, ` { } `, `{"a":1}`, `{"a":-0.5e+10}`, `{"a":[]}`, `{"a":[1,[2,[3]],{}]}`, `{"a":"\u00e9\ud83d\ude00"}`,
		`{"a":true,"b":false,"c":null}`, `{"a":"\"\\\/\b\f\n\r\t"}`, "{\"a\":\"\xff\"}",
		``, ` `, `{`, `}`, `{"a"}`, `{"a":}`, `{"a":1,}`, `{,"a":1}`, `{"a":1 "b":2}`, `{a:1}`, `{'a':1}`,
		`{"a":01}`, `{"a":1.}`, `{"a":.5}`, `{"a":1e}`, `{"a":-}`, `{"a":+1}`, `{"a":0x10}`, `{"a":NaN}`,
		`{"a":tru}`, `{"a":nul}`, `{"a":True}`, `{"a":"\x"}`, `{"a":"\u12"}`, `{"a":"\u12g4"}`, "{\"a\":\"\t\"}",
		`{"a":"abc`, `{"a":[1,2}`, `{"a":[1,2,]}`, `{"a":{"b":1]}`, `{"a":{"b"1}}`, `{"a":{1:2}}`, `{"a":1}x`, `{"a":1}{}`,
		`{"a":[`, `{"a":{`, `{"a":"`, `{"a`, `{"a":1`, `{"a":1,`, `{"a":1 `,
	}
	for _, in := range inputs {
		err := decodeObject([]byte(in), nil, func(string, []byte) (bool, error) { return false, nil })
		if valid := json.Valid([]byte(in)); valid != (err == nil) {
			t.Errorf("decodeObject(%q) = %v; json.Valid = %v", in, err, valid)
		}
	}
}

func TestDecodeObjectErrors(t *testing.T) {
	none := func(string, []byte) (bool, error) { return false, nil }
	tests := []struct {
		in, want string
	}{
		{`null`, `json: cannot decode null as object`},
		{`[1]`, `json: cannot decode array [1] as object`},
		{`"x"`, `json: cannot decode string "x" as object`},
		{`{"a":1,}`, `json: invalid character '}' looking for beginning of object key string (offset 7)`},
		{`{"a":[1,2}`, `json: invalid character '}' after array element (offset 9)`},
		{`{"a":1`, `json: unexpected end of JSON input (offset 6)`},
		{"{\"a\":\"\xff\x01\"}", `json: invalid character '\x01' in string literal (offset 7)`},
		{strings.Repeat(`[`, maxDepth+5), `json: exceeded max depth`},
		{`{"a":` + strings.Repeat(`[`, maxDepth+5), `json: exceeded max depth`},
	}
	for _, tt := range tests {
		err := decodeObject([]byte(tt.in), nil, none)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("decodeObject(%.20q) = %v, want %s", tt.in, err, tt.want)
		}
	}
}

func TestDecodeObjectFieldErrorPath(t *testing.T) {
	var v otResource
	err := json.Unmarshal([]byte(`{"inner":{"name":5}}`), &v)
	if err == nil {
		t.Fatal("no error")
	}
	if want := "json: /inner/name: "; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q does not start with %q", err, want)
	}
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		t.Errorf("error %v does not wrap *json.UnmarshalTypeError", err)
	}
	err = json.Unmarshal([]byte(`{"a~/b":{"x":1}, "inner": 3}`), &v)
	if err == nil || !strings.Contains(err.Error(), "/inner") {
		t.Errorf("got %v", err)
	}
	if got := wrapPath("a~/b", errors.New("x")).Error(); got != "json: /a~0~1b: x" {
		t.Errorf("wrapPath = %q", got)
	}
}

// TestDecodeArrayErrorIndex: an error inside an element of a collection
// names the element's index in its JSON Pointer, whatever the element
// type; valid arrays decode as encoding/json decodes them.
func TestDecodeArrayErrorIndex(t *testing.T) {
	tests := []struct {
		name string
		in   string
		dst  func() any
		want string // error prefix; "" for success
	}{
		{"objects", `[{"id":"a"}, {"id":"b","inner":{"name":5}}]`, func() any { return new([]otResource) }, "json: /1/inner/name: "},
		{"strings", `["a", "b" , 3]`, func() any { return new([]string) }, "json: /2: "},
		{"nested", `[[1],[2,"x"]]`, func() any { return new([][]int) }, "json: /1/1: "},
		{"first", `[ {"size":"big"} ]`, func() any { return new([]otResource) }, "json: /0/size: "},
		{"ok", `[{"id":"a"},{"id":"b"}]`, func() any { return new([]otResource) }, ""},
		{"null", `null`, func() any { return new([]otResource) }, ""},
		{"not an array", `{"id":"a"}`, func() any { return new([]otResource) }, "json: cannot unmarshal object"},
		{"broken", `[{"id":"a"},`, func() any { return new([]otResource) }, "unexpected end"},
	}
	for _, tt := range tests {
		err := decodeArray([]byte(tt.in), tt.dst())
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: decodeArray(%s) = %v", tt.name, tt.in, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: decodeArray(%s) = %v, want an error containing %q", tt.name, tt.in, err, tt.want)
		}
	}
	var got []otResource
	if err := decodeArray([]byte(`[{"id":"a","x":1},{"id":"b"}]`), &got); err != nil || len(got) != 2 || got[1].ID != "b" || len(got[0].Extra) != 1 {
		t.Errorf("decodeArray = %+v, %v", got, err)
	}
}

type otBadMarshaler struct{}

func (otBadMarshaler) MarshalJSON() ([]byte, error) { return nil, errors.New("boom") }

type otText struct{ s string }

func (t otText) MarshalText() ([]byte, error) { return []byte("<" + t.s + ">"), nil }

type otNamed int32

type otFloat float32

func TestObjectWriter(t *testing.T) {
	var nilPtr *otResource
	var nilMap map[string]int
	var nilIface json.Marshaler
	var w objectWriter
	w.field("s", "x")
	w.field("absent", Opt[string]{})
	w.field("null", Null[int]())
	w.field("b", false)
	w.field("i32", int32(-1))
	w.field("i64", int64(1)<<62)
	w.field("i", 3)
	w.field("f", 2.5)
	w.field("zeroTime", time.Time{})
	w.field("date0", EdmDate{})
	w.field("tod0", EdmTimeOfDay{})
	w.field("dur0", EdmDuration{})
	w.field("dec0", EdmDecimal{})
	w.field("dec", EdmDecimal{text: "0"})
	w.field("nilSlice", []string(nil))
	w.field("emptySlice", []int{})
	w.field("nilPtr", nilPtr)
	w.field("nilMap", nilMap)
	w.field("nilIface", nilIface)
	w.field("nil", nil)
	w.field("rawNil", json.RawMessage(nil))
	w.field("raw", json.RawMessage(`[1]`))
	w.field("nested", otInner{Name: Some("n")})
	w.field("text", otText{"t"})
	w.field("otNamed", otNamed(7))
	w.field("enum", otColor("red"))
	w.field("map", map[string]int{"k": 1})
	w.field("structs", []otInner{{Name: Some("a")}, {Name: Null[string]()}})
	w.field("enums", []otColor{"red", "<"})
	w.field("bytes", []byte("hi"))
	w.field("u16", uint16(9))
	w.field("namedFloat", otFloat(0.5))
	w.raw("r", json.RawMessage(`{"x":true}`))
	w.raw("rnil", nil)
	w.extra(JSONMembers{{"@odata.etag", json.RawMessage(`"W/\"1\""`)}, {"nilValue", nil}})
	got, err := w.bytes()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"s":"x","null":null,"b":false,"i32":-1,"i64":4611686018427387904,"i":3,"f":2.5,"zeroTime":"0001-01-01T00:00:00Z",` +
		`"tod0":"00:00:00","dur0":"PT0S","dec":0,"emptySlice":[],"raw":[1],"nested":{"name":"n"},"text":"\u003ct\u003e","otNamed":7,` +
		`"enum":"red","map":{"k":1},"structs":[{"name":"a"},{"name":null}],"enums":["red","\u003c"],"bytes":"aGk=","u16":9,"namedFloat":0.5,"r":{"x":true},"@odata.etag":"W/\"1\"","nilValue":null}`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if !json.Valid(got) {
		t.Error("output is not valid JSON")
	}

	var empty objectWriter
	if got, err := empty.bytes(); err != nil || string(got) != "{}" {
		t.Errorf("empty object: %s, %v", got, err)
	}
}

func TestObjectWriterErrors(t *testing.T) {
	tests := []struct {
		v    any
		want string
	}{
		{math.Inf(1), "json: /x: unsupported value: +Inf"},
		{otBadMarshaler{}, "json: /x: boom"},
		{Some(otBadMarshaler{}), "json: /x: boom"},
		{EdmDate{2021, 13, 1}, `json: /x: invalid Edm.Date "2021-13-01": want a valid date`},
		{time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC), "json: /x: "},
		{make(chan int), "json: /x: unsupported type: chan int"},
	}
	for _, tt := range tests {
		var w objectWriter
		w.field("a", 1)
		err := w.field("x", tt.v)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("field(%T) = %v, want %s", tt.v, err, tt.want)
		}
		w.field("b", 2) // ignored after an error
		w.raw("c", json.RawMessage(`1`))
		w.extra(JSONMembers{{"d", json.RawMessage(`1`)}})
		if out, err2 := w.bytes(); err2 != err || out != nil {
			t.Errorf("bytes() = %s, %v; want the first error", out, err2)
		}
	}
}

// TestAppendStringMatchesEncodingJSON compares appendString with json.Marshal.
func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	inputs := []string{"", "otPlain", "quote\" back\\ slash/", "\x00\x01\x1f\x7f", "\b\f\n\r\t", "<script>&</script>",
		"é日本\U0001F600", "\u2028\u2029", "bad \xff utf8 \xc3", "\xed\xa0\x80", strings.Repeat("ab<", 50)}
	for i := 0; i < 256; i++ {
		inputs = append(inputs, string([]byte{byte(i)}), "a"+string(rune(i))+"b")
	}
	for _, s := range inputs {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s); string(got) != string(want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
}

// TestAppendStringRandom compares appendString with json.Marshal on
// random strings that mix plain ASCII with every kind of byte that needs
// escaping or care (control, quote, backslash, HTML, multi-byte and
// invalid UTF-8), at every position.
func TestAppendStringRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	special := []string{"\x00", "\x1f", "\"", "\\", "<", ">", "&", "\x80", "\xc3", "\xff", " ", "\x7f", "é", "\u2028", "日本"}
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(24) {
			if rng.IntN(4) == 0 {
				b.WriteString(special[rng.IntN(len(special))])
			} else {
				b.WriteByte(byte(0x20 + rng.IntN(0x5f)))
			}
		}
		s := b.String()
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); string(got) != string(want) {
			t.Fatalf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestAppendFloatMatchesEncodingJSON(t *testing.T) {
	negZero := math.Copysign(0, -1) // the literal -0.0 is +0 in Go
	for _, f := range []float64{0, negZero, 1, -1.5, 0.1, 1e-6, 1e-7, 123456789e-15, 1e20, 1e21, 1.7976931348623157e308, 5e-324, 3.4e38} {
		want, _ := json.Marshal(f)
		got, err := appendFloat(nil, f, 64)
		if err != nil || string(got) != string(want) {
			t.Errorf("appendFloat(%g, 64) = %s, %v; want %s", f, got, err, want)
		}
		f32 := float32(f)
		if math.IsInf(float64(f32), 0) {
			continue
		}
		want, _ = json.Marshal(f32)
		got, err = appendFloat(nil, float64(f32), 32)
		if err != nil || string(got) != string(want) {
			t.Errorf("appendFloat(%g, 32) = %s, %v; want %s", f32, got, err, want)
		}
	}
	// The sign of zero survives, in both widths, as encoding/json keeps it.
	for _, bits := range []int{64, 32} {
		if got, err := appendFloat(nil, negZero, bits); err != nil || string(got) != "-0" {
			t.Errorf("appendFloat(-0, %d) = %s, %v; want -0", bits, got, err)
		}
	}
}

func TestUnquoteFast(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{`"abc"`, "abc", true},
		{`""`, "", true},
		{`"日本"`, "日本", true},
		{`"a\"b"`, "", false},
		{"\"a\xffb\"", "", false},
		{"\"a\tb\"", "", false},
		{`"a"b"`, "", false},
		{`"`, "", false},
		{`abc`, "", false},
	}
	for _, tt := range tests {
		got, ok := unquoteFast([]byte(tt.in))
		if got != tt.want || ok != tt.ok {
			t.Errorf("unquoteFast(%q) = %q, %v", tt.in, got, ok)
		}
	}
	if !utf8.ValidString(`"日本"`) {
		t.Fatal("test file encoding")
	}
}

func TestExtra(t *testing.T) {
	e := JSONMembers{{"a", json.RawMessage(`1`)}, {"b", json.RawMessage(`2`)}, {"a", json.RawMessage(`3`)}}
	if v, ok := e.Get("a"); !ok || string(v) != "3" {
		t.Errorf("Get(a) = %s, %v; want the last, 3", v, ok)
	}
	if _, ok := e.Get("z"); ok {
		t.Error("Get(z) found")
	}
	e.Set("a", json.RawMessage(`4`))
	want := JSONMembers{{"a", json.RawMessage(`4`)}, {"b", json.RawMessage(`2`)}}
	if diff := cmp.Diff(want, e); diff != "" {
		t.Errorf("Set existing (-want +got):\n%s", diff)
	}
	e.Set("c", json.RawMessage(`"x"`))
	e.Delete("a")
	want = JSONMembers{{"b", json.RawMessage(`2`)}, {"c", json.RawMessage(`"x"`)}}
	if diff := cmp.Diff(want, e); diff != "" {
		t.Errorf("Set new, Delete (-want +got):\n%s", diff)
	}
	out, err := json.Marshal(e)
	if err != nil || string(out) != `{"b":2,"c":"x"}` {
		t.Errorf("Marshal = %s, %v", out, err)
	}
	var back JSONMembers
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(e, back); diff != "" {
		t.Errorf("Unmarshal (-want +got):\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`null`), &back); err != nil || back != nil {
		t.Errorf("null: %v, %v", back, err)
	}
	if err := back.UnmarshalJSON([]byte(`[]`)); err == nil {
		t.Error("array accepted")
	}
}

func TestDecodeValueKinds(t *testing.T) {
	var s string
	var n otNamed
	var tm time.Time
	var raw json.RawMessage
	ds := []string{"x"}
	var tod EdmTimeOfDay
	steps := []struct {
		in  string
		dst any
		do  func() error
	}{
		{`"x"`, &s, func() error { return decodeValue([]byte(`"x"`), &s) }},
		{`5`, &n, func() error { return decodeValue([]byte(`5`), &n) }},
		{`null`, &tm, func() error { return decodeValue([]byte(`null`), &tm) }},
		{`{"a": 1}`, &raw, func() error { return decodeValue([]byte(`{"a": 1}`), &raw) }},
		{`null`, &ds, func() error { return decodeValue([]byte(`null`), &ds) }},
		{`"08:30"`, &tod, func() error { return decodeValue([]byte(`"08:30"`), &tod) }},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Errorf("decodeValue(%s): %v", st.in, err)
		}
	}
	if s != "x" || n != 5 || !tm.IsZero() || string(raw) != `{"a": 1}` || ds != nil || tod != (EdmTimeOfDay{Hour: 8, Minute: 30}) {
		t.Errorf("got %q %d %v %s %v %v", s, n, tm, raw, ds, tod)
	}
	var c otColor
	if err := decodeValue([]byte(`"blue"`), &c); err != nil || c != "blue" {
		t.Errorf("enum: %q, %v", c, err)
	}
	if err := decodeValue([]byte(`"b\u006cue"`), &c); err != nil || c != "blue" {
		t.Errorf("escaped enum: %q, %v", c, err)
	}
	if err := decodeValue([]byte(`3`), &c); err == nil {
		t.Error("enum from number accepted")
	}
	if err := decodeValue([]byte(`"x"`), &tod); err == nil {
		t.Error("bad time of day accepted")
	}
}

// FuzzDecodeObject checks that decodeObject never panics, agrees with
// json.Valid, and hands every member to field or Extra so that re-encoding
// gives the same JSON value.
func FuzzDecodeObject(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":1,"b":[true,null,{"c":"\u00e9"}]}`, `{"a":"x","a":"y"}`, ` {"@odata.etag":"W/\"1\""} `, `{"a":1,}`, `[`, `"x"`, `{"a":-0.5e+1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var e JSONMembers
		err := decodeObject(data, &e, func(string, []byte) (bool, error) { return false, nil })
		trimmed := trimSpace(data)
		isObject := len(trimmed) > 0 && trimmed[0] == '{'
		if valid := json.Valid(data) && isObject; valid != (err == nil) {
			t.Fatalf("decodeObject(%q) = %v; json.Valid && object = %v", data, err, valid)
		}
		if err != nil {
			return
		}
		out, err := e.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(out) {
			t.Fatalf("re-encoded %q is not valid JSON", out)
		}
		var a, b any
		json.Unmarshal(data, &a)
		json.Unmarshal(out, &b)
		if !cmp.Equal(a, b) {
			t.Fatalf("re-encoding changed the value:\n in: %s\nout: %s", data, out)
		}
	})
}

func TestDecodeSlice(t *testing.T) {
	var structs []otInner
	if err := decodeValue([]byte(` [ {"name":"a"} , {"name":null,"x":1}, null ] `), &structs); err != nil {
		t.Fatal(err)
	}
	want := []otInner{{Name: Some("a")}, {Name: Null[string](), Extra: JSONMembers{{"x", json.RawMessage(`1`)}}}, {}}
	if diff := cmp.Diff(want, structs); diff != "" {
		t.Errorf("structs (-want +got):\n%s", diff)
	}
	var colors []otColor
	if err := decodeValue([]byte(`["red","gr\u0065en"]`), &colors); err != nil || !cmp.Equal(colors, []otColor{"red", "green"}) {
		t.Errorf("enums: %v, %v", colors, err)
	}
	var empty []string
	if err := decodeValue([]byte(`[]`), &empty); err != nil || empty == nil || len(empty) != 0 {
		t.Errorf("[] gave %#v, %v", empty, err)
	}
	if err := decodeValue([]byte(`null`), &colors); err != nil || colors != nil {
		t.Errorf("null gave %#v, %v", colors, err)
	}
	structs = []otInner{{Name: Some("keep")}}
	for _, bad := range []struct{ in, want string }{
		{`[{"name":"a"},{"name":5}]`, "json: /1/name: "},
		{`[{"name":"a"} {"name":"b"}]`, "invalid character '{' after array element"},
		{`[{"name":"a"},]`, "invalid character ']'"},
		{`[{"name":"a"}`, "unexpected end"},
		{`[{"name":"a"}] x`, "after top-level value"},
		{`{"name":"a"}`, "cannot unmarshal object"},
		{`"x"`, "cannot unmarshal string"},
	} {
		err := decodeValue([]byte(bad.in), &structs)
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("decodeValue(%s) = %v, want %q", bad.in, err, bad.want)
		}
		if len(structs) != 1 || structs[0].Name != Some("keep") {
			t.Errorf("decodeValue(%s) changed the slice on error: %v", bad.in, structs)
		}
	}
	// Slices decodeSlice does not handle still decode through encoding/json.
	var ints []int
	if err := decodeValue([]byte(`[1,2]`), &ints); err != nil || !cmp.Equal(ints, []int{1, 2}) {
		t.Errorf("ints: %v, %v", ints, err)
	}
	var texts []EdmDate
	if err := decodeValue([]byte(`["2021-07-01"]`), &texts); err != nil || !cmp.Equal(texts, []EdmDate{{2021, 7, 1}}) {
		t.Errorf("dates: %v, %v", texts, err)
	}
}

func TestOptField(t *testing.T) {
	var w objectWriter
	optField(&w, "absent", Opt[string]{})
	optField(&w, "null", Null[int64]())
	optField(&w, "s", Some("<x>"))
	optField(&w, "enum", Some[otColor]("red"))
	optField(&w, "t", Some(time.Date(2021, 7, 1, 8, 0, 0, 0, time.UTC)))
	optField(&w, "obj", Some(otInner{Name: Some("n")}))
	optField(&w, "list", Some([]otInner{}))
	optField(&w, "f", Some(0.5))
	got, err := w.bytes()
	want := `{"null":null,"s":"\u003cx\u003e","enum":"red","t":"2021-07-01T08:00:00Z","obj":{"name":"n"},"list":[],"f":0.5}`
	if err != nil || string(got) != want {
		t.Errorf("got %s, %v\nwant %s", got, err, want)
	}
	optField(&w, "a", Some(1))
	if err := optField(&w, "bad", Some(math.NaN())); err == nil || err.Error() != "json: /bad: unsupported value: NaN" {
		t.Errorf("NaN: %v", err)
	}
	optField(&w, "b", Some(2))
	if out, err := w.bytes(); err == nil || out != nil {
		t.Errorf("bytes after error: %s, %v", out, err)
	}
	// The writer is reusable after bytes.
	optField(&w, "c", Some(3))
	if out, err := w.bytes(); err != nil || string(out) != `{"c":3}` {
		t.Errorf("reuse: %s, %v", out, err)
	}
}
