package parser

import (
	"fmt"
	"slices"

	"github.com/docgen-dev/docgen/parser/model"
)

// The diagnostic codes the parser reports. A code is kebab-case and stable
// once released; Codes documents each one (`docgen check -explain CODE`).
const (
	CodeAnnotationJSON      model.Code = "annotation-json"       // annotation comment is not strict JSON
	CodeAnnotationValue     model.Code = "annotation-value"      // annotation key has a value of the wrong kind
	CodeHTTPBlankLine       model.Code = "http-blank-line"       // blank line between the start line and the headers
	CodeHTTPHeaderBody      model.Code = "http-header-body"      // body follows the headers without a blank line
	CodeHTTPStartLine       model.Code = "http-start-line"       // HTTP block does not start with a request or status line
	CodeHTTPSecondRequest   model.Code = "http-second-request"   // request block holds more than one request line
	CodeHTTPSyntaxLine      model.Code = "http-syntax-line"      // line in the HTTP request block is not METHOD /path
	CodeHTTPSyntaxPath      model.Code = "http-syntax-path"      // syntax-block path is a full URL or lacks its leading slash
	CodePathTemplate        model.Code = "path-template"         // URL template is malformed
	CodeJSONInvalid         model.Code = "json-invalid"          // example body is not JSON
	CodeJSONRepaired        model.Code = "json-repaired"         // example body is JSON only after lenient repairs
	CodeFrontmatterInvalid  model.Code = "frontmatter-invalid"   // front matter is not valid YAML
	CodeDoctypeMismatch     model.Code = "doctype-mismatch"      // doc_type disagrees with what the page is
	CodePageUnclassified    model.Code = "page-unclassified"     // page kind cannot be decided
	CodeAnnotationUnbound   model.Code = "annotation-unbound"    // block annotation is not followed by its code fence
	CodeFenceUnclosed       model.Code = "fence-unclosed"        // code fence swallows the text after it
	CodeTableCells          model.Code = "table-cells"           // table row has more cells than the header
	CodeTableNotTable       model.Code = "table-not-table"       // table-shaped paragraph is not a GFM table
	CodeTypeUnknown         model.Code = "type-unknown"          // Type cell is empty or unreadable
	CodeLinkBroken          model.Code = "link-broken"           // Type cell holds a malformed link
	CodePathDuplicate       model.Code = "path-duplicate"        // syntax block lists a path twice
	CodePathEllipsis        model.Code = "path-ellipsis"         // URL template has a "..." segment
	CodeTypeSpelling        model.Code = "type-spelling"         // Type cell uses an unusual spelling
	CodeTypeUnion           model.Code = "type-union"            // Type cell names alternative types
	CodeTodoText            model.Code = "todo-text"             // page still holds TODO scaffold text
	CodeEnumConflict        model.Code = "enum-conflict"         // enum documented with different members in two places
	CodeTypeConflict        model.Code = "type-conflict"         // type or property documented differently on two pages
	CodeBaseConflict        model.Code = "base-conflict"         // base type documented differently
	CodeTypeNameConflict    model.Code = "type-name-conflict"    // links name a page's type differently than the page does
	CodeExampleTypeConflict model.Code = "example-type-conflict" // create or update page names several types for an untyped example
	CodeExampleUnpaired     model.Code = "example-unpaired"      // example request or response has no partner
	// Codes of the page checks (limits.go).
	CodePageEncoding   model.Code = "page-encoding"    // page is not valid UTF-8; left out
	CodePageLimit      model.Code = "page-limit"       // page exceeds a per-page limit; left out
	CodePageHiddenText model.Code = "page-hidden-text" // page holds a bidi control, invisible or control character
)

// Codes returns the documentation of every code the parser reports: its
// default severity, summary and explanation, in catalogue order.
func Codes() []model.CodeInfo { return slices.Clone(catalogue) }

var catalogue = []model.CodeInfo{
	// Codes of the lexing helpers (annotation.go, httpblock.go, pathtemplate.go, jsonbody.go).
	{Code: CodeAnnotationJSON, Severity: model.Warning, Summary: "annotation comment is not strict JSON",
		Explain: "A `<!-- { ... } -->` annotation must be strict JSON. docgen reads it leniently and repairs trailing commas, raw newlines or control characters inside strings, unquoted keys, missing commas between members and a missing opening or closing quote, reporting each repair as a warning at its line. When the text cannot be read at all the diagnostic is an error and docgen recovers only \"blockType\" (or a page annotation's \"type\") with a pattern, losing every other key. Fix: make the annotation strict JSON — quote every key and string, separate members with commas, drop the comma before `}` or `]`, and write multi-line strings on one line."},
	{Code: CodeAnnotationValue, Severity: model.Warning, Summary: "annotation key has a value of the wrong kind",
		Explain: "A known annotation key holds a value of the wrong kind, for example `\"truncated\": \"yes\"` or `\"optionalProperties\": \"id\"`, and docgen ignored it. Booleans may be written `true`/`false` or the strings \"true\"/\"false\"; `name` is a string or an array of strings; `optionalProperties` and `suppressions` are arrays of strings; `baseType` is a string or null. Fix: write the value in the expected form."},
	{Code: CodeHTTPBlankLine, Severity: model.Warning, Summary: "blank line between the start line and the headers",
		Explain: "In an HTTP example a blank line ends the headers, so a blank line right after the request or status line turns the headers into body text and breaks the JSON (ApiDoctor fails on it). docgen skips the blank line when the next non-blank line is a known header such as Content-Type. Fix: remove the blank line so the headers follow the start line directly."},
	{Code: CodeHTTPHeaderBody, Severity: model.Warning, Summary: "body follows the headers without a blank line",
		Explain: "In an HTTP example the headers end at the first blank line and the body follows it. Here a line that is not a header (usually the `{` that opens the JSON body) follows the headers directly; docgen starts the body there. Fix: insert one blank line between the last header and the body."},
	{Code: CodeHTTPStartLine, Severity: model.Error, Summary: "HTTP block does not start with a request or status line",
		Explain: "An example request block must start with `METHOD URL` (\"GET https://graph.microsoft.com/v1.0/me\") and a response block with a status line (\"HTTP/1.1 200 OK\"). The first non-blank line is neither, so docgen could not read the method, URL or status; it reads what it can (a status code found in the line, headers, the body). Fix: add or correct the start line, or annotate the block as \"ignored\" if it is not an HTTP message."},
	{Code: CodeHTTPSecondRequest, Severity: model.Warning, Summary: "request block holds more than one request line",
		Explain: "An example request block holds a second `METHOD URL` line after the first request (usually after a blank line). A block documents one request; docgen uses the first and ignores the extra line rather than reading it as the body. Fix: move each request into its own block with its own annotation."},
	{Code: CodeHTTPSyntaxLine, Severity: model.Warning, Summary: "line in the HTTP request block is not METHOD /path",
		Explain: "The fenced block under `## HTTP request` lists the operation's URL templates, one `METHOD /path` per line; blank lines, header lines (`workbook-session-id: {session-id}`), comments and the word `or` are allowed. This line is none of those (for example program code) and docgen ignored it. Fix: remove it, or move it out of the syntax block."},
	{Code: CodeHTTPSyntaxPath, Severity: model.Info, Summary: "syntax-block path is a full URL or lacks its leading slash",
		Explain: "URL templates under `## HTTP request` are written as paths relative to the service root, starting with `/` and without host or version (`GET /me/events`). This one is a full URL or has no leading slash; docgen stripped the scheme, host and version or added the slash. Fix: write the path as `/path`."},
	{Code: CodePathTemplate, Severity: model.Warning, Summary: "URL template is malformed",
		Explain: "A path in the HTTP request block has unbalanced braces, parentheses or quotes, an empty segment (`//`) or malformed parentheses, so docgen could not split it into segments reliably; the segments it could read are kept. Fix: balance `{ }`, `( )` and quotes, and remove doubled slashes."},
	{Code: CodeJSONInvalid, Severity: model.Warning, Summary: "example body is not JSON",
		Explain: "An example body (or JSON block) could not be read as JSON even after lenient repairs. The message names the first defect at its line: a fragment without enclosing braces, a missing comma, an ellipsis (`...`) standing for omitted elements, single-quoted strings, unquoted keys, a truncated body, text after the value, or a placeholder such as `<bytes 0-25 of the file>` standing for a binary body. docgen keeps the body as text and generates no round-trip test for it. Fix the JSON; mark shortened examples with `\"truncated\": true` in the annotation instead of `...`; give non-JSON bodies a Content-Type header."},
	{Code: CodeJSONRepaired, Severity: model.Warning, Summary: "example body is JSON only after lenient repairs",
		Explain: "An example body parsed only after docgen repaired it: a trailing comma before `}` or `]`, a `//` or `/* */` comment, a no-break or other Unicode space used as whitespace, a byte-order mark, or a raw newline or control character inside a string. docgen uses the repaired JSON for schemas only; a round-trip test of the body as written would fail. Fix: remove the comma or comment, replace the space with a plain space, or escape the character (`\\n`)."},
	// Codes of the page walk and merge (parser.go, page.go, resource.go, operation.go, examples.go, merge.go, entities.go, resolve.go).
	{Code: CodeFrontmatterInvalid, Severity: model.Warning, Summary: "front matter is not valid YAML",
		Explain: "A page starts with a YAML front matter block between `---` lines. This one is not valid YAML (typically an unquoted value that contains `: `, such as `title: driveItem: createUploadSession`), a line is not a `key: value` pair, or the block is never closed. docgen reads the block leniently as `key: value` lines and blanks it out so line numbers stay true. Fix: quote values that contain a colon and close the block with a `---` line."},
	{Code: CodeDoctypeMismatch, Severity: model.Warning, Summary: "doc_type disagrees with what the page is",
		Explain: "docgen decides whether a page documents an API, a resource or enums from its folder (api/ or resources/), its H1 (\"x resource type\", \"x enum type\") and its annotations; the front matter's doc_type is only a hint. Here doc_type names another kind (or an unknown value such as `resourcePageType_`). docgen keeps its own decision. Fix: set doc_type to apiPageType, resourcePageType, enumPageType or conceptualPageType to match the page."},
	{Code: CodePageUnclassified, Severity: model.Warning, Summary: "page kind cannot be decided",
		Explain: "The page is not in an api/ or resources/ folder, its H1 does not end in \"resource type\", \"complex type\" or \"enum type\", it has no resource or request annotation and no HTTP request section, and doc_type does not say either. docgen reads nothing from it. Fix: give the page a conventional H1 and doc_type, or move it to the right folder. The same code is used, as an error, when docgen fails internally on a page (please report that case)."},
	{Code: CodeAnnotationUnbound, Severity: model.Warning, Summary: "block annotation is not followed by its code fence",
		Explain: "A `<!-- { \"blockType\": ... } -->` annotation describes the next fenced code block in the same container (list item, block quote, page). docgen binds it across blank lines and at most one paragraph or one heading (a `permissions` annotation binds to the `[!INCLUDE [permissions-table](...)]` line right after it, as today's pages write it); here something else (a table, a list, another annotation, the end of the container) comes first, so the annotation applies to nothing. Fix: move the annotation directly above the fence it describes, or delete it."},
	{Code: CodeFenceUnclosed, Severity: model.Error, Summary: "code fence swallows the text after it",
		Explain: "A fenced code block contains a line that starts with ``` or a Markdown heading (`### Response`), or is never closed. CommonMark only closes a fence with a line of backticks and nothing else, so a closing line written as ```` ```http ```` opens nothing and the following heading, annotation and response become part of this block. docgen reads the block as written, which loses the next example. Fix: close the fence with a bare ``` line."},
	{Code: CodeTableCells, Severity: model.Warning, Summary: "table row has more cells than the header",
		Explain: "GFM splits rows at every unescaped `|`, also inside code spans, and silently drops cells beyond the header's count. docgen re-checks each row against its source line, reports the row, and puts the dropped text back into the last column. Fix: escape the pipe as `\\|` (for example `(*.mobileconfig \\| *.xml)`)."},
	{Code: CodeTableNotTable, Severity: model.Warning, Summary: "table-shaped paragraph is not a GFM table",
		Explain: "A paragraph's second line is a delimiter row (`|:---|:---|`) but GFM refused the table, because the delimiter row has a different number of cells than the header row. The table renders as plain text and its rows (often enum members) are lost to other tools; docgen reads it anyway. Fix: give the delimiter row one cell per header cell."},
	{Code: CodeTypeUnknown, Severity: model.Warning, Summary: "Type cell is empty or unreadable",
		Explain: "A Type cell of a property, relationship, request-body or parameter table is empty (often a row broken in two by a newline inside its description) or is not a primitive (String, Int32, DateTimeOffset, ...), a type name, or either followed by `collection`. docgen keeps the row with no type. Fix: write the type, and keep each row on a single line (use `<br>` for line breaks)."},
	{Code: CodeLinkBroken, Severity: model.Warning, Summary: "Type cell holds a malformed link",
		Explain: "A Type cell links to the type's page, but the link is malformed: its closing parenthesis is missing (`[x](x.md`) so Markdown shows the raw text. docgen reads the link text as the type name and still resolves the link to the page. Fix: write the link as `[x](x.md)`."},
	{Code: CodePathDuplicate, Severity: model.Info, Summary: "syntax block lists a path twice",
		Explain: "The HTTP request section lists the same method and URL template more than once (often two syntax blocks with the same lines under different captions). docgen keeps the first and ignores the repeat, so no duplicate route is generated. Fix: list each path once, and explain the alternatives in prose."},
	{Code: CodePathEllipsis, Severity: model.Warning, Summary: "URL template has a \"...\" segment",
		Explain: "A path in the HTTP request section has a segment `...` (`/childFolders/{id}/.../messages`) that stands for any number of omitted segments. It is not a real URL: docgen keeps it as a literal segment, so a generated route would only match the three dots. Fix: list the real paths (one or two levels of nesting), and describe deeper nesting in prose."},
	{Code: CodeTypeSpelling, Severity: model.Info, Summary: "Type cell uses an unusual spelling",
		Explain: "The Type cell names a primitive in a non-canonical spelling (`string`, `int`, `GUID`, `DateTime`, `Collection(String)`, `Edm.string` ...). docgen normalises it to the OData name (Edm.String, Edm.Int32, Edm.Guid, Edm.DateTimeOffset ...). Fix: use the canonical spelling (String, Int32, Guid, DateTimeOffset, `x collection`)."},
	{Code: CodeTypeUnion, Severity: model.Warning, Summary: "Type cell names alternative types",
		Explain: "The Type cell says `A or B`. OData properties have one type; docgen uses the first alternative. Fix: document the common base type (and its derived types in prose), or split the property."},
	{Code: CodeTodoText, Severity: model.Warning, Summary: "page still holds TODO scaffold text",
		Explain: "A line of the page (front matter included) contains `TODO`, usually scaffold text such as `**TODO: Add Description**` left by the page generator. One diagnostic is reported per line. Fix: replace the TODO with the real content."},
	{Code: CodeEnumConflict, Severity: model.Warning, Summary: "enum documented with different members in two places",
		Explain: "The same enum is listed in several places (a `### x values` table, an enums page, an Intune enum page, prose \"Possible values are\" in a description, `a | b | c` in a JSON representation) and the member sets differ. docgen keeps the members of the most authoritative place (tables before prose, resource and enum pages before API pages, then by file path) and reports the other position. Fix: make every list match, including unknownFutureValue."},
	{Code: CodeTypeConflict, Severity: model.Warning, Summary: "type or property documented differently on two pages",
		Explain: "A type documented on several pages (its resource page, create and update pages, another namespace's page) disagrees with itself: a property has a different type, or one page documents the name as an enum and another as an entity or complex type. docgen keeps the resource page's version (then by file path) and reports the other position. Fix: make the pages agree."},
	{Code: CodeBaseConflict, Severity: model.Warning, Summary: "base type documented differently",
		Explain: "The base type of a type comes from the resource annotation's baseType, the \"Inherits from [x]\" sentence, \"Inherited from\" rows and other pages; here two of them name different types. docgen keeps the annotation (then the page prose, then other pages) and reports the other. Fix: make the baseType annotation and the prose agree."},
	{Code: CodeTypeNameConflict, Severity: model.Warning, Summary: "links name a page's type differently than the page does",
		Explain: "A resource page names its type (H1, resource annotation) differently from how other pages link to it, and the linking name is the one the page's file name spells (\"[identityUserFlow](identityuserflow.md)\" to a page titled \"UserFlow resource type\"). docgen keeps the name the page gives itself, reads the links as that type, and reports the disagreement at the page's title. Fix: give the type one name on its page, in its annotation and in the links to it."},
	{Code: CodeExampleTypeConflict, Severity: model.Info, Summary: "create or update page names several types for an untyped example",
		Explain: "A request or response example of a create or update page has no \"@odata.type\" annotation and no typed request body, so docgen infers its type from what the page says elsewhere: the H1 (\"Update user\"), the first link of an intro that starts with Create or Update, links in the Request body prose, the response type, and the paired example's type. Only names of types some page defines count. Here they name more than one type, so docgen gives the example no type and generates no round-trip test for it. Fix: annotate the example with \"@odata.type\", or make the title, intro and prose name the same resource."},
	{Code: CodeExampleUnpaired, Severity: model.Warning, Summary: "example request or response has no partner",
		Explain: "Each example request should be followed by its response, and each response should follow a request. docgen pairs a response with the request its annotation names, else with the latest unpaired request before it (on unannotated pages, `### Request`/`### Response` order). This example has no partner, so no round-trip test can be generated for the pair. Fix: add the missing block, or name the request in the response annotation's \"name\"."},
	// Codes of the page checks (limits.go).
	{Code: CodePageEncoding, Severity: model.Error, Summary: "page is not valid UTF-8; left out",
		Explain: "A page must be UTF-8. This one holds a byte sequence that is not (a damaged file or another encoding such as Windows-1252); the diagnostic points at the first bad byte. docgen cannot tell what the text was meant to say, so it leaves the whole page out: no types, operations or tests from it; other pages that use a type only this page defines get json.RawMessage in its place. `docgen generate` keeps the page's previously generated files as they are, still writes everything else, and exits 1. Fix: save the page as UTF-8."},
	{Code: CodePageLimit, Severity: model.Error, Summary: "page exceeds a per-page limit; left out",
		Explain: fmt.Sprintf("docgen reads a page of at most %d bytes whose lines have at most %d bytes each, so that one page cannot make a run slow or exhaust memory (real pages are far smaller). This page is over a limit; docgen leaves it out as it does a page that is not UTF-8 (see page-encoding) and keeps its previously generated files. Fix: split the page or break the long line.", MaxPageBytes, MaxLineBytes)},
	{Code: CodePageHiddenText, Severity: model.Warning, Summary: "page holds a bidi control, invisible or control character",
		Explain: "The page holds a Unicode bidirectional control (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), another invisible format character (U+200B, U+2060, U+FEFF inside the text...), an invisible filler, or a control character such as NUL or ESC. Such characters change how text looks in an editor or a code review without being seen (the \"Trojan Source\" pattern, CVE-2021-42574). docgen never writes them raw into Go code: in comments they become a visible <U+XXXX> marker or a space, in string literals (example bodies) an escape that keeps the exact value. Fix: delete the character unless the page really means it."},
}
