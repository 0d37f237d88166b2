package parser

import (
	"strings"
	"testing"
)

func TestRowDeprecation(t *testing.T) {
	for _, c := range []struct{ name, desc, want string }{
		{"legacyColor (deprecated)", "The color. Use **theme** instead.", "Use **theme** instead."},
		{"legacyColor (Deprecated)", "The color.", "deprecated"},
		{"**oldProp** (deprecated)", "", "deprecated"},
		{"oldProp", "Deprecated. Use newProp.", "Use newProp."},
		{"oldProp", "Deprecated", "deprecated"},
		{"oldProp", "\\[Deprecated\\] Setting it has no effect.", "Setting it has no effect."},
		{"root", "Used to access the driveItem. Deprecated -- use `driveItem` instead.", "use `driveItem` instead."},
		{"files", "PDFs. This property is in the process of being deprecated. Use the file property instead.", "This property is in the process of being deprecated. Use the file property instead."},
		{"kiosk", "Allow auto lock. This property's functionality is redundant and is deprecated. Use X instead.", "This property's functionality is redundant and is deprecated. Use X instead."},
		{"old", "This property has been deprecated, e.g. by x. Use y.", "This property has been deprecated, e.g. by x. Use y."},
		// Not deprecated: a future, a state value, a property named so.
		{"owner", "This property will be deprecated in a future release.", ""},
		{"id", "AAD Device ID - to be deprecated", ""},
		{"status", "Possible states are **InDevelopment**, **Available**, and **Deprecated**.", ""},
		{"status", "Cannot be changed when the status is deprecated.", ""},
		{"status", "Read-only once its state is deprecated.", ""},
		{"paused", "The paused value is deprecated.", "The paused value is deprecated."},
		{"deprecated", "Flag to indicate if a control is depreciated.", ""},
		{"unknownFutureValue", "Evolvable enumeration sentinel value. Do not use.", ""},
		{"unknownFutureValue", "Don't use.", ""},
		{"name (optional)", "A name.", ""},
	} {
		if got := rowDeprecation(c.name, c.desc); got != c.want {
			t.Errorf("rowDeprecation(%q, %q) = %q, want %q", c.name, c.desc, got, c.want)
		}
	}
}

func TestAboutType(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"The gadget resource is deprecated and will stop returning data.", true},
		{"This resource type has been deprecated.", true},
		{"This API is deprecated.", true},
		{"**gadget** is deprecated.", true},
		{"Deprecated.", true},
		{"The size property is deprecated.", false},
		{"The widget resource is deprecated.", false},
	} {
		if got := aboutType(c.s, "gadget"); got != c.want {
			t.Errorf("aboutType(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestIncludePath(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"[!INCLUDE [permissions-table](../includes/permissions/channel-get-permissions.md)]", "../includes/permissions/channel-get-permissions.md"},
		{"  [!include [x]( a.md )]", "a.md"},
		{"[!INCLUDE [x]]", ""},
		{"[!NOTE] text", ""},
		{"[!INCLUDE [x]()]", ""},
	} {
		if got, _ := includePath(c.line); got != c.want {
			t.Errorf("includePath(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

func TestNoteSubject(t *testing.T) {
	for _, c := range []struct{ s, name, kind string }{
		{"The autoAdmittedUsers property is deprecated.", "autoAdmittedUsers", "property"},
		{"The **capabilities** property is deprecated.", "capabilities", "property"},
		{"The meetingAttendanceReport relationship has been deprecated.", "meetingAttendanceReport", "property"},
		{"The latest navigation property is deprecated.", "latest", "property"},
		{"The `retired` value is deprecated.", "retired", "member"},
		{"This property is deprecated.", "", ""},
		{"The gadget resource is deprecated.", "", ""},
		{"The **size** and **color** properties are deprecated.", "size,color", "property"},
		{"The alpha, beta, and gamma properties have been deprecated.", "alpha,beta,gamma", "property"},
		{"The `retired` and `gone` values are deprecated.", "retired,gone", "member"},
		{"The following properties are deprecated.", "", ""},
		{"These properties are deprecated.", "", ""},
		{"The size and other properties are deprecated.", "", ""},
		{"Deprecated.", "", ""},
	} {
		names, kind := noteSubject(c.s)
		if name := strings.Join(names, ","); name != c.name || kind != c.kind {
			t.Errorf("noteSubject(%q) = %q, %q; want %q, %q", c.s, name, kind, c.name, c.kind)
		}
	}
}

func TestStripNoteMarker(t *testing.T) {
	for _, c := range [][2]string{
		{"[!CAUTION] The x property is deprecated.", "The x property is deprecated."},
		{"[!note]\tText", "Text"},
		{"[!INCLUDE [x](y.md)]", "[!INCLUDE [x](y.md)]"},
		{"[x] y", "[x] y"},
	} {
		if got := stripNoteMarker(c[0]); got != c[1] {
			t.Errorf("stripNoteMarker(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestOperationDeprecated: a note between an API page's H1 and its first
// section that says the API is deprecated marks the operation; a note on
// one of its properties does not.
func TestOperationDeprecated(t *testing.T) {
	page := func(note string) []byte {
		return []byte("# Get gadget\n\nNamespace: microsoft.graph\n\n" + note + "\n\nGet a gadget.\n\n## HTTP request\n\n```http\nGET /gadgets/{id}\n```\n")
	}
	for _, c := range []struct{ note, want string }{
		{"> [!CAUTION]\n> This API is deprecated and will stop returning data on March 31, 2026. Use the widget API instead.",
			"This API is deprecated and will stop returning data on March 31, 2026. Use the widget API instead."},
		{"> **Note:** This method is deprecated.", "This method is deprecated."},
		{"> **Note:** The **size** property is deprecated.", ""},
		{"Read a gadget.", ""},
	} {
		pkg := ParseFiles([]File{{Path: "api/gadget-get.md", Src: page(c.note)}})
		if len(pkg.Operations) != 1 {
			t.Fatalf("%d operations", len(pkg.Operations))
		}
		if got := pkg.Operations[0].Deprecated; got != c.want {
			t.Errorf("note %q: Deprecated = %q, want %q", c.note, got, c.want)
		}
	}
}
