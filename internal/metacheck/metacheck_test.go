package metacheck

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/internal/csdl"
	"github.com/docgen-dev/docgen/parser/model"
)

const metadata = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
  <EnumType Name="color"><Member Name="red" Value="0"/><Member Name="green" Value="1"/><Member Name="unknownFutureValue" Value="2"/></EnumType>
  <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
  <EntityType Name="directoryObject" BaseType="graph.entity"><Property Name="deletedDateTime" Type="Edm.DateTimeOffset"/></EntityType>
  <EntityType Name="user" BaseType="graph.directoryObject">
    <Property Name="displayName" Type="Edm.String"/>
    <Property Name="businessPhones" Type="Collection(Edm.String)"/>
    <Property Name="favorite" Type="graph.color"/>
    <Property Name="photo" Type="Edm.Stream"/>
    <Property Name="jobTitle" Type="Edm.String"/>
    <NavigationProperty Name="memberOf" Type="Collection(graph.directoryObject)"/>
    <NavigationProperty Name="events" Type="Collection(graph.event)" ContainsTarget="true"/>
    <NavigationProperty Name="settings" Type="graph.userSettings" ContainsTarget="true"/>
  </EntityType>
  <EntityType Name="group" BaseType="graph.directoryObject"><NavigationProperty Name="owners" Type="Collection(graph.directoryObject)"/></EntityType>
  <EntityType Name="event" BaseType="graph.entity"><Property Name="subject" Type="Edm.String"/></EntityType>
  <EntityType Name="userSettings" BaseType="graph.entity"><Property Name="contributionToContentDiscoveryDisabled" Type="Edm.Boolean"/></EntityType>
  <ComplexType Name="address"><Property Name="city" Type="Edm.String"/></ComplexType>
  <Action Name="cancel" IsBound="true"><Parameter Name="bindingParameter" Type="graph.event"/><Parameter Name="comment" Type="Edm.String"/></Action>
  <Function Name="delta" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(graph.user)"/><ReturnType Type="Collection(graph.user)"/></Function>
  <Function Name="getMemberGroups" IsBound="true"><Parameter Name="bindingParameter" Type="graph.directoryObject"/><Parameter Name="securityEnabledOnly" Type="Edm.Boolean"/><ReturnType Type="Collection(Edm.String)"/></Function>
  <EntityContainer Name="GraphService">
    <EntitySet Name="users" EntityType="graph.user"/>
    <EntitySet Name="groups" EntityType="graph.group"/>
    <Singleton Name="me" Type="graph.user"/>
  </EntityContainer>
</Schema></edmx:DataServices></edmx:Edmx>`

func pos(line int) model.Pos { return model.Pos{File: "docs/x.md", Line: line} }

func prop(name, typ string, coll bool, line int) *model.Property {
	return &model.Property{Name: name, TypeRef: model.TypeRef{Name: typ, Collection: coll}, Pos: pos(line)}
}

func testPackage() *model.Package {
	entity := &model.Type{Name: model.EntityBase, Kind: model.EntityType, Builtin: true, Properties: []*model.Property{prop("id", "Edm.String", false, 0)}}
	user := &model.Type{Name: "microsoft.graph.user", Kind: model.EntityType, Base: "microsoft.graph.directoryObject", Pos: pos(10), Properties: []*model.Property{
		prop("displayName", "Edm.String", false, 11),
		prop("businessPhones", "Edm.String", false, 12), // collection flag differs
		prop("favorite", "microsoft.graph.color", false, 13),
		prop("photo", "Edm.Stream", false, 14),
		prop("nickname", "Edm.String", false, 15),                // not in the metadata
		prop("DeletedDateTime", "Edm.DateTimeOffset", false, 16), // case only, inherited
		prop("extra", model.JSONType, false, 17),                 // unknown, untyped
		{Name: "memberOf", TypeRef: model.TypeRef{Name: "microsoft.graph.directoryObject", Collection: true}, Navigation: true, Pos: pos(18)},
		prop("events", "microsoft.graph.event", true, 19),
		prop("settings", "microsoft.graph.userSettings", false, 20),
		// jobTitle undocumented
	}}
	color := &model.Type{Name: "microsoft.graph.color", Kind: model.EnumType, Pos: pos(30), Members: []*model.EnumMember{
		{Name: "red", Pos: pos(31)}, {Name: "Green", Pos: pos(32)}, {Name: "blue", Pos: pos(33)},
	}}
	group := &model.Type{Name: "microsoft.graph.group", Kind: model.EntityType, Base: model.EntityBase, Pos: pos(40)} // base differs; owners undocumented
	event := &model.Type{Name: "microsoft.graph.Event", Kind: model.EntityType, Base: model.EntityBase, Pos: pos(50), Properties: []*model.Property{prop("subject", "Edm.String", false, 51)}}
	widget := &model.Type{Name: "microsoft.graph.widget", Kind: model.ComplexType, Pos: pos(60), Properties: []*model.Property{prop("size", "Edm.Int32", false, 61)}}
	synth := &model.Type{Name: "microsoft.graph.userKind", Kind: model.EnumType, Synthesized: true, Pos: pos(70)}
	pkg := &model.Package{Types: []*model.Type{entity, user, color, group, event, widget, synth}}
	slices.SortFunc(pkg.Types, func(a, b *model.Type) int { return strings.Compare(a.Name, b.Name) })
	line := 100
	for _, tmpl := range []string{
		"/users",
		"/users/{id}",
		"/users/{id | userPrincipalName}/memberOf/{id}/microsoft.graph.group/owners",
		"/me/events/{id}/cancel",
		"/me/events/{id}/microsoft.graph.cancel",
		"/me/events/{id}/graph.cancel",
		"/users/delta()",
		"/users/{id}/getMemberGroups",
		"/me/photo/$value",
		"/users/john@contoso.com/settings",
		"/me/settings/contributionToContentDiscoveryDisabled",
		"/me/memberOf/{id}/owners",           // needs a cast
		"/me/nickname",                       // no such property
		"/people",                            // no such entity set
		"/me/events/cancel",                  // collection: cancel is bound to one event
		"/me/memberOf/microsoft.graph.event", // cast to an unrelated type
		"/me/events/{id}/attachments",        // no such property
		"/users/delta()/{id}/displayName",    // function result then key
		"/me/events/{id}/.../subject",        // ellipsis
		"/users('{id}')/memberOf",            // key segment
	} {
		line++
		pkg.Operations = append(pkg.Operations, &model.Operation{Name: fmt.Sprint("op", line), Paths: []*model.Path{{Method: "GET", Template: tmpl, Segments: segments(tmpl), Pos: pos(line)}}})
	}
	return pkg
}

// segments splits a template the way the parser does, for the segment
// kinds these tests use.
func segments(tmpl string) []*model.Segment {
	var out []*model.Segment
	for _, raw := range strings.Split(strings.TrimPrefix(tmpl, "/"), "/") {
		s := &model.Segment{Raw: raw, Name: raw}
		switch {
		case strings.HasPrefix(raw, "{"):
			s.Kind, s.Name = model.Param, ""
		case strings.HasSuffix(raw, "()"):
			s.Kind, s.Name = model.FunctionSegment, strings.TrimSuffix(raw, "()")
		case strings.HasSuffix(raw, "')"):
			s.Kind, s.Name = model.KeySegment, raw[:strings.IndexByte(raw, '(')]
		case strings.HasPrefix(raw, "microsoft.graph."):
			s.Kind = model.CastSegment
		}
		out = append(out, s)
	}
	return out
}

func TestCheck(t *testing.T) {
	md, err := csdl.Read(strings.NewReader(metadata))
	if err != nil {
		t.Fatal(err)
	}
	diags, sum := Check(testPackage(), md)
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%d %s %s", d.Pos.Line, d.Severity, d.Code))
	}
	want := []string{
		"33 warning metadata-member-unknown",     // blue
		"32 error metadata-name-case",            // Green
		"30 info metadata-member-undocumented",   // green? no: Green matches; unknownFutureValue
		"50 error metadata-name-case",            // Event
		"40 warning metadata-base-type",          // group: entity vs directoryObject
		"40 info metadata-property-undocumented", // owners
		"12 warning metadata-property-type",      // businessPhones
		"15 warning metadata-property-unknown",   // nickname
		"16 error metadata-name-case",            // DeletedDateTime
		"17 warning metadata-property-unknown",   // extra
		"10 info metadata-property-undocumented", // jobTitle
		"60 warning metadata-type-unknown",       // widget
		"112 warning metadata-path-unresolved",
		"113 warning metadata-path-unresolved",
		"114 warning metadata-path-unresolved",
		"115 warning metadata-path-unresolved",
		"116 warning metadata-path-unresolved",
		"117 warning metadata-path-unresolved",
	}
	slices.Sort(got)
	slices.Sort(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		for _, d := range diags {
			t.Log(d)
		}
	}
	figures := map[string]string{
		Types:             "4 of 8", // user, color, group, event (entity is docgen's built-in)
		TypePrecision:     "4 of 5",
		Properties:        "8 of 10", // user: jobTitle missing; group: owners missing; event: subject
		PropertyPrecision: "9 of 11",
		PropertyTypes:     "8 of 9",
		BaseTypes:         "2 of 3",
		EnumMembers:       "2 of 3",
		EnumPrecision:     "2 of 3",
		Paths:             "14 of 20",
	}
	for name, want := range figures {
		m, ok := sum.Get(name)
		if got := fmt.Sprintf("%d of %d", m.Num, m.Den); !ok || got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	if sum.Undocumented != 4 {
		t.Errorf("undocumented = %d", sum.Undocumented)
	}
	for _, d := range diags {
		if d.Code == CodePathUnresolved && d.Pos.Line == 112 && !strings.Contains(d.Message, "insert the cast segment /microsoft.graph.group") {
			t.Errorf("missing-cast message: %s", d.Message)
		}
	}
}

// TestCheckUnstatedBase: a base docgen assumed (no page states it) is the
// docs' silence, not a contradiction: it leaves the base-types measure,
// counts in UnstatedBases and is reported as metadata-base-unstated.
func TestCheckUnstatedBase(t *testing.T) {
	md, err := csdl.Read(strings.NewReader(metadata))
	if err != nil {
		t.Fatal(err)
	}
	pkg := testPackage()
	for _, ty := range pkg.Types {
		if ty.Name == "microsoft.graph.group" {
			ty.BaseAssumed = true
		}
	}
	diags, sum := Check(pkg, md)
	var codes []string
	for _, d := range diags {
		if d.Pos.Line == 40 && (d.Code == CodeBaseType || d.Code == CodeBaseUnstated) {
			codes = append(codes, string(d.Code)+" "+d.Severity.String())
			if !strings.Contains(d.Message, "docgen assumes microsoft.graph.entity") || !strings.Contains(d.Message, "microsoft.graph.directoryObject") {
				t.Errorf("message: %s", d.Message)
			}
		}
	}
	if got := strings.Join(codes, ","); got != "metadata-base-unstated info" {
		t.Errorf("group's base finding = %q, want metadata-base-unstated info", got)
	}
	if m, _ := sum.Get(BaseTypes); m.Num != 2 || m.Den != 2 {
		t.Errorf("base types = %d of %d, want 2 of 2", m.Num, m.Den)
	}
	if sum.UnstatedBases != 1 {
		t.Errorf("UnstatedBases = %d, want 1", sum.UnstatedBases)
	}
}

// TestCheckDocumentedRoot: docgen's built-in entity root counts as a
// documented type only when a page defines it (its Pos is the page's).
func TestCheckDocumentedRoot(t *testing.T) {
	md, err := csdl.Read(strings.NewReader(metadata))
	if err != nil {
		t.Fatal(err)
	}
	_, without := Check(testPackage(), md)
	pkg := testPackage()
	for _, ty := range pkg.Types {
		if ty.Name == model.EntityBase {
			ty.Pos = pos(90)
		}
	}
	_, with := Check(pkg, md)
	a, _ := without.Get(Types)
	b, _ := with.Get(Types)
	if b.Num != a.Num+1 || b.Den != a.Den {
		t.Errorf("types with a page for the root = %d of %d, without = %d of %d; want one more matched", b.Num, b.Den, a.Num, a.Den)
	}
}

// TestCheckKeyOfEntity: a docs entity type has its key from its root, so
// a metadata complex type's own id property is not undocumented.
func TestCheckKeyOfEntity(t *testing.T) {
	md, err := csdl.Read(strings.NewReader(strings.Replace(metadata, `<ComplexType Name="address">`,
		`<ComplexType Name="address"><Property Name="id" Type="Edm.String"/>`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	for _, keyed := range []bool{false, true} {
		pkg := testPackage()
		addr := &model.Type{Name: "microsoft.graph.address", Kind: model.ComplexType, Pos: pos(80), Properties: []*model.Property{prop("city", "Edm.String", false, 81)}}
		if keyed {
			addr.Kind, addr.Key, addr.Base, addr.BaseAssumed = model.EntityType, "id", model.EntityBase, true
		}
		pkg.Types = append(pkg.Types, addr)
		diags, _ := Check(pkg, md)
		lacks := false
		for _, d := range diags {
			if d.Code == CodePropertyUndocumented && strings.Contains(d.Message, "address lacks") && strings.Contains(d.Message, "id Edm.String") {
				lacks = true
			}
		}
		if lacks == keyed {
			t.Errorf("keyed %v: id reported undocumented = %v", keyed, lacks)
		}
	}
}

func TestMeasureString(t *testing.T) {
	if got := (Measure{Name: Types, Num: 1, Den: 3}).String(); got != "types: 1 of 3 (33.3%)" {
		t.Errorf("String = %q", got)
	}
	if (Measure{}).Ratio() != 1 {
		t.Error("empty ratio")
	}
}
