// internal/synctest (testing/synctest's bubbles). rog has no fake clock yet: Run reports that,
// and nothing is ever inside a bubble.
// TODO(runtime): bubbles need a per-group fake clock and durable-blocking detection.

package runtime

import "unsafe"

//go:linkname synctest_Run internal/synctest.Run
func synctest_Run(f func()) { panic(plainError("not supported yet: testing/synctest bubbles")) }

//go:linkname synctest_Wait internal/synctest.Wait
func synctest_Wait() { panic(plainError("goroutine is not in a bubble")) }

//go:linkname synctest_IsInBubble internal/synctest.IsInBubble
func synctest_IsInBubble() bool { return false }

//go:linkname synctest_associate internal/synctest.associate
func synctest_associate(p unsafe.Pointer) int { return 0 /* not in a bubble */ }

//go:linkname synctest_disassociate internal/synctest.disassociate
func synctest_disassociate(b unsafe.Pointer) {}

//go:linkname synctest_isAssociated internal/synctest.isAssociated
func synctest_isAssociated(p unsafe.Pointer) bool { return false }

//go:linkname synctest_acquire internal/synctest.acquire
func synctest_acquire() any { return nil }

//go:linkname synctest_release internal/synctest.release
func synctest_release(b any) {}

//go:linkname synctest_inBubble internal/synctest.inBubble
func synctest_inBubble(b any, f func()) { f() }
