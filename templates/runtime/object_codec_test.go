package runtime

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// tcNode uses the codec table the way generated structs do now; tcOld has
// the same fields and json tags with the per-type code the generator wrote
// before (a member switch, an appendJSON per type). TestCodecMatchesPerTypeCode
// decodes and encodes the same documents with both.
type tcNode struct {
	ODataType Opt[string]          `json:"@odata.type,omitzero"`
	ID        string               `json:"id"`
	Name      Opt[string]          `json:"name,omitzero"`
	Color     Opt[otColor]         `json:"color,omitzero"`
	Count     Opt[int32]           `json:"count,omitzero"`
	Size      Opt[int64]           `json:"size,omitzero"`
	Score     Opt[float64]         `json:"score,omitzero"`
	Ok        Opt[bool]            `json:"ok,omitzero"`
	When      Opt[time.Time]       `json:"when,omitzero"`
	Day       Opt[EdmDate]         `json:"day,omitzero"`
	Amount    Opt[EdmDecimal]      `json:"amount,omitzero"`
	Any       Opt[json.RawMessage] `json:"any,omitzero"`
	Blob      Opt[[]byte]          `json:"blob,omitzero"`
	Child     Opt[*tcNode]         `json:"child,omitzero"`
	Parent    *tcNode              `json:"parent"`
	Raw       json.RawMessage      `json:"raw"`
	Colors    []otColor            `json:"colors,omitzero"`
	Tags      []string             `json:"tags,omitzero"`
	Items     []tcNode             `json:"items,omitzero"`
	Extra     JSONMembers          `json:"-"`
}

func (v *tcNode) UnmarshalJSON(data []byte) error { return decodeStruct(data, v) }

func (v tcNode) MarshalJSON() ([]byte, error) { return marshalStruct(&v) }

func (v *tcNode) appendJSON(b []byte) ([]byte, error) { return appendStruct(b, v) }

type tcOld struct {
	ODataType Opt[string]          `json:"@odata.type,omitzero"`
	ID        string               `json:"id"`
	Name      Opt[string]          `json:"name,omitzero"`
	Color     Opt[otColor]         `json:"color,omitzero"`
	Count     Opt[int32]           `json:"count,omitzero"`
	Size      Opt[int64]           `json:"size,omitzero"`
	Score     Opt[float64]         `json:"score,omitzero"`
	Ok        Opt[bool]            `json:"ok,omitzero"`
	When      Opt[time.Time]       `json:"when,omitzero"`
	Day       Opt[EdmDate]         `json:"day,omitzero"`
	Amount    Opt[EdmDecimal]      `json:"amount,omitzero"`
	Any       Opt[json.RawMessage] `json:"any,omitzero"`
	Blob      Opt[[]byte]          `json:"blob,omitzero"`
	Child     Opt[*tcOld]          `json:"child,omitzero"`
	Parent    *tcOld               `json:"parent"`
	Raw       json.RawMessage      `json:"raw"`
	Colors    []otColor            `json:"colors,omitzero"`
	Tags      []string             `json:"tags,omitzero"`
	Items     []tcOld              `json:"items,omitzero"`
	Extra     JSONMembers          `json:"-"`
}

func (v *tcOld) UnmarshalJSON(data []byte) error {
	if isNull(data) {
		return nil
	}
	*v = tcOld{}
	return decodeObject(data, &v.Extra, v.decodeMember)
}

func (v *tcOld) decodeMember(name string, value []byte) (bool, error) {
	switch name {
	case "@odata.type":
		return true, v.ODataType.UnmarshalJSON(value)
	case "id":
		if isNull(value) {
			return false, nil
		}
		return true, decodeValue(value, &v.ID)
	case "name":
		return true, v.Name.UnmarshalJSON(value)
	case "color":
		return true, v.Color.UnmarshalJSON(value)
	case "count":
		return true, v.Count.UnmarshalJSON(value)
	case "size":
		return true, v.Size.UnmarshalJSON(value)
	case "score":
		return true, v.Score.UnmarshalJSON(value)
	case "ok":
		return true, v.Ok.UnmarshalJSON(value)
	case "when":
		return true, v.When.UnmarshalJSON(value)
	case "day":
		return true, v.Day.UnmarshalJSON(value)
	case "amount":
		return true, v.Amount.UnmarshalJSON(value)
	case "any":
		return true, v.Any.UnmarshalJSON(value)
	case "blob":
		return true, v.Blob.UnmarshalJSON(value)
	case "child":
		return true, v.Child.UnmarshalJSON(value)
	case "parent":
		if isNull(value) {
			return false, nil
		}
		return true, decodeValue(value, &v.Parent)
	case "raw":
		return true, decodeValue(value, &v.Raw)
	case "colors":
		if isNull(value) {
			return false, nil
		}
		return true, decodeArray(value, &v.Colors)
	case "tags":
		if isNull(value) {
			return false, nil
		}
		return true, decodeArray(value, &v.Tags)
	case "items":
		if isNull(value) {
			return false, nil
		}
		return true, decodeArray(value, &v.Items)
	}
	return false, nil
}

func (v tcOld) MarshalJSON() ([]byte, error) {
	s := getScratch()
	b, err := v.appendJSON(*s)
	return putScratch(s, b, err)
}

func (v *tcOld) appendJSON(b []byte) ([]byte, error) {
	w := appendObject(b)
	optField(&w, "@odata.type", v.ODataType)
	w.field("id", v.ID)
	optField(&w, "name", v.Name)
	optField(&w, "color", v.Color)
	optField(&w, "count", v.Count)
	optField(&w, "size", v.Size)
	optField(&w, "score", v.Score)
	optField(&w, "ok", v.Ok)
	optField(&w, "when", v.When)
	optField(&w, "day", v.Day)
	optField(&w, "amount", v.Amount)
	optField(&w, "any", v.Any)
	optField(&w, "blob", v.Blob)
	optField(&w, "child", v.Child)
	w.field("parent", v.Parent)
	w.field("raw", v.Raw)
	w.field("colors", v.Colors)
	w.field("tags", v.Tags)
	w.field("items", v.Items)
	w.extra(v.Extra)
	return w.close()
}

// tcDocs are documents for both codecs: every field kind present, null and
// absent, nesting, unknown members and annotations, and bad values.
var tcDocs = []string{
	`{}`,
	`null`,
	`{"id":"a"}`,
	`{"@odata.type":"#microsoft.graph.x","id":"1","name":"n\u00e9\t<&>","color":"red","count":-3,"size":9007199254740993,"score":1.5e-7,"ok":true,"when":"2021-07-01T08:00:00Z","day":"2021-07-01","amount":"12.50","any":{"a":[1,null]},"blob":"aGk=","raw":[1,"x"],"colors":["red","mauve"],"tags":["a","b"]}`,
	`{"name":null,"color":null,"count":null,"size":null,"score":null,"ok":null,"when":null,"day":null,"amount":null,"any":null,"blob":null,"child":null}`,
	`{"id":null,"parent":null,"raw":null,"colors":null,"tags":null,"items":null}`,
	`{"colors":[],"tags":[],"items":[]}`,
	`{"child":{"id":"c","child":{"name":"gc","x@odata.etag":"W/1"}},"parent":{"id":"p"},"items":[{"id":"i1"},{"id":"i2","tags":null}]}`,
	`{"@odata.context":"https://x/$metadata#a","zeta":1,"id":"1","alpha":{"b":[true]},"name@odata.type":"#String","id":"2"}`,
	" {\n \"i\\u0064\" : \"x\\ty\" ,\t\"na\\/me\":\"\\u00e9\", \"name\": \"a\\\"b\" } ",
	`{"when":"2021-07-01T08:00:00"}`,
	`{"when":"2021-07-01T08:00:00.1234567+02:00"}`,
	// Errors: the same error, the same JSON Pointer.
	`{"count":"x"}`,
	`{"count":4294967296}`,
	`{"ok":"yes"}`,
	`{"when":"yesterday"}`,
	`{"day":"2021-13-01"}`,
	`{"child":{"size":"big"}}`,
	`{"child":[]}`,
	`{"items":[{"id":"a"},{"score":"s"}]}`,
	`{"tags":[1]}`,
	`{"name":5}`,
	`{"id":5}`,
	`{"parent":"p"}`,
	`[]`,
	`"s"`,
	`{"id":"a",}`,
	`{"id":"a"`,
	// Nested objects and collections, which decode in one pass unless
	// something is wrong: white space, duplicates (the last wins), nulls,
	// escaped names, unknown members.
	" { \"child\" : { \"id\" : \"c\" } , \"items\" : [ { \"id\" : \"a\" } , {} ] , \"parent\" : {\"id\":\"p\"} } ",
	`{"child":{"id":"a"},"child":{"name":"b"},"items":[{"id":"a"}],"items":[],"parent":{"id":"p"},"parent":null}`,
	`{"items":[{"id":"a"}],"items":null,"child":{"id":"a"},"child":null}`,
	`{"items":[null,{"id":"b"}],"child":{"i\u0064":"c","child":{"items":[{"parent":{"id":"deep","zzz":[1,{"a":null}]}}]}}}`,
	`{"parent":{"child":{"items":[{"parent":{"id":"deep"}}]}},"name":"n","id":"i","name":"m"}`,
	`{"items":[{"id":"a","x":{"y":[]},"id":null}],"child":{"x@odata.etag":"W/1","@odata.type":"#t"}}`,
	`{"tags":["a\"b","\u00e9","é","<&>"," \u2028"],"colors":[ "red" , "blue" ],"tags":["z"]}`,
	`{"tags":["a",null],"colors":[null]}`,
	"{\"tags\":[\"\xff\"],\"colors\":[\"a\x01\"]}",
	`{"tags":["a",["b"]]}`,
	`{"tags":["a"  "b"]}`,
	// Errors in nested values: a type error before a syntax error in the
	// same value reports the syntax error, as the per-type code did.
	`{"child":{"size":"big","x":tru}}`,
	`{"child":{"size":"big"},"x":tru}`,
	`{"items":[{"id":"a"},{"score":"s"},{"x":]}]}`,
	`{"items":[{"id":"a"} {"id":"b"}]}`,
	`{"items":[{"id":"a"},]}`,
	`{"items":[{"id":"a"}`,
	`{"child":{"id":"a"}`,
	`{"child":{"id":"a"},}`,
	`{"child":{"id":"a"}} x`,
	`{"child":{"child":{"child":5}}}`,
	`{"items":[{"items":[{"id":1}]}]}`,
	`{"parent":{"parent":{"parent":[]}}}`,
	`{"child":{"\x":1}}`,
	// Nesting at the depth limit and past it.
	strings.Repeat(`{"child":`, 9999) + `{}` + strings.Repeat(`}`, 9999),
	strings.Repeat(`{"child":`, 10000) + `{}` + strings.Repeat(`}`, 10000),
	strings.Repeat(`{"items":[`, 5000) + `{}` + strings.Repeat(`]}`, 5000),
}

// tcEncode decodes doc into v and encodes it again three ways.
func tcEncode[T any, P interface {
	*T
	json.Unmarshaler
	jsonAppender
}](t *testing.T, doc string) (decodeErr string, out [3]string) {
	t.Helper()
	var v T
	if err := P(&v).UnmarshalJSON([]byte(doc)); err != nil {
		decodeErr = err.Error()
	}
	m, err := any(v).(json.Marshaler).MarshalJSON()
	out[0] = string(m) + " " + errString(err)
	a, err := P(&v).appendJSON([]byte("prefix"))
	out[1] = string(a) + " " + errString(err)
	j, err := json.Marshal(&v)
	out[2] = string(j) + " " + errString(err)
	return decodeErr, out
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func TestCodecMatchesPerTypeCode(t *testing.T) {
	for _, doc := range tcDocs {
		oldErr, oldOut := tcEncode[tcOld](t, doc)
		newErr, newOut := tcEncode[tcNode](t, doc)
		if oldErr != newErr {
			t.Errorf("%s: decode error %q, per-type code %q", doc, newErr, oldErr)
		}
		if diff := cmp.Diff(oldOut, newOut); diff != "" {
			t.Errorf("%s: encodings differ (-per-type code +table):\n%s", doc, diff)
		}
	}
	// Encoding errors: a NaN, nested and in a collection.
	for _, v := range []tcNode{
		{Score: Some(otNaN())},
		{Child: Some(&tcNode{Score: Some(otNaN())})},
		{Items: []tcNode{{}, {Score: Some(otNaN())}}},
		{Parent: &tcNode{Score: Some(otNaN())}},
	} {
		b, err := v.appendJSON([]byte("prefix"))
		if err == nil || string(b) != "prefix" || !strings.Contains(err.Error(), "NaN") {
			t.Errorf("appendJSON(%+v) = %s, %v; want the buffer unchanged and a NaN error", v, b, err)
		}
	}
}

func TestCodecDecodes(t *testing.T) {
	var v tcNode
	doc := `{"id":"1","child":{"id":"2"},"tags":null,"x":1,"name":null}`
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	want := tcNode{ID: "1", Child: Some(&tcNode{ID: "2"}), Name: Null[string](),
		Extra: JSONMembers{{"tags", json.RawMessage(`null`)}, {"x", json.RawMessage(`1`)}}}
	if diff := cmp.Diff(want, v); diff != "" {
		t.Errorf("decoded (-want +got):\n%s", diff)
	}
	// A second decode resets the value; null leaves it unchanged.
	if err := v.UnmarshalJSON([]byte(`{"size":2}`)); err != nil || !cmp.Equal(v, tcNode{Size: Some[int64](2)}) {
		t.Errorf("second decode: %+v, %v", v, err)
	}
	if err := v.UnmarshalJSON([]byte(`null`)); err != nil || !cmp.Equal(v, tcNode{Size: Some[int64](2)}) {
		t.Errorf("null: %+v, %v", v, err)
	}
}

// TestCodecAllocs checks that the table costs no allocation: appendJSON
// nests in place, and MarshalJSON allocates its result and the copy its
// value receiver makes.
func TestCodecAllocs(t *testing.T) {
	v := tcNode{Name: Some("n"), Child: Some(&tcNode{Child: Some(&tcNode{Name: Some(strings.Repeat("x", 100))})}), Parent: &tcNode{}, Color: Some[otColor]("red"), When: Some(time.Now())}
	buf := make([]byte, 0, 1024)
	if n := testing.AllocsPerRun(100, func() {
		if _, err := v.appendJSON(buf[:0]); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("appendJSON allocates %v times, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() {
		if _, err := v.MarshalJSON(); err != nil {
			t.Fatal(err)
		}
	}); n > 2 {
		t.Errorf("MarshalJSON allocates %v times, want at most 2", n)
	}
}

// BenchmarkCodecTable decodes and encodes one document with the table
// (tcNode) and with the per-type code it replaced (tcOld).
//
//	go test ./templates/runtime -run '^$' -bench CodecTable -count 10
func BenchmarkCodecTable(b *testing.B) {
	doc := []byte(tcDocs[3][:len(tcDocs[3])-1] + `,"child":{"id":"c","name":"x","tags":["a"]},"items":[{"id":"i1","color":"red"},{"id":"i2","size":3}],"x@odata.etag":"W/1"}`)
	b.Run("decode/pertype", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			var v tcOld
			if err := v.UnmarshalJSON(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode/table", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			var v tcNode
			if err := v.UnmarshalJSON(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	var o tcOld
	var n tcNode
	if o.UnmarshalJSON(doc) != nil || n.UnmarshalJSON(doc) != nil {
		b.Fatal("decode")
	}
	b.Run("encode/pertype", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := o.MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encode/table", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := n.MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
