package model

// generatorCodes are the diagnostic codes reported by the generator.
// Codes are kebab-case, stable once released, and each has an explanation.
var generatorCodes = []CodeInfo{
	{
		Code:     "generator-renamed",
		Severity: Info,
		Summary:  "a documented name got a different Go name to avoid a collision",
		Explain: "Every type, enum member, operation and property gets a Go name derived from its documented name " +
			"(cloudPcId → CloudPcID). When two of them would get the same Go name (types that differ only by case or by " +
			"namespace, a type named like a runtime declaration such as Date or Opt, an enum constant equal to another " +
			"type's name, a property named like a generated method such as Validate), the later one in a fixed order " +
			"(qualified names, sorted) is renamed: a sub-namespace prefix (CallRecordsSession), or a suffix (DateType, " +
			"ValidateField, ModeKindFastValue, OpGetThing2). The rename does not depend on page order. Nothing is wrong " +
			"with the page; rename the documented item if the Go name matters to you.",
	},
	{
		Code:     "generator-duplicate-type",
		Severity: Warning,
		Summary:  "two model types have the same qualified name",
		Explain: "The model should hold each qualified type name once (the parser merges pages that document the " +
			"same type). When it does not, the generator keeps the first definition in sorted order and ignores the " +
			"other. Merge the two definitions into one page.",
	},
	{
		Code:     "generator-undefined-base",
		Severity: Warning,
		Summary:  "a type's base type is not defined on any page",
		Explain: "Derived types get the properties of their base types copied in. When the base type named by the " +
			"page (the baseType annotation or an \"Inherits from\" line) is not documented anywhere, its properties " +
			"are missing from the generated struct; they still round-trip through Extra. Add the base type's resource " +
			"page or fix the base type name.",
	},
	{
		Code:     "generator-base-cycle",
		Severity: Error,
		Summary:  "the base types of a type form a cycle",
		Explain: "A type's base chain must end at a root type. When following base types leads back to a type " +
			"already seen, the generator stops there, so some inherited properties may be missing. Fix the baseType " +
			"annotations so the chain ends.",
	},
	{
		Code:     "generator-unknown-primitive",
		Severity: Warning,
		Summary:  "a property names an Edm primitive docgen does not know",
		Explain: "Edm types map to Go types through one table (Edm.String → string, Edm.DateTimeOffset → time.Time, " +
			"...). A property of another Edm.* type is generated as json.RawMessage, which keeps any JSON value but " +
			"is not validated. Use one of the documented Edm primitive types.",
	},
	{
		Code:     "generator-undefined-type",
		Severity: Warning,
		Summary:  "a property's type is not defined on any page",
		Explain: "A property whose type names a complex, entity or enum type that no page documents is generated as " +
			"json.RawMessage: its value round-trips but is neither typed nor validated. Add the type's resource or " +
			"enum page, or fix the type name in the property table.",
	},
	{
		Code:     "generator-unknown-body-property",
		Severity: Warning,
		Summary:  "a request-body row names a property the body type does not have",
		Explain: "An API page's request-body table lists the properties an operation accepts; when the body is a " +
			"documented type, each row should be one of that type's properties. A row that is not is ignored by " +
			"ValidateFor (its required rule cannot be checked). Add the property to the resource's table or fix its name.",
	},
	{
		Code:     "route-conflict",
		Severity: Info,
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
		Code:     "route-unsupported",
		Severity: Info,
		Summary:  "a documented path cannot become a net/http route",
		Explain: "A ServeMux wildcard must be a whole path segment. Paths that address an item by OneDrive path " +
			"(root:/{item-path}:), segments that mix literal text with a {parameter} (roleTemplateId={id}), characters " +
			"a pattern cannot hold (spaces, <placeholder>), and methods other than GET, POST, PUT, PATCH and DELETE get " +
			"no handler route; the message says which. The operation keeps its other paths. This is a limit of net/http " +
			"routing, reported as info; serve such paths with a handler of your own.",
	},
	{
		Code:     "generator-internal",
		Severity: Error,
		Summary:  "docgen produced Go code that does not format (a docgen bug)",
		Explain: "Every generated file is formatted with go/format before it is written. A file that fails is a bug " +
			"in docgen, not in the pages; docgen generate then writes nothing. The message carries the formatter's " +
			"error and the unformatted source with line numbers: please report it.",
	},
}
