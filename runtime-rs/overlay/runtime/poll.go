// The network poller interface of internal/poll, over the runtime's epoll poller
// (runtime-rs/src/netpoll.rs; the entry points are in ABI.md §11). A poll descriptor is the
// runtime's handle for one registered file descriptor, kept by internal/poll as a uintptr (it
// lives outside the Go heap). Modes are 'r', 'w' and 'r'+'w', as internal/poll passes them.

package runtime

//go:linkname rogNetpollInit rog_netpoll_init
func rogNetpollInit()

//go:linkname rogNetpollOpen rog_netpoll_open
func rogNetpollOpen(fd uintptr) int

//go:linkname rogNetpollClose rog_netpoll_close
func rogNetpollClose(pd uintptr)

//go:linkname rogNetpollWait rog_netpoll_wait
func rogNetpollWait(pd uintptr, mode int) int

//go:linkname rogNetpollReset rog_netpoll_reset
func rogNetpollReset(pd uintptr, mode int) int

//go:linkname rogNetpollSetDeadline rog_netpoll_setdeadline
func rogNetpollSetDeadline(pd uintptr, d int64, mode int)

//go:linkname rogNetpollUnblock rog_netpoll_unblock
func rogNetpollUnblock(pd uintptr)

//go:linkname rogNetpollIsPollerFd rog_netpoll_is_poller_fd
func rogNetpollIsPollerFd(fd uintptr) bool

//go:linkname poll_runtime_pollServerInit internal/poll.runtime_pollServerInit
func poll_runtime_pollServerInit() { rogNetpollInit() }

// poll_runtime_pollOpen registers fd (edge-triggered, for reading and writing); it returns the
// poll descriptor, or 0 and the errno epoll_ctl failed with (EPERM for regular files: internal/poll
// then uses the descriptor in blocking mode).
//
//go:linkname poll_runtime_pollOpen internal/poll.runtime_pollOpen
func poll_runtime_pollOpen(fd uintptr) (uintptr, int) {
	r := rogNetpollOpen(fd)
	if r < 0 {
		return 0, -r
	}
	return uintptr(r), 0
}

//go:linkname poll_runtime_pollClose internal/poll.runtime_pollClose
func poll_runtime_pollClose(ctx uintptr) { rogNetpollClose(ctx) }

//go:linkname poll_runtime_pollWait internal/poll.runtime_pollWait
func poll_runtime_pollWait(ctx uintptr, mode int) int { return rogNetpollWait(ctx, mode) }

// poll_runtime_pollWaitCanceled is for Windows' overlapped I/O; nothing to do on Linux.
//
//go:linkname poll_runtime_pollWaitCanceled internal/poll.runtime_pollWaitCanceled
func poll_runtime_pollWaitCanceled(ctx uintptr, mode int) {}

//go:linkname poll_runtime_pollReset internal/poll.runtime_pollReset
func poll_runtime_pollReset(ctx uintptr, mode int) int { return rogNetpollReset(ctx, mode) }

//go:linkname poll_runtime_pollSetDeadline internal/poll.runtime_pollSetDeadline
func poll_runtime_pollSetDeadline(ctx uintptr, d int64, mode int) {
	rogNetpollSetDeadline(ctx, d, mode)
}

//go:linkname poll_runtime_pollUnblock internal/poll.runtime_pollUnblock
func poll_runtime_pollUnblock(ctx uintptr) { rogNetpollUnblock(ctx) }

//go:linkname poll_runtime_isPollServerDescriptor internal/poll.runtime_isPollServerDescriptor
func poll_runtime_isPollServerDescriptor(fd uintptr) bool { return rogNetpollIsPollerFd(fd) }
