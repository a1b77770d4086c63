// Clocks, sleeping and the timers behind package time.

package runtime

import "unsafe"

//go:linkname time_now time.now
func time_now() (sec int64, nsec int32, mono int64) {
	wall := rogWalltime()
	return wall / 1e9, int32(wall % 1e9), rogNanotime()
}

// time_runtimeNow is time.Now's clock: inside a synctest bubble, the bubble's fake clock,
// without a monotonic reading (as gc: times from inside and outside a bubble compare by wall
// clock).
//
//go:linkname time_runtimeNow time.runtimeNow
func time_runtimeNow() (sec int64, nsec int32, mono int64) {
	if now := rogSynctestNow(); now != 0 {
		return now / 1e9, int32(now % 1e9), 0
	}
	return time_now()
}

// time_runtimeNano is the clock of timers and time.Since: the fake clock in a bubble.
//
//go:linkname time_runtimeNano time.runtimeNano
func time_runtimeNano() int64 {
	if now := rogSynctestNow(); now != 0 {
		return now
	}
	return rogNanotime()
}

//go:linkname time_runtimeIsBubbled time.runtimeIsBubbled
func time_runtimeIsBubbled() bool { return rogSynctestBubble() != nil }

//go:linkname timeSleep time.Sleep
func timeSleep(ns int64) {
	if ns > 0 {
		rogSleep(ns)
	}
}

// timeTimer is what newTimer allocates for time.Timer and time.Ticker, whose layouts are its
// first two fields. The Rust timer heap serves it (rt): when due, the runtime starts a
// goroutine running fire. A channel timer is weak in that heap and its channel refers to it,
// so an armed timer whose channel nobody can receive from is collected, as under gc. A timer
// made in a synctest bubble is on the bubble's fake clock (the runtime arms it in the bubble's
// heap, and its goroutine joins the bubble).
type timeTimer struct {
	c      unsafe.Pointer // time.Timer.C
	init   bool           // time.Timer.initTimer
	mu     mutex
	rt     unsafe.Pointer // the runtime's timer (rog_newtimer)
	seq    uintptr
	active bool
	when   int64
	period int64
	f      func(arg any, seq uintptr, delta int64)
	arg    any
	// isChan marks timers whose channel Stop and Reset empty (Go 1.23 semantics: no stale
	// value can be received after Stop or Reset returns).
	isChan bool
	// fake marks a timer made in a synctest bubble (gc's isFake): only the bubble may use it.
	fake bool
}

//go:linkname rogNewTimer rog_newtimer
func rogNewTimer(when, period int64, f unsafe.Pointer) unsafe.Pointer

//go:linkname rogStopTimer rog_stoptimer
func rogStopTimer(t unsafe.Pointer) bool

//go:linkname rogResetTimer rog_resettimer
func rogResetTimer(t unsafe.Pointer, when, period int64) bool

//go:linkname rogTimerWeak rog_timerweak
func rogTimerWeak(t unsafe.Pointer)

//go:linkname rogChanSetTimer rog_chansettimer
func rogChanSetTimer(c, t unsafe.Pointer)

//go:linkname newTimer time.newTimer
func newTimer(when, period int64, f func(any, uintptr, int64), arg any, cp unsafe.Pointer) *timeTimer {
	t := &timeTimer{f: f, arg: arg, isChan: cp != nil, fake: rogSynctestBubble() != nil}
	t.init = true
	fire := t.fire
	t.rt = rogNewTimer(0, 0, *(*unsafe.Pointer)(unsafe.Pointer(&fire)))
	if t.isChan {
		rogTimerWeak(t.rt)
		rogChanSetTimer(cp, unsafe.Pointer(t))
	}
	t.mu.lock()
	t.arm(when, period)
	t.mu.unlock()
	return t
}

//go:linkname stopTimer time.stopTimer
func stopTimer(t *timeTimer) bool {
	if t.fake && rogSynctestBubble() == nil {
		fatal("stop of synctest timer from outside bubble")
	}
	t.mu.lock()
	was := t.active
	t.active = false
	t.seq++
	rogStopTimer(t.rt)
	if t.isChan && drainTimerChan(t.c) {
		was = true
	}
	t.mu.unlock()
	return was
}

//go:linkname resetTimer time.resetTimer
func resetTimer(t *timeTimer, when, period int64) bool {
	if t.fake && rogSynctestBubble() == nil {
		fatal("reset of synctest timer from outside bubble")
	}
	t.mu.lock()
	was := t.active
	t.active = false
	if t.isChan && drainTimerChan(t.c) {
		was = true
	}
	t.arm(when, period)
	t.mu.unlock()
	return was
}

// arm schedules t (t.mu held). A bubble's timer already due runs at once, on this goroutine,
// as gc's does: NewTimer(0)'s channel is ready before the bubble next goes idle.
func (t *timeTimer) arm(when, period int64) {
	t.when, t.period = when, period
	t.active = true
	t.seq++
	if now := rogSynctestNow(); t.fake && now != 0 && when <= now {
		t.run(now)
		if !t.active {
			rogStopTimer(t.rt)
			return
		}
	}
	rogResetTimer(t.rt, t.when, t.period)
}

// fire runs t's function if t is armed and due. The runtime may start it for an arming that
// Stop or Reset has since replaced, or for a periodic tick t already skipped: those find t
// inactive or not yet due. f runs with t.mu held (it only sends without blocking or starts a
// goroutine), so Stop and Reset never return while a stale send can still happen.
func (t *timeTimer) fire() {
	t.mu.lock()
	if now := time_runtimeNano(); t.active && now >= t.when {
		t.run(now)
	}
	t.mu.unlock()
}

// run runs t's function for its deadline, due at now, and moves the deadline on (t.mu held).
func (t *timeTimer) run(now int64) {
	delta := now - t.when
	if t.period > 0 {
		next := t.when + t.period*(1+delta/t.period)
		if next < t.when {
			next = 1<<63 - 1 // the tick after would overflow: never again
		}
		t.when = next
	} else {
		t.active = false
	}
	t.f(t.arg, t.seq, delta)
}

// drainTimerChan removes a value waiting in a timer's channel (of time.Time, 24 bytes, viewed
// here as [3]uintptr) and reports whether there was one.
func drainTimerChan(c unsafe.Pointer) bool {
	ch := *(*chan [3]uintptr)(unsafe.Pointer(&c))
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// haveHighResSleep says that sleeps of about a millisecond work (time's tests pull it by
// linkname). Linux timers are high-resolution.
var haveHighResSleep = true
