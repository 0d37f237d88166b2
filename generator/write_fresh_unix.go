//go:build unix

package generator

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// writeNew creates name (which must not exist) with content, mode 0644
// before the umask. It uses the system calls directly: os.OpenFile also
// tries to register every file with the network poller (an epoll_ctl that
// fails for regular files, and four fcntl calls around it), five wasted
// system calls per file, 38,000 on a fresh generate of the corpus.
func writeNew(name string, content []byte) error {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o644)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(content) > 0 {
		n, err := syscall.Write(fd, content)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		content = content[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return os.NewSyscallError("close", err)
	}
	return nil
}
