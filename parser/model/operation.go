package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Operation is one documented API call (an API page's HTTP request block).
type Operation struct {
	// Name identifies the operation: the page file name without folder and
	// extension ("create-cloudpcsnapshot"), unique in the package.
	Name string `json:"name"`
	// Title is the page's H1 ("Create cloudPcSnapshot").
	Title string `json:"title,omitempty"`
	// Description is the first paragraph after the H1.
	Description string `json:"description,omitempty"`
	// Deprecated is non-empty when the page marks the operation deprecated:
	// the words that say so ("This API is deprecated and will stop
	// returning data on … Use x instead."), or "deprecated" when only a
	// "(deprecated)" title says it.
	Deprecated string `json:"deprecated,omitempty"`
	// Page is the page's File.
	Page string `json:"page"`
	// Pos is the HTTP request (syntax) block.
	Pos Pos `json:"pos"`
	// Method is the HTTP method of the first path ("POST").
	Method string `json:"method"`
	// Paths are the documented URL templates, in order; alternative paths
	// of one operation share the method.
	Paths []*Path `json:"paths"`
	// Headers are the documented request headers.
	Headers []*Header `json:"headers,omitempty"`
	// QueryParameters come from a query/function parameters table.
	QueryParameters []*Property `json:"queryParameters,omitempty"`
	// RequestBody is nil when the page documents none ("Do not supply a
	// request body").
	RequestBody *RequestBody `json:"requestBody,omitempty"`
	Response    *Response    `json:"response,omitempty"`
	// Examples are the request and response examples in document order.
	Examples []*Example `json:"examples,omitempty"`
}

// Path is one URL template of an operation.
type Path struct {
	Method string `json:"method"`
	// Template is the path as written, without host or version:
	// "/users/{id | userPrincipalName}/events/{id}".
	Template string `json:"template"`
	// Query is the query string written after the path, without "?"
	// ("$filter=startswith(displayName,'a')"), if any.
	Query    string     `json:"query,omitempty"`
	Segments []*Segment `json:"segments"`
	Pos      Pos        `json:"pos"`
}

// SegmentKind classifies a path segment.
type SegmentKind int

const (
	// Literal is a fixed segment ("deviceManagement").
	Literal SegmentKind = iota
	// Param is a whole-segment parameter ("{id}", "{id | userPrincipalName}").
	Param
	// KeySegment is an OData key on a literal: "x('{id}')" or "x({id})".
	KeySegment
	// FunctionSegment is a function call: "getX(period='{period}')".
	FunctionSegment
	// CastSegment is a type cast: "microsoft.graph.group".
	CastSegment
	// PathSegment is OneDrive path addressing: "root:/{item-path}:".
	PathSegment
)

var segmentKindNames = [...]string{"literal", "param", "key", "function", "cast", "path"}

func (k SegmentKind) String() string {
	if int(k) >= 0 && int(k) < len(segmentKindNames) {
		return segmentKindNames[k]
	}
	return "segmentkind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText encodes k as its name.
func (k SegmentKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText parses a segment kind name.
func (k *SegmentKind) UnmarshalText(b []byte) error {
	for i, n := range segmentKindNames {
		if n == string(b) {
			*k = SegmentKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown segment kind %q", b)
}

// Segment is one "/"-separated part of a path template.
type Segment struct {
	Kind SegmentKind `json:"kind"`
	// Raw is the segment as written.
	Raw string `json:"raw"`
	// Name is the literal, the function or cast name, or the name before a
	// key ("users" in "users('{id}')").
	Name string `json:"name,omitempty"`
	// Params are the parameters the segment binds, in order: for Param and
	// KeySegment one or more alternatives ("id", "userPrincipalName"), for
	// FunctionSegment the function's parameter names, for PathSegment the
	// path parameter.
	Params []*PathParam `json:"params,omitempty"`
}

// PathParam is a parameter bound by a segment.
type PathParam struct {
	// Name is the placeholder text inside braces, trimmed ("user-id").
	Name string `json:"name"`
	// Alternatives lists alternative names inside one pair of braces
	// ("{id | userPrincipalName}" → ["id", "userPrincipalName"]); Name is
	// the first.
	Alternatives []string `json:"alternatives,omitempty"`
	// Arg is the function parameter name for function segments
	// ("period" in "getX(period='{period}')").
	Arg string `json:"arg,omitempty"`
	// Quoted marks a value written in quotes ('{id}').
	Quoted bool `json:"quoted,omitempty"`
}

// Header is a documented request header or an example message header.
type Header struct {
	Name        string `json:"name"`
	Value       string `json:"value,omitempty"`
	Description string `json:"description,omitempty"`
	Required    bool   `json:"required,omitempty"`
	Pos         Pos    `json:"pos"`
}

// RequestBody is what an API page says the request body holds.
type RequestBody struct {
	// Type is the body's type: the resource the page links to in the
	// "supply a JSON representation of the [x]" sentence, or the type the
	// table was folded into. Empty Name with Properties set means an action's
	// parameter object.
	Type TypeRef `json:"type"`
	// Properties are the rows of the request-body table, in order.
	Properties []*Property `json:"properties,omitempty"`
	// RequiredClaim is true when the prose before the table says the listed
	// properties are required ("The following table shows the properties
	// that are required when you create the x.").
	RequiredClaim bool `json:"requiredClaim,omitempty"`
	// ContentType is the declared media type, "application/json" by default.
	ContentType string `json:"contentType,omitempty"`
	Pos         Pos    `json:"pos"`
}

// Response is what an API page says a successful call returns.
type Response struct {
	// Status is the success status stated in the Response prose ("201
	// Created" → 201), 0 when not stated.
	Status int `json:"status"`
	// Type is the returned type (empty Name for no content).
	Type TypeRef `json:"type"`
	// NoContent marks a documented empty body (204).
	NoContent bool `json:"noContent,omitempty"`
	Pos       Pos  `json:"pos"`
}

// ExampleKind says what an example block is.
type ExampleKind int

const (
	// RequestExample is an example HTTP request.
	RequestExample ExampleKind = iota
	// ResponseExample is an example HTTP response.
	ResponseExample
	// ResourceExample is a resource page's JSON representation.
	ResourceExample
	// JSONExample is another annotated JSON block ("example" blockType).
	JSONExample
)

var exampleKindNames = [...]string{"request", "response", "resource", "example"}

func (k ExampleKind) String() string {
	if int(k) >= 0 && int(k) < len(exampleKindNames) {
		return exampleKindNames[k]
	}
	return "examplekind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText encodes k as its name.
func (k ExampleKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText parses an example kind name.
func (k *ExampleKind) UnmarshalText(b []byte) error {
	for i, n := range exampleKindNames {
		if n == string(b) {
			*k = ExampleKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown example kind %q", b)
}

// Example is one documented example block: an HTTP request, an HTTP
// response, or a JSON representation.
type Example struct {
	Kind ExampleKind `json:"kind"`
	// Name is the annotation's name (the first one when it is an array), or
	// for unannotated blocks "<kind>-<n>" by order on the page.
	Name string `json:"name"`
	// Names holds every name of an array-valued name annotation.
	Names []string `json:"names,omitempty"`
	// Pos is the code fence's opening line.
	Pos Pos `json:"pos"`
	// Annotation is the block annotation bound to this fence, nil if none.
	Annotation *Annotation `json:"annotation,omitempty"`
	// Pair links a request to its response and back: the Name of the other
	// example (and PairIndex its index in the same Examples slice, -1 if
	// none).
	PairIndex int `json:"pairIndex"`

	// Request fields.
	Method string `json:"method,omitempty"`
	URL    string `json:"url,omitempty"`
	// Response fields.
	Status int    `json:"status,omitempty"`
	Reason string `json:"reason,omitempty"`

	Headers []*Header `json:"headers,omitempty"`

	// Body is the message body (or the JSON block's content) verbatim.
	Body string `json:"body,omitempty"`
	// BodyPos is the position of the body's first byte. Body lines map to
	// page lines one to one from there.
	BodyPos Pos `json:"bodyPos"`
	// ContentType is the Content-Type header's media type, if any.
	ContentType string `json:"contentType,omitempty"`
	// JSON is Valid when Body is strict JSON, Repaired when it parsed only
	// after lenient repairs (trailing commas, comments), Invalid when it did
	// not parse at all, None when there is no body or it is not JSON.
	JSON JSONState `json:"json"`

	// Type is the type the body holds: the annotation's @odata.type, or the
	// operation's request/response type. Collection is set for
	// isCollection responses (a {"value": [...]} envelope).
	Type TypeRef `json:"bodyType"`
	// Truncated marks "truncated": true: the body shows only some members.
	Truncated bool `json:"truncated,omitempty"`

	// Placeholders are body values that stand for "any value of the type"
	// ("String", "String (timestamp)", "<Property Name> value", 1024), by
	// JSON Pointer.
	Placeholders []*Placeholder `json:"placeholders,omitempty"`
}

// JSONState says whether an example body is JSON.
type JSONState int

const (
	NoJSON JSONState = iota
	ValidJSON
	RepairedJSON
	InvalidJSON
)

var jsonStateNames = [...]string{"none", "valid", "repaired", "invalid"}

func (s JSONState) String() string {
	if int(s) >= 0 && int(s) < len(jsonStateNames) {
		return jsonStateNames[s]
	}
	return "jsonstate(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText encodes s as its name.
func (s JSONState) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText parses a JSON state name.
func (s *JSONState) UnmarshalText(b []byte) error {
	for i, n := range jsonStateNames {
		if n == string(b) {
			*s = JSONState(i)
			return nil
		}
	}
	return fmt.Errorf("unknown json state %q", b)
}

// PlaceholderKind classifies a placeholder value.
type PlaceholderKind int

const (
	// TypeNamePlaceholder is a type name standing for a value: "String",
	// "String (timestamp)", "Int32", "Guid", "Boolean".
	TypeNamePlaceholder PlaceholderKind = iota
	// PropertyValuePlaceholder is Intune's "<Property Name> value".
	PropertyValuePlaceholder
	// AlternativesPlaceholder lists allowed values: "a | b | c".
	AlternativesPlaceholder
	// NumberPlaceholder is a stock number such as 1024.
	NumberPlaceholder
	// TemplatePlaceholder is "{userId}" / "<password>" /
	// "<Unknown Primitive Type Edm.Stream>".
	TemplatePlaceholder
)

var placeholderKindNames = [...]string{"typename", "propertyvalue", "alternatives", "number", "template"}

func (k PlaceholderKind) String() string {
	if int(k) >= 0 && int(k) < len(placeholderKindNames) {
		return placeholderKindNames[k]
	}
	return "placeholderkind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText encodes k as its name.
func (k PlaceholderKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText parses a placeholder kind name.
func (k *PlaceholderKind) UnmarshalText(b []byte) error {
	for i, n := range placeholderKindNames {
		if n == string(b) {
			*k = PlaceholderKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown placeholder kind %q", b)
}

// Placeholder is a JSON value in an example that stands for "some value".
type Placeholder struct {
	// Pointer is the value's JSON Pointer in the body ("/status").
	Pointer string          `json:"pointer"`
	Kind    PlaceholderKind `json:"kind"`
	// Text is the value as written in the JSON ("\"String (timestamp)\"").
	Text string `json:"text"`
	// Type is the primitive the placeholder names, when it names one
	// ("String (timestamp)" → "Edm.DateTimeOffset").
	Type string `json:"type,omitempty"`
	// Alternatives are the values of an AlternativesPlaceholder.
	Alternatives []string `json:"alternatives,omitempty"`
	Pos          Pos      `json:"pos"`
}

// Annotation is a decoded `<!-- { ... } -->` block or page annotation.
// Boolean keys accept JSON strings ("true"); name accepts a string or an
// array; "@type" is read as "@odata.type".
type Annotation struct {
	Pos       Pos    `json:"pos"`
	BlockType string `json:"blockType,omitempty"`
	// Type is the page annotation's "type" ("#page.annotation").
	Type               string   `json:"type,omitempty"`
	Name               []string `json:"name,omitempty"`
	ODataType          string   `json:"@odata.type,omitempty"`
	BaseType           string   `json:"baseType,omitempty"`
	BaseTypeNull       bool     `json:"baseTypeNull,omitempty"`
	Truncated          bool     `json:"truncated,omitempty"`
	IsCollection       bool     `json:"isCollection,omitempty"`
	IsEmpty            bool     `json:"isEmpty,omitempty"`
	ExpectError        bool     `json:"expectError,omitempty"`
	Abstract           bool     `json:"abstract,omitempty"`
	OpenType           bool     `json:"openType,omitempty"`
	KeyProperty        string   `json:"keyProperty,omitempty"`
	OptionalProperties []string `json:"optionalProperties,omitempty"`
	// Suppressions is a page annotation's list of ApiDoctor suppressions.
	Suppressions []string `json:"suppressions,omitempty"`
	// Repaired marks annotation JSON that needed lenient repairs.
	Repaired bool `json:"repaired,omitempty"`
	// Keys lists every key present, in source order (for lints).
	Keys []string `json:"keys,omitempty"`
}

// CompareDiagnostics orders diagnostics by position, then code, then
// message: the one order in which docgen prints and stores them.
func CompareDiagnostics(a, b Diagnostic) int {
	switch {
	case a.Pos.Before(b.Pos):
		return -1
	case b.Pos.Before(a.Pos):
		return 1
	}
	if c := strings.Compare(string(a.Code), string(b.Code)); c != 0 {
		return c
	}
	return strings.Compare(a.Message, b.Message)
}

// SortDiagnostics sorts ds by CompareDiagnostics and drops exact duplicates,
// in place; it returns the shortened slice (never nil).
func SortDiagnostics(ds []Diagnostic) []Diagnostic {
	slices.SortStableFunc(ds, CompareDiagnostics)
	ds = slices.Compact(ds)
	if ds == nil {
		ds = []Diagnostic{}
	}
	return ds
}
