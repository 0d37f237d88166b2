package inheritance

// Hand-written tests run by TestGoldenCompile against the golden output of
// this case: collections, nested and recursive structs, and polymorphic
// decoding.

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func roundTrip[T any](t *testing.T, in string) (*T, string) {
	t.Helper()
	v := new(T)
	if err := json.Unmarshal([]byte(in), v); err != nil {
		t.Fatalf("decode %s: %v", in, err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return v, string(out)
}

func TestCollections(t *testing.T) {
	tests := []struct{ in, out string }{
		{`{}`, `{}`},
		{`{"businessPhones":[]}`, `{"businessPhones":[]}`},
		{`{"businessPhones":["1","2"]}`, `{"businessPhones":["1","2"]}`},
		// A null collection cannot be a []string: it is kept in Extra.
		{`{"businessPhones":null}`, `{"businessPhones":null}`},
		// Items are DirectoryObjects: a group's own members go to Extra, in
		// order, and survive.
		{`{"memberOf":[{"@odata.type":"#microsoft.graph.group","mailEnabled":true,"x":1}]}`, `{"memberOf":[{"@odata.type":"#microsoft.graph.group","mailEnabled":true,"x":1}]}`},
	}
	for _, tt := range tests {
		v, out := roundTrip[User](t, tt.in)
		if out != tt.out {
			t.Errorf("%s: encoded %s, want %s", tt.in, out, tt.out)
		}
		if tt.in == `{}` && v.BusinessPhones != nil {
			t.Errorf("absent collection decoded as %#v, want nil", v.BusinessPhones)
		}
		if tt.in == `{"businessPhones":[]}` && (v.BusinessPhones == nil || len(v.BusinessPhones) != 0) {
			t.Errorf("[] decoded as %#v, want empty non-nil", v.BusinessPhones)
		}
	}
}

func TestNullCollectionIsAProblem(t *testing.T) {
	v, _ := roundTrip[User](t, `{"businessPhones":null,"mailboxSettings":null}`)
	var ve *ValidationError
	if err := v.Validate(); !errors.As(err, &ve) {
		t.Fatalf("Validate = %v", err)
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Path+" "+p.Code)
	}
	if diff := cmp.Diff([]string{"/businessPhones null.notAllowed", "/mailboxSettings null.notAllowed"}, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestRecursive(t *testing.T) {
	in := `{"manager":{"manager":{"id":"root"}},"automaticRepliesSetting":null}`
	v, out := roundTrip[DirectoryObject](t, in)
	if v.Manager.Value == nil || v.Manager.Value.Manager.Value == nil || v.Manager.Value.Manager.Value.ID.Value != "root" {
		t.Fatalf("nested managers not decoded: %+v", v)
	}
	if out != in {
		t.Errorf("encoded %s, want %s", out, in)
	}
	ms, out := roundTrip[MailboxSettings](t, `{"automaticRepliesSetting":{"owner":{"timeZone":"UTC"},"scheduledEndDateTime":{"dateTime":"x"}}}`)
	if ms.AutomaticRepliesSetting.Value.Owner.TimeZone.Value != "UTC" {
		t.Errorf("cycle through a required pointer not decoded: %s", out)
	}
}

func TestNestedValidationPaths(t *testing.T) {
	var v User
	if err := json.Unmarshal([]byte(`{"memberOf":[{},{"manager":{"manager":{}}}],"mailboxSettings":{"automaticRepliesSetting":{"owner":null}}}`), &v); err != nil {
		t.Fatal(err)
	}
	var ve *ValidationError
	if err := v.Validate(); !errors.As(err, &ve) {
		t.Fatalf("Validate = %v", err)
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Path+" "+p.Code)
	}
	if diff := cmp.Diff([]string{"/mailboxSettings/automaticRepliesSetting/owner null.notAllowed"}, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestDecodeDirectoryObject(t *testing.T) {
	tests := []struct {
		in   string
		want any
	}{
		{`{"@odata.type":"#microsoft.graph.user","displayName":"a"}`, &User{ODataType: Some("#microsoft.graph.user"), DisplayName: Some("a")}},
		{`{"@odata.type":"microsoft.graph.guestUser","invitedBy":"b"}`, &GuestUser{ODataType: Some("microsoft.graph.guestUser"), InvitedBy: Some("b")}},
		{`{"@odata.type":"#microsoft.graph.group","mailEnabled":true}`, &Group{ODataType: Some("#microsoft.graph.group"), MailEnabled: true}},
		{`{"id":"1"}`, &DirectoryObject{ID: Some("1")}},
		{`{"@odata.type":"#microsoft.graph.future","z":1}`, &DirectoryObject{ODataType: Some("#microsoft.graph.future"), Extra: JSONMembers{{Name: "z", Value: json.RawMessage("1")}}}},
	}
	for _, tt := range tests {
		got, err := DecodeDirectoryObject([]byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.in, diff)
		}
	}
	if _, err := DecodeDirectoryObject([]byte(`{"@odata.type":1}`)); err == nil {
		t.Error("non-string @odata.type accepted")
	}
}

func TestConcrete(t *testing.T) {
	var u User
	if err := json.Unmarshal([]byte(`{"manager":{"@odata.type":"#microsoft.graph.group","mailEnabled":true}}`), &u); err != nil {
		t.Fatal(err)
	}
	got, err := u.Manager.Value.Concrete()
	if err != nil {
		t.Fatal(err)
	}
	want := &Group{ODataType: Some("#microsoft.graph.group"), MailEnabled: true}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Concrete (-want +got):\n%s", diff)
	}
}
