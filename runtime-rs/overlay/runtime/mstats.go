// Memory statistics.

package runtime

// MemStats records statistics about the memory allocator (gc's fields; see README.md for the
// ones rog fills).
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// memstatsWords is the order of rog_memstats' output (README.md, "rog_memstats").
const (
	msAlloc = iota
	msTotalAlloc
	msSys
	msMallocs
	msFrees
	msHeapSys
	msHeapIdle
	msHeapInuse
	msHeapReleased
	msHeapObjects
	msStackInuse
	msStackSys
	msNextGC
	msLastGC
	msPauseTotalNs
	msNumGC
	msNumForcedGC
	msLastPauseNs
	memstatsWords
)

// ReadMemStats fills m with the allocator's statistics.
func ReadMemStats(m *MemStats) {
	var w [memstatsWords]uint64
	rogMemstats(&w[0], memstatsWords)
	*m = MemStats{
		Alloc:        w[msAlloc],
		TotalAlloc:   w[msTotalAlloc],
		Sys:          w[msSys],
		Mallocs:      w[msMallocs],
		Frees:        w[msFrees],
		HeapAlloc:    w[msAlloc],
		HeapSys:      w[msHeapSys],
		HeapIdle:     w[msHeapIdle],
		HeapInuse:    w[msHeapInuse],
		HeapReleased: w[msHeapReleased],
		HeapObjects:  w[msHeapObjects],
		StackInuse:   w[msStackInuse],
		StackSys:     w[msStackSys],
		NextGC:       w[msNextGC],
		LastGC:       w[msLastGC],
		PauseTotalNs: w[msPauseTotalNs],
		NumGC:        uint32(w[msNumGC]),
		NumForcedGC:  uint32(w[msNumForcedGC]),
		EnableGC:     true,
	}
	if m.NumGC > 0 {
		m.PauseNs[(m.NumGC+255)%256] = w[msLastPauseNs]
		m.PauseEnd[(m.NumGC+255)%256] = m.LastGC
	}
}
