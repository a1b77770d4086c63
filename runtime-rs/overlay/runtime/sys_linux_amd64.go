// Linux system call numbers and constants for amd64 used by this package.

package runtime

const (
	sysWrite            = 1
	sysMmap             = 9
	sysRtSigaction      = 13
	sysRtSigprocmask    = 14
	sysGetpid           = 39
	sysKill             = 62
	sysFcntl            = 72
	sysGettimeofday     = 96
	sysGettid           = 186
	sysSchedGetaffinity = 204
	sysExitGroup        = 231
	sysGetrandom        = 318

	sigTrap = 5
	sigPipe = 13
	sigSys  = 31

	eNOSYS = 38
	eAGAIN = 11

	pageSize = 4096
)

// syscallErr splits a raw kernel result into value and errno.
func syscallErr(r int) (uintptr, uintptr) {
	if r < 0 && r > -4096 {
		return ^uintptr(0), uintptr(-r)
	}
	return uintptr(r), 0
}
