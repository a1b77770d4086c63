// Package sync holds the implementations of sync.Mutex and sync.Map (rog's overlay of GOROOT's
// internal/sync, whose HashTrieMap hashes through gc's map descriptors).
package sync

import "sync/atomic"

// Mutex is a mutual exclusion lock; the zero value is unlocked.
//
// state is 0 (unlocked), 1 (locked, nobody waiting) or 2 (locked, someone may be waiting); a
// goroutine that finds the lock taken marks it 2 and sleeps on sema, and an unlock that finds 2
// wakes one sleeper, which tries again. (Drepper's three-state futex mutex, over the runtime's
// semaphore.)
type Mutex struct {
	state int32
	sema  uint32
}

// Lock locks m, waiting until it is available.
func (m *Mutex) Lock() {
	if atomic.CompareAndSwapInt32(&m.state, 0, 1) {
		return
	}
	m.lockSlow()
}

func (m *Mutex) lockSlow() {
	// A short spin catches locks held for a few instructions without sleeping.
	for i := 0; i < 30; i++ {
		if atomic.LoadInt32(&m.state) == 0 && atomic.CompareAndSwapInt32(&m.state, 0, 1) {
			return
		}
	}
	for atomic.SwapInt32(&m.state, 2) != 0 {
		runtime_SemacquireMutex(&m.sema, false, 1)
	}
}

// TryLock locks m if it is free and reports whether it did.
func (m *Mutex) TryLock() bool {
	return atomic.CompareAndSwapInt32(&m.state, 0, 1)
}

// Unlock unlocks m; unlocking an unlocked mutex is a fatal error.
func (m *Mutex) Unlock() {
	switch atomic.AddInt32(&m.state, -1) {
	case 0:
	case 1:
		atomic.StoreInt32(&m.state, 0)
		runtime_Semrelease(&m.sema, false, 1)
	default:
		fatal("sync: unlock of unlocked mutex")
	}
}

// Provided by the runtime overlay.

func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)

func runtime_Semrelease(s *uint32, handoff bool, skipframes int)

func throw(string)

func fatal(string)
