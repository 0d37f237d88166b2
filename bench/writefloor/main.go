// Command writefloor is the floor of the writes of a fresh `docgen
// generate`: it creates, in a new folder, files with the names and sizes of
// the top-level files of a sample folder (a docgen output), the way docgen
// writes into a folder that does not exist (generator.writeFresh): a
// temporary folder beside the target, one exclusive create and one write per
// file on two goroutines, then one rename. It reads no content (each file
// is filled with one byte value), so its process cost is the file system's
// plus a directory listing. bench/cli.sh times it beside docgen.
//
//	go run ./bench/writefloor SAMPLE_DIR OUT_DIR
//
// OUT_DIR must not exist.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: writefloor SAMPLE_DIR OUT_DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "writefloor:", err)
		os.Exit(1)
	}
}

type file struct {
	name string
	size int
}

func run(sample, out string) error {
	entries, err := os.ReadDir(sample)
	if err != nil {
		return err
	}
	var files []file
	largest := 0
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		files = append(files, file{e.Name(), int(info.Size())})
		largest = max(largest, int(info.Size()))
	}
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("%s exists", out)
	}
	tmp := filepath.Join(filepath.Dir(filepath.Clean(out)), "."+filepath.Base(filepath.Clean(out))+".writefloor.tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return err
	}
	content := bytes.Repeat([]byte{'x'}, largest)
	errs := make([]error, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				errs[i] = create(filepath.Join(tmp, files[i].name), content[:files[i].size])
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			os.RemoveAll(tmp)
			return err
		}
	}
	return os.Rename(tmp, out)
}

func create(name string, content []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(content)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
