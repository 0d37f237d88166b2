package runtime

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestProblems(t *testing.T) {
	var p problems
	if p.Len() != 0 || p.Err() != nil {
		t.Fatal("empty Problems is not nil")
	}
	p.Add("/toRecipients/10/address", codeRequired, "address is required")
	p.Add("/status", codeEnumUnknown, "status: %q is not one of %s", "done", oneOf([]string{"pending", "ready", "failed"}))
	p.Add("/toRecipients/2/address", codeFormatGUID, "not a GUID")
	p.Add("/toRecipients/2/address", codeFormatDate, "not a date")
	p.Add("", codeReadOnly, "100%% sure")
	p.Add("/a~1b", codeNullNotAllowed, "50%% off")
	if p.Len() != 6 {
		t.Errorf("Len = %d", p.Len())
	}
	err := p.Err()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Err() = %T", err)
	}
	want := []ValidationProblem{
		{"", "readOnly", "100% sure"},
		{"/a~1b", "null.notAllowed", "50% off"},
		{"/status", "enum.unknown", `status: "done" is not one of "pending", "ready" or "failed"`},
		{"/toRecipients/2/address", "format.date", "not a date"},
		{"/toRecipients/2/address", "format.guid", "not a GUID"},
		{"/toRecipients/10/address", "required", "address is required"},
	}
	if diff := cmp.Diff(want, ve.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	wantMsg := `invalid value: 100% sure [readOnly]; /a~1b: 50% off [null.notAllowed]; /status: status: "done" is not one of "pending", "ready" or "failed" [enum.unknown]; and 3 more`
	if err.Error() != wantMsg {
		t.Errorf("Error() =\n%s\nwant\n%s", err.Error(), wantMsg)
	}
	var prob ValidationProblem
	if !errors.As(err, &prob) || prob != want[0] {
		t.Errorf("errors.As(Problem) = %+v", prob)
	}
	if got := len(ve.Unwrap()); got != 6 {
		t.Errorf("Unwrap() has %d errors", got)
	}
	// Err does not change the collector; more problems can follow.
	p.Add("/z", codeRequired, "z")
	if p.Len() != 7 || len(p.Err().(*ValidationError).Problems) != 7 {
		t.Error("Add after Err")
	}
}

func TestProblemsCap(t *testing.T) {
	var p problems
	for i := 0; i < 250; i++ {
		p.Add(pointerIndex("/items", 249-i), codeRequired, "missing %d", i)
	}
	if p.Len() != 250 {
		t.Errorf("Len = %d", p.Len())
	}
	ve := p.Err().(*ValidationError)
	if len(ve.Problems) != maxProblems || ve.Omitted != 150 {
		t.Errorf("kept %d, omitted %d", len(ve.Problems), ve.Omitted)
	}
	if ve.Problems[0].Path != "/items/150" || ve.Problems[99].Path != "/items/249" {
		t.Errorf("order: %s .. %s", ve.Problems[0].Path, ve.Problems[99].Path)
	}
	if msg := ve.Error(); !strings.HasSuffix(msg, "; and 247 more") {
		t.Errorf("Error() = %s", msg)
	}
	if got := (&ValidationError{}).Error(); got != "invalid value: no problems recorded" {
		t.Errorf("empty ValidationError: %s", got)
	}
	if got := (&ValidationError{Problems: []ValidationProblem{{Message: "m"}}}).Error(); got != "invalid value: m" {
		t.Errorf("one problem: %s", got)
	}
}

func TestComparePointers(t *testing.T) {
	ordered := []string{"", "/a", "/a/0", "/a/1", "/a/2", "/a/10", "/a/10/x", "/a/b", "/a/b~1c", "/aa", "/b", "/b/01", "/b/1"}
	for i, a := range ordered {
		for j, b := range ordered {
			got := comparePointers(a, b)
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if sign(got) != want {
				t.Errorf("comparePointers(%q, %q) = %d, want sign %d", a, b, got, want)
			}
		}
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

func TestPointer(t *testing.T) {
	tests := []struct{ base, token, want string }{
		{"", "a", "/a"},
		{"/a", "@odata.type", "/a/@odata.type"},
		{"", "a/b", "/a~1b"},
		{"", "m~n", "/m~0n"},
		{"", "~1", "/~01"},
		{"/x", "", "/x/"},
	}
	for _, tt := range tests {
		if got := pointerJoin(tt.base, tt.token); got != tt.want {
			t.Errorf("pointerJoin(%q, %q) = %q, want %q", tt.base, tt.token, got, tt.want)
		}
	}
	if got := pointerIndex("/toRecipients", 3); got != "/toRecipients/3" {
		t.Errorf("pointerIndex = %q", got)
	}
}

func TestFormats(t *testing.T) {
	tests := []struct {
		check func(string) bool
		in    string
		want  bool
	}{
		{validGUID, "7f180cbb-a5ae-457c-b7e8-6f5b42ba33e7", true},
		{validGUID, "7F180CBB-A5AE-457C-B7E8-6F5B42BA33E7", true},
		{validGUID, "{7f180cbb-a5ae-457c-b7e8-6f5b42ba33e7}", false},
		{validGUID, "7f180cbba5ae457cb7e86f5b42ba33e7", false},
		{validGUID, "7f180cbb-a5ae-457c-b7e8-6f5b42ba33eg", false},
		{validGUID, "7f180cbb-a5ae-457c-b7e86-f5b42ba33e7", false},
		{validGUID, "{id}", false},
		{validDecimal, "1.10", true},
		{validDecimal, "1.", false},
		{validDate, "2021-07-01", true},
		{validTimeOfDay, "08:00:00.0000000", true},
		{validDuration, "PT1.5S", true},
		{validDateTimeOffset, "2021-07-01T08:00:00Z", true},
		{validDateTimeOffset, "string (timestamp)", false},
	}
	for i, tt := range tests {
		if got := tt.check(tt.in); got != tt.want {
			t.Errorf("%d: check(%q) = %v", i, tt.in, got)
		}
	}
	// Every code constant is documented in the comment block.
	for _, c := range []string{codeRequired, codeReadOnly, codeNullNotAllowed, codeNullCollection, codeEnumUnknown,
		codeFormatGUID, codeFormatDate, codeFormatDuration, codeFormatTimeOfDay, codeFormatDateTimeOffset} {
		if !strings.Contains(fmt.Sprint(documentedCodes), c) {
			t.Errorf("code %s not documented", c)
		}
	}
}

// documentedCodes lists the codes of the comment block in validate.go.
var documentedCodes = []string{"required", "readOnly", "null.notAllowed", "null.collection", "enum.unknown",
	"format.guid", "format.date", "format.duration", "format.timeOfDay", "format.dateTimeOffset"}

// TestProblemHelpers checks the helpers generated validators call: the
// paths, codes and messages they add are those of the equivalent Add.
func TestProblemHelpers(t *testing.T) {
	extra := JSONMembers{{Name: "tags", Value: []byte("null")}, {Name: "a/b", Value: []byte("null")}}
	tests := []struct {
		name string
		add  func(p *problems)
		want []ValidationProblem
	}{
		{"notNull", func(p *problems) { p.notNull("/items/0/name", "name") },
			[]ValidationProblem{{"/items/0/name", "null.notAllowed", "name must not be null"}}},
		{"nullIn present", func(p *problems) { p.nullIn(extra, "/item", "tags") },
			[]ValidationProblem{{"/item/tags", "null.notAllowed", "tags must not be null"}}},
		{"nullIn escaped", func(p *problems) { p.nullIn(extra, "", "a/b") },
			[]ValidationProblem{{"/a~1b", "null.notAllowed", "a/b must not be null"}}},
		{"nullIn absent", func(p *problems) { p.nullIn(extra, "", "other") }, nil},
		{"nullIn nil extra", func(p *problems) { p.nullIn(nil, "", "tags") }, nil},
		{"unknownEnum", func(p *problems) { p.unknownEnum("/status", "done", "microsoft.graph.status") },
			[]ValidationProblem{{"/status", "enum.unknown", `"done" is not a documented microsoft.graph.status value`}}},
		{"required", func(p *problems) { p.required(Op("create-widget"), "a~b") },
			[]ValidationProblem{{"/a~0b", "required", "the property a~b is required"}}},
		{"readOnly", func(p *problems) { p.readOnly(Op("update-widget"), "id") },
			[]ValidationProblem{{"/id", "readOnly", "the property id is read-only and must not be sent"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var p problems
			tc.add(&p)
			var got []ValidationProblem
			var ve *ValidationError
			if errors.As(p.Err(), &ve) {
				got = ve.Problems
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
