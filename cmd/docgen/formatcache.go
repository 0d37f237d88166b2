package main

import (
	"strings"

	"github.com/docgen-dev/docgen/generator"
	"github.com/docgen-dev/docgen/internal/fmtcache"
)

// withFormatCache sets opts.FormatCache to the project's pack in the format
// cache (fmtcache.Dir: $DOCGEN_CACHE, "off" to disable) and returns the
// function that saves it after generating. A project is the docs folder,
// the package name and what else selects the output (parts, -select), so
// that two kinds of run over the same docs do not evict each other's pack. The cache only saves time: a
// pack that cannot be read is empty, one that cannot be written is skipped.
func withFormatCache(opts *generator.Options, docs string, project ...string) (save func()) {
	dir := fmtcache.Dir()
	if dir == "" {
		return func() {}
	}
	pack := fmtcache.Open(fmtcache.PackPath(dir, docs, strings.Join(project, "\x00")))
	opts.FormatCache = pack
	return func() { _ = pack.Save() }
}
