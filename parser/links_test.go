package parser

import "testing"

func TestRecoverLink(t *testing.T) {
	for _, tc := range []struct {
		in, text, dest string
		ok             bool
	}{
		{"[invitedUserMessageInfo](invitedusermessageinfo.md", "invitedUserMessageInfo", "invitedusermessageinfo.md", true},
		{"[x](x.md) collection", "x collection", "x.md", true},
		{"[x](x.md collection", "x collection", "x.md", true},
		{"[itemAnalytics][] resource", "itemAnalytics resource", "", true},
		{"[itemAnalytics][ia]", "itemAnalytics", "", true},
		{"String", "", "", false},
		{"String[]", "", "", false},
		{"[x]", "", "", false},
		{"[](x.md)", "", "", false},
		{"[x][", "", "", false},
	} {
		text, dest, ok := recoverLink(tc.in)
		if text != tc.text || dest != tc.dest || ok != tc.ok {
			t.Errorf("recoverLink(%q) = %q, %q, %v; want %q, %q, %v", tc.in, text, dest, ok, tc.text, tc.dest, tc.ok)
		}
	}
}

func TestLinkTarget(t *testing.T) {
	for _, tc := range []struct{ file, dest, want string }{
		{"v1/resources/event.md", "onlineMeetingInfo.md", "v1/resources/onlinemeetinginfo.md"},
		{"v1/api/event-get.md", "../resources/Event.md", "v1/resources/event.md"},
		{"v1/resources/event.md", "range.md?view=graph-rest-1.0", "v1/resources/range.md"},
		{"v1/resources/chat.md", "chat.md#chattype-values", ""},
		{"v1/resources/chat.md", "https://example.com/x.md", ""},
		{"v1/resources/chat.md", "/graph/api/resources/user", ""},
		{"v1/resources/chat.md", "user", ""},
		{"v1/resources/chat.md", "", ""},
	} {
		if got := linkTarget(tc.file, tc.dest); got != tc.want {
			t.Errorf("linkTarget(%q, %q) = %q, want %q", tc.file, tc.dest, got, tc.want)
		}
	}
}

func TestStripMarkers(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Bearer {token}. Required.", "Bearer {token}"},
		{"Bearer <token> Required.", "Bearer <token>"},
		{"application/json", "application/json"},
		{"eventual. Optional.", "eventual"},
		{"Required.", "Required."},
		{"NotRequired.", "NotRequired."},
	} {
		if got := stripMarkers(tc.in); got != tc.want {
			t.Errorf("stripMarkers(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
