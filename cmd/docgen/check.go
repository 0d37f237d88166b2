package main

import (
	"fmt"
	"io"
)

// runCheck is a placeholder until the check command lands; the owning issue replaces this file.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "docgen check: not implemented yet")
	return exitUsage
}
