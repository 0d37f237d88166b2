// Command docgen turns Microsoft Graph API reference pages (Markdown) into Go
// code. See doc.go for the manual.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
