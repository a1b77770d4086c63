// runtime/debug's bodyless functions, which gc's runtime provides by linkname, and the
// execution tracer's entry runtime/trace pulls.

package runtime

//go:linkname rogSetGCPercent rog_setgcpercent
func rogSetGCPercent(p int64) int64

//go:linkname debug_setGCPercent runtime/debug.setGCPercent
func debug_setGCPercent(p int32) int32 { return int32(rogSetGCPercent(int64(p))) }

// freeOSMemory collects; rog's heap returns free spans to the OS as it sweeps.
//
//go:linkname debug_freeOSMemory runtime/debug.freeOSMemory
func debug_freeOSMemory() { rogGC() }

// readGCStats passes back, as gc does: the pauses newest first, their end times, the last
// collection's time, the number of collections and the total pause.
//
//go:linkname debug_readGCStats runtime/debug.readGCStats
func debug_readGCStats(pauses *[]uint64) {
	var m MemStats
	ReadMemStats(&m)
	p := *pauses
	if cap(p) < len(m.PauseNs)+3 {
		throw("short slice passed to readGCStats")
	}
	n := m.NumGC
	if n > uint32(len(m.PauseNs)) {
		n = uint32(len(m.PauseNs))
	}
	p = p[:cap(p)]
	for i := uint32(0); i < n; i++ {
		j := (m.NumGC - 1 - i) % uint32(len(m.PauseNs))
		p[i] = m.PauseNs[j]
		p[n+i] = m.PauseEnd[j]
	}
	p[n+n] = m.LastGC
	p[n+n+1] = uint64(m.NumGC)
	p[n+n+2] = m.PauseTotalNs
	*pauses = p[:n+n+3]
}

// The settings below are recorded and returned as gc does; rog's runtime does not consult
// them yet (its stacks, threads and heap have their own fixed limits).
var (
	maxStack    = 1000000000
	maxThreads  = 10000
	memoryLimit = int64(^uint64(0) >> 1)
	traceback   = "single"
)

//go:linkname debug_setMaxStack runtime/debug.setMaxStack
func debug_setMaxStack(n int) int { old := maxStack; maxStack = n; return old }

//go:linkname debug_setMaxThreads runtime/debug.setMaxThreads
func debug_setMaxThreads(n int) int { old := maxThreads; maxThreads = n; return old }

//go:linkname debug_setPanicOnFault runtime/debug.setPanicOnFault
func debug_setPanicOnFault(b bool) bool { return setPanicOnFault(b) }

// setPanicOnFault sets the running goroutine's setting, as gc's is per goroutine.
//
//go:linkname setPanicOnFault rog_setpanic_onfault
func setPanicOnFault(b bool) bool

//go:linkname debug_setMemoryLimit runtime/debug.setMemoryLimit
func debug_setMemoryLimit(n int64) int64 {
	old := memoryLimit
	if n >= 0 {
		memoryLimit = n
	}
	return old
}

//go:linkname debug_SetTraceback runtime/debug.SetTraceback
func debug_SetTraceback(level string) { traceback = level }

//go:linkname debug_WriteHeapDump runtime/debug.WriteHeapDump
func debug_WriteHeapDump(fd uintptr) {
	panic(plainError("not supported yet: runtime/debug.WriteHeapDump"))
}

// modinfo is the build information the linker embeds; rog embeds none yet, so
// debug.ReadBuildInfo reports ok == false.
//
//go:linkname debug_modinfo runtime/debug.modinfo
func debug_modinfo() string { return "" }

// traceAdvance (runtime/trace's runtime_traceAdvance) would start a new trace generation;
// StartTrace fails, so no trace runs.
func traceAdvance(stopTrace bool) {}

//go:linkname rogSetCrashFD rog_setcrashfd
func rogSetCrashFD(fd uintptr) uintptr

// setCrashFD is debug.SetCrashOutput's runtime half: the fd receives a copy of what a dying
// program prints. It returns the previous fd (all ones for none).
func setCrashFD(fd uintptr) uintptr { return rogSetCrashFD(fd) }

// The annotations runtime/trace emits write trace events only while a trace runs; StartTrace
// fails, so none runs and these have nothing to record, as gc's do when tracing is off.

//go:linkname trace_userTaskCreate runtime/trace.userTaskCreate
func trace_userTaskCreate(id, parentID uint64, taskType string) {}

//go:linkname trace_userTaskEnd runtime/trace.userTaskEnd
func trace_userTaskEnd(id uint64) {}

//go:linkname trace_userRegion runtime/trace.userRegion
func trace_userRegion(id, mode uint64, regionType string) {}

//go:linkname trace_userLog runtime/trace.userLog
func trace_userLog(id uint64, category, message string) {}

// traceClockNow is the trace clock: rog's is the monotonic clock in nanoseconds.
func traceClockNow() uint64 { return uint64(nanotime()) }

//go:linkname trace_runtime_traceClockUnitsPerSecond runtime/trace.runtime_traceClockUnitsPerSecond
func trace_runtime_traceClockUnitsPerSecond() uint64 { return 1e9 }

// readTrace returns the next trace data; with no trace running there is none.
//
//go:linkname trace_runtime_readTrace runtime/trace.runtime_readTrace
func trace_runtime_readTrace() []byte { return nil }
