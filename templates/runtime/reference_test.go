package runtime

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReferenceRoundTrip(t *testing.T) {
	tests := []struct {
		name, in, out string
		id            Opt[string]
		extra         int
		problems      []ValidationProblem
	}{
		{
			name: "odata.id", in: `{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/1"}`,
			out: `{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/1"}`,
			id:  Some("https://graph.microsoft.com/v1.0/directoryObjects/1"),
		},
		{
			name: "relative path and context", in: `{"@odata.context":"x","@odata.id":"/users/1"}`,
			out: `{"@odata.id":"/users/1","@odata.context":"x"}`, id: Some("/users/1"), extra: 1,
		},
		{
			name: "bind only", in: `{"teamsApp@odata.bind":"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/1"}`,
			out: `{"teamsApp@odata.bind":"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/1"}`, extra: 1,
		},
		{
			name: "bind array with a bad element", in: `{"members@odata.bind":["users/1","not a url"]}`,
			out: `{"members@odata.bind":["users/1","not a url"]}`, extra: 1,
			problems: []ValidationProblem{{Path: "/members@odata.bind/1", Code: codeFormatURL, Message: `"not a url" is not an absolute URL or a path`}},
		},
		{
			name: "bind of the wrong kind", in: `{"owner@odata.bind":3}`, out: `{"owner@odata.bind":3}`, extra: 1,
			problems: []ValidationProblem{{Path: "/owner@odata.bind", Code: codeFormatURL, Message: "owner@odata.bind is a URL or an array of URLs"}},
		},
		{
			name: "missing", in: `{"@odata.context":"x"}`, out: `{"@odata.context":"x"}`, extra: 1,
			problems: []ValidationProblem{{Code: codeReferenceMissing, Message: "a reference body has @odata.id or a property@odata.bind member"}},
		},
		{
			name: "empty object", in: `{}`, out: `{}`,
			problems: []ValidationProblem{{Code: codeReferenceMissing, Message: "a reference body has @odata.id or a property@odata.bind member"}},
		},
		{
			name: "null id", in: `{"@odata.id":null}`, out: `{"@odata.id":null}`, id: Opt[string]{State: OptNull},
			problems: []ValidationProblem{{Path: "/@odata.id", Code: codeNullNotAllowed, Message: "@odata.id must not be null"}},
		},
		{
			name: "scheme without host", in: `{"@odata.id":"urn:x"}`, out: `{"@odata.id":"urn:x"}`, id: Some("urn:x"),
			problems: []ValidationProblem{{Path: "/@odata.id", Code: codeFormatURL, Message: `"urn:x" is not an absolute URL or a path`}},
		},
		{
			name: "unexpected member kept", in: `{"@odata.id":"users/1","x":[1,{"y":null}]}`,
			out: `{"@odata.id":"users/1","x":[1,{"y":null}]}`, id: Some("users/1"), extra: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v ODataRef
			if err := json.Unmarshal([]byte(tt.in), &v); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.id, v.ODataID); diff != "" {
				t.Errorf("ODataID (-want +got):\n%s", diff)
			}
			if len(v.Extra) != tt.extra {
				t.Errorf("Extra has %d members, want %d", len(v.Extra), tt.extra)
			}
			out, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.out {
				t.Errorf("Marshal = %s, want %s", out, tt.out)
			}
			if diff := cmp.Diff(tt.problems, problemsOf(v.Validate())); diff != "" {
				t.Errorf("Validate (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReferenceDecodeErrors(t *testing.T) {
	for _, in := range []string{`[]`, `"x"`, `{"@odata.id":1}`, `{"@odata.id":"a"`, `{`} {
		var v ODataRef
		if err := json.Unmarshal([]byte(in), &v); err == nil {
			t.Errorf("Unmarshal(%s) = nil error, want one", in)
		}
	}
	var v ODataRef
	if err := json.Unmarshal([]byte(`null`), &v); err != nil || !v.ODataID.IsZero() || v.Extra != nil {
		t.Errorf("Unmarshal(null) = %v, %+v; want no error and a zero value", err, v)
	}
}

func TestEmptyRoundTrip(t *testing.T) {
	tests := []struct {
		name, in, out string
		problems      []ValidationProblem
	}{
		{name: "empty", in: ` { } `, out: `{}`},
		{name: "annotation", in: `{"@odata.context":"x"}`, out: `{"@odata.context":"x"}`},
		{
			name: "unexpected", in: `{"a":1,"b@odata.type":"x","c":null}`, out: `{"a":1,"b@odata.type":"x","c":null}`,
			problems: []ValidationProblem{
				{Path: "/a", Code: codeMemberUnexpected, Message: `"a" is not a parameter: the operation takes none`},
				{Path: "/c", Code: codeMemberUnexpected, Message: `"c" is not a parameter: the operation takes none`},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v EmptyObject
			if err := json.Unmarshal([]byte(tt.in), &v); err != nil {
				t.Fatal(err)
			}
			out, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.out {
				t.Errorf("Marshal = %s, want %s", out, tt.out)
			}
			if diff := cmp.Diff(tt.problems, problemsOf(v.Validate())); diff != "" {
				t.Errorf("Validate (-want +got):\n%s", diff)
			}
		})
	}
	for _, in := range []string{`[]`, `1`, `{"a":}`} {
		var v EmptyObject
		if err := json.Unmarshal([]byte(in), &v); err == nil {
			t.Errorf("Unmarshal(%s) = nil error, want one", in)
		}
	}
}

// problemsOf returns the problems of a Validate error (nil for nil).
func problemsOf(err error) []ValidationProblem {
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return []ValidationProblem{{Message: err.Error()}}
	}
	return ve.Problems
}
