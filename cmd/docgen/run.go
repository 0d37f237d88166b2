package main

import (
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// Exit codes, as the Go tools use them.
const (
	exitOK       = 0 // no findings
	exitFindings = 1 // error diagnostics, drift
	exitUsage    = 2 // bad arguments, I/O failure
)

// command is one docgen subcommand.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"generate", "write Go code for the docs (docs/ → generated/)", runGenerate},
		{"check", "report drift between docs and generated code, and doc defects", runCheck},
		{"dump", "print the typed model of pages as JSON", runDump},
		{"serve", "serve the documented API as a Graph sandbox", runServe},
		{"version", "print docgen's version", runVersion},
	}
}

// run is docgen's main, testable: it never calls os.Exit.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 {
			return run([]string{args[1], "-h"}, stdout, stderr)
		}
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "docgen: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "docgen turns Microsoft Graph API reference pages into Go code.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "\tdocgen <command> [flags] [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "\t%-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `Use "docgen <command> -h" for more about a command.`)
}

// newFlagSet returns a flag set for a subcommand that reports usage errors
// instead of exiting. The caller parses with parseFlags.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("docgen "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: docgen %s %s\n", name, synopsis)
		if hasFlags(fs) {
			fmt.Fprintln(fs.Output(), "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parseFlags parses args; it returns (exit code, false) when the command
// must stop: -h asked for help (0) or the flags were wrong (2).
//
// The usage is printed once: to stdout for -h, to the flag set's output
// (stderr) after the error for wrong flags. (flag.FlagSet.Parse would print
// it itself on both, to stderr, before returning.)
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) (int, bool) {
	usage := fs.Usage
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.Usage = usage
	if err != nil {
		if err == flag.ErrHelp {
			// -h is not an error: print the usage to stdout and succeed.
			out := fs.Output()
			fs.SetOutput(stdout)
			fs.Usage()
			fs.SetOutput(out)
			return exitOK, false
		}
		fs.Usage()
		return exitUsage, false
	}
	return 0, true
}

// version is set at link time (-ldflags "-X main.version=v1.2.3"); otherwise
// it comes from the module's build info.
var version = ""

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("version", "", stderr)
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "docgen version: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	fmt.Fprintln(stdout, "docgen "+versionString())
	return exitOK
}

func versionString() string {
	if version != "" {
		return version
	}
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && v == "(devel)" {
				v += " " + strings.TrimSpace(s.Value)
			}
		}
	}
	return v
}
