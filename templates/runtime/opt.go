// Package runtime is the support code that docgen copies into every
// generated package: the absent/null/value wrapper Opt, the Edm types
// (EdmDate, EdmTimeOfDay, EdmDuration, EdmDecimal), the single-pass JSON
// object codec behind the generated MarshalJSON/UnmarshalJSON methods, the
// validation error types, the enum helpers and the net/http Server.
//
// Its exported names leave the generated package's namespace to the Graph
// types: each says what it belongs to (Edm*, Graph*, OData*, JSON*, Opt*,
// Server*, Validation*), so no documented type, enum or entity set takes
// one; only the helpers users type most, Opt, Some, Null and Op, are short.
//
// The generator copies each non-test file of this directory into the
// generated package, replacing the package clause and dropping this comment,
// so nothing here may depend on the package name, and everything uses only
// the standard library.
package runtime

import "strconv"

// OptState says whether an optional JSON member was absent, null or present.
type OptState uint8

// The three states of an Opt. The zero OptState is OptAbsent.
const (
	// OptAbsent means the member was not in the JSON object.
	OptAbsent OptState = iota
	// OptNull means the member was present with the value null.
	OptNull
	// OptPresent means the member was present with a non-null value.
	OptPresent
)

// String returns "absent", "null" or "present".
func (s OptState) String() string {
	switch s {
	case OptAbsent:
		return "absent"
	case OptNull:
		return "null"
	case OptPresent:
		return "present"
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// Opt holds an optional, nullable JSON member: absent, null, or a value.
//
// The zero Opt is absent. With a `json:"name,omitzero"` struct tag an absent
// Opt is omitted by encoding/json, a null one is written as null and a
// present one as its value, so all three states survive a round trip
// through plain encoding/json as well as through the generated codecs.
//
// Read an Opt through its fields: State says which of the three it is, and
// Value holds the value when State is OptPresent (decoding leaves it zero
// otherwise):
//
//	if v.DisplayName.State == OptPresent {
//		name := v.DisplayName.Value
//	}
//
// Opt has only the methods encoding/json needs: each method of a generic
// type is compiled once per type argument, and a package of a thousand
// types has hundreds of Opt types.
type Opt[T any] struct {
	Value T
	State OptState
}

// Some returns a present Opt holding v.
func Some[T any](v T) Opt[T] { return Opt[T]{Value: v, State: OptPresent} }

// Null returns an Opt that is explicitly null.
func Null[T any]() Opt[T] { return Opt[T]{State: OptNull} }

// IsZero reports whether o is absent; it makes the omitzero tag omit it.
func (o Opt[T]) IsZero() bool { return o.State == OptAbsent }

// MarshalJSON writes null for a null (or absent) Opt and the JSON encoding
// of Value for a present one.
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	if o.State != OptPresent {
		return []byte("null"), nil
	}
	return appendValue(nil, &o.Value)
}

// UnmarshalJSON sets o to null for the JSON literal null, and otherwise
// decodes data into Value and marks o present. On error o is left absent.
func (o *Opt[T]) UnmarshalJSON(data []byte) error {
	var zero T
	o.Value = zero
	o.State = OptAbsent
	if isNull(data) {
		o.State = OptNull
		return nil
	}
	if err := decodeValue(data, &o.Value); err != nil {
		o.Value = zero
		return err
	}
	o.State = OptPresent
	return nil
}

// isNull reports whether data is the JSON literal null, ignoring
// surrounding white space.
//
// It is not inlined: every generated UnmarshalJSON calls it, some several
// times, and inlining its white-space loops into each costs a package of
// thousands of types 300 MB of compiler memory for a call's worth of time.
//
//go:noinline
func isNull(data []byte) bool {
	return string(trimSpace(data)) == "null"
}
