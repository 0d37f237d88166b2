package parser

import (
	"testing"

	"github.com/docgen-dev/docgen/parser/model"
	"github.com/google/go-cmp/cmp"
)

func TestNormalizeType(t *testing.T) {
	ref := func(name string) model.TypeRef { return model.TypeRef{Name: name} }
	coll := func(name string) model.TypeRef { return model.TypeRef{Name: name, Collection: true} }
	tests := []struct {
		cell string
		ns   string
		want model.TypeRef
		note TypeNote
	}{
		// A kind word after the type name ("[itemAnalytics][] resource").
		{cell: "itemAnalytics resource", want: ref("microsoft.graph.itemAnalytics")},
		{cell: "error object", want: ref("microsoft.graph.error")},
		{cell: "driveItem resource collection", want: coll("microsoft.graph.driveItem")},
		{cell: "String object", want: ref(model.JSONType), note: TypeNote{Unknown: true, Note: `cannot read "String object" as a type name`}},
		// Primitive spellings (catalog §7.1).
		{cell: "String", want: ref("Edm.String")},
		{cell: "string", want: ref("Edm.String"), note: TypeNote{Spelling: "string"}},
		{cell: "Edm.String", want: ref("Edm.String")},
		{cell: "Edm.string", want: ref("Edm.String"), note: TypeNote{Spelling: "Edm.string"}},
		{cell: "Boolean", want: ref("Edm.Boolean")},
		{cell: "boolean", want: ref("Edm.Boolean"), note: TypeNote{Spelling: "boolean"}},
		{cell: "bool", want: ref("Edm.Boolean"), note: TypeNote{Spelling: "bool"}},
		{cell: "Bool", want: ref("Edm.Boolean"), note: TypeNote{Spelling: "Bool"}},
		{cell: "Int32", want: ref("Edm.Int32")},
		{cell: "int32", want: ref("Edm.Int32"), note: TypeNote{Spelling: "int32"}},
		{cell: "int", want: ref("Edm.Int32"), note: TypeNote{Spelling: "int"}},
		{cell: "Integer", want: ref("Edm.Int32"), note: TypeNote{Spelling: "Integer"}},
		{cell: "integer", want: ref("Edm.Int32"), note: TypeNote{Spelling: "integer"}},
		{cell: "Int64", want: ref("Edm.Int64")},
		{cell: "Int16", want: ref("Edm.Int16")},
		{cell: "Byte", want: ref("Edm.Byte")},
		{cell: "Single", want: ref("Edm.Single")},
		{cell: "Double", want: ref("Edm.Double")},
		{cell: "double", want: ref("Edm.Double"), note: TypeNote{Spelling: "double"}},
		{cell: "Float", want: ref("Edm.Double"), note: TypeNote{Spelling: "Float"}},
		{cell: "number", want: ref("Edm.Double"), note: TypeNote{Spelling: "number", Note: `"number" is ambiguous; read as Edm.Double`}},
		{cell: "decimal", want: ref("Edm.Decimal"), note: TypeNote{Spelling: "decimal"}},
		{cell: "DateTimeOffset", want: ref("Edm.DateTimeOffset")},
		{cell: "dateTimeOffset", want: ref("Edm.DateTimeOffset"), note: TypeNote{Spelling: "dateTimeOffset"}},
		{cell: "DateTimeOffSet", want: ref("Edm.DateTimeOffset"), note: TypeNote{Spelling: "DateTimeOffSet"}},
		{cell: "`Edm.DateTimeOffset`", want: ref("Edm.DateTimeOffset")},
		{cell: "DateTime", want: ref("Edm.DateTimeOffset"), note: TypeNote{Spelling: "DateTime", Note: "DateTime is not an EDM type; read as Edm.DateTimeOffset"}},
		{cell: "edm.DateTime", want: ref("Edm.DateTimeOffset"), note: TypeNote{Spelling: "edm.DateTime", Note: "DateTime is not an EDM type; read as Edm.DateTimeOffset"}},
		{cell: "Timestamp", want: ref("Edm.DateTimeOffset"), note: TypeNote{Spelling: "Timestamp", Note: "Timestamp is not an EDM type; read as Edm.DateTimeOffset"}},
		{cell: "Date", want: ref("Edm.Date")},
		{cell: "date", want: ref("Edm.Date"), note: TypeNote{Spelling: "date"}},
		{cell: "TimeOfDay", want: ref("Edm.TimeOfDay")},
		{cell: "Duration", want: ref("Edm.Duration")},
		{cell: "Guid", want: ref("Edm.Guid")},
		{cell: "GUID", want: ref("Edm.Guid"), note: TypeNote{Spelling: "GUID"}},
		{cell: "Binary", want: ref("Edm.Binary")},
		{cell: "Stream", want: ref("Edm.Stream")},
		{cell: "Url", want: ref("Edm.String"), note: TypeNote{Spelling: "Url", Note: "Url is not an EDM type; read as Edm.String"}},
		{cell: "Json", want: ref(model.JSONType)},
		{cell: "Object", want: ref(model.JSONType), note: TypeNote{Spelling: "Object", Note: "Object is not a type; read as untyped JSON"}},
		// Markup.
		{cell: "**Boolean**", want: ref("Edm.Boolean")},
		{cell: "`Boolean`", want: ref("Edm.Boolean")},
		{cell: "chat\\_type", want: ref("microsoft.graph.chat_type")},
		// Collections (catalog §7.2).
		{cell: "String collection", want: coll("Edm.String")},
		{cell: "String Collection", want: coll("Edm.String")},
		{cell: "accessReviewReviewerScope collection", want: coll("microsoft.graph.accessReviewReviewerScope")},
		{cell: "Collection(String)", want: coll("Edm.String")},
		{cell: "collection(microsoft.graph.x)", want: coll("microsoft.graph.x")},
		{cell: "Collection of String", want: coll("Edm.String")},
		{cell: "identitySet[]", want: coll("microsoft.graph.identitySet")},
		// Names.
		{cell: "cloudPcSnapshotStatus", want: ref("microsoft.graph.cloudPcSnapshotStatus")},
		{cell: "callRecord", ns: "microsoft.graph.callRecords", want: ref("microsoft.graph.callRecords.callRecord")},
		{cell: "microsoft.graph.externalConnectors.configuration", want: ref("microsoft.graph.externalConnectors.configuration")},
		// Notes.
		{cell: "(Optional) String", want: ref("Edm.String"), note: TypeNote{Note: "Optional"}},
		{cell: "String (optional)", want: ref("Edm.String"), note: TypeNote{Note: "optional"}},
		{cell: "string (url)", want: ref("Edm.String"), note: TypeNote{Spelling: "string", Note: "url"}},
		{cell: "string, maximum size 20", want: ref("Edm.String"), note: TypeNote{Spelling: "string", Note: "maximum size 20"}},
		{cell: "educationOutcome collection. Holds grades, feedback", want: coll("microsoft.graph.educationOutcome"), note: TypeNote{Note: "Holds grades, feedback"}},
		// Unions.
		{cell: "appHostedMediaConfig or serviceHostedMediaConfig", want: ref("microsoft.graph.appHostedMediaConfig"),
			note: TypeNote{Union: []string{"microsoft.graph.appHostedMediaConfig", "microsoft.graph.serviceHostedMediaConfig"}}},
		{cell: "(boolean or string or number) collection", want: coll("Edm.Boolean"),
			note: TypeNote{Spelling: "boolean", Union: []string{"Collection(Edm.Boolean)", "Collection(Edm.String)", "Collection(Edm.Double)"}}},
		{cell: "string/number", want: ref("Edm.String"), note: TypeNote{Spelling: "string", Union: []string{"Edm.String", "Edm.Double"}}},
		// Empty and unknown.
		{cell: "", note: TypeNote{Empty: true}},
		{cell: " ** ", note: TypeNote{Empty: true}},
		{cell: "Edm.Int8", want: ref(model.JSONType), note: TypeNote{Unknown: true, Note: `cannot read "Edm.Int8" as a type name`}},
		{cell: "some free text", want: ref(model.JSONType), note: TypeNote{Unknown: true, Note: `cannot read "some free text" as a type name`}},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			got, note := NormalizeType(tt.cell, tt.ns)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ref mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.note, note); diff != "" {
				t.Errorf("note mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
