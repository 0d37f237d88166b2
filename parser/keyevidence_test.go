package parser

import (
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
)

// resourcePage builds a resource page of type name with the given property
// rows and extra sections, and a resource annotation carrying ann.
func resourcePage(name, rows, extra, ann string) []byte {
	return []byte("# " + name + " resource type\n\nNamespace: microsoft.graph\n\nA " + name + ".\n\n" +
		"## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n" + rows + "\n" + extra +
		"## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n" + ann +
		"  \"@odata.type\": \"microsoft.graph." + name + "\"\n}-->\n\n```json\n{}\n```\n")
}

const idRow = "| id | String | The identifier. Read-only. |\n| name | String | The name. |\n"

// TestKeyEvidence: a type is keyed when a page says so (keyProperty) or,
// as a marked reading (KeyAssumed), when its own page treats it as a
// resource (Relationships rows, a Methods table of API pages) or another
// type's relationship targets it; an id row under a resource annotation
// without keyProperty is not enough (complex types such as identity have
// one).
var keyEvidenceFiles = []File{
	{Path: "resources/stated.md", Src: resourcePage("stated", idRow, "", "  \"keyProperty\": \"id\",\n")},
	{Path: "resources/idonly.md", Src: resourcePage("idonly", idRow, "", "")},
	{Path: "resources/related.md", Src: resourcePage("related", idRow,
		"## Relationships\n\n| Relationship | Type | Description |\n|:--|:--|:--|\n| target | [target](target.md) collection | Targets. |\n\n", "")},
	{Path: "resources/target.md", Src: resourcePage("target", idRow, "## Relationships\n\nNone.\n\n", "")},
	{Path: "resources/methods.md", Src: resourcePage("methods", idRow,
		"## Methods\n\n| Method | Return type | Description |\n|:--|:--|:--|\n| [Get methods](../api/methods-get.md) | [methods](methods.md) | Read it. |\n\n", "")},
	{Path: "resources/nomethods.md", Src: resourcePage("nomethods", idRow,
		"## Methods\n\nNone.\n\n", "")},
}

func TestKeyEvidence(t *testing.T) {
	pkg := ParseFiles(keyEvidenceFiles)
	want := map[string]struct {
		kind    model.TypeKind
		assumed bool
	}{
		"microsoft.graph.stated":    {model.EntityType, false},
		"microsoft.graph.idonly":    {model.ComplexType, false},
		"microsoft.graph.related":   {model.EntityType, true},
		"microsoft.graph.target":    {model.EntityType, true},
		"microsoft.graph.methods":   {model.EntityType, true},
		"microsoft.graph.nomethods": {model.ComplexType, false},
	}
	for _, ty := range pkg.Types {
		w, ok := want[ty.Name]
		if !ok {
			continue
		}
		delete(want, ty.Name)
		if ty.Kind != w.kind || ty.KeyAssumed != w.assumed {
			t.Errorf("%s: kind %s, KeyAssumed %v; want %s, %v", ty.Name, ty.Kind, ty.KeyAssumed, w.kind, w.assumed)
		}
		if ty.Kind == model.EntityType && (ty.Key != "id" || ty.Property("id") != nil) {
			t.Errorf("%s: key %q, own id property %v; want the key id inherited from %s", ty.Name, ty.Key, ty.Property("id") != nil, model.EntityBase)
		}
	}
	for n := range want {
		t.Errorf("no type %s", n)
	}
}

// TestShortenedTypeName: a page whose type name is a shortening of the name
// its file spells and links use ("UserFlow" in identityuserflow.md, linked
// as identityUserFlow) gives the longer name, with a type-name-conflict; a
// page whose name is the longer one (workbookIcon in icon.md, linked as
// icon) keeps its own.
func TestShortenedTypeName(t *testing.T) {
	files := []File{
		{Path: "resources/identityuserflow.md", Src: resourcePage("UserFlow", idRow, "", "  \"keyProperty\": \"id\",\n")},
		{Path: "resources/icon.md", Src: resourcePage("workbookIcon", "| color | String | The color. |\n", "", "")},
		{Path: "resources/b2xidentityuserflow.md", Src: []byte(strings.Replace(string(resourcePage("b2xIdentityUserFlow",
			"| icon | [icon](icon.md) | The icon. |\n", "", "  \"keyProperty\": \"id\",\n")),
			"A b2xIdentityUserFlow.", "A flow. Inherits from [identityUserFlow](identityuserflow.md).", 1))},
	}
	pkg := ParseFiles(files)
	names := map[string]*model.Type{}
	for _, ty := range pkg.Types {
		names[ty.Name] = ty
	}
	if names["microsoft.graph.UserFlow"] != nil || names["microsoft.graph.identityUserFlow"] == nil {
		t.Errorf("want microsoft.graph.identityUserFlow (not UserFlow), got types %v", typeNames(pkg))
	}
	if names["microsoft.graph.workbookIcon"] == nil || names["microsoft.graph.icon"] != nil {
		t.Errorf("want microsoft.graph.workbookIcon (not icon), got types %v", typeNames(pkg))
	}
	if b := names["microsoft.graph.b2xIdentityUserFlow"]; b == nil || b.Base != "microsoft.graph.identityUserFlow" {
		t.Errorf("b2xIdentityUserFlow: want base microsoft.graph.identityUserFlow, got %+v", b)
	}
	conflicts := 0
	for _, d := range pkg.Diagnostics {
		if d.Code == CodeTypeNameConflict {
			conflicts++
		}
	}
	if conflicts != 2 {
		t.Errorf("%d type-name-conflict diagnostics, want 2: %v", conflicts, pkg.Diagnostics)
	}
}

// TestBaseTypeNull: an annotation's "baseType": null is not overridden by a
// base inferred from an @odata.type in another type's representation.
func TestBaseTypeNull(t *testing.T) {
	files := []File{
		{Path: "resources/holder.md", Src: []byte(strings.Replace(string(resourcePage("holder",
			"| thing | [thing](thing.md) | The thing. |\n", "", "")), "```json\n{}\n```",
			"```json\n{\n  \"thing\": {\"@odata.type\": \"microsoft.graph.specialThing\"}\n}\n```", 1))},
		{Path: "resources/thing.md", Src: resourcePage("thing", "| a | String | A. |\n", "", "")},
		{Path: "resources/specialthing.md", Src: resourcePage("specialThing", "| b | String | B. |\n", "", "  \"baseType\": null,\n")},
		{Path: "resources/otherthing.md", Src: resourcePage("otherThing", "| c | String | C. |\n", "", "")},
		{Path: "resources/holder2.md", Src: []byte(strings.Replace(string(resourcePage("holder2",
			"| thing | [thing](thing.md) | The thing. |\n", "", "")), "```json\n{}\n```",
			"```json\n{\n  \"thing\": {\"@odata.type\": \"microsoft.graph.otherThing\"}\n}\n```", 1))},
	}
	pkg := ParseFiles(files)
	for _, ty := range pkg.Types {
		switch ty.Name {
		case "microsoft.graph.specialThing":
			if ty.Base != "" {
				t.Errorf("specialThing: base %q, want none (its annotation says baseType null)", ty.Base)
			}
		case "microsoft.graph.otherThing":
			if ty.Base != "microsoft.graph.thing" {
				t.Errorf("otherThing: base %q, want microsoft.graph.thing (from holder2's representation)", ty.Base)
			}
		}
	}
}

func typeNames(pkg *model.Package) []string {
	var n []string
	for _, ty := range pkg.Types {
		n = append(n, ty.Name)
	}
	return n
}
