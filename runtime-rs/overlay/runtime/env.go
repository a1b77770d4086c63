// Command-line arguments, the environment, and the GODEBUG hooks of internal/godebug.

package runtime

import "unsafe"

var (
	argsLock mutex
	argsDone bool
	argslice []string
	envs     []string
)

// cstrings copies a NULL-terminated array of C strings (at most max of them when max >= 0).
func cstrings(p **byte, max int) []string {
	var out []string
	for i := 0; max < 0 || i < max; i++ {
		s := *(**byte)(unsafe.Add(unsafe.Pointer(p), uintptr(i)*unsafe.Sizeof(p)))
		if s == nil {
			break
		}
		n := 0
		for *(*byte)(unsafe.Add(unsafe.Pointer(s), n)) != 0 {
			n++
		}
		out = append(out, string(unsafe.Slice(s, n)))
	}
	return out
}

// initArgs copies the arguments and environment on first use.
func initArgs() {
	argsLock.lock()
	if !argsDone {
		argsDone = true
		argslice = cstrings(rogArgv(), rogArgc())
		envs = cstrings(rogEnviron(), -1)
	}
	argsLock.unlock()
}

//go:linkname os_runtime_args os.runtime_args
func os_runtime_args() []string {
	initArgs()
	return append([]string{}, argslice...)
}

//go:linkname syscall_runtime_envs syscall.runtime_envs
func syscall_runtime_envs() []string {
	initArgs()
	return append([]string{}, envs...)
}

// gogetenv reads the environment the program started with.
func gogetenv(key string) string {
	initArgs()
	for _, s := range envs {
		if len(s) > len(key) && s[len(key)] == '=' && s[:len(key)] == key {
			return s[len(key)+1:]
		}
	}
	return ""
}

// godebugUpdate is internal/godebug's callback: it receives the compiled-in defaults and the
// GODEBUG environment variable, at registration and whenever os.Setenv changes GODEBUG.
var (
	godebugLock   mutex
	godebugUpdate func(def, env string)
	godebugEnv    string
	godebugSet    bool
	godebugNewInc func(string) func()
)

// godebugDefault is the GODEBUG default of the main module's Go version; rog builds with the
// GOROOT's defaults, which are empty.
const godebugDefault = ""

//go:linkname godebug_setUpdate internal/godebug.setUpdate
func godebug_setUpdate(update func(string, string)) {
	godebugLock.lock()
	godebugUpdate = update
	env := godebugEnv
	if !godebugSet {
		env = gogetenv("GODEBUG")
	}
	godebugLock.unlock()
	update(godebugDefault, env)
}

//go:linkname godebug_setNewIncNonDefault internal/godebug.setNewIncNonDefault
func godebug_setNewIncNonDefault(f func(string) func()) { godebugNewInc = f }

// godebug_registerMetric would publish a counter through runtime/metrics, which rog does not
// have yet.
//
//go:linkname godebug_registerMetric internal/godebug.registerMetric
func godebug_registerMetric(name string, read func() uint64) {}

func godebugChanged(env string) {
	godebugRuntime(env)
	godebugLock.lock()
	godebugEnv, godebugSet = env, true
	update := godebugUpdate
	godebugLock.unlock()
	if update != nil {
		update(godebugDefault, env)
	}
}

//go:linkname syscall_runtimeSetenv syscall.runtimeSetenv
func syscall_runtimeSetenv(key, value string) {
	if key == "GODEBUG" {
		godebugChanged(value)
	}
}

//go:linkname syscall_runtimeUnsetenv syscall.runtimeUnsetenv
func syscall_runtimeUnsetenv(key string) {
	if key == "GODEBUG" {
		godebugChanged("")
	}
}

//go:linkname syscall_runtimeClearenv syscall.runtimeClearenv
func syscall_runtimeClearenv(env map[string]int) {
	if _, ok := env["GODEBUG"]; ok {
		godebugChanged("")
	}
}

//go:linkname rogSetPanicNilAllowed rog_setpanicnilallowed
func rogSetPanicNilAllowed(allowed bool)

// godebugRuntime applies the GODEBUG settings the runtime itself reads, as gc's runtime does at
// start-up and whenever GODEBUG changes: panicnil=1 makes panic(nil) panic with a nil value
// instead of a *PanicNilError. A later setting overrides an earlier one.
func godebugRuntime(env string) {
	panicnil := false
	for i := 0; i < len(env); {
		j := i
		for j < len(env) && env[j] != ',' {
			j++
		}
		switch env[i:j] {
		case "panicnil=1":
			panicnil = true
		case "panicnil=0":
			panicnil = false
		}
		i = j + 1
	}
	rogSetPanicNilAllowed(panicnil)
}

func init() { godebugRuntime(gogetenv("GODEBUG")) }
