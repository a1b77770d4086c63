package p

import "unsafe"

// Declarations: constant arity, alias cycles through type definitions, iota in function
// literals, directives.

const (
	A int = 1
	B byte // ERROR "missing init expr for B"
)

const C, D = 1 // ERROR "missing init expr for D"

const E = 1, 2 // ERROR "extra init expr"

type Al = *Def
type Def struct{ a Al }

type Bad = Loop // ERROR "invalid recursive type Bad"
type Loop = Bad

type V = W
type W struct{ v V } // ERROR "invalid recursive type: W refers to itself"

const (
	zero = iota
	one  = len([iota]int{})
	two  = unsafe.Sizeof(func() { _ = [iota]int{} }) // iota is 2 inside the literal too
)

var x int

//go:linkname x ok
//go:linkname x wrong // ERROR "usage: //go:linkname localname \[linkname\]"

func embedInFunc() {
	//go:embed x.txt // ERROR "go:embed requires import"
	var s string
	_ = s
}
