package runtime

// Unit tests of the example round-trip harness (examples_test.go). This
// file is not copied into generated packages.

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fixedCodec pretends the generated code encoded the document as out.
func fixedCodec(out string) exampleCodec {
	return func([]byte) exampleResult { return exampleResult{Out: []byte(out)} }
}

type harnessFailures struct {
	failed   []string
	logged   []string
	failHead string
}

func runHarness(c *exampleCase, codec exampleCodec) harnessFailures {
	var h harnessFailures
	for _, l := range exampleRun(c, codec) {
		if l.fail {
			h.failed = append(h.failed, l.text)
		} else {
			h.logged = append(h.logged, l.text)
		}
	}
	if len(h.failed) > 0 {
		h.failHead = h.failed[0]
	}
	return h
}

func TestExampleCompare(t *testing.T) {
	const file = "docs/page.md"
	tests := []struct {
		name      string
		body      string
		out       string
		truncated bool
		kinds     map[string]string
		known     []exampleKnown
		// wantFail lists substrings the failure lines must contain, in
		// order ("" for a passing test).
		wantFail []string
		// wantLog lists substrings the log must contain.
		wantLog []string
	}{
		{
			name: "reordered members are equal",
			body: `{"a": 1, "b": {"c": "x", "d": [1, 2]}}`,
			out:  `{"b":{"d":[1,2],"c":"x"},"a":1}`,
		},
		{
			name:  "DateTimeOffset compares as an instant",
			body:  `{"t": "2021-01-01T00:00:00.0000000Z", "u": "2021-01-01T01:00:00+01:00"}`,
			out:   `{"t":"2021-01-01T00:00:00Z","u":"2021-01-01T00:00:00Z"}`,
			kinds: map[string]string{"/t": "DateTimeOffset", "/u": "DateTimeOffset"},
		},
		{
			name:     "a string that is not declared DateTimeOffset compares verbatim",
			body:     "{\n  \"t\": \"2021-01-01T00:00:00.0000000Z\"\n}",
			out:      `{"t":"2021-01-01T00:00:00Z"}`,
			wantFail: []string{"docs/page.md:10: example", "docs/page.md:11: /t: documented \"2021-01-01T00:00:00.0000000Z\", re-encoded \"2021-01-01T00:00:00Z\""},
		},
		{
			name:     "different instants differ",
			body:     `{"t": "2021-01-01T00:00:00Z"}`,
			out:      `{"t":"2021-01-01T00:00:01Z"}`,
			kinds:    map[string]string{"/t": "DateTimeOffset"},
			wantFail: []string{"/t: documented instant 2021-01-01T00:00:00Z, re-encoded instant 2021-01-01T00:00:01Z"},
		},
		{
			name: "numbers compare as numbers",
			body: `{"a": 1.0, "b": 1e2, "c": -0.50, "d": 9007199254740993}`,
			out:  `{"a":1,"b":100,"c":-0.5,"d":9007199254740993}`,
		},
		{
			name:     "a big integer that lost precision differs",
			body:     `{"d": 9007199254740993}`,
			out:      `{"d":9007199254740992}`,
			wantFail: []string{"/d: documented 9007199254740993, re-encoded 9007199254740992"},
		},
		{
			name:  "a Double compares as the float it decodes to",
			body:  `{"d": 3.14159265358979323846, "s": 0.1}`,
			out:   `{"d":3.141592653589793,"s":0.1}`,
			kinds: map[string]string{"/d": "Double", "/s": "Single"},
		},
		{
			name:     "null and absent differ",
			body:     "{\n  \"a\": null,\n  \"b\": 1\n}",
			out:      `{"b":1}`,
			wantFail: []string{"docs/page.md:11: /a: member \"a\" lost (documented null)"},
		},
		{
			name:     "absent must not become null",
			body:     `{"b": 1}`,
			out:      `{"a":null,"b":1}`,
			wantFail: []string{"/a: member \"a\" added: null"},
		},
		{
			name:     "a lost @odata.etag is detected",
			body:     "{\n  \"@odata.etag\": \"W/\\\"1\\\"\",\n  \"id\": \"x\"\n}",
			out:      `{"id":"x"}`,
			wantFail: []string{"docs/page.md:11: /@odata.etag: member \"@odata.etag\" lost"},
		},
		{
			name:     "a lost unknown member deep inside is detected at its line",
			body:     "{\n  \"a\": [\n    {\"x\": 1},\n    {\n      \"y\": 2,\n      \"z\": 3\n    }\n  ]\n}",
			out:      `{"a":[{"x":1},{"y":2}]}`,
			wantFail: []string{"docs/page.md:15: /a/1/z: member \"z\" lost (documented 3)"},
		},
		{
			name:     "an added member is placed at its object",
			body:     "{\n  \"a\": 1,\n  \"o\": {\n    \"x\": 1\n  }\n}",
			out:      `{"a":1,"o":{"x":1,"y":2}}`,
			wantFail: []string{"docs/page.md:12: /o/y: member \"y\" added: 2"},
		},
		{
			name:     "a lost array element is detected",
			body:     `{"a": [1, 2]}`,
			out:      `{"a":[1]}`,
			wantFail: []string{"/a/1: element lost (documented 2)"},
		},
		{
			name:     "a member renamed is lost and added",
			body:     `{"cloudPcId": "x"}`,
			out:      `{"cloudPCId":"x"}`,
			wantFail: []string{"/cloudPcId: member \"cloudPcId\" lost", "/cloudPCId: member \"cloudPCId\" added"},
		},
		{
			name:      "truncated: extra members are allowed",
			body:      `{"a": 1}`,
			out:       `{"a":1,"b":false,"c":{"d":1}}`,
			truncated: true,
			wantLog:   []string{"also has /b, /c"},
		},
		{
			name:      "truncated: extra members in nested objects are allowed",
			body:      `{"a": {"x": 1}}`,
			out:       `{"a":{"x":1,"y":2}}`,
			truncated: true,
			wantLog:   []string{"also has /a/y"},
		},
		{
			name:      "truncated: shown members must survive",
			body:      `{"a": 1, "b": "x"}`,
			out:       `{"a":1,"c":2}`,
			truncated: true,
			wantFail:  []string{"/b: member \"b\" lost"},
		},
		{
			name:      "truncated: shown values must be equal",
			body:      `{"a": 1}`,
			out:       `{"a":2,"c":2}`,
			truncated: true,
			wantFail:  []string{"/a: documented 1, re-encoded 2"},
		},
		{
			name:     "a known diagnostic at the member tolerates its loss",
			body:     "{\n  \"a\": 1,\n  \"b\": 2\n}",
			out:      `{"a":1}`,
			known:    []exampleKnown{{Pointer: "/b", Diagnostic: "docs/page.md:12:3: member b is not in the table [example-member-undocumented]"}},
			wantLog:  []string{"docs/page.md:12: /b: member \"b\" lost (documented 2) (known: docs/page.md:12:3: member b is not in the table [example-member-undocumented])"},
			wantFail: nil,
		},
		{
			name:     "a known diagnostic covers what is beneath it only",
			body:     `{"a": {"x": 1}, "b": 2}`,
			out:      `{"a":{}}`,
			known:    []exampleKnown{{Pointer: "/a", Diagnostic: "d1"}},
			wantFail: []string{"/b: member \"b\" lost"},
			wantLog:  []string{"/a/x: member \"x\" lost (documented 1) (known: d1)"},
		},
		{
			name:     "a body-level diagnostic does not excuse member losses",
			body:     `{"a": 1}`,
			out:      `{}`,
			known:    []exampleKnown{{Pointer: "", Diagnostic: "d0"}},
			wantFail: []string{"/a: member \"a\" lost"},
			wantLog:  []string{"body: known: d0"},
		},
		{
			name:  "Date, TimeOfDay and Duration compare canonically",
			body:  `{"d": "2021-03-04", "t": "08:00:00.0000000", "p": "PT1H", "q": "P1D"}`,
			out:   `{"d":"2021-03-04","t":"08:00:00","p":"PT60M","q":"PT24H"}`,
			kinds: map[string]string{"/d": "Date", "/t": "TimeOfDay", "/p": "Duration", "/q": "Duration"},
		},
		{
			name:     "a different duration differs",
			body:     `{"p": "PT1H"}`,
			out:      `{"p":"PT1H1S"}`,
			kinds:    map[string]string{"/p": "Duration"},
			wantFail: []string{"/p: documented"},
		},
		{
			name:     "a value re-encoded as another JSON kind differs",
			body:     `{"a": "1", "b": [1], "c": {"x": 1}}`,
			out:      `{"a":1,"b":{"0":1},"c":[1]}`,
			wantFail: []string{"/a: documented \"1\", re-encoded 1", "/b: was an array, re-encoded as an object with 1 members", "/c: was an object, re-encoded as an array of 1"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &exampleCase{Name: "ex", File: file, Line: 10, Type: "T", Body: tt.body, Truncated: tt.truncated, Kinds: tt.kinds, Known: tt.known}
			h := runHarness(c, fixedCodec(tt.out))
			checkHarness(t, h, tt.wantFail, tt.wantLog)
			if len(tt.wantFail) > 0 && !strings.Contains(strings.Join(h.failed, "\n"), "diff (-documented +re-encoded):") {
				t.Errorf("failure has no cmp diff:\n%s", strings.Join(h.failed, "\n"))
			}
		})
	}
}

// checkHarness checks that the failure lines contain wantFail in order
// (none when wantFail is empty) and the log contains every wantLog.
func checkHarness(t *testing.T, h harnessFailures, wantFail, wantLog []string) {
	t.Helper()
	if len(wantFail) == 0 && len(h.failed) > 0 {
		t.Errorf("unexpected failure:\n%s", strings.Join(h.failed, "\n"))
	}
	if len(wantFail) > 0 {
		if len(h.failed) == 0 {
			t.Fatalf("passed, want a failure with %q\nlog:\n%s", wantFail, strings.Join(h.logged, "\n"))
		}
		if !strings.HasPrefix(h.failHead, "docs/page.md:10: example \"ex\" as T") {
			t.Errorf("first failure line %q does not start with the example's file:line", h.failHead)
		}
		all := strings.Join(h.failed, "\n")
		rest := all
		for _, w := range wantFail {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("failure does not contain %q (in order):\n%s", w, all)
				break
			}
			rest = rest[i+len(w):]
		}
	}
	logs := strings.Join(h.logged, "\n")
	for _, w := range wantLog {
		if !strings.Contains(logs, w) {
			t.Errorf("log does not contain %q:\n%s", w, logs)
		}
	}
}

// snapshot is a stand-in for a generated struct: Opt-like pointers keep
// absent and null apart only for the members a test needs.
type snapshot struct {
	ID      string          `json:"id"`
	Status  string          `json:"status,omitempty"`
	Created json.RawMessage `json:"createdDateTime,omitempty"`
	Count   int32           `json:"count,omitempty"`
}

func (s *snapshot) Validate() error {
	if s.Status != "" && s.Status != "ready" && s.Status != "unknownFutureValue" {
		return errors.New("status: unknown value " + s.Status)
	}
	return nil
}

func TestExampleEditsAndDecoding(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		edits      []exampleEdit
		known      []exampleKnown
		collection bool
		repaired   bool
		truncated  bool
		wantFail   []string
		wantLog    []string
	}{
		{
			name:    "a placeholder replaced by a canonical value round-trips",
			body:    "{\n  \"id\": \"x\",\n  \"status\": \"String\"\n}",
			edits:   []exampleEdit{{Pointer: "/status", Value: `"ready"`, Reason: `placeholder "String" for enum cloudPcSnapshotStatus`}},
			wantLog: []string{`docs/page.md:12: /status: replaced by "ready": placeholder "String" for enum cloudPcSnapshotStatus`},
		},
		{
			name:     "an undeclared enum value fails validation at its line",
			body:     "{\n  \"id\": \"x\",\n  \"status\": \"bogus\"\n}",
			wantFail: []string{"docs/page.md:10: body: Validate: status: unknown value bogus"},
		},
		{
			name:    "a known validation problem is logged",
			body:    "{\n  \"id\": \"x\",\n  \"status\": \"bogus\"\n}",
			known:   []exampleKnown{{Pointer: "", Diagnostic: "docs/page.md:12:3: bogus is not a member [enum-value-undeclared]"}},
			wantLog: []string{"Validate: status: unknown value bogus (known: docs/page.md:12:3"},
		},
		{
			name:     "a wrong primitive fails decoding at the member's line",
			body:     "{\n  \"id\": \"x\",\n  \"count\": \"many\"\n}",
			wantFail: []string{"does not decode", "docs/page.md:12: /count: decoding into T"},
		},
		{
			name:    "a wrong primitive the generator reported is logged",
			body:    "{\n  \"id\": \"x\",\n  \"count\": \"many\"\n}",
			known:   []exampleKnown{{Pointer: "/count", Diagnostic: "wrong primitive [example-type-mismatch]"}},
			wantLog: []string{"docs/page.md:12: /count: decoding into T", "(known: wrong primitive [example-type-mismatch])"},
		},
		{
			name:      "a removed value is not compared",
			body:      "{\n  \"id\": \"x\",\n  \"count\": \"Int32\"\n}",
			edits:     []exampleEdit{{Pointer: "/count", Reason: "placeholder with no canonical value"}},
			truncated: true,
			wantLog:   []string{"docs/page.md:12: /count: removed before decoding: placeholder with no canonical value"},
		},
		{
			name:       "a collection envelope round-trips with its annotations",
			body:       `{"@odata.context": "https://x/$metadata#s", "value": [{"id": "a"}, {"id": "b", "status": "ready"}], "@odata.nextLink": "https://x?$skip=2"}`,
			collection: true,
		},
		{
			name:       "a bare array collection round-trips",
			body:       `[{"id": "a"}, {"id": "b"}]`,
			collection: true,
		},
		{
			name:       "an unknown member in a collection element is lost at its line",
			body:       "{\n  \"value\": [\n    {\"id\": \"a\"},\n    {\n      \"id\": \"b\",\n      \"extra\": 1\n    }\n  ]\n}",
			collection: true,
			wantFail:   []string{"docs/page.md:15: /value/1/extra: member \"extra\" lost"},
		},
		{
			name:       "a decoding error in a collection element is located",
			body:       "{\n  \"value\": [\n    {\"id\": \"a\"},\n    {\n      \"id\": \"b\",\n      \"count\": true\n    }\n  ]\n}",
			collection: true,
			wantFail:   []string{"docs/page.md:15: /value/1/count: decoding"},
		},
		{
			name:       "a collection without value fails",
			body:       `{"id": "a"}`,
			collection: true,
			wantFail:   []string{"has no \"value\" member"},
		},
		{
			name:       "elements removed by edits keep their pointers",
			body:       "{\n  \"value\": [\n    {\"id\": \"a\", \"count\": \"Int32\"},\n    {\"id\": \"b\", \"zz\": 1},\n    {\"id\": \"c\", \"x\": 1}\n  ]\n}",
			collection: true,
			edits:      []exampleEdit{{Pointer: "/value/0", Reason: "element is a placeholder"}},
			wantFail:   []string{"docs/page.md:13: /value/1/zz: member \"zz\" lost", "docs/page.md:14: /value/2/x: member \"x\" lost"},
		},
		{
			name:     "repaired bodies keep their lines",
			body:     "{\n  // a comment\n  \"id\": \"x\", /* block */\n  \"lost\": 1,\n}",
			repaired: true,
			wantFail: []string{"docs/page.md:13: /lost: member \"lost\" lost"},
		},
		{
			name:     "an edit at a pointer that does not exist fails",
			body:     `{"id": "x"}`,
			edits:    []exampleEdit{{Pointer: "/nope", Value: `1`}},
			wantFail: []string{`edit /nope: no member "nope"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &exampleCase{Name: "ex", File: "docs/page.md", Line: 10, Type: "T", Body: tt.body, Edits: tt.edits, Known: tt.known,
				Collection: tt.collection, Repaired: tt.repaired, Truncated: tt.truncated}
			c.Go = (*snapshot)(nil)
			h := runHarness(c, exampleCodecFor(c))
			checkHarness(t, h, tt.wantFail, tt.wantLog)
		})
	}
}

func TestExampleNormalizers(t *testing.T) {
	decimals := map[string]string{
		"1": "1", "1.0": "1", "1e2": "100", "-0.50": "-0.5", "0": "0", "-0": "0", "0.0": "0",
		"1.5E-3": "0.0015", "123456789012345678901234567890": "123456789012345678901234567890",
	}
	for in, want := range decimals {
		if got := exampleDecimal(in); got != want {
			t.Errorf("exampleDecimal(%q) = %q, want %q", in, got, want)
		}
	}
	durations := []struct {
		a, b  string
		equal bool
	}{
		{"PT1H", "PT60M", true},
		{"P1D", "PT24H", true},
		{"P1W", "P7D", true},
		{"PT0.5S", "PT0.500S", true},
		{"P1Y", "P12M", true},
		{"-PT1S", "-PT1S", true},
		{"PT0S", "-PT0S", true},
		{"P1M", "P30D", false},
		{"PT1H", "PT1M", false},
	}
	for _, d := range durations {
		a, okA := exampleDuration(d.a)
		b, okB := exampleDuration(d.b)
		if !okA || !okB {
			t.Errorf("exampleDuration(%q, %q): not parsed", d.a, d.b)
			continue
		}
		if (a == b) != d.equal {
			t.Errorf("exampleDuration: %q → %q, %q → %q; want equal=%v", d.a, a, d.b, b, d.equal)
		}
	}
	for _, bad := range []string{"", "P", "PT", "1H", "PTH", "P1H", "PT1D", "String (duration)"} {
		if c, ok := exampleDuration(bad); ok {
			t.Errorf("exampleDuration(%q) = %q, want not a duration", bad, c)
		}
	}
	times := map[string]string{"08:00": "08:00:00", "08:00:00.0000000": "08:00:00", "23:59:59.5": "23:59:59.5"}
	for in, want := range times {
		if got, ok := exampleTimeOfDay(in); !ok || got != want {
			t.Errorf("exampleTimeOfDay(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"24:00:00", "8:00", "08:00.5", "String (time of day)", "08:00:00."} {
		if c, ok := exampleTimeOfDay(bad); ok {
			t.Errorf("exampleTimeOfDay(%q) = %q, want not a time", bad, c)
		}
	}
}

func TestExampleRepairAndLines(t *testing.T) {
	body := "{\n  \"a\": 1, // c\n  \"b\": [\n    \"x\",\n    {\"c\": \"//not a comment\"},\n  ],\n  /* x */ \"d~/\": null,\n}"
	fixed, shifts := exampleRepair(body)
	if len(fixed) != len(body) || strings.Count(fixed, "\n") != strings.Count(body, "\n") || shifts != nil {
		t.Fatalf("exampleRepair changed offsets:\n%s", fixed)
	}
	if !json.Valid([]byte(fixed)) {
		t.Fatalf("exampleRepair result is not JSON:\n%s", fixed)
	}
	got := exampleLineIndex(body, fixed, shifts, 100)
	want := map[string]int{"": 100, "/a": 101, "/b": 102, "/b/0": 103, "/b/1": 104, "/b/1/c": 104, "/d~0~1": 106}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("exampleLineIndex (-want +got):\n%s", diff)
	}
}

// TestExampleRepairEscapes checks the repairs that used to make a body
// untestable: raw newlines inside strings (escaped, with lines still those
// of the body as written), an em space (U+2003) and a byte-order mark.
func TestExampleRepairEscapes(t *testing.T) {
	body := "\ufeff{\n  \"a\": \"x\ny\",\u2003\n  \"b\": [1,\n    2]\n}"
	fixed, shifts := exampleRepair(body)
	if !json.Valid([]byte(fixed)) {
		t.Fatalf("exampleRepair result is not JSON:\n%q", fixed)
	}
	if len(shifts) != 1 {
		t.Errorf("shifts = %v, want one (the escaped newline)", shifts)
	}
	got := exampleLineIndex(body, fixed, shifts, 10)
	want := map[string]int{"": 10, "/a": 11, "/b": 13, "/b/0": 13, "/b/1": 14}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("exampleLineIndex (-want +got):\n%s", diff)
	}
	doc, err := exampleParse([]byte(fixed))
	if err != nil {
		t.Fatal(err)
	}
	if a := doc.(map[string]any)["a"]; a != "x\ny" {
		t.Errorf("/a = %q, want the newline kept", a)
	}
}

func TestExamplePointers(t *testing.T) {
	if got := exampleSplitPointer("/a~1b/~0c/0"); !cmp.Equal(got, []string{"a/b", "~c", "0"}) {
		t.Errorf("exampleSplitPointer = %q", got)
	}
	if got := exampleJoinPointer([]string{"a/b", "~c", "0"}); got != "/a~1b/~0c/0" {
		t.Errorf("exampleJoinPointer = %q", got)
	}
	if !examplePointerLess("/a/2", "/a/10") || examplePointerLess("/a/10", "/a/2") || !examplePointerLess("/a", "/a/0") {
		t.Errorf("examplePointerLess orders numerically and parents first")
	}
}

// TestExampleRuntimeErrors checks that the errors of the generated code
// (the runtime's located decoding errors and *ValidationError) are placed
// at the member's line.
func TestExampleRuntimeErrors(t *testing.T) {
	body := "{\n  \"id\": \"x\",\n  \"status\": \"bogus\",\n  \"inner\": {\n    \"count\": \"many\"\n  }\n}"
	tests := []struct {
		name     string
		res      exampleResult
		known    []exampleKnown
		wantFail []string
		wantLog  []string
	}{
		{
			name:     "a located decoding error",
			res:      exampleResult{Decode: wrapPath("inner", wrapPath("count", errors.New("json: cannot decode string as int32")))},
			wantFail: []string{"docs/page.md:14: /inner/count: decoding into T: json: /inner/count: cannot decode string as int32"},
		},
		{
			name: "validation problems at their members",
			res: exampleResult{Out: []byte(`{"id":"x","status":"bogus","inner":{"count":"many"}}`), Invalid: exampleValidationProblems(&ValidationError{Problems: []ValidationProblem{
				{Path: "/status", Code: "enum.unknown", Message: "bogus is not a documented value"},
				{Path: "/inner/count", Code: "x", Message: "m"},
			}}, "")},
			known:    []exampleKnown{{Pointer: "/status", Diagnostic: "known enum"}},
			wantFail: []string{"docs/page.md:14: /inner/count: Validate: m [x]"},
			wantLog:  []string{"docs/page.md:12: /status: Validate: bogus is not a documented value [enum.unknown] (known: known enum)"},
		},
		{
			name: "validation problems in a collection element",
			res:  exampleResult{Out: []byte(body), Invalid: exampleValidationProblems(&ValidationError{Problems: []ValidationProblem{{Path: "/count", Code: "x", Message: "m"}}}, "/inner")},
			// The problem is located at /inner/count.
			wantFail: []string{"docs/page.md:14: /inner/count: Validate: m [x]"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &exampleCase{Name: "ex", File: "docs/page.md", Line: 10, Type: "T", Body: body, Known: tt.known}
			res := tt.res
			h := runHarness(c, func([]byte) exampleResult { return res })
			checkHarness(t, h, tt.wantFail, tt.wantLog)
		})
	}
}

func TestExampleEnvelope(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		wantFail []string
	}{
		{name: "a single entity in a value envelope", body: `{"@odata.context": "x", "value": {"id": "a", "count": 2}}`},
		{name: "members beside value survive", body: `{"value": {"id": "a"}, "@odata.nextLink": "n", "x": [1]}`},
		{
			name:     "a lost member inside the envelope is located",
			body:     "{\n  \"value\": {\n    \"id\": \"a\",\n    \"zz\": 1\n  }\n}",
			wantFail: []string{"docs/page.md:13: /value/zz: member \"zz\" lost"},
		},
		{
			name:     "a decoding error inside the envelope is located",
			body:     "{\n  \"value\": {\n    \"id\": \"a\",\n    \"count\": \"x\"\n  }\n}",
			wantFail: []string{"docs/page.md:13: /value/count: decoding"},
		},
		{name: "no value member", body: `{"id": "a"}`, wantFail: []string{`no "value" member`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &exampleCase{Name: "ex", File: "docs/page.md", Line: 10, Type: "T", Body: tt.body, Envelope: true, Go: (*snapshot)(nil)}
			checkHarness(t, runHarness(c, exampleCodecFor(c)), tt.wantFail, nil)
		})
	}
}

// TestRunExampleEntryPoints calls the entry points generated tests call,
// runExamples and runHandlerExamples, on documented pairs that pass, and
// on skipped cases, whose lines come from exampleLines.
func TestRunExampleEntryPoints(t *testing.T) {
	exampleLines["docs/x.md#skipped"] = 7
	exampleLines["docs/x.md#handler/skipped"] = 9
	defer delete(exampleLines, "docs/x.md#skipped")
	defer delete(exampleLines, "docs/x.md#handler/skipped")
	runExamples(t, []*exampleCase{
		{Test: "image", Name: "image", File: "docs/x.md", Line: 3, Go: (*srvtImage)(nil), Type: "srvtImage", Body: `{"id": "img-1", "displayName": "a"}`},
		{Test: "skipped", Name: "skipped", File: "docs/x.md", Skip: "no type"},
	})
	runHandlerExamples(t, srvtHarnessServer, []*handlerCase{
		srvtHandlerCase(`{"displayName": "a"}`, `{"id": "img-1", "displayName": "a"}`),
		{Test: "skipped", File: "docs/x.md", Skip: "no route"},
	})
	if c := (&exampleCase{Test: "skipped", File: "docs/x.md"}); c.line() != 7 {
		t.Errorf("line of an example without Line = %d, want 7 (from exampleLines)", c.line())
	}
	if hc := (&handlerCase{Test: "skipped", File: "docs/x.md"}); hc.line() != 9 {
		t.Errorf("line of a handler case without Line = %d, want 9 (from exampleLines)", hc.line())
	}
}
