// Stress: the network poller (src/netpoll.rs) through net on 127.0.0.1: a read deadline expires
// after its time, a deadline in the past fails at once, a read parked in the poller is woken by
// the peer's write, Close wakes a parked read with net.ErrClosed, and Accept after Close fails.
package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	acc := make(chan net.Conn)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			fmt.Println("accept:", err)
		}
		acc <- c
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println("dial:", err)
		return
	}
	s := <-acc
	buf := make([]byte, 16)

	start := time.Now()
	c.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
	n, err := c.Read(buf)
	el := time.Since(start)
	fmt.Println("timeout:", n, errors.Is(err, os.ErrDeadlineExceeded), el >= 50*time.Millisecond, el < 2*time.Second)

	c.SetReadDeadline(time.Now().Add(-time.Second))
	_, err = c.Read(buf)
	fmt.Println("past:", errors.Is(err, os.ErrDeadlineExceeded))

	c.SetReadDeadline(time.Time{})
	go func() {
		time.Sleep(20 * time.Millisecond)
		s.Write([]byte("hello"))
	}()
	n, err = c.Read(buf)
	fmt.Println("woken:", n, err, string(buf[:n]))

	go func() {
		time.Sleep(20 * time.Millisecond)
		c.Close()
	}()
	_, err = c.Read(buf)
	fmt.Println("closed:", errors.Is(err, net.ErrClosed))

	ln.Close()
	_, err = ln.Accept()
	fmt.Println("accept after close:", errors.Is(err, net.ErrClosed))
	s.Close()
}
