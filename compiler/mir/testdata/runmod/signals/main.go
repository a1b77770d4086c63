// Signals without os/signal do what gc's runtime does (kill, SIGQUIT's exit 2, or nothing);
// Notify, Reset, Ignore and Ignored; a write to a closed pipe returns EPIPE.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

func main() {
	if len(os.Args) > 1 {
		s := map[string]syscall.Signal{"int": syscall.SIGINT, "quit": syscall.SIGQUIT, "term": syscall.SIGTERM, "usr2": syscall.SIGUSR2, "chld": syscall.SIGCHLD}[os.Args[1]]
		if len(os.Args) > 2 {
			signal.Notify(make(chan os.Signal, 1), s)
			signal.Reset(s)
		}
		fmt.Println("sending", s)
		syscall.Kill(os.Getpid(), s)
		time.Sleep(50 * time.Millisecond)
		fmt.Println("survived")
		return
	}
	for _, a := range []string{"int", "quit", "term", "usr2", "chld"} {
		for _, reset := range [][]string{nil, {"r"}} {
			cmd := exec.Command(os.Args[0], append([]string{a}, reset...)...)
			out, err := cmd.CombinedOutput()
			s := string(out)
			if i := strings.Index(s, "\nPC="); i >= 0 {
				s = s[:i] // the address differs between builds
			}
			fmt.Printf("%s %v: %q %v\n", a, reset, s, err)
		}
	}
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	fmt.Println(<-c)
	signal.Stop(c)
	r, w, _ := os.Pipe()
	r.Close()
	_, err := w.Write([]byte("x"))
	fmt.Println(err)
	signal.Notify(c)
	syscall.Kill(os.Getpid(), syscall.SIGWINCH)
	fmt.Println(<-c)
	signal.Ignore(syscall.SIGHUP)
	syscall.Kill(os.Getpid(), syscall.SIGHUP)
	select {
	case s := <-c:
		fmt.Println("got", s)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("hup ignored")
	}
	fmt.Println(signal.Ignored(syscall.SIGHUP), signal.Ignored(syscall.SIGUSR1))
}
