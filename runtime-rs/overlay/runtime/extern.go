// Package runtime is rog's replacement for gc's runtime package: the user-visible API (GC,
// Gosched, GOMAXPROCS, Caller, SetFinalizer, MemStats, Error, ...) and the functions other
// standard packages reach through //go:linkname, bound to the Rust runtime (runtime-rs/src)
// through rog_ entry points. The language itself (allocation, maps, channels, panics, ...) is
// compiled straight to Rust entry points and never comes through this package.
package runtime

// GOOS and GOARCH name the only target rog builds for.
const (
	GOOS   string = "linux"
	GOARCH string = "amd64"
)

// Compiler names the toolchain that built the program. rog says "gc": programs (and go/build,
// whose default Context asks the go command about packages with -compiler=runtime.Compiler)
// must behave as they do when built with the go command; rog builds gc's dialect, build tags
// included ("gc" is satisfied).
const Compiler = "gc"

// goVersion is the Go release whose standard library rog compiles (toolchains/ checks it).
const goVersion = "go1.26"

// Version returns the Go release the program was built against.
func Version() string { return goVersion }

// GOROOT returns $GOROOT, or "" when it is not set (rog records no build-time root).
//
// Deprecated: as in gc, use the go command's answer instead.
func GOROOT() string { return gogetenv("GOROOT") }
