package main

import (
	"fmt"
	"io"
)

// runDump is a placeholder until the dump command lands; the owning issue replaces this file.
func runDump(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "docgen dump: not implemented yet")
	return exitUsage
}
