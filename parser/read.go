package parser

import (
	"os"
	"runtime"
	"sync"
	"sync/atomic"
)

// ReadFiles returns the contents of the named files, read on a few
// goroutines: one after the other, the reads of a docs tree's thousands of
// small pages were about a tenth of a `docgen dump`. On failure the error
// is that of the first name in order that failed.
func ReadFiles(names []string) ([][]byte, error) {
	srcs := make([][]byte, len(names))
	errs := make([]error, len(names))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(len(names), 2*runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(names) {
					return
				}
				srcs[i], errs[i] = os.ReadFile(names[i])
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return srcs, nil
}
