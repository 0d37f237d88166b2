// Command docgen turns Microsoft Graph API reference pages (Markdown) into Go
// code. See doc.go for the manual.
package main

import (
	"os"
	"runtime/debug"
	"runtime/pprof"
)

func main() {
	// docgen is a short batch run whose heap is mostly the rendering of
	// files that are written and dropped: collecting it less often saves
	// about a quarter of the CPU of a large generate for ~100 MB more peak
	// memory. GOGC, when set, still decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	// DOCGEN_CPUPROFILE=FILE writes a CPU profile of the run (go tool
	// pprof), for the figures of bench/cli.sh.
	if p := os.Getenv("DOCGEN_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			pprof.StartCPUProfile(f)
			code := run(os.Args[1:], os.Stdout, os.Stderr)
			pprof.StopCPUProfile()
			f.Close()
			os.Exit(code)
		}
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
