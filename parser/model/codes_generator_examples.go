package model

// The generator's example-test codes (generator/emit_examples*.go), kept in
// their own file so the example emitter and the rest of the generator can
// add codes independently. They are part of generatorCodes.
func init() {
	generatorCodes = append(generatorCodes,
		CodeInfo{Code: "generator-example-value", Severity: Warning, Summary: "example value does not fit its declared type",
			Explain: "A value in a documented JSON example does not fit the type the property table (or the example's type) declares, and is not a placeholder docgen recognises: a string where an Edm.Int32 belongs, \"bogus\" where an enum lists other members, a date-time without RFC 3339 form, a malformed GUID, null in a collection or in a required or non-nullable property. The generated round-trip test logs this diagnostic instead of failing on it: a value that cannot decode is removed before decoding, one that decodes but fails Validate is tolerated at its JSON Pointer. Fix the example value, or the property's type in the table if the example is right. This is reported only when nothing else (the parser or a lint) already reported a problem on that line."},
		CodeInfo{Code: "generator-example-missing", Severity: Warning, Summary: "example omits a required member",
			Explain: "A documented JSON example that is not marked \"truncated\" omits a member its property table marks Required. The generated struct holds required members as plain Go values (not Opt), so it cannot tell absent from zero: decoding the example and encoding it again adds the member with its zero value, and Validate may reject that value. The generated round-trip test logs this diagnostic and tolerates exactly that member. Fix: show the member in the example, add `\"truncated\": true` to the example's annotation when it shows only some members, or drop the Required marker if the member is optional."},
		CodeInfo{Code: "generator-example-untested", Severity: Info, Summary: "example gets no round-trip test",
			Explain: "docgen generates a round-trip test for every JSON example, but this one can only get a skipped test: the example names no type (a JSON block without an \"@odata.type\" annotation, outside an operation), its type is not defined on any page, or its JSON parses only after repairs the test cannot make without moving lines (a raw newline inside a string, for example). The skipped test's message gives the reason. Fix: annotate the block with \"@odata.type\", document the type, or fix the JSON."},
	)
}
