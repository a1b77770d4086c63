// Package maps is gc's map implementation (Swiss tables over gc's map descriptors) in GOROOT.
// rog's maps are implemented by the Rust runtime (runtime-rs/src/map.rs, ABI.md §10), and the
// only importers of GOROOT's package, runtime and reflect, are overlays that do not import it;
// so rog's package of this path declares only the facts other packages' tests read
// (rules/src/overlay.ts gives the reason).
package maps

// Use64BitHash reports whether hashes are 64 bits wide: rog's map hash (runtime-rs/src/hash.rs)
// is, as gc's is on amd64. hash/maphash's tests read it.
const Use64BitHash = true
