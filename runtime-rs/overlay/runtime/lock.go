// The runtime's own lock, and the semaphores (sync, internal/sync, internal/poll) and
// notification lists (sync.Cond) it binds to the Rust runtime.

package runtime

import "unsafe"

// mutex is a lock for the runtime's short critical sections (no blocking inside). A waiter
// spins, then yields, then sleeps briefly, so a holder that was preempted gets to run.
type mutex struct {
	key uint32
}

func (m *mutex) lock() {
	for i := 0; !atomicCas32(&m.key, 0, 1); i++ {
		switch {
		case i < 8:
		case i < 100:
			rogGosched()
		default:
			rogRealSleep(20_000)
		}
	}
}

func (m *mutex) unlock() {
	if atomicXchg32(&m.key, 0) == 0 {
		throw("unlock of unlocked lock")
	}
}

// Semaphores and sync.Cond's notify lists are the runtime's (runtime-rs/src/sema.rs): their
// waiters park with gc's wait reasons, which tell a synctest bubble whether they are durably
// blocked (a WaitGroup of the bubble's, a Cond) or not (a mutex).

//go:linkname rogSemacquire rog_semacquire
func rogSemacquire(addr *uint32, lifo bool, reason int32)

//go:linkname rogSemrelease rog_semrelease
func rogSemrelease(addr *uint32)

// Wait reasons of rog_semacquire.
const (
	semaReasonPlain          = 0 // semacquire
	semaReasonMutex          = 1 // sync.Mutex.Lock
	semaReasonRWMutexR       = 2 // sync.RWMutex.RLock
	semaReasonRWMutex        = 3 // sync.RWMutex.Lock
	semaReasonWaitGroup      = 4 // sync.WaitGroup.Wait
	semaReasonWaitGroupBlock = 5 // sync.WaitGroup.Wait (durable)
)

//go:linkname sync_runtime_Semacquire sync.runtime_Semacquire
func sync_runtime_Semacquire(addr *uint32) { rogSemacquire(addr, false, semaReasonPlain) }

//go:linkname sync_runtime_SemacquireWaitGroup sync.runtime_SemacquireWaitGroup
func sync_runtime_SemacquireWaitGroup(addr *uint32, synctestDurable bool) {
	reason := int32(semaReasonWaitGroup)
	if synctestDurable {
		reason = semaReasonWaitGroupBlock
	}
	rogSemacquire(addr, false, reason)
}

//go:linkname sync_runtime_SemacquireRWMutexR sync.runtime_SemacquireRWMutexR
func sync_runtime_SemacquireRWMutexR(addr *uint32, lifo bool, skipframes int) {
	rogSemacquire(addr, lifo, semaReasonRWMutexR)
}

//go:linkname sync_runtime_SemacquireRWMutex sync.runtime_SemacquireRWMutex
func sync_runtime_SemacquireRWMutex(addr *uint32, lifo bool, skipframes int) {
	rogSemacquire(addr, lifo, semaReasonRWMutex)
}

//go:linkname sync_runtime_Semrelease sync.runtime_Semrelease
func sync_runtime_Semrelease(addr *uint32, handoff bool, skipframes int) { rogSemrelease(addr) }

//go:linkname internal_sync_runtime_SemacquireMutex internal/sync.runtime_SemacquireMutex
func internal_sync_runtime_SemacquireMutex(addr *uint32, lifo bool, skipframes int) {
	rogSemacquire(addr, lifo, semaReasonMutex)
}

//go:linkname internal_sync_runtime_Semrelease internal/sync.runtime_Semrelease
func internal_sync_runtime_Semrelease(addr *uint32, handoff bool, skipframes int) {
	rogSemrelease(addr)
}

//go:linkname poll_runtime_Semacquire internal/poll.runtime_Semacquire
func poll_runtime_Semacquire(addr *uint32) { rogSemacquire(addr, false, semaReasonPlain) }

//go:linkname poll_runtime_Semrelease internal/poll.runtime_Semrelease
func poll_runtime_Semrelease(addr *uint32) { rogSemrelease(addr) }

// notifyList is sync.Cond's wait list; its layout is sync's notifyList (sync/runtime.go), which
// only the runtime reads (sema.rs's NotifyList).
type notifyList struct {
	wait   uint32
	notify uint32
	lock   uintptr
	head   unsafe.Pointer
	tail   unsafe.Pointer
}

//go:linkname notifyListAdd sync.runtime_notifyListAdd
func notifyListAdd(l *notifyList) uint32 { return rogNotifyListAdd(l) }

//go:linkname notifyListWait sync.runtime_notifyListWait
func notifyListWait(l *notifyList, t uint32) { rogNotifyListWait(l, t) }

//go:linkname notifyListNotifyAll sync.runtime_notifyListNotifyAll
func notifyListNotifyAll(l *notifyList) { rogNotifyListNotifyAll(l) }

//go:linkname notifyListNotifyOne sync.runtime_notifyListNotifyOne
func notifyListNotifyOne(l *notifyList) { rogNotifyListNotifyOne(l) }

//go:linkname rogNotifyListAdd rog_notifylist_add
func rogNotifyListAdd(l *notifyList) uint32

//go:linkname rogNotifyListWait rog_notifylist_wait
func rogNotifyListWait(l *notifyList, t uint32)

//go:linkname rogNotifyListNotifyAll rog_notifylist_notifyall
func rogNotifyListNotifyAll(l *notifyList)

//go:linkname rogNotifyListNotifyOne rog_notifylist_notifyone
func rogNotifyListNotifyOne(l *notifyList)

//go:linkname notifyListCheck sync.runtime_notifyListCheck
func notifyListCheck(size uintptr) {
	if size != unsafe.Sizeof(notifyList{}) {
		throw("bad notifyList size - sync/runtime.go and runtime/lock.go disagree")
	}
}
