// Package mid instantiates lib.Box with a type declared inside a function: the instance's
// symbol holds a non-ASCII ·, and mid's inline section lists it for main.
package mid

import "example.com/inlineutf8/lib"

// N boxes a value of a local type.
func N(n int) any {
	type local struct{ n int }
	return lib.Box(local{n})
}
