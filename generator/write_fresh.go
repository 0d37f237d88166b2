package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// writeFresh is Write for a dir that does not exist: the files are written
// into a new temporary folder beside dir, which is then renamed to dir, so
// readers see no package or the whole package, and each file costs one
// create instead of a create, a rename and the stat os.Rename makes. (With
// a temporary file and a rename per file, the directory operations were
// most of the system time of a fresh generate.) On an error nothing is left
// behind.
func writeFresh(dir string, files []File) (written []string, err error) {
	for _, f := range files {
		if err := checkName(f.Name); err != nil {
			return nil, err
		}
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	var tmp string
	for range 10000 {
		tmp = filepath.Join(parent, ".docgen-"+filepath.Base(filepath.Clean(dir))+"-"+strconv.FormatUint(uint64(rand.Uint32()), 10)+".tmp")
		err = os.Mkdir(tmp, 0o755)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	for _, f := range files {
		if i := strings.LastIndexByte(f.Name, '/'); i >= 0 {
			if err := os.MkdirAll(filepath.Join(tmp, filepath.FromSlash(f.Name[:i])), 0o755); err != nil {
				return nil, err
			}
		}
	}
	errs := make([]error, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(len(files), freshWorkers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				errs[i] = writeNew(filepath.Join(tmp, filepath.FromSlash(files[i].Name)), files[i].Content)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		return nil, fmt.Errorf("moving the generated files into place: %w", err)
	}
	for _, f := range files {
		written = append(written, f.Name)
	}
	slices.Sort(written)
	return written, nil
}

// freshWorkers bounds the files created at once in a fresh folder: creates
// in one directory serialise on its lock in the kernel, and more writers
// than cores only spin on it.
var freshWorkers = 2

// writeNew creates name (which must not exist) with content, mode 0644
// before the umask.
func writeNew(name string, content []byte) error {
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
