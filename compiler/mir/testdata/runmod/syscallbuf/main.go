// A buffer passed to a system call stays in the frame, as under gc: crypto/rand.Read reaches
// getrandom through syscall.Syscall, a //go:uintptrkeepalive call, so the uintptr made of the
// buffer's address keeps it alive without letting it escape.
package main

import (
	"crypto/rand"
	"fmt"
	"testing"
)

func main() {
	var sum byte
	fmt.Println(testing.AllocsPerRun(10, func() {
		buf := make([]byte, 32)
		rand.Read(buf)
		sum ^= buf[0]
	}))
	_ = sum
}
