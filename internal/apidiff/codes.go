package apidiff

import (
	"slices"

	"github.com/docgen-dev/docgen/parser/model"
)

// CodeAPIBreak reports an incompatible change of the generated package's
// exported API (`docgen check`).
const CodeAPIBreak model.Code = "api-break" // a docs change removes, renames or changes generated API

// Codes returns the documentation of the codes this package's breaks are
// reported with.
func Codes() []model.CodeInfo { return slices.Clone(catalogue) }

var catalogue = []model.CodeInfo{
	{
		Code:     CodeAPIBreak,
		Severity: model.Error,
		Summary:  "a docs change removes, renames or changes generated API",
		Explain: "`docgen check` compared the exported API of the generated package on disk with what the docs " +
			"produce now and found an incompatible change: a type, field, constant, method or function removed " +
			"or renamed, a field's Go type or JSON name changed, a constant's value changed, a signature " +
			"changed. Code that uses the generated package stops compiling or reads other JSON. The finding " +
			"sits on the page line that caused it and shows the old and new Go declarations. Additions are " +
			"compatible and not reported. If the change is a typo, fix the page; if it is intended, suppress it " +
			"with `<!-- docgen-ignore api-break -->` above the block or `-ignore api-break` for one run, and " +
			"tell the package's users.",
	},
}
