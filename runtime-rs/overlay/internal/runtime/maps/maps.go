// Package maps is gc's map implementation (Swiss tables over gc's map descriptors) in GOROOT.
// rog's maps are implemented by the Rust runtime (runtime-rs/src/map.rs, ABI.md §10), and the
// only importers of GOROOT's package, runtime and reflect, are overlays that do not import it;
// so rog's package of this path declares nothing (rules/src/overlay.ts gives the reason).
package maps
