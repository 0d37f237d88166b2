// Command docgen turns Microsoft Graph API reference pages (Markdown) into Go
// code. See doc.go for the manual.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// docgen is a short batch run whose heap is mostly the rendering of
	// files that are written and dropped: collecting it less often saves
	// about a quarter of the CPU of a large generate for ~100 MB more peak
	// memory. GOGC, when set, still decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
