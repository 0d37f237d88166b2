package model

import (
	"slices"
	"strings"
)

// CodeInfo documents one diagnostic code: its default severity, a one-line
// summary, and a paragraph that explains the defect and how to fix it
// (printed by `docgen check -explain CODE`).
type CodeInfo struct {
	Code     string
	Severity Severity
	Summary  string
	Explain  string
}

// Codes returns every diagnostic code docgen can report, sorted by code.
// Each component keeps its codes in its own file (codes_*.go) so codes stay
// stable and documented in one place per owner.
func Codes() []CodeInfo {
	var all []CodeInfo
	for _, group := range [][]CodeInfo{parserCodes, generatorCodes, lintCodes, checkCodes} {
		all = append(all, group...)
	}
	slices.SortFunc(all, func(a, b CodeInfo) int { return strings.Compare(a.Code, b.Code) })
	return all
}

// LookupCode returns the documentation of code.
func LookupCode(code string) (CodeInfo, bool) {
	for _, c := range Codes() {
		if c.Code == code {
			return c, true
		}
	}
	return CodeInfo{}, false
}
