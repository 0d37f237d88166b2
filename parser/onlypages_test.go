package parser

import (
	"slices"
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
)

// onlyPagesFiles is a small docs tree exercising what the model must not
// invent: types and bases from prose words, properties from a string's JSON
// schema or from another operation's request body, instance annotations as
// properties, and an assumed base shown as a stated one.
var onlyPagesFiles = []File{
	{Path: "resources/widget.md", Src: []byte(`# widget resource type

Namespace: microsoft.graph

A widget. It is derived from a single source.

## Properties

| Property | Type | Description |
|:--|:--|:--|
| id | String | The identifier. Read-only. |
| inheritedFrom | [itemReference](itemreference.md) | Set if the widget is inherited from an ancestor. |
| state | String | The state. Read-only. |
| definition | String collection | A JSON string with the rules. |

### Properties of a widget definition

| Property | Type | Description |
|:--|:--|:--|
| Version | Integer | Set value of 1. |

### Instance attributes

| Property name | Type | Description |
|:--|:--|:--|
| @microsoft.graph.conflictBehavior | string | The conflict resolution behavior. Write-only. |

## Derived types

| Type | Description |
|:--|:--|
| [sprocket](sprocket.md) | A sprocket. |

## State enumeration

| Value | Description |
|:--|:--|
| normal | All good. |
| critical | Not good. |
`)},
	{Path: "resources/gadget.md", Src: []byte(`# gadget resource type

Namespace: microsoft.graph

A gadget. Inherits from [widget](widget.md).

## Properties

| Property | Type | Description |
|:--|:--|:--|
| size | Int32 | The size. |
`)},
	{Path: "resources/sprocket.md", Src: []byte(`# sprocket resource type

Namespace: microsoft.graph

A sprocket.

## Properties

| Property | Type | Description |
|:--|:--|:--|
| teeth | Int32 | The number of teeth. |
`)},
	{Path: "api/widget-clone.md", Src: []byte(`# widget: clone

Namespace: microsoft.graph

Clone a widget.

## HTTP request

` + "```http\nPOST /widgets/{id}/clone\n```" + `

## Request body

| Property | Type | Description |
|:--|:--|:--|
| mailNickname | String | The alias of the copy. |

## Response

If successful, this method returns a ` + "`200 OK`" + ` response code and a [widget](../resources/widget.md) object in the response body.
`)},
}

func TestModelSaysOnlyWhatPagesSay(t *testing.T) {
	pkg := ParseFiles(onlyPagesFiles)
	var names []string
	for _, ty := range pkg.Types {
		names = append(names, ty.Name)
	}
	for _, bad := range []string{"microsoft.graph.an", "microsoft.graph.single", "microsoft.graph.State", "microsoft.graph.state"} {
		if slices.Contains(names, bad) {
			t.Errorf("type %s invented from prose (types %v)", bad, names)
		}
	}
	w := pkg.Type("microsoft.graph.widget")
	if w == nil {
		t.Fatalf("no widget type in %v", names)
	}
	for _, p := range w.Properties {
		switch p.Name {
		case "Version", "mailNickname", "@microsoft.graph.conflictBehavior":
			t.Errorf("widget has property %s, which its own tables do not document", p.Name)
		}
	}
	if st := w.Property("state"); st == nil || !slices.Equal(st.Values, []string{"normal", "critical"}) {
		t.Errorf("state property = %+v, want values normal, critical", st)
	}
	if len(w.InstanceAnnotations) != 1 || w.InstanceAnnotations[0].Name != "@microsoft.graph.conflictBehavior" ||
		w.InstanceAnnotations[0].TypeRef.Name != "Edm.String" {
		t.Errorf("widget instance annotations = %+v, want @microsoft.graph.conflictBehavior (Edm.String)", w.InstanceAnnotations)
	}
	if w.Base != model.EntityBase || !w.BaseAssumed {
		t.Errorf("widget base = %q assumed=%v, want %s assumed", w.Base, w.BaseAssumed, model.EntityBase)
	}
	for _, op := range pkg.Operations {
		if op.Name == "widget-clone" && (op.RequestBody == nil || op.RequestBody.Type.Name != "" || len(op.RequestBody.Properties) != 1) {
			t.Errorf("widget-clone request body = %+v, want a parameter object (no type) with mailNickname", op.RequestBody)
		}
	}
	if sp := pkg.Type("microsoft.graph.sprocket"); sp == nil || sp.Base != "microsoft.graph.widget" || sp.BaseAssumed || sp.Property("Type") != nil {
		t.Errorf("sprocket = %+v, want the base microsoft.graph.widget its base's Derived types table states", sp)
	}
	if w.Property("sprocket") != nil {
		t.Errorf("widget has a property for a row of its Derived types table")
	}
	if g := pkg.Type("microsoft.graph.gadget"); g == nil || g.Base != "microsoft.graph.widget" || g.BaseAssumed {
		t.Errorf("gadget = %+v, want the stated base microsoft.graph.widget", g)
	}
}

// TestProseTypeCollectionWord: a response type named in prose is a
// collection when the words around its link say so, not when its own name
// contains "Collection".
func TestProseTypeCollectionWord(t *testing.T) {
	page := func(sentence string) File {
		return File{Path: "api/thing-get.md", Src: []byte("# Get thing\n\nNamespace: microsoft.graph\n\nGet a thing.\n\n" +
			"## HTTP request\n\n```http\nGET /things/{id}\n```\n\n## Response\n\n" + sentence + "\n")}
	}
	for _, tt := range []struct {
		sentence   string
		collection bool
	}{
		{"If successful, this method returns a `200 OK` response code and a [settingCollectionDefinition](../resources/settingcollectiondefinition.md) object in the response body.", false},
		{"If successful, this method returns a `200 OK` response code and a collection of [settingDefinition](../resources/settingdefinition.md) objects in the response body.", true},
	} {
		pkg := ParseFiles([]File{page(tt.sentence)})
		if len(pkg.Operations) != 1 {
			t.Fatalf("%d operations", len(pkg.Operations))
		}
		r := pkg.Operations[0].Response
		if r == nil || r.Type.Name == "" || r.Type.Collection != tt.collection {
			t.Errorf("%q: response %+v, want collection=%v", tt.sentence, r, tt.collection)
		}
	}
}

// TestProseBasePhrases: every phrase of basePhrases, followed by a link,
// states the page's base type.
func TestProseBasePhrases(t *testing.T) {
	for _, sentence := range []string{
		"Inherits from [widget](widget.md).",
		"This resource is the derivative of [widget](widget.md).",
		"A gadget derives from [widget](widget.md).",
		"A subclass of [widget](widget.md).",
	} {
		pkg := ParseFiles([]File{{Path: "resources/gadget.md", Src: []byte("# gadget resource type\n\nNamespace: microsoft.graph\n\n" + sentence +
			"\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| size | Int32 | The size. |\n")}})
		var got *model.Type
		for _, ty := range pkg.Types {
			if ty.Name == "microsoft.graph.gadget" {
				got = ty
			}
		}
		if got == nil || got.Base != "microsoft.graph.widget" || got.BaseAssumed {
			t.Errorf("%q: type %+v, want base microsoft.graph.widget, stated", sentence, got)
		}
	}
}
