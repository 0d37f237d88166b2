//go:build unix

package generator

import (
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// BenchmarkWrite writes a package of 500 files of 5 KB into a fresh
// folder (writeFresh, by number of writers) and over an existing one (every
// file changed: a temporary file and a rename each), and reports the system
// CPU per package (getrusage), where the cost of per-file directory
// operations shows.
func BenchmarkWrite(b *testing.B) {
	files := make([]File, 500)
	for i := range files {
		files[i] = File{Name: fmt.Sprintf("page_%04d.go", i), Content: []byte(Header + "\n" + strings.Repeat("x", 5000))}
	}
	sys := func() float64 {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return float64(ru.Stime.Nano()) / 1e9
	}
	for _, w := range []int{1, 2, 8} {
		b.Run(fmt.Sprintf("fresh/writers=%d", w), func(b *testing.B) {
			defer func(old int) { freshWorkers = old }(freshWorkers)
			freshWorkers = w
			root := b.TempDir()
			s0 := sys()
			for i := range b.N {
				if _, _, err := Write(filepath.Join(root, fmt.Sprint(i)), files); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((sys()-s0)/float64(b.N), "sys-s/op")
		})
	}
	b.Run("changed", func(b *testing.B) {
		dir := filepath.Join(b.TempDir(), "out")
		if _, _, err := Write(dir, files); err != nil {
			b.Fatal(err)
		}
		s0 := sys()
		for i := range b.N {
			changed := make([]File, len(files))
			for j, f := range files {
				changed[j] = File{Name: f.Name, Content: append(f.Content[:len(f.Content):len(f.Content)], fmt.Sprint(i)...)}
			}
			if _, _, err := Write(dir, changed); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric((sys()-s0)/float64(b.N), "sys-s/op")
	})
}
