// Package examples analyses the JSON bodies of documented examples against
// the model's declared types. One walk of a body yields its facts, keyed by
// JSON Pointer (RFC 6901): the declared type at the pointer, the kind of
// value the round-trip comparison normalises, the placeholder recognised
// there, the edit a test tolerates (a canonical value in place of a
// placeholder, or the removal of a value that cannot decode) with its
// reason, and the problems found, each with the diagnostic code and message
// that report it.
//
// Two sets of rules read the same body: the documentation rules (Checker:
// does the body agree with the property tables, enum tables and @odata.type
// annotations; lint reports these) and the round-trip rules (Schema: does
// each value decode into the generated type; the generator renders its
// example-test fixtures — Kinds, Edits, Known — and its own diagnostics
// from these facts). The package imports only the model and the standard
// library.
package examples

// Fact is what the analysis knows about the value at one JSON Pointer.
// Only notable values get facts: a value with no kind to normalise, no
// placeholder, no edit and no problem has none.
type Fact struct {
	// Pointer is the RFC 6901 pointer of the value ("" for the body).
	Pointer string
	// Off is the byte offset in the body the fact points at: the value,
	// or the member name for an unknown member (-1 when unknown).
	Off int
	// Declared is the type the model declares at the pointer
	// ("Edm.DateTimeOffset", "Collection(microsoft.graph.x)"), "" when
	// the rule that made the fact does not need it.
	Declared string
	// Kind is the value's normalisation kind for the round-trip
	// comparison: DateTimeOffset, Date, TimeOfDay, Duration, Double,
	// Single ("" for none).
	Kind string
	// Placeholder is the recognised placeholder, shown briefly
	// ("\"String (timestamp)\""), "" when the value is none.
	Placeholder string
	// Edit is the change a round-trip test makes before decoding, nil
	// when none.
	Edit *Edit
	// Problem is the defect found at the pointer, nil when none.
	Problem *Problem
	// Note is a difference a round-trip test tolerates that is no defect
	// (a truncated example omits a required member), "" when none.
	Note string
}

// Edit is a tolerated edit: Value replaces the value (JSON text), or an
// empty Value removes it; Reason is what the test logs.
type Edit struct {
	Value  string
	Reason string
}

// Rule says which rule a problem breaks. The package that reports a
// problem owns its diagnostic code: lint for the documentation rules
// (Checker), the generator for the round-trip rules (Schema.RoundTrip).
type Rule uint8

const (
	// UnknownMember: a member that no property table of the type lists.
	UnknownMember Rule = iota + 1
	// TypeMismatch: a value of the wrong JSON type for its property.
	TypeMismatch
	// ODataType: an @odata.type that is neither the expected type nor
	// one derived from it.
	ODataType
	// Placeholder: a placeholder that names another type than the property.
	Placeholder
	// EnumValue: an enum value that is not among the documented members.
	EnumValue
	// Value: a value that does not fit its declared type (round trip).
	Value
	// Missing: a required member the example omits (round trip).
	Missing
)

// Problem is a defect in an example body.
type Problem struct {
	// Rule is the rule the value breaks.
	Rule Rule
	// Message is the diagnostic's message.
	Message string
	// At is the pointer of the value whose place locates the report: the
	// fact's own, or for a missing member the object that omits it.
	At string
}
