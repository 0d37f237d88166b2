//go:build unix

package parser

import "syscall"

// processCPU returns the user+system CPU time of the process so far, in
// nanoseconds: benchmarks report it next to wall time because the build
// machine is shared and wall time varies with its load.
func processCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
