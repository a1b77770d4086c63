// Coroutines for iter.Pull, made of a goroutine and a baton passed over channels: exactly one
// side runs at a time, and coroswitch hands the baton to the other side and waits for it.

package runtime

// iter pulls newcoro and coroswitch from here by linkname (runtime.newcoro, runtime.coroswitch).
type coro struct {
	f       func(*coro)
	started bool
	inside  bool          // the coroutine side holds the baton
	done    bool          // f has returned
	toCoro  chan struct{} // baton to the coroutine
	toCall  chan struct{} // baton to the caller
}

func newcoro(f func(*coro)) *coro {
	return &coro{f: f, toCoro: make(chan struct{}), toCall: make(chan struct{})}
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
	if !c.started {
		c.started = true
		go c.body()
	} else {
		c.toCoro <- struct{}{}
	}
	<-c.toCall
}

// body runs f on the coroutine's goroutine and gives the baton back for good when f returns.
func (c *coro) body() {
	c.f(c)
	c.done = true
	c.inside = false
	c.toCall <- struct{}{}
}
