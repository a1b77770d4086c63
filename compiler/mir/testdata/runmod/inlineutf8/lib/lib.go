// Package lib has a small generic function that callers instantiate with their own types.
package lib

// Box returns a pointer to a copy of x: it allocates, so rog exports it for inlining.
func Box[T any](x T) *T { return &x }
