package model

// lintCodes are the diagnostic codes reported by the lint.
// Codes are kebab-case, stable once released, and each has an explanation.
var lintCodes = []CodeInfo{
	{
		Code:     "example-unknown-member",
		Severity: Error,
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
		Code:     "example-enum-value",
		Severity: Error,
		Summary:  "enum value in an example not among the documented members",
		Explain: "An example assigns a string to a property whose type is a documented enum, and the string " +
			"(or, for a flags enum, one of its comma-separated parts) is not a member of that enum. Enum " +
			"members are case-sensitive on the wire. Use one of the documented members in the example, or add " +
			"the member to the enum table. Placeholders such as \"String\" are reported as example-placeholder " +
			"instead.",
	},
	{
		Code:     "example-type-mismatch",
		Severity: Error,
		Summary:  "example value of the wrong JSON type for its property",
		Explain: "An example value has a JSON type the property's documented type cannot have: a string for an " +
			"Edm.Int32 or Edm.Boolean property, a number for an Edm.String or enum property, an object for a " +
			"primitive, a single value for a Collection(...) property or an array for a single-valued one. " +
			"null is always accepted. Placeholder values (\"String\", \"String (timestamp)\", 1024) are exempt. " +
			"Fix the example value, or the Type cell of the property table if the example is right.",
	},
	{
		Code:     "example-placeholder",
		Severity: Info,
		Summary:  "example placeholder names a different type than the property",
		Explain: "An example uses a type-name placeholder (\"String\", \"String (timestamp)\", \"Int32\") for a " +
			"property whose documented type is different: \"String\" for an enum or a structured type, " +
			"\"String (timestamp)\" for an Edm.String. The placeholder is not checked as a value, but it tells " +
			"readers the wrong type. Write a placeholder that names the property's type, or a real value.",
	},
	{
		Code:     "example-odata-type",
		Severity: Error,
		Summary:  "@odata.type in an example is not the expected type or a derived type",
		Explain: "An example object carries an \"@odata.type\" that is neither the type the example documents " +
			"(the annotation's @odata.type, the operation's request or response type, or the declared type of " +
			"the property holding a nested object) nor a type derived from it through the documented base " +
			"types. Serializers pick the Go type from @odata.type, so the example would decode into the wrong " +
			"type. Fix the @odata.type value (\"#microsoft.graph.x\"), or the annotation.",
	},
	{
		Code:     "example-url-mismatch",
		Severity: Warning,
		Summary:  "example request URL matches none of the HTTP request paths",
		Explain: "The URL of an example request, without scheme, host, version (/v1.0, /beta) and query " +
			"string, matches none of the path templates in the page's \"HTTP request\" block. Parameters " +
			"({id}, '{id}', {id | userPrincipalName}) match any value in one segment; segments compare " +
			"case-insensitively. Either the example calls a different API, or the HTTP request block lacks a " +
			"path: fix one of them.",
	},
	{
		Code:     "example-method-mismatch",
		Severity: Warning,
		Summary:  "example request method differs from the HTTP request block",
		Explain: "An example request uses an HTTP method that none of the paths in the page's \"HTTP request\" " +
			"block uses (for example PATCH in the example, POST in the syntax block). Generated handlers are " +
			"registered for the documented method, so the example could never reach them. Make the example " +
			"and the HTTP request block agree.",
	},
	{
		Code:     "example-status-mismatch",
		Severity: Warning,
		Summary:  "example response status differs from the one the Response section states",
		Explain: "A response example's status line (\"HTTP/1.1 200 OK\") differs from the status code the " +
			"page's Response section states (\"returns a 201 Created response code\"). Examples that document " +
			"errors (expectError, status 4xx/5xx) are not compared. Fix the example's status line or the " +
			"Response prose so that generated handlers and tests agree on the success status.",
	},
	{
		Code:     "required-prose-only",
		Severity: Warning,
		Summary:  "prose says the request-body properties are required but no row says so",
		Explain: "The paragraph before a request-body table claims the listed properties are required (\"the " +
			"following table shows the properties that are required when you create ...\"), but no row of the " +
			"table carries a Required (or Optional) marker. Readers and the generated validator cannot tell " +
			"which properties are really required. Mark each row \"Required.\" or \"Optional.\" in its " +
			"description, or reword the paragraph.",
	},
	{
		Code:     "required-mismatch",
		Severity: Warning,
		Summary:  "prose says the properties are required but a row says Optional",
		Explain: "The paragraph before a request-body table claims the listed properties are required, but a " +
			"row's description says \"Optional\". The prose and the table contradict each other; the generated " +
			"validator follows the row markers. Reword the paragraph (\"You can specify the following " +
			"properties\") or fix the row.",
	},
	{
		Code:     "type-undefined",
		Severity: Error,
		Summary:  "a type is referenced but documented nowhere",
		Explain: "A property, request body, response or base type names a type (\"microsoft.graph.x\") that no " +
			"page in the docs tree defines: it is not a resource, complex or enum type of the package, not an " +
			"Edm primitive and not microsoft.graph.Json. Generated code falls back to untyped JSON for it. Add " +
			"the resource or enum page, or fix the type name (check its spelling and case).",
	},
}
