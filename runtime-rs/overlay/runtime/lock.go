// The runtime's own lock and semaphores (sync, internal/sync, internal/poll), and the
// notification lists behind sync.Cond.

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
			rogSleep(20_000)
		}
	}
}

func (m *mutex) unlock() {
	if atomicXchg32(&m.key, 0) == 0 {
		throw("unlock of unlocked lock")
	}
}

// Semaphores. A goroutine that cannot decrement *addr waits on a channel in the queue of the
// table entry addr hashes to; a release increments *addr and wakes the first waiter for addr,
// which tries again. Waiters are counted per entry so a release without waiters takes no lock.

type semWaiter struct {
	addr *uint32
	wake chan struct{}
	next *semWaiter
}

type semRoot struct {
	lock  mutex
	nwait uint32
	head  *semWaiter
	tail  *semWaiter
}

const semTabSize = 251

var semtable [semTabSize]semRoot

func semroot(addr *uint32) *semRoot {
	return &semtable[(uintptr(unsafe.Pointer(addr))>>3)%semTabSize]
}

// cansemacquire decrements *addr if it is positive.
func cansemacquire(addr *uint32) bool {
	for {
		v := atomicLoad32(addr)
		if v == 0 {
			return false
		}
		if atomicCas32(addr, v, v-1) {
			return true
		}
	}
}

// semacquire waits until *addr > 0 and decrements it.
func semacquire(addr *uint32) {
	if cansemacquire(addr) {
		return
	}
	root := semroot(addr)
	for {
		root.lock.lock()
		atomicXadd32(&root.nwait, 1)
		if cansemacquire(addr) {
			atomicXadd32(&root.nwait, ^uint32(0))
			root.lock.unlock()
			return
		}
		w := &semWaiter{addr: addr, wake: make(chan struct{}, 1)}
		if root.tail == nil {
			root.head = w
		} else {
			root.tail.next = w
		}
		root.tail = w
		root.lock.unlock()
		<-w.wake
	}
}

// semrelease increments *addr and wakes one waiter for it.
func semrelease(addr *uint32) {
	atomicXadd32(addr, 1)
	root := semroot(addr)
	if atomicLoad32(&root.nwait) == 0 {
		return
	}
	root.lock.lock()
	var prev *semWaiter
	for w := root.head; w != nil; prev, w = w, w.next {
		if w.addr != addr {
			continue
		}
		if prev == nil {
			root.head = w.next
		} else {
			prev.next = w.next
		}
		if root.tail == w {
			root.tail = prev
		}
		atomicXadd32(&root.nwait, ^uint32(0))
		root.lock.unlock()
		w.wake <- struct{}{}
		return
	}
	root.lock.unlock()
}

//go:linkname sync_runtime_Semacquire sync.runtime_Semacquire
func sync_runtime_Semacquire(addr *uint32) { semacquire(addr) }

//go:linkname sync_runtime_SemacquireWaitGroup sync.runtime_SemacquireWaitGroup
func sync_runtime_SemacquireWaitGroup(addr *uint32, synctestDurable bool) { semacquire(addr) }

//go:linkname sync_runtime_SemacquireRWMutexR sync.runtime_SemacquireRWMutexR
func sync_runtime_SemacquireRWMutexR(addr *uint32, lifo bool, skipframes int) {
	semacquire(addr)
}

//go:linkname sync_runtime_SemacquireRWMutex sync.runtime_SemacquireRWMutex
func sync_runtime_SemacquireRWMutex(addr *uint32, lifo bool, skipframes int) {
	semacquire(addr)
}

//go:linkname sync_runtime_Semrelease sync.runtime_Semrelease
func sync_runtime_Semrelease(addr *uint32, handoff bool, skipframes int) { semrelease(addr) }

//go:linkname internal_sync_runtime_SemacquireMutex internal/sync.runtime_SemacquireMutex
func internal_sync_runtime_SemacquireMutex(addr *uint32, lifo bool, skipframes int) {
	semacquire(addr)
}

//go:linkname internal_sync_runtime_Semrelease internal/sync.runtime_Semrelease
func internal_sync_runtime_Semrelease(addr *uint32, handoff bool, skipframes int) {
	semrelease(addr)
}

//go:linkname poll_runtime_Semacquire internal/poll.runtime_Semacquire
func poll_runtime_Semacquire(addr *uint32) { semacquire(addr) }

//go:linkname poll_runtime_Semrelease internal/poll.runtime_Semrelease
func poll_runtime_Semrelease(addr *uint32) { semrelease(addr) }

// notifyList is sync.Cond's wait list; its layout is sync's notifyList (sync/runtime.go),
// which only the runtime reads. Each waiter takes a ticket; notifications go out in ticket
// order.
type notifyList struct {
	wait   uint32 // next ticket to hand out
	notify uint32 // next ticket to notify
	lock   uintptr
	head   *notifyWaiter
	tail   *notifyWaiter
}

type notifyWaiter struct {
	ticket uint32
	wake   chan struct{}
	next   *notifyWaiter
}

func (l *notifyList) mu() *mutex { return (*mutex)(unsafe.Pointer(&l.lock)) }

// ticketBefore reports a < b for tickets that wrap around.
func ticketBefore(a, b uint32) bool { return int32(a-b) < 0 }

//go:linkname notifyListAdd sync.runtime_notifyListAdd
func notifyListAdd(l *notifyList) uint32 {
	return atomicXadd32(&l.wait, 1) - 1
}

//go:linkname notifyListWait sync.runtime_notifyListWait
func notifyListWait(l *notifyList, t uint32) {
	l.mu().lock()
	if ticketBefore(t, l.notify) {
		l.mu().unlock()
		return
	}
	w := &notifyWaiter{ticket: t, wake: make(chan struct{}, 1)}
	if l.tail == nil {
		l.head = w
	} else {
		l.tail.next = w
	}
	l.tail = w
	l.mu().unlock()
	<-w.wake
}

//go:linkname notifyListNotifyAll sync.runtime_notifyListNotifyAll
func notifyListNotifyAll(l *notifyList) {
	if atomicLoad32(&l.wait) == atomicLoad32(&l.notify) {
		return
	}
	l.mu().lock()
	w := l.head
	l.head, l.tail = nil, nil
	atomicStore32(&l.notify, atomicLoad32(&l.wait))
	l.mu().unlock()
	for ; w != nil; w = w.next {
		w.wake <- struct{}{}
	}
}

//go:linkname notifyListNotifyOne sync.runtime_notifyListNotifyOne
func notifyListNotifyOne(l *notifyList) {
	if atomicLoad32(&l.wait) == atomicLoad32(&l.notify) {
		return
	}
	l.mu().lock()
	t := l.notify
	if t == atomicLoad32(&l.wait) {
		l.mu().unlock()
		return
	}
	atomicStore32(&l.notify, t+1)
	var prev *notifyWaiter
	for w := l.head; w != nil; prev, w = w, w.next {
		if w.ticket != t {
			continue
		}
		if prev == nil {
			l.head = w.next
		} else {
			prev.next = w.next
		}
		if l.tail == w {
			l.tail = prev
		}
		l.mu().unlock()
		w.wake <- struct{}{}
		return
	}
	// The waiter holding ticket t has not queued yet; it will see t < notify and not sleep.
	l.mu().unlock()
}

//go:linkname notifyListCheck sync.runtime_notifyListCheck
func notifyListCheck(size uintptr) {
	if size != unsafe.Sizeof(notifyList{}) {
		throw("bad notifyList size - sync/runtime.go and runtime/lock.go disagree")
	}
}
