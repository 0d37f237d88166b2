package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/docgen-dev/docgen/internal/serve"
	"github.com/docgen-dev/docgen/parser"
	"github.com/docgen-dev/docgen/parser/model"
)

const serveSynopsis = "[-docs DIR] [-addr 127.0.0.1:8080] [-prefix PATH] [-stateful] [-stateful-dir DIR] [-seed FILE] [-log text|json] [PATH...]"

// runServe is `docgen serve`: a Graph sandbox answering the documented
// operations of the pages from the model, until SIGINT or SIGTERM.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", serveSynopsis, stderr)
	docs := fs.String("docs", "docs", "folder of documentation pages (*.md, searched recursively); PATH arguments replace it")
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on (port 0 picks a free port)")
	prefix := fs.String("prefix", "", "mount the routes under `PATH`, such as /v1.0 or /beta (default none)")
	stateful := fs.Bool("stateful", false, "serve creates, lists, gets, updates and deletes from an in-memory store")
	stateDir := fs.String("stateful-dir", "", "keep the store in `DIR` across restarts (an fsynced append-only log); implies -stateful")
	seed := fs.String("seed", "", "preload the store from `FILE`: {\"users\": [{...}], ...}; implies -stateful")
	logFormat := fs.String("log", "text", "request log format on stderr: text, json or none")
	if code, ok := parseFlags(fs, args, stdout); !ok {
		return code
	}
	if *logFormat != "text" && *logFormat != "json" && *logFormat != "none" {
		fmt.Fprintf(stderr, "docgen serve: -log must be text, json or none, not %q\n", *logFormat)
		return exitUsage
	}
	start := time.Now()
	var pkg *model.Package
	var err error
	if fs.NArg() > 0 {
		pkg, err = parser.ParsePaths(fs.Args()...)
	} else {
		pkg, err = loadDocs(*docs)
	}
	if err != nil {
		fmt.Fprintf(stderr, "docgen serve: %v\n", err)
		return exitUsage
	}
	parsed := time.Now()
	opts := serve.Options{Prefix: *prefix, Stateful: *stateful || *stateDir != "" || *seed != "", StateDir: *stateDir}
	if *seed != "" {
		if opts.Seed, err = os.ReadFile(*seed); err != nil {
			fmt.Fprintf(stderr, "docgen serve: %v\n", err)
			return exitUsage
		}
	}
	if *logFormat != "none" {
		opts.Log, opts.LogJSON = stderr, *logFormat == "json"
	}
	h, err := serve.New(pkg, opts)
	if err != nil {
		fmt.Fprintf(stderr, "docgen serve: %v\n", err)
		return exitUsage
	}
	defer h.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "docgen serve: %v\n", err)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stderr, "docgen serve: %d operations, listening on http://%s%s (ready in %s: pages parsed in %s)\n", len(pkg.Operations), ln.Addr(), *prefix, time.Since(start).Round(time.Millisecond), parsed.Sub(start).Round(time.Millisecond))
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintf(stderr, "docgen serve: %v\n", err)
		return exitUsage
	case <-ctx.Done():
	}
	fmt.Fprintln(stderr, "docgen serve: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "docgen serve: %v\n", err)
		return exitUsage
	}
	return exitOK
}
