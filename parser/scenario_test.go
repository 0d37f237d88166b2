package parser

import (
	"slices"
	"testing"
)

// TestScenarioSyntax: a page written as one H2 per scenario, the first
// with an "HTTP request" heading, gives one path per scenario; an Examples
// H2 after them stops the reading.
func TestScenarioSyntax(t *testing.T) {
	src := "# List drives\n\nNamespace: microsoft.graph\n\nList drives.\n\n" +
		"## List a group's drives\n\nFor a group.\n\n### HTTP request\n\n<!-- {\"blockType\": \"request\", \"name\": \"group-list\"} -->\n\n```http\nGET /groups/{groupId}/drives\n```\n\n" +
		"## List a site's drives\n\nFor a site.\n\n<!-- {\"blockType\": \"request\", \"name\": \"site-list\"} -->\n\n```http\nGET /sites/{siteId}/drives\n```\n\n" +
		"## Optional query parameters\n\nNone.\n\n" +
		"## Example\n\n<!-- {\"blockType\": \"request\", \"name\": \"me-list\"} -->\n\n```http\nGET /me/drives\n```\n"
	pkg := ParseFiles([]File{{Path: "api/drive-list.md", Src: []byte(src)}})
	if len(pkg.Operations) != 1 {
		t.Fatalf("%d operations", len(pkg.Operations))
	}
	var got []string
	for _, p := range pkg.Operations[0].Paths {
		got = append(got, p.Template)
	}
	if want := []string{"/groups/{groupId}/drives", "/sites/{siteId}/drives"}; !slices.Equal(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}
