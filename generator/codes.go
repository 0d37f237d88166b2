package generator

import (
	"slices"

	"github.com/docgen-dev/docgen/parser/model"
)

// The diagnostic codes Generate reports. A code is kebab-case and stable
// once released; Codes documents each one (`docgen check -explain CODE`).
// p.diag reports a code with its documented severity.
const (
	CodeRenamed             model.Code = "generator-renamed"               // a documented name got a different Go name to avoid a collision
	CodeDuplicateType       model.Code = "generator-duplicate-type"        // two model types have the same qualified name
	CodeUndefinedBase       model.Code = "generator-undefined-base"        // a type's base type is not defined on any page
	CodeBaseCycle           model.Code = "generator-base-cycle"            // the base types of a type form a cycle
	CodeUnknownPrimitive    model.Code = "generator-unknown-primitive"     // a property names an Edm primitive docgen does not know
	CodeUndefinedType       model.Code = "generator-undefined-type"        // a property's type is not defined on any page
	CodeUnknownBodyProperty model.Code = "generator-unknown-body-property" // a request-body row names a property the body type does not have
	CodeRouteConflict       model.Code = "route-conflict"                  // two documented paths map to the same or overlapping net/http route
	CodeRouteUnsupported    model.Code = "route-unsupported"               // a documented path cannot become a net/http route
	CodeRequiredReadOnly    model.Code = "required-read-only"              // a request-body row marked Required is read-only on the resource
	CodeRequiredUnsent      model.Code = "required-unsent"                 // a request-body row marked Required is missing from the page's request example
	CodeRequiredNull        model.Code = "required-null"                   // a request-body row marked Required is null in the page's request example
	CodeInternal            model.Code = "generator-internal"              // docgen produced Go code that does not format (a docgen bug)
	CodeExampleValue        model.Code = "generator-example-value"         // example value does not fit its declared type
	CodeExampleMissing      model.Code = "generator-example-missing"       // example omits a required member
	CodeExampleUntested     model.Code = "generator-example-untested"      // example gets no round-trip test
)

// Codes returns the documentation of every code Generate reports: its
// default severity, summary and explanation, in catalogue order.
func Codes() []model.CodeInfo { return slices.Clone(catalogue) }

var catalogue = []model.CodeInfo{
	{
		Code:     CodeRenamed,
		Severity: model.Info,
		Summary:  "a documented name got a different Go name to avoid a collision",
		Explain: "Every type, enum member, operation and property gets a Go name derived from its documented name " +
			"(cloudPcId → CloudPcID). When two of them would get the same Go name (types that differ only by case or by " +
			"namespace, a type named like one of the few runtime declarations such as Opt or EdmDate, an enum constant equal to another " +
			"type's name, a property named like a generated method such as Validate), the later one in a fixed order " +
			"(qualified names, sorted) is renamed: a sub-namespace prefix (CallRecordsSession), or a suffix (OptType, " +
			"ValidateField, ModeKindFastValue, OpGetThing2). The rename does not depend on page order. Nothing is wrong " +
			"with the page; rename the documented item if the Go name matters to you.",
	},
	{
		Code:     CodeDuplicateType,
		Severity: model.Warning,
		Summary:  "two model types have the same qualified name",
		Explain: "The model should hold each qualified type name once (the parser merges pages that document the " +
			"same type). When it does not, the generator keeps the first definition in sorted order and ignores the " +
			"other. Merge the two definitions into one page.",
	},
	{
		Code:     CodeUndefinedBase,
		Severity: model.Warning,
		Summary:  "a type's base type is not defined on any page",
		Explain: "Derived types get the properties of their base types copied in. When the base type named by the " +
			"page (the baseType annotation or an \"Inherits from\" line) is not documented anywhere, its properties " +
			"are missing from the generated struct; they still round-trip through Extra. Add the base type's resource " +
			"page or fix the base type name.",
	},
	{
		Code:     CodeBaseCycle,
		Severity: model.Error,
		Summary:  "the base types of a type form a cycle",
		Explain: "A type's base chain must end at a root type. When following base types leads back to a type " +
			"already seen, the generator stops there, so some inherited properties may be missing. Fix the baseType " +
			"annotations so the chain ends.",
	},
	{
		Code:     CodeUnknownPrimitive,
		Severity: model.Warning,
		Summary:  "a property names an Edm primitive docgen does not know",
		Explain: "Edm types map to Go types through one table (Edm.String → string, Edm.DateTimeOffset → time.Time, " +
			"...). A property of another Edm.* type is generated as json.RawMessage, which keeps any JSON value but " +
			"is not validated. Use one of the documented Edm primitive types.",
	},
	{
		Code:     CodeUndefinedType,
		Severity: model.Warning,
		Summary:  "a property's type is not defined on any page",
		Explain: "A property whose type names a complex, entity or enum type that no page documents is generated as " +
			"json.RawMessage: its value round-trips but is neither typed nor validated. Add the type's resource or " +
			"enum page, or fix the type name in the property table.",
	},
	{
		Code:     CodeUnknownBodyProperty,
		Severity: model.Warning,
		Summary:  "a request-body row names a property the body type does not have",
		Explain: "An API page's request-body table lists the properties an operation accepts; when the body is a " +
			"documented type, each row should be one of that type's properties. A row that is not is ignored by " +
			"ValidateFor (its required rule cannot be checked). Add the property to the resource's table or fix its name.",
	},
	{
		Code:     CodeRequiredReadOnly,
		Severity: model.Warning,
		Summary:  "a request-body row marked Required is read-only on the resource",
		Explain: "A row of a request-body table says Required, but the resource's property table marks the property " +
			"read-only (set by the service). A client cannot be required to send a value the service sets, so the " +
			"generated server does not enforce the requirement. Drop the Required marker or the read-only note.",
	},
	{
		Code:     CodeRequiredUnsent,
		Severity: model.Warning,
		Summary:  "a request-body row marked Required is missing from the page's request example",
		Explain: "The documented examples are the contract the generated server is tested against: every documented " +
			"request must reach the implementation. When a row says Required but the page's own request example " +
			"does not send the property, the example and the row contradict each other, and the generated server " +
			"does not enforce the requirement. Send the property in the example or drop the marker.",
	},
	{
		Code:     CodeRequiredNull,
		Severity: model.Warning,
		Summary:  "a request-body row marked Required is null in the page's request example",
		Explain: "The generated server answers 400 when a required property is absent or null. When a row says " +
			"Required but the page's own request example sends the property as null, the example and the row " +
			"contradict each other; the documented request must reach the implementation, so the generated server " +
			"does not enforce the requirement. Send a value in the example or drop the marker.",
	},
	{
		Code:     CodeRouteConflict,
		Severity: model.Info,
		Summary:  "two documented paths map to the same or overlapping net/http route",
		Explain: "Every documented path of an operation becomes a Go 1.22 http.ServeMux pattern in the generated " +
			"Register<Group>Server functions ({user-id} becomes the wildcard {UserID}; an OData key or function segment " +
			"becomes one wildcard the runtime parses). ServeMux panics when two patterns could match the same request " +
			"and neither is more specific (GET /a/{x}/b and GET /a/b/{y}), and the same method and pattern cannot be " +
			"registered twice (GET /users/{id} documented on two pages, with any parameter names). docgen registers " +
			"every pattern on a fresh ServeMux at generation time, in page order, and drops the later route of each " +
			"conflict with this diagnostic, which names both pages; the operation keeps its other paths (it gets no " +
			"handler if none is left). This is a limit of net/http routing, not a doc defect: the same path documented " +
			"on two pages (an Intune workload page and its derived-type page) is normal. It is reported as info so the " +
			"gap in the generated server is visible.",
	},
	{
		Code:     CodeRouteUnsupported,
		Severity: model.Info,
		Summary:  "a documented path cannot become a net/http route",
		Explain: "A ServeMux wildcard must be a whole path segment. Paths that address an item by OneDrive path " +
			"(root:/{item-path}:), segments that mix literal text with a {parameter} (roleTemplateId={id}), characters " +
			"a pattern cannot hold (spaces, <placeholder>), and methods other than GET, POST, PUT, PATCH and DELETE get " +
			"no handler route; the message says which. The operation keeps its other paths. This is a limit of net/http " +
			"routing, reported as info; serve such paths with a handler of your own.",
	},
	{
		Code:     CodeInternal,
		Severity: model.Error,
		Summary:  "docgen produced Go code that does not format (a docgen bug)",
		Explain: "Every generated file is formatted with go/format before it is written. A file that fails is a bug " +
			"in docgen, not in the pages (page text reaches Go code only through internal/gosafe, which makes it safe). " +
			"docgen then leaves out the declaration that holds the error, names it and the page it came from (its " +
			"Source line) in this diagnostic, and still writes the rest of the file and every other file; generate " +
			"exits 1. When no declaration can be singled out the file is left out and the message carries the " +
			"formatter's error and the unformatted source with line numbers. Please report it.",
	},
	// Codes of the example tests (emit_examples*.go).
	{Code: CodeExampleValue, Severity: model.Warning, Summary: "example value does not fit its declared type",
		Explain: "A value in a documented JSON example does not fit the type the property table (or the example's type) declares, and is not a placeholder docgen recognises: a string where an Edm.Int32 belongs, \"bogus\" where an enum lists other members, a date-time without RFC 3339 form, a malformed GUID, null in a collection or in a required or non-nullable property. The generated round-trip test logs this diagnostic instead of failing on it: a value that cannot decode is removed before decoding, one that decodes but fails Validate is tolerated at its JSON Pointer. Fix the example value, or the property's type in the table if the example is right. This is reported only when nothing else (the parser or a lint) already reported a problem on that line."},
	{Code: CodeExampleMissing, Severity: model.Warning, Summary: "example omits a required member",
		Explain: "A documented JSON example that is not marked \"truncated\" omits a member its property table marks Required. The generated struct holds required members as plain Go values (not Opt), so it cannot tell absent from zero: decoding the example and encoding it again adds the member with its zero value, and Validate may reject that value. The generated round-trip test logs this diagnostic and tolerates exactly that member. Fix: show the member in the example, add `\"truncated\": true` to the example's annotation when it shows only some members, or drop the Required marker if the member is optional."},
	{Code: CodeExampleUntested, Severity: model.Info, Summary: "example gets no round-trip test",
		Explain: "docgen generates a round-trip test for every JSON example, but this one can only get a skipped test: the example names no type (a JSON block without an \"@odata.type\" annotation, outside an operation), its type is not defined on any page, or its JSON cannot be read even after the lenient repairs docgen makes (see json-invalid). The skipped test's message gives the reason. Fix: annotate the block with \"@odata.type\", document the type, or fix the JSON."},
}
