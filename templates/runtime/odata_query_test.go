package runtime

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseODataQuery(t *testing.T) {
	tests := []struct {
		name   string
		query  string
		want   ODataQuery
		target string // the error's target when the query is rejected
	}{
		{name: "empty", query: "", want: ODataQuery{}},
		{name: "all options", query: "$select=id,%20displayName&$expand=members($select=id,displayName),owners&$filter=startswith(displayName,'a,b')&$orderby=displayName desc,id&$top=10&$skip=0&$count=true&$search=%22pizza%22&$skiptoken=abc&$deltatoken=def",
			want: ODataQuery{
				Select:  []string{"id", "displayName"},
				Expand:  []string{"members($select=id,displayName)", "owners"},
				Filter:  "startswith(displayName,'a,b')",
				OrderBy: []string{"displayName desc", "id"},
				Top:     Some(10), Skip: Some(0), Count: Some(true),
				Search: `"pizza"`, SkipToken: "abc", DeltaToken: "def",
			}},
		{name: "no dollar, any case", query: "select=id&EXPAND=manager&$Top=3&count=FALSE", want: ODataQuery{Select: []string{"id"}, Expand: []string{"manager"}, Top: Some(3), Count: Some(false)}},
		{name: "other parameters ignored", query: "startDateTime=2021-01-01&api-version=2", want: ODataQuery{}},
		{name: "skiptoken needs dollar", query: "skiptoken=x&id=1&format=json", want: ODataQuery{}},
		{name: "reference and format", query: "$id=https://graph.microsoft.com/v1.0/users/1&$format=json", want: ODataQuery{ID: "https://graph.microsoft.com/v1.0/users/1", Format: "json"}},
		{name: "filter kept verbatim", query: "$filter=" + "a%20eq%20'it''s'", want: ODataQuery{Filter: "a eq 'it''s'"}},
		{name: "negative top", query: "$top=-1", target: "$top"},
		{name: "non-numeric skip", query: "$skip=ten", target: "$skip"},
		{name: "bad count", query: "$count=yes", target: "$count"},
		{name: "empty value", query: "$select=", target: "$select"},
		{name: "empty item", query: "$select=id,,name", target: "$select"},
		{name: "unbalanced open", query: "$expand=members($select=id", target: "$expand"},
		{name: "unbalanced close", query: "$expand=members)", target: "$expand"},
		{name: "unterminated string", query: "$orderby='a", target: "$orderby"},
		{name: "bad direction", query: "$orderby=name sideways", target: "$orderby"},
		{name: "duplicate", query: "$top=1&$top=2", target: "$top"},
		{name: "duplicate with and without dollar", query: "$select=id&select=name", target: "$select"},
		{name: "unknown dollar option", query: "$foo=1", target: "$foo"},
		{name: "malformed escape", query: "$filter=%zz", target: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/x", nil)
			r.URL.RawQuery = tc.query
			got, err := readODataQuery(r)
			if tc.target != "" || tc.name == "malformed escape" {
				ge, ok := err.(*GraphError)
				if !ok || ge == nil {
					t.Fatalf("readODataQuery(%q) = %+v, %v; want a *GraphError", tc.query, got, err)
				}
				if ge.Status != 400 || ge.Code != "invalidRequest" || ge.Target != tc.target || ge.Message == "" {
					t.Errorf("error = %+v, want 400 invalidRequest with target %q", ge, tc.target)
				}
				return
			}
			if err != nil {
				t.Fatalf("readODataQuery(%q): %v", tc.query, err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("readODataQuery(%q) mismatch (-want +got):\n%s", tc.query, diff)
			}
		})
	}
}

// The empty query string is the common case: it must not allocate.
func TestReadODataQueryEmptyNoAlloc(t *testing.T) {
	r := httptest.NewRequest("GET", "/x", nil)
	if n := testing.AllocsPerRun(100, func() { _, _ = readODataQuery(r) }); n != 0 {
		t.Errorf("readODataQuery on an empty query allocates %v times", n)
	}
}

// OData's nested options use ";", which url.ParseQuery refuses.
func TestReadODataQuerySemicolon(t *testing.T) {
	r, _ := http.NewRequest("GET", "/me?$expand=manager($levels=max;$select=id,displayName)&$select=id&$count=true", nil)
	q, err := readODataQuery(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Expand) != 1 || q.Expand[0] != "manager($levels=max;$select=id,displayName)" || !q.Count.Value {
		t.Errorf("got %+v", q)
	}
	r, _ = http.NewRequest("GET", "/me?$select=%zz", nil)
	if _, err := readODataQuery(r); err == nil {
		t.Error("a bad escape was accepted")
	}
}
