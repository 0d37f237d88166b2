package parser

import (
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/yuin/goldmark/text"
)

func pgCPUNow() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

func pgRun(b *testing.B, f func()) {
	runtime.GC()
	c0 := pgCPUNow()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f()
	}
	b.ReportMetric(float64(pgCPUNow()-c0)/float64(b.N)/1e6, "cpu-ms/op")
}

func BenchmarkZGoldmark(b *testing.B) {
	files := pgCorpusFiles(b)
	md := pgNewMarkdown()
	pgRun(b, func() {
		for _, f := range files {
			md.Parser().Parse(text.NewReader(f.Src))
		}
	})
}
func BenchmarkZCollect(b *testing.B) {
	files := pgCorpusFiles(b)
	md := pgNewMarkdown()
	pgRun(b, func() {
		for _, f := range files {
			src := pgNormalise(f.Src)
			base, _, _ := pgStripFrontMatter(f.Path, src)
			idx := pgNewLineIndex(f.Path, src, base)
			pgCollectBlocks(md, src[base:], idx)
		}
	})
}
func BenchmarkZPages(b *testing.B) {
	files := pgCorpusFiles(b)
	md := pgNewMarkdown()
	pgRun(b, func() {
		for _, f := range files {
			parsePage(md, f.Path, f.Src)
		}
	})
}
func BenchmarkZFiles(b *testing.B) {
	files := pgCorpusFiles(b)
	pgRun(b, func() { ParseFiles(files) })
}

func TestZDump(t *testing.T) {
	out := os.Getenv("ZDUMP")
	if out == "" {
		t.Skip()
	}
	pkg, err := ParsePaths(strings.Split(os.Getenv("ZIN"), ",")...)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(out, pgEncode(t, pkg), 0o644)
	var b strings.Builder
	for _, d := range pkg.Diagnostics {
		b.WriteString(d.String() + "\n")
	}
	os.WriteFile(out+".err", []byte(b.String()), 0o644)
}

func TestZHeap(t *testing.T) {
	if os.Getenv("ZHEAP") == "" {
		t.Skip()
	}
	files := pgCorpusFiles(t)
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	pkg := ParseFiles(files)
	runtime.GC()
	runtime.ReadMemStats(&m1)
	t.Logf("retained %d MB, numGC %d, pauseTotal %v", (int64(m1.HeapAlloc)-int64(m0.HeapAlloc))>>20, m1.NumGC-m0.NumGC, m1.PauseTotalNs-m0.PauseTotalNs)
	runtime.KeepAlive(pkg)
}
