package metacheck

import (
	"slices"

	"github.com/docgen-dev/docgen/parser/model"
)

// The diagnostic codes Check reports. A code is kebab-case and stable once
// released; Codes documents each one (`docgen check -explain CODE`).
const (
	CodeTypeUnknown          model.Code = "metadata-type-unknown"          // documented type the metadata lacks
	CodePropertyUnknown      model.Code = "metadata-property-unknown"      // documented property the type and its ancestors lack
	CodeMemberUnknown        model.Code = "metadata-member-unknown"        // documented enum member the metadata lacks
	CodePropertyUndocumented model.Code = "metadata-property-undocumented" // metadata property missing from the type's page
	CodeMemberUndocumented   model.Code = "metadata-member-undocumented"   // metadata enum member missing from the enum's page
	CodePropertyType         model.Code = "metadata-property-type"         // property type or collection flag differs from the metadata
	CodeBaseType             model.Code = "metadata-base-type"             // base type differs from the metadata
	CodeBaseUnstated         model.Code = "metadata-base-unstated"         // no page states the base type the metadata declares
	CodeNameCase             model.Code = "metadata-name-case"             // name differs from the metadata only by case
	CodePathUnresolved       model.Code = "metadata-path-unresolved"       // documented HTTP path does not resolve through the metadata
)

// Codes returns the documentation of every code Check reports.
func Codes() []model.CodeInfo { return slices.Clone(catalogue) }

var catalogue = []model.CodeInfo{
	{
		Code:     CodeTypeUnknown,
		Severity: model.Warning,
		Summary:  "documented type the metadata lacks",
		Explain: "A page documents an entity, complex or enum type whose qualified name the service's `$metadata` " +
			"(given to `docgen check -metadata`) does not declare, in any case. Either the page names the type " +
			"wrongly (a typo, an old name, a word of prose read as a type), or the type is not in this version of " +
			"the service. Fix the name on the page, or remove the page from this version's docs.",
	},
	{
		Code:     CodePropertyUnknown,
		Severity: model.Warning,
		Summary:  "documented property the type and its ancestors lack",
		Explain: "A property table row documents a property that neither the metadata's type nor any of its base " +
			"types declares. Clients built from the docs would send or expect a member the service does not have. " +
			"Fix the property name, move the row to the type that has it, or remove it.",
	},
	{
		Code:     CodeMemberUnknown,
		Severity: model.Warning,
		Summary:  "documented enum member the metadata lacks",
		Explain: "An enum table (or a \"Possible values\" list of a named enum) documents a member the metadata's " +
			"enum type does not declare. Fix the member name or remove it.",
	},
	{
		Code:     CodePropertyUndocumented,
		Severity: model.Info,
		Summary:  "metadata property missing from the type's page",
		Explain: "The metadata declares a structural or navigation property on a type that the docs document, but " +
			"no property or relationship table of the type has a row for it. Add the row (with its type and " +
			"description) so that generated code and readers know the property.",
	},
	{
		Code:     CodeMemberUndocumented,
		Severity: model.Info,
		Summary:  "metadata enum member missing from the enum's page",
		Explain: "The metadata declares an enum member the docs do not list for that enum. Add the member to the " +
			"enum's table or value list.",
	},
	{
		Code:     CodePropertyType,
		Severity: model.Warning,
		Summary:  "property type or collection flag differs from the metadata",
		Explain: "A documented property's Type cell names a different type than the metadata declares for the " +
			"property (on the type or an ancestor), or one is a collection and the other is not. Generated code " +
			"would decode the property with the wrong Go type. Fix the Type cell to the metadata's type.",
	},
	{
		Code:     CodeBaseType,
		Severity: model.Warning,
		Summary:  "base type differs from the metadata",
		Explain: "The base type a page states for a type differs from the metadata's BaseType (or the page " +
			"states one where the metadata has none). Inherited properties and polymorphic decoding follow the " +
			"base chain; state the right base on the type's page (\"Inherits from [x](x.md).\").",
	},
	{
		Code:     CodeBaseUnstated,
		Severity: model.Info,
		Summary:  "no page states the base type the metadata declares",
		Explain: "No page states a base type for this type, and the metadata declares one that differs from what " +
			"docgen reads: docgen either reads the type with no base or assumes microsoft.graph.entity for a keyed " +
			"type (marked baseAssumed in the model). The docs are silent rather than wrong, so this is counted " +
			"apart from the base-types measure. Fix: state the base on the type's page " +
			"(\"Inherits from [x](x.md).\").",
	},
	{
		Code:     CodeNameCase,
		Severity: model.Error,
		Summary:  "name differs from the metadata only by case",
		Explain: "A documented type, property or enum member name equals the metadata's name except for letter " +
			"case. JSON member names and enum values are case-sensitive, so code generated from the docs would " +
			"not read or write the member the service sends. Write the name exactly as the metadata does.",
	},
	{
		Code:     CodePathUnresolved,
		Severity: model.Warning,
		Summary:  "documented HTTP path does not resolve through the metadata",
		Explain: "An HTTP request path of an API page cannot be followed through the metadata: from an entity set, " +
			"singleton or operation import, through key segments, navigation and structural properties (of the " +
			"type, an ancestor, or a derived type named by a cast segment), to bound actions and functions. The " +
			"message names the first segment that does not resolve. Fix the path (a misspelt property, a missing " +
			"cast, an operation that does not exist), or report the missing navigation property.",
	},
}
