package parser

import (
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
	"github.com/google/go-cmp/cmp"
)

func TestEnumValuesFromProse(t *testing.T) {
	tests := []struct {
		desc string
		want []string
	}{
		{"**TODO: Add Description**. The possible values are: `ready`, `unknownFutureValue`. Optional.", []string{"ready", "unknownFutureValue"}},
		{"TODO: Add Description. Possible values are: `pending`, `ready`, `failed`.", []string{"pending", "ready", "failed"}},
		{"Possible values are: `unknown`, `truePositive`, `falsePositive`, `benignPositive`.", []string{"unknown", "truePositive", "falsePositive", "benignPositive"}},
		{"The status. Possible values are `a`, `b`, or `c`.", []string{"a", "b", "c"}},
		{"Possible values are `a`, `b` and `c`. Read-only.", []string{"a", "b", "c"}},
		{"Possible values: `none`, `all`.", []string{"none", "all"}},
		{"Valid values are `x`, `y`.", []string{"x", "y"}},
		// Long parenthesised notes after values (device.md trustType).
		{"Type of trust. Read-only. Possible values:  `Workplace` (indicates *bring your own personal devices*), `AzureAd` (Cloud only joined devices), `ServerAd` (on-premises domain joined devices joined to Azure AD). For more details, see [x](y)", []string{"Workplace", "AzureAd", "ServerAd"}},
		{"Possible values are `a` (a note (with a nested note) inside), `b`.", []string{"a", "b"}},
		{"Possible values are `a` (a note that never closes, `b`, `c`.", []string{"a"}},
		{"Supported values are: `a`, `b`", []string{"a", "b"}},
		{"Allowed values: `yes`, `no`", []string{"yes", "no"}},
		{"Allowed values are `yes` or `no`.", []string{"yes", "no"}},
		{"Permitted values are `low`, `high`.", []string{"low", "high"}},
		{"Possible values include: `m`, `n`.", []string{"m", "n"}},
		{"Must be one of `peopleAndGroups` or `peopleOnly`.", []string{"peopleAndGroups", "peopleOnly"}},
		{"Possible values are **All**, **Selected** or **None**.", []string{"All", "Selected", "None"}},
		{"Possible values are everyone, organization, roleIsPresenter, organizer, and unknownFutureValue.", []string{"everyone", "organization", "roleIsPresenter", "organizer", "unknownFutureValue"}},
		{"Possible values are: 'viewer', 'sharer'", []string{"viewer", "sharer"}},
		{"Supported values are:<ul><li>`AzureADMyOrg`: Users with a Microsoft work account.</li><li>`AzureADMultipleOrgs`: Users in any org.</li></ul>", []string{"AzureADMyOrg", "AzureADMultipleOrgs"}},
		{"The supported values for {period_value} are: D7, D30, D90, and D180. These values follow the format Dn.", []string{"D7", "D30", "D90", "D180"}},
		{"Possible values are: `a`, `a`, `b`.", []string{"a", "b"}},
		// Not lists.
		{"Valid values 1 to 365", nil},
		{"Number of days. Valid values 4 to 16", nil},
		{"Possible values are described in the following table.", nil},
		{"The possible values are listed in the table below.", nil},
		{"The display name.", nil},
		{"Version of the SAML token. Supported values are: `1.1`, `2.0`.", []string{"1.1", "2.0"}},
		{"Supported values are: <li>None</li><li>Override</li><li>ReportFalsePositive</li>When the DLP provider is updating", []string{"None", "Override", "ReportFalsePositive"}},
		{"The categories. Supported values can be: `Collaboration`, `Business Management`, `Consumer`.", []string{"Collaboration", "Business Management", "Consumer"}},
		{"Possible values:<br/>\"Success\" - Service is fully provisioned.<br/>\"Disabled\" - Service has been disabled.", []string{"Success", "Disabled"}},
		{"Possible values are:</br>`submitted` — The version has been submitted. </br>`published`  — The version is published.", []string{"submitted", "published"}},
		{"Current possible values: *UserPrincipalName* or *ProxyAddress* ", []string{"UserPrincipalName", "ProxyAddress"}},
		{"The profile type. Possible values: `RegisteredDevice` (default), `SecureVM`, `Printer`.", []string{"RegisteredDevice", "SecureVM", "Printer"}},
		{"Supported values are 11-1800. Valid values 11 to 1800", nil},
		{"See [applied Categories](x.md) for possible values.", nil},
		{"The possible values are: TableStyleLight1 thru TableStyleLight21, TableStyleMedium1 thru TableStyleMedium28", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, EnumValuesFromProse(tt.desc)); diff != "" {
				t.Errorf("values mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRowMarkers(t *testing.T) {
	tests := []struct {
		desc string
		want Markers
	}{
		{"TODO: Add Description Required.", Markers{Required: true}},
		{"TODO: Add Description. The possible values are: `ready`, `unknownFutureValue`. Optional.", Markers{Optional: true}},
		{"Required. The name.", Markers{Required: true}},
		{"The name. Required", Markers{Required: true}},
		{"Required for users who sign in with a phone number.", Markers{}},
		{"Required if the type is `x`.", Markers{}},
		{"This property is required.", Markers{Required: true}},
		{"Not required.", Markers{}},
		{"Optional; defaults to false.", Markers{Optional: true}},
		{"An optional note for the user.", Markers{}},
		{"The id. Read-only.", Markers{ReadOnly: true}},
		{"The id. Read only. Not nullable.", Markers{ReadOnly: true, Nullable: model.False}},
		{"The owners. Nullable.", Markers{Nullable: model.True}},
		{"The members. Read-only. Nullable. Supports $expand.", Markers{ReadOnly: true, Nullable: model.True}},
		{"The count. non-nullable.", Markers{Nullable: model.False}},
		{"Open a read-only view of the site.", Markers{}},
		{"This property is read-only.", Markers{ReadOnly: true}},
		{"Not read-only.", Markers{}},
		{"Inherited from [entity](entity.md). Required. Read-only. Not Nullable.", Markers{Required: true, ReadOnly: true, Nullable: model.False}},
		{"Bearer &lt;token&gt; *Required*", Markers{Required: true}},
		{"Unique identifier of the template. Cannot be null.", Markers{Nullable: model.False}},
		{"This property is read-only and calculated based on **ageGroup**.", Markers{ReadOnly: true}},
		{"This is a read-only attribute that is automatically created.", Markers{ReadOnly: true}},
		{"Whether this team is in read-only mode.", Markers{}},
		{"This property is required when a user is created.", Markers{}},
		{"Optional email address of the location.", Markers{}},
		{"", Markers{}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if got := RowMarkers(tt.desc); got != tt.want {
				t.Errorf("RowMarkers(%q) = %+v, want %+v", tt.desc, got, tt.want)
			}
		})
	}
}

func TestInheritedFrom(t *testing.T) {
	tests := []struct{ desc, want string }{
		{"Admin provided description of the Device Configuration. Inherited from deviceConfiguration", "deviceConfiguration"},
		{"Inherited from deviceConfiguration.", "deviceConfiguration"},
		{"The id. Inherited from [entity](../resources/entity.md).", "entity"},
		{"Inherited from **managedAppPolicy**", "managedAppPolicy"},
		{"inherited from microsoft.graph.baseItem.", "microsoft.graph.baseItem"},
		{"The id.", ""},
		{"Inherited from ", ""},
		{"Inherited from 123", ""},
		{"If it is inherited from an ancestor.", ""},
		{"If this content type is inherited from another scope (like a site)", ""},
		{"Inherited from the DriveItem's parent", ""},
		{"Inherited from `entity`", "entity"},
	}
	for _, tt := range tests {
		if got := InheritedFrom(tt.desc); got != tt.want {
			t.Errorf("InheritedFrom(%q) = %q, want %q", tt.desc, got, tt.want)
		}
	}
}

func TestRequiredClaim(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"The following table shows the properties that are required when you create the cloudPcDeviceImage.", true},
		{"The following table shows the properties that are required when you create the [cloudPcDeviceImage](../resources/cloudpcdeviceimage.md).", true},
		{"The following table shows the properties that are required when you update the user.", true},
		{"You can specify the following properties when creating a cloudPcSnapshot.", false},
		{"In the request body, provide a JSON object with the following parameters.", false},
		{"In the request body, supply the values for relevant fields that should be updated.", false},
		{"A token is required when you call this API.", false},
	}
	for _, tt := range tests {
		if got := RequiredClaim(tt.p); got != tt.want {
			t.Errorf("RequiredClaim(%q) = %v, want %v", tt.p, got, tt.want)
		}
	}
}

func TestContainsFold(t *testing.T) {
	for _, tc := range []struct {
		s, w string
		want bool
	}{
		{"Possible Values are", "value", true},
		{"POSSIBLE VALUES", "value", true},
		{"valu", "value", false},
		{"It can be One Of a, b", "one of", true},
		{"oneof", "one of", false},
		{"Not Nullable.", "null", true},
		{"nul", "null", false},
		{"", "null", false},
		{"x", "", true},
		{"Val\x00e", "value", false},
		{"vvvvValue", "value", true},
		{"xVALUx value", "value", true},
		{"1@", "@", true},
		{"`", "@", false},
	} {
		if got := containsFold(tc.s, tc.w); got != tc.want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", tc.s, tc.w, got, tc.want)
		}
	}
}

// TestEnumLeadsFilter checks the filter of EnumValuesFromProse: every lead
// phrase contains "values" or "one of".
func TestEnumLeadsFilter(t *testing.T) {
	for _, lead := range enumLeads {
		if !strings.Contains(lead, "values") && !strings.Contains(lead, "one of") {
			t.Errorf("lead %q has neither \"values\" nor \"one of\"; widen the filter in EnumValuesFromProse", lead)
		}
	}
}

// TestContainsFoldReference compares containsFold with a plain search at
// every offset, for words whose anchor is at the start, middle and end.
func TestContainsFoldReference(t *testing.T) {
	ref := func(s, w string) bool {
		for i := 0; i+len(w) <= len(s); i++ {
			if foldEqual(s[i:i+len(w)], w) {
				return true
			}
		}
		return false
	}
	words := []string{"values", "one of", "required", "optional", "read", "null", "inherited from ", "q", "xq", "qx", " or "}
	texts := []string{"", "q", "Q", "x", "qx", "XQ", "REQUIRED", "Required.", "requiredd", "require", "equired", "ONE OF", "one  of",
		"Inherited From x", "inherited fro", "nherited from ", "NULL", "nul l", "READ-ONLY", "rea", "ead", "Optional;", "optiona",
		"a or b", "a OR b", "or ", " or", "Possible Values", "qqqq", "xqxq", "\xc4\xb0nherited from ", "r\x00ead"}
	for _, w := range words {
		for _, a := range texts {
			for _, b := range texts {
				s := a + b
				if got, want := containsFold(s, w), ref(s, w); got != want {
					t.Errorf("containsFold(%q, %q) = %v, want %v", s, w, got, want)
				}
			}
		}
	}
}

// TestIndexNameEnd compares indexNameEnd with strings.IndexAny.
func TestIndexNameEnd(t *testing.T) {
	for _, s := range []string{"", "a", "ab c", "ab(c", "a\u00a0b", "\xc2", "\xc2 ", "\xe0\xc2\xa0", "\xf0\x9f\xc2\xa0x", "é(", "\u00e2\u00a0", "\xc2\xc2\xa0", "a\xa0"} {
		if got, want := indexNameEnd(s), strings.IndexAny(s, " (\u00a0"); got != want {
			t.Errorf("indexNameEnd(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestLinesBeforeBlank compares the line index's linesBeforeBlank with
// linesBefore at every line start of a few sources and windows.
func TestLinesBeforeBlank(t *testing.T) {
	for _, src := range []string{"", "a", "a\n", "a\nb\n\nc\n", "a\n\n\n\nb", "x\ny\nz", "p\nq\n\n", "\n\n", "a\nb\nc\n\nd\ne\n\n"} {
		for base := 0; base <= len(src) && base <= 2; base++ {
			x := newPageLines("x.md", []byte(src), base)
			g := src[base:]
			for next := 0; next <= len(g); next++ {
				if next > 0 && g[next-1] != '\n' {
					continue
				}
				for limit := 0; next+limit <= len(g); limit++ {
					want := linesBefore([]byte(g[next:next+limit]), []byte("\n\n"))
					if got := x.linesBeforeBlank(next, limit); got != want {
						t.Errorf("src %q base %d next %d limit %d: got %d, want %d", src, base, next, limit, got, want)
					}
				}
			}
		}
	}
}

// TestLowerMayContain checks that lowerMayContain is false only when
// strings.ToLower(s) does not contain w.
func TestLowerMayContain(t *testing.T) {
	for _, s := range []string{"", "Required", "REQUİRED", "requ\u0130red", "\u212aey", "KEY", "req uired", "x\xffrequired", "n/a"} {
		for _, w := range []string{"required", "key", "n/a"} {
			if want := strings.Contains(strings.ToLower(s), w); want && !lowerMayContain(s, w) {
				t.Errorf("lowerMayContain(%q, %q) = false, but ToLower contains it", s, w)
			}
		}
	}
}
