// Clocks, sleeping and the timers behind package time.

package runtime

import "unsafe"

//go:linkname time_now time.now
func time_now() (sec int64, nsec int32, mono int64) {
	wall := rogWalltime()
	return wall / 1e9, int32(wall % 1e9), rogNanotime()
}

//go:linkname time_runtimeNow time.runtimeNow
func time_runtimeNow() (sec int64, nsec int32, mono int64) { return time_now() }

//go:linkname time_runtimeNano time.runtimeNano
func time_runtimeNano() int64 { return rogNanotime() }

//go:linkname time_runtimeIsBubbled time.runtimeIsBubbled
func time_runtimeIsBubbled() bool { return false }

//go:linkname timeSleep time.Sleep
func timeSleep(ns int64) {
	if ns > 0 {
		rogSleep(ns)
	}
}

// timeTimer is what newTimer allocates for time.Timer and time.Ticker, whose layouts are its
// first two fields. Each armed timer is served by a goroutine that sleeps until the timer is
// due; stopping or resetting the timer bumps seq, which retires that goroutine.
// TODO(runtime): bind to the Rust timer heap (runtime-rs/src/sched/timer.rs) once it has entry
// points; until then every armed timer counts in NumGoroutine.
type timeTimer struct {
	c      unsafe.Pointer // time.Timer.C
	init   bool           // time.Timer.initTimer
	mu     mutex
	seq    uintptr
	active bool
	when   int64
	period int64
	f      func(arg any, seq uintptr, delta int64)
	arg    any
	// isChan marks timers whose channel Stop and Reset empty (Go 1.23 semantics: no stale
	// value can be received after Stop or Reset returns).
	isChan bool
}

//go:linkname newTimer time.newTimer
func newTimer(when, period int64, f func(any, uintptr, int64), arg any, cp unsafe.Pointer) *timeTimer {
	t := &timeTimer{f: f, arg: arg, isChan: cp != nil}
	t.init = true
	t.mu.lock()
	t.arm(when, period)
	t.mu.unlock()
	return t
}

//go:linkname stopTimer time.stopTimer
func stopTimer(t *timeTimer) bool {
	t.mu.lock()
	was := t.active
	t.active = false
	t.seq++
	t.mu.unlock()
	if t.isChan && drainTimerChan(t.c) {
		was = true
	}
	return was
}

//go:linkname resetTimer time.resetTimer
func resetTimer(t *timeTimer, when, period int64) bool {
	t.mu.lock()
	was := t.active
	t.seq++
	t.active = false
	t.mu.unlock()
	if t.isChan && drainTimerChan(t.c) {
		was = true
	}
	t.mu.lock()
	t.arm(when, period)
	t.mu.unlock()
	return was
}

// arm schedules t (t.mu held).
func (t *timeTimer) arm(when, period int64) {
	t.when, t.period = when, period
	t.active = true
	t.seq++
	go t.run(t.seq)
}

// run fires t each time it is due until t is stopped, reset or (one-shot) has fired.
func (t *timeTimer) run(seq uintptr) {
	for {
		t.mu.lock()
		if t.seq != seq {
			t.mu.unlock()
			return
		}
		when := t.when
		t.mu.unlock()
		if d := when - rogNanotime(); d > 0 {
			rogSleep(d)
			continue
		}

		t.mu.lock()
		if t.seq != seq {
			t.mu.unlock()
			return
		}
		now := rogNanotime()
		delta := now - t.when
		if t.period > 0 {
			t.when += t.period * (1 + delta/t.period)
		} else {
			t.active = false
		}
		f, arg, period := t.f, t.arg, t.period
		t.mu.unlock()
		f(arg, seq, delta)
		if period <= 0 {
			return
		}
	}
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
