package main

import (
	"slices"
	"strings"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/internal/apidiff"
	"github.com/docgen-dev/docgen/internal/check"
	"github.com/docgen-dev/docgen/internal/lint"
	"github.com/docgen-dev/docgen/internal/metacheck"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

// allCodes is the one list of every diagnostic code docgen reports, sorted
// by code: each package that reports diagnostics owns its codes (constants
// and catalogue, in its codes.go) and this concatenates their catalogues,
// for `docgen check -explain`, -ignore and SARIF rule descriptions.
func allCodes() []model.CodeInfo {
	var all []model.CodeInfo
	for _, codes := range [][]model.CodeInfo{parser.Codes(), lint.Codes(), generator.Codes(), check.Codes(), metacheck.Codes(), apidiff.Codes()} {
		all = append(all, codes...)
	}
	slices.SortFunc(all, func(a, b model.CodeInfo) int { return strings.Compare(string(a.Code), string(b.Code)) })
	return all
}
