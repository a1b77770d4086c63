// The version numbers of gc's PC/line table (the .gopclntab section). rog writes no such table
// (its binaries carry DWARF line tables); debug/gosym reads these to decode binaries built by gc.

package abi

// PCLnTabMagic is the 32-bit version word that opens a gc pclntab. No two values are
// byte-swaps of each other, so the word also tells the table's byte order.
type PCLnTabMagic uint32

// The pclntab versions, each named after the first Go release that wrote it.
const (
	Go12PCLnTabMagic  PCLnTabMagic = 0xfffffffb // Go 1.2 to 1.15
	Go116PCLnTabMagic PCLnTabMagic = 0xfffffffa // Go 1.16 and 1.17: a larger header
	Go118PCLnTabMagic PCLnTabMagic = 0xfffffff0 // Go 1.18 and 1.19: entry PCs as offsets
	Go120PCLnTabMagic PCLnTabMagic = 0xfffffff1 // Go 1.20 on: ":" in generated symbol names

	// CurrentPCLnTabMagic is the version gc's linker of this release writes.
	CurrentPCLnTabMagic = Go120PCLnTabMagic
)
