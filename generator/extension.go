package generator

import (
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"
)

// hook lets another emitter (emit_handler*.go, emit_examples*.go) add code
// to the output without changing Generate: register it from an init
// function with registerHook. Hooks run in name order, after the plan is
// complete and the page's own declarations are emitted; they must only read
// the plan (names, Go types) and may report diagnostics with p.diag.
// page runs on several goroutines at once (one per file); files runs on
// one goroutine, concurrently with page.
type hook struct {
	// name orders hooks ("handler", "examples").
	name string
	// part is the part of the output the hook writes (PartHandlers,
	// PartTests); Options can leave it out.
	part string
	// prepare, if set, runs once before any file is built, with nothing
	// else running: the one place a hook may change the plan (claim
	// names, build its own plan, report diagnostics others read).
	prepare func(p *plan)
	// page, if set, adds declarations to a page's file.
	page func(p *plan, fi *fileInfo, f *jen.File)
	// files, if set, returns whole extra files (test files, a router):
	// build each with p.newFile(page) and give it a Name that no other
	// file has ("<fi.Base>_examples_test.go").
	files func(p *plan) []*genFile
}

var hooks []hook

// registerHook adds h; call it from init.
func registerHook(h hook) { hooks = append(hooks, h) }

// sortedHooks returns the hooks in name order, whatever the init order.
func sortedHooks() []hook {
	out := slices.Clone(hooks)
	slices.SortStableFunc(out, func(a, b hook) int { return strings.Compare(a.name, b.name) })
	return out
}
