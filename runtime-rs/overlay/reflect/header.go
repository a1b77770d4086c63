// The runtime representations of slices and strings (deprecated in GOROOT's reflect, kept for
// the programs that still use them). rog lays both out as gc does on amd64 (runtime-rs/ABI.md
// §1): data pointer, length, then capacity for a slice.

package reflect

// SliceHeader is the runtime representation of a slice. Data is a uintptr, so it does not
// keep the array alive; use unsafe.Slice or unsafe.SliceData instead.
//
// Deprecated: Use unsafe.Slice or unsafe.SliceData instead.
type SliceHeader struct {
	Data uintptr
	Len  int
	Cap  int
}

// StringHeader is the runtime representation of a string. Data is a uintptr, so it does not
// keep the bytes alive; use unsafe.String or unsafe.StringData instead.
//
// Deprecated: Use unsafe.String or unsafe.StringData instead.
type StringHeader struct {
	Data uintptr
	Len  int
}
