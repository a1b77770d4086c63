// Coroutines for iter.Pull, made of a goroutine and a baton passed over channels: exactly one
// side runs at a time, and coroswitch hands the baton to the other side and waits for it.

package runtime

// iter pulls newcoro and coroswitch from here by linkname (runtime.newcoro, runtime.coroswitch).
type coro struct {
	f      func(*coro)
	inside bool          // the coroutine side holds the baton
	done   bool          // f has returned
	toCoro chan struct{} // baton to the coroutine
	toCall chan struct{} // baton to the caller
}

//go:linkname rogUncountGoroutine rog_uncount_goroutine
func rogUncountGoroutine()

// newcoro starts the coroutine's goroutine, which waits for the baton: as under gc, it exists
// (and counts in NumGoroutine) from iter.Pull on.
func newcoro(f func(*coro)) *coro {
	c := &coro{f: f, toCoro: make(chan struct{}), toCall: make(chan struct{})}
	go c.body()
	return c
}

func coroswitch(c *coro) {
	if c.inside {
		c.inside = false
		c.toCall <- struct{}{}
		<-c.toCoro
		return
	}
	if c.done {
		throw("coroswitch on exited coro")
	}
	c.inside = true
	c.toCoro <- struct{}{}
	<-c.toCall
}

// body runs f on the coroutine's goroutine and gives the baton back for good when f returns,
// or when it calls runtime.Goexit (iter.Pull's f then records the Goexit, and next or stop
// repeats it on the caller's goroutine, as gc's coroexit does).
func (c *coro) body() {
	<-c.toCoro
	defer func() {
		c.done = true
		c.inside = false
		rogUncountGoroutine() // gone for NumGoroutine once the caller runs again
		c.toCall <- struct{}{}
	}()
	c.f(c)
}
