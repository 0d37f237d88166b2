package lint

import (
	"slices"

	"github.com/docgen-dev/docgen/parser/model"
)

// The diagnostic codes Run reports. A code is kebab-case and stable once
// released; Codes documents each one (`docgen check -explain CODE`).
const (
	CodeExampleUnknownMember  model.Code = "example-unknown-member"  // example member not in the property table
	CodeExampleEnumValue      model.Code = "example-enum-value"      // enum value in an example not among the documented members
	CodeExampleTypeMismatch   model.Code = "example-type-mismatch"   // example value of the wrong JSON type for its property
	CodeExamplePlaceholder    model.Code = "example-placeholder"     // example placeholder names a different type than the property
	CodeExampleODataType      model.Code = "example-odata-type"      // @odata.type in an example is not the expected type or a derived type
	CodeExampleURLMismatch    model.Code = "example-url-mismatch"    // example request URL matches none of the HTTP request paths
	CodeExampleMethodMismatch model.Code = "example-method-mismatch" // example request method differs from the HTTP request block
	CodeExampleStatusMismatch model.Code = "example-status-mismatch" // example response status differs from the one the Response section states
	CodeRequiredProseOnly     model.Code = "required-prose-only"     // prose says the request-body properties are required but no row says so
	CodeRequiredMismatch      model.Code = "required-mismatch"       // prose says the properties are required but a row says Optional
	CodeTypeUndefined         model.Code = "type-undefined"          // a type is referenced but documented nowhere
)

// Codes returns the documentation of every code Run reports: its
// default severity, summary and explanation, in catalogue order.
func Codes() []model.CodeInfo { return slices.Clone(catalogue) }

var catalogue = []model.CodeInfo{
	{
		Code:     CodeExampleUnknownMember,
		Severity: model.Error,
		Summary:  "example member not in the property table",
		Explain: "An example JSON body has a member that no property table documents: not the type's own " +
			"Properties or Relationships table, not a property inherited through the base-type chain, and not " +
			"a row of the API page's request-body table. Nested objects are checked against the declared type " +
			"of the property that holds them (or the type their @odata.type names when it derives from it). " +
			"Instance annotations (\"@odata.type\", \"x@odata.nextLink\", any name containing \"@\") are never " +
			"unknown, and open types accept any member. Fix the typo in the example, or add the missing row " +
			"to the property table; generated code would otherwise keep the member only as unknown data.",
	},
	{
		Code:     CodeExampleEnumValue,
		Severity: model.Error,
		Summary:  "enum value in an example not among the documented members",
		Explain: "An example assigns a string to a property whose type is a documented enum, and the string " +
			"(or, for a flags enum, one of its comma-separated parts) is not a member of that enum. Enum " +
			"members are case-sensitive on the wire. Use one of the documented members in the example, or add " +
			"the member to the enum table. Placeholders such as \"String\" are reported as example-placeholder " +
			"instead.",
	},
	{
		Code:     CodeExampleTypeMismatch,
		Severity: model.Error,
		Summary:  "example value of the wrong JSON type for its property",
		Explain: "An example value has a JSON type the property's documented type cannot have: a string for an " +
			"Edm.Int32 or Edm.Boolean property, a number for an Edm.String or enum property, an object for a " +
			"primitive, a single value for a Collection(...) property or an array for a single-valued one. " +
			"null is always accepted. Placeholder values (\"String\", \"String (timestamp)\", 1024) are exempt. " +
			"Fix the example value, or the Type cell of the property table if the example is right.",
	},
	{
		Code:     CodeExamplePlaceholder,
		Severity: model.Info,
		Summary:  "example placeholder names a different type than the property",
		Explain: "An example uses a type-name placeholder (\"String\", \"String (timestamp)\", \"Int32\") for a " +
			"property whose documented type is different: \"String\" for an enum or a structured type, " +
			"\"String (timestamp)\" for an Edm.String. The placeholder is not checked as a value, but it tells " +
			"readers the wrong type. Write a placeholder that names the property's type, or a real value.",
	},
	{
		Code:     CodeExampleODataType,
		Severity: model.Error,
		Summary:  "@odata.type in an example is not the expected type or a derived type",
		Explain: "An example object carries an \"@odata.type\" that is neither the type the example documents " +
			"(the annotation's @odata.type, the operation's request or response type, or the declared type of " +
			"the property holding a nested object) nor a type derived from it through the documented base " +
			"types. Serializers pick the Go type from @odata.type, so the example would decode into the wrong " +
			"type. Fix the @odata.type value (\"#microsoft.graph.x\"), or the annotation.",
	},
	{
		Code:     CodeExampleURLMismatch,
		Severity: model.Warning,
		Summary:  "example request URL matches none of the HTTP request paths",
		Explain: "The URL of an example request, without scheme, host, version (/v1.0, /beta) and query " +
			"string, matches none of the path templates in the page's \"HTTP request\" block. Parameters " +
			"({id}, '{id}', {id | userPrincipalName}) match any value in one segment; segments compare " +
			"case-insensitively. Either the example calls a different API, or the HTTP request block lacks a " +
			"path: fix one of them.",
	},
	{
		Code:     CodeExampleMethodMismatch,
		Severity: model.Warning,
		Summary:  "example request method differs from the HTTP request block",
		Explain: "An example request uses an HTTP method that none of the paths in the page's \"HTTP request\" " +
			"block uses (for example PATCH in the example, POST in the syntax block). Generated handlers are " +
			"registered for the documented method, so the example could never reach them. Make the example " +
			"and the HTTP request block agree.",
	},
	{
		Code:     CodeExampleStatusMismatch,
		Severity: model.Warning,
		Summary:  "example response status differs from the one the Response section states",
		Explain: "A response example's status line (\"HTTP/1.1 200 OK\") differs from the status code the " +
			"page's Response section states (\"returns a 201 Created response code\"). Examples that document " +
			"errors (expectError, status 4xx/5xx) are not compared. Fix the example's status line or the " +
			"Response prose so that generated handlers and tests agree on the success status.",
	},
	{
		Code:     CodeRequiredProseOnly,
		Severity: model.Warning,
		Summary:  "prose says the request-body properties are required but no row says so",
		Explain: "The paragraph before a request-body table claims the listed properties are required (\"the " +
			"following table shows the properties that are required when you create ...\"), but no row of the " +
			"table carries a Required (or Optional) marker. Readers and the generated validator cannot tell " +
			"which properties are really required. Mark each row \"Required.\" or \"Optional.\" in its " +
			"description, or reword the paragraph.",
	},
	{
		Code:     CodeRequiredMismatch,
		Severity: model.Warning,
		Summary:  "prose says the properties are required but a row says Optional",
		Explain: "The paragraph before a request-body table claims the listed properties are required, but a " +
			"row's description says \"Optional\". The prose and the table contradict each other; the generated " +
			"validator follows the row markers. Reword the paragraph (\"You can specify the following " +
			"properties\") or fix the row.",
	},
	{
		Code:     CodeTypeUndefined,
		Severity: model.Error,
		Summary:  "a type is referenced but documented nowhere",
		Explain: "A property, request body, response or base type names a type (\"microsoft.graph.x\") that no " +
			"page in the docs tree defines: it is not a resource, complex or enum type of the package, not an " +
			"Edm primitive and not microsoft.graph.Json. Generated code falls back to untyped JSON for it. Add " +
			"the resource or enum page, or fix the type name (check its spelling and case).",
	},
}
