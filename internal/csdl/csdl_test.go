package csdl

import (
	"strings"
	"testing"
)

const twoSchemas = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="weekday" IsFlags="true">
        <Member Name="monday" Value="1" />
        <Member Name="tuesday" Value="2" />
      </EnumType>
      <EnumType Name="status">
        <Member Name="ready" Value="0" />
        <Member Name="unknownFutureValue" Value="1" />
      </EnumType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="directoryObject" BaseType="graph.entity" OpenType="true">
        <Property Name="deletedDateTime" Type="Edm.DateTimeOffset" />
      </EntityType>
      <EntityType Name="user" BaseType="graph.directoryObject">
        <Property Name="businessPhones" Type="Collection(Edm.String)" Nullable="false" />
        <Property Name="days" Type="graph.weekday" />
        <NavigationProperty Name="manager" Type="graph.directoryObject" />
        <NavigationProperty Name="events" Type="Collection(graph.event)" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="event" BaseType="graph.entity">
        <Property Name="subject" Type="Edm.String" />
        <Property Name="record" Type="microsoft.graph.callRecords.callRecord" />
      </EntityType>
      <ComplexType Name="identitySet" OpenType="true">
        <Property Name="user" Type="graph.identity" />
      </ComplexType>
      <ComplexType Name="identity">
        <Property Name="displayName" Type="Edm.String" />
      </ComplexType>
      <Action Name="cancel" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.event" />
        <Parameter Name="Comment" Type="Edm.String" Unicode="false" />
      </Action>
      <Function Name="delta" IsBound="true" IsComposable="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.user)" />
        <ReturnType Type="Collection(graph.user)" />
      </Function>
      <Action Name="unboundThing" />
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" EntityType="microsoft.graph.user">
          <NavigationPropertyBinding Path="manager" Target="directoryObjects" />
        </EntitySet>
        <Singleton Name="me" Type="graph.user" />
        <ActionImport Name="unboundThing" Action="graph.unboundThing" />
      </EntityContainer>
    </Schema>
    <Schema Namespace="microsoft.graph.callRecords" Alias="callRecords" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="callRecord" BaseType="graph.entity">
        <Property Name="organizer" Type="graph.identitySet" />
        <Property Name="modalities" Type="Collection(callRecords.modality)" Nullable="false" />
      </EntityType>
      <EnumType Name="modality">
        <Member Name="audio" Value="0" />
      </EnumType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`

func read(t *testing.T, s string) *Model {
	t.Helper()
	m, err := Read(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestReadSchemasAndAliases(t *testing.T) {
	m := read(t, twoSchemas)
	if len(m.Schemas) != 2 || m.Schemas[1].Alias != "callRecords" {
		t.Fatalf("schemas = %+v", m.Schemas)
	}
	var names []string
	for _, ty := range m.Types {
		names = append(names, ty.Kind.String()+" "+ty.Name)
	}
	want := "enum microsoft.graph.weekday,enum microsoft.graph.status,entity microsoft.graph.entity,entity microsoft.graph.directoryObject," +
		"entity microsoft.graph.user,entity microsoft.graph.event,complex microsoft.graph.identitySet,complex microsoft.graph.identity," +
		"entity microsoft.graph.callRecords.callRecord,enum microsoft.graph.callRecords.modality"
	if got := strings.Join(names, ","); got != want {
		t.Errorf("types:\n got %s\nwant %s", got, want)
	}
	cr := m.Type("callRecords.callRecord")
	if cr == nil || cr.Name != "microsoft.graph.callRecords.callRecord" || cr.Base != "microsoft.graph.entity" || cr.Namespace != "microsoft.graph.callRecords" || cr.Short != "callRecord" {
		t.Fatalf("callRecord = %+v", cr)
	}
	if got := cr.Property("modalities").Type; got != (TypeRef{Name: "microsoft.graph.callRecords.modality", Collection: true}) {
		t.Errorf("modalities type = %v", got)
	}
	if got := cr.Property("organizer").Type.String(); got != "microsoft.graph.identitySet" {
		t.Errorf("organizer type = %s", got)
	}
	if m.Type("MICROSOFT.GRAPH.USER") == nil || m.Type("graph.User") == nil || m.Type("microsoft.graph.nothing") != nil {
		t.Error("case-insensitive or alias lookup failed")
	}
}

func TestReadTypes(t *testing.T) {
	m := read(t, twoSchemas)
	e := m.Type("microsoft.graph.entity")
	if !e.Abstract || len(e.Key) != 1 || e.Key[0] != "id" || e.Property("id").Nullable {
		t.Errorf("entity = %+v", e)
	}
	d := m.Type("microsoft.graph.directoryObject")
	if !d.OpenType || d.Base != "microsoft.graph.entity" || !d.Property("deletedDateTime").Nullable {
		t.Errorf("directoryObject = %+v", d)
	}
	u := m.Type("microsoft.graph.user")
	var anc []string
	for _, a := range m.Ancestors(u) {
		anc = append(anc, a.Name)
	}
	if got := strings.Join(anc, ","); got != "microsoft.graph.directoryObject,microsoft.graph.entity" {
		t.Errorf("ancestors = %s", got)
	}
	var all []string
	for _, p := range m.AllProperties(u) {
		all = append(all, p.Name)
	}
	if got := strings.Join(all, ","); got != "businessPhones,days,manager,events,deletedDateTime,id" {
		t.Errorf("all properties = %s", got)
	}
	if p, owner := m.FindProperty(u, "ID"); p == nil || owner.Name != "microsoft.graph.entity" {
		t.Errorf("FindProperty(ID) = %v, %v", p, owner)
	}
	ev := u.Property("events")
	if !ev.Navigation || !ev.ContainsTarget || !ev.Type.Collection || ev.Type.Name != "microsoft.graph.event" {
		t.Errorf("events = %+v", ev)
	}
	if mg := u.Property("manager"); !mg.Navigation || mg.ContainsTarget {
		t.Errorf("manager = %+v", mg)
	}
	if bp := u.Property("businessPhones"); bp.Type.String() != "Collection(Edm.String)" || bp.Nullable {
		t.Errorf("businessPhones = %+v", bp)
	}
	if !m.IsA(u, "microsoft.graph.entity") || m.IsA(u, "microsoft.graph.event") {
		t.Error("IsA")
	}
	if ds := m.Derived(m.Type("microsoft.graph.entity")); len(ds) != 3 {
		t.Errorf("derived of entity = %d, want 3", len(ds))
	}
	wd := m.Type("microsoft.graph.weekday")
	if !wd.IsFlags || len(wd.Members) != 2 || wd.Members[1].Name != "tuesday" || wd.Members[1].Value != "2" {
		t.Errorf("weekday = %+v", wd)
	}
	if st := m.Type("microsoft.graph.status"); st.IsFlags {
		t.Error("status is not flags")
	}
}

func TestReadContainerAndOperations(t *testing.T) {
	m := read(t, twoSchemas)
	users, me := m.Source("users"), m.Source("ME")
	if users == nil || users.Singleton || users.Type != "microsoft.graph.user" || len(users.Bindings) != 1 || users.Bindings[0] != (Binding{"manager", "directoryObjects"}) {
		t.Errorf("users = %+v", users)
	}
	if me == nil || !me.Singleton || me.Type != "microsoft.graph.user" {
		t.Errorf("me = %+v", me)
	}
	if len(m.Imports) != 1 || m.Imports[0] != "unboundThing" {
		t.Errorf("imports = %v", m.Imports)
	}
	if len(m.Operations) != 3 {
		t.Fatalf("%d operations", len(m.Operations))
	}
	cancel := m.BoundTo("microsoft.graph.event")
	if len(cancel) != 1 || cancel[0].Function || cancel[0].ReturnType != nil || cancel[0].Parameters[1].Name != "Comment" {
		t.Errorf("bound to event = %+v", cancel)
	}
	delta := m.BoundTo("Microsoft.Graph.User")
	if len(delta) != 1 || !delta[0].Function || !delta[0].IsComposable || delta[0].Name != "microsoft.graph.delta" || delta[0].ReturnType.String() != "Collection(microsoft.graph.user)" {
		t.Errorf("bound to user = %+v", delta)
	}
	if b, ok := delta[0].Binding(); !ok || !b.Collection {
		t.Errorf("delta binding = %v %v", b, ok)
	}
	if _, ok := m.Operations[2].Binding(); ok || m.Operations[2].IsBound {
		t.Error("unboundThing is unbound")
	}
}

func TestReadBareSchema(t *testing.T) {
	m := read(t, `<Schema Namespace="x.y" xmlns="http://docs.oasis-open.org/odata/ns/edm"><ComplexType Name="a" BaseType="x.y.b"/><ComplexType Name="b"/></Schema>`)
	if a := m.Type("x.y.a"); a == nil || a.Kind != Complex || a.Base != "x.y.b" || len(m.Ancestors(a)) != 1 {
		t.Errorf("a = %+v", a)
	}
}

func TestReadCycle(t *testing.T) {
	m := read(t, `<Schema Namespace="n"><ComplexType Name="a" BaseType="n.b"/><ComplexType Name="b" BaseType="n.a"/></Schema>`)
	if got := len(m.Ancestors(m.Type("n.a"))); got != 1 {
		t.Errorf("ancestors of a cycle = %d", got)
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"unclosed", `<edmx:Edmx><edmx:DataServices><Schema Namespace="n"><EntityType Name="a">`, "malformed metadata XML"},
		{"mismatched", "<Schema Namespace=\"n\">\n<EnumType Name=\"e\"><Member Name=\"a\"></EnumType></Schema>", "malformed metadata XML near line 2"},
		{"not xml", `{"json": true}`, "no <Schema> element"},
		{"empty", ``, "no <Schema> element"},
		{"no namespace", `<Schema><EntityType Name="a"/></Schema>`, "without a Namespace"},
	} {
		_, err := Read(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
	if _, err := ReadFile("testdata/does-not-exist.xml"); err == nil {
		t.Error("ReadFile of a missing file succeeded")
	}
}
