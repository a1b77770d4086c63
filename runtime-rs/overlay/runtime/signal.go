// os/signal's hooks (gc's sigqueue.go), over the runtime's signal queue in
// runtime-rs/src/signal.rs: a signal the program asks for is queued by the runtime's handler and
// taken by os/signal's loop goroutine through signal_recv.

package runtime

//go:linkname rogSignalEnable rog_signal_enable
func rogSignalEnable(sig uint32)

//go:linkname rogSignalDisable rog_signal_disable
func rogSignalDisable(sig uint32)

//go:linkname rogSignalIgnore rog_signal_ignore
func rogSignalIgnore(sig uint32)

//go:linkname rogSignalIgnored rog_signal_ignored
func rogSignalIgnored(sig uint32) bool

//go:linkname rogSignalRecv rog_signal_recv
func rogSignalRecv() uint32

//go:linkname rogSignalIdle rog_signal_idle
func rogSignalIdle() bool

//go:linkname signal_enable os/signal.signal_enable
func signal_enable(sig uint32) { rogSignalEnable(sig) }

//go:linkname signal_disable os/signal.signal_disable
func signal_disable(sig uint32) { rogSignalDisable(sig) }

//go:linkname signal_ignore os/signal.signal_ignore
func signal_ignore(sig uint32) { rogSignalIgnore(sig) }

//go:linkname signal_ignored os/signal.signal_ignored
func signal_ignored(sig uint32) bool { return rogSignalIgnored(sig) }

// signal_recv blocks until a signal the program enabled arrives and returns it.
//
//go:linkname signal_recv os/signal.signal_recv
func signal_recv() uint32 { return rogSignalRecv() }

// signalWaitUntilIdle returns once every signal delivered so far has been taken and processed:
// os/signal's Stop calls it so that no value reaches a channel after Stop returns.
//
//go:linkname signalWaitUntilIdle os/signal.signalWaitUntilIdle
func signalWaitUntilIdle() {
	for !rogSignalIdle() {
		Gosched()
	}
}
