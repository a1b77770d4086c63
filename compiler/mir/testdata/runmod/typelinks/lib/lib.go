// Package lib has types whose composite types only this package's module describes.
package lib

type K string

type V struct{ N int }

// Table is a map type that main never spells.
func Table() any { return map[K][]*V{"a": {{N: 1}}} }

// Handler is a func type that main never spells.
func Handler() any { return func(k K, vs ...V) (int, error) { return len(k) + len(vs), nil } }
