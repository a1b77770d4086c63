// Frames of functions with no inlined calls: rog's debug information is line tables only, in
// which LLVM describes only functions with inlined calls, so the others are known by their
// symbol and line table. log.Panic's Lshortfile names its caller (log's TestCallDepth).
package main

import (
	"fmt"
	"log"
	"os"
	"runtime"
)

type L struct{ n int }

var std = &L{}

func (l *L) output(calldepth int, app func([]byte) []byte) {
	_, _, line, _ := runtime.Caller(calldepth)
	fmt.Println(string(app(nil)), line)
}

func Panic(v ...any) {
	s := fmt.Sprint(v...)
	std.output(2, func(b []byte) []byte {
		return append(b, s...)
	})
	panic(s)
}

//go:noinline
func g() { Panic("g") }

func viaLog() {
	defer func() { recover() }()
	f := func() { log.Panic("log") }
	f()
}

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
		log.SetFlags(log.Lshortfile)
		log.SetOutput(os.Stdout)
		viaLog()
	}()
	g()
}
