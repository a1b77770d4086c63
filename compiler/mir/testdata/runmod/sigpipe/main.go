// A write to a broken stdout kills the program by SIGPIPE, as under gc, unless the program asked
// os/signal for SIGPIPE: then it returns EPIPE. Other descriptors always get EPIPE.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
)

func main() {
	if h := os.Getenv("HELPER"); h != "" {
		if os.Getenv("SIG") != "" {
			signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
		}
		if h == "1" {
			os.Stdout.Write([]byte("stdout"))
		} else if _, err := os.NewFile(3, "3").Write([]byte("3")); err == nil {
			os.Exit(3)
		}
		os.Exit(0)
	}
	r, w, _ := os.Pipe()
	r.Close()
	for _, sig := range []string{"", "1"} {
		for _, h := range []string{"1", "3"} {
			cmd := exec.Command(os.Args[0])
			cmd.Stdout = w
			cmd.ExtraFiles = []*os.File{w}
			cmd.Env = append(os.Environ(), "HELPER="+h, "SIG="+sig)
			err := cmd.Run()
			fmt.Printf("sig=%q fd=%s: %v\n", sig, h, err)
		}
	}
}
