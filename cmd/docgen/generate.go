package main

import (
	"fmt"
	"io"
)

// runGenerate is a placeholder until the generate command lands; the owning issue replaces this file.
func runGenerate(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "docgen generate: not implemented yet")
	return exitUsage
}
