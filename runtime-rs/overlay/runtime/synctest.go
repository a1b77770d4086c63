// internal/synctest (testing/synctest's bubbles): the runtime's bubbles (runtime-rs
// src/sched/bubble.rs) keep the goroutines, the fake clock and its timers; this file turns their
// results into gc's panics.

package runtime

import "unsafe"

//go:linkname rogSynctestRun rog_synctest_run
func rogSynctestRun(f unsafe.Pointer) int

//go:linkname rogSynctestWait rog_synctest_wait
func rogSynctestWait() int

//go:linkname rogSynctestBubble rog_synctest_bubble
func rogSynctestBubble() unsafe.Pointer

//go:linkname rogSynctestNow rog_synctest_now
func rogSynctestNow() int64

//go:linkname rogSynctestAcquire rog_synctest_acquire
func rogSynctestAcquire() unsafe.Pointer

//go:linkname rogSynctestRelease rog_synctest_release
func rogSynctestRelease(b unsafe.Pointer)

//go:linkname rogSynctestSetBubble rog_synctest_setbubble
func rogSynctestSetBubble(b unsafe.Pointer) unsafe.Pointer

//go:linkname rogSynctestAssociate rog_synctest_associate
func rogSynctestAssociate(p unsafe.Pointer) int

//go:linkname rogSynctestDisassociate rog_synctest_disassociate
func rogSynctestDisassociate(p unsafe.Pointer)

//go:linkname rogSynctestIsAssociated rog_synctest_isassociated
func rogSynctestIsAssociated(p unsafe.Pointer) bool

// synctestDeadlockError is Run's panic value when the bubble can make no progress.
type synctestDeadlockError struct {
	reason string
}

func (e synctestDeadlockError) Error() string { return e.reason }

//go:linkname synctest_Run internal/synctest.Run
func synctest_Run(f func()) {
	switch rogSynctestRun(*(*unsafe.Pointer)(unsafe.Pointer(&f))) {
	case 1:
		panic("synctest.Run called from within a synctest bubble")
	case 2:
		panic(synctestDeadlockError{"deadlock: all goroutines in bubble are blocked"})
	case 3:
		panic(synctestDeadlockError{
			"deadlock: main bubble goroutine has exited but blocked goroutines remain"})
	}
}

//go:linkname synctest_Wait internal/synctest.Wait
func synctest_Wait() {
	switch rogSynctestWait() {
	case 1:
		panic("goroutine is not in a bubble")
	case 2:
		panic("wait already in progress")
	}
}

//go:linkname synctest_IsInBubble internal/synctest.IsInBubble
func synctest_IsInBubble() bool { return rogSynctestBubble() != nil }

//go:linkname synctest_associate internal/synctest.associate
func synctest_associate(p unsafe.Pointer) int { return rogSynctestAssociate(p) }

//go:linkname synctest_disassociate internal/synctest.disassociate
func synctest_disassociate(p unsafe.Pointer) { rogSynctestDisassociate(p) }

//go:linkname synctest_isAssociated internal/synctest.isAssociated
func synctest_isAssociated(p unsafe.Pointer) bool { return rogSynctestIsAssociated(p) }

// bubbleRef is what acquire hands out: the runtime's bubble, kept from going idle.
type bubbleRef struct {
	b unsafe.Pointer
}

//go:linkname synctest_acquire internal/synctest.acquire
func synctest_acquire() any {
	if b := rogSynctestAcquire(); b != nil {
		return &bubbleRef{b}
	}
	return nil
}

//go:linkname synctest_release internal/synctest.release
func synctest_release(b any) { rogSynctestRelease(b.(*bubbleRef).b) }

//go:linkname synctest_inBubble internal/synctest.inBubble
func synctest_inBubble(b any, f func()) {
	if old := rogSynctestSetBubble(b.(*bubbleRef).b); old != nil {
		rogSynctestSetBubble(old)
		panic("goroutine is already bubbled")
	}
	defer rogSynctestSetBubble(nil)
	f()
}
