package parser

import (
	"encoding/json"
	"testing"
)

// TestScanTopLevelID checks the cheap scan against encoding/json on valid
// bodies of every shape.
func TestScanTopLevelID(t *testing.T) {
	for _, body := range []string{
		`{"id": "1"}`,
		` { "a" : 1 , "id" : null } `,
		`{"a": {"id": 1}}`,
		`{"a": "\"id\"", "b": [1, {"id": 2}]}`,
		`null`,
		`[{"id": 1}]`,
		`"id"`,
		`{"value": [{"id": "x"}, {"id": "y"}]}`,
		`{"value": [{"name": "x"}, {"id": "y"}]}`,
		`{"value": [null, {"id": "y"}]}`,
		`{"value": [{"id": "x"}, 3]}`,
		`{"value": [{"id": "x"}, null]}`,
		`{"value": []}`,
		`{"value": null, "id": 1}`,
		`{"value": "id"}`,
		`{"value": [{"id": 1}], "value": [{"x": 1}]}`,
		`{"id": 1, "id": 2}`,
		`{"\u0069d": 1}`,
		`{"value": [{"\u0069d": 1}]}`,
		`{"é": 1, "id": 2}`,
		`{}`,
		`{"value":[{"id":true}]}`,
	} {
		if !json.Valid([]byte(body)) {
			t.Fatalf("test body %s is not valid JSON", body)
		}
		for _, coll := range []bool{false, true} {
			want := decodeTopLevelID(body, coll)
			got, ok := scanTopLevelID([]byte(body), coll)
			if !ok {
				got = want // escaped keys are left to encoding/json
			}
			if got != want {
				t.Errorf("scanTopLevelID(%s, collection=%v) = %v, want %v", body, coll, got, want)
			}
			if got, want := hasTopLevelID(body, true, coll), hasTopLevelID(body, false, coll); got != want {
				t.Errorf("hasTopLevelID(%s, collection=%v): scan %v, decode %v", body, coll, got, want)
			}
		}
	}
}

// TestParallel checks that parallel calls fn once for every index.
func TestParallel(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 100} {
		calls := make([]int, n)
		parallel(n, func(i int) { calls[i]++ })
		for i, c := range calls {
			if c != 1 {
				t.Errorf("n=%d: fn(%d) called %d times, want 1", n, i, c)
			}
		}
	}
}
