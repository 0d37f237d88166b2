package model

// Code identifies a kind of diagnostic ("json-repaired"). Codes are
// kebab-case and stable across releases. Each package that reports
// diagnostics declares its codes as constants of this type and documents
// them in its catalogue (its Codes function: parser, lint, generator,
// check); `docgen check -explain` lists them all.
type Code string

// CodeInfo documents one diagnostic code: its default severity, a one-line
// summary, and a paragraph that explains the defect and how to fix it
// (printed by `docgen check -explain CODE`).
type CodeInfo struct {
	Code     Code
	Severity Severity
	Summary  string
	Explain  string
}

// LookupCode returns the documentation of code in the catalogue codes.
func LookupCode(codes []CodeInfo, code Code) (CodeInfo, bool) {
	for _, c := range codes {
		if c.Code == code {
			return c, true
		}
	}
	return CodeInfo{}, false
}
