package p

import "unsafe"

// Methods declared through an alias belong to the aliased type; receiver base types must be
// defined types of this package, named in messages as written.

type T struct{}

type (
	A  = T
	AA = A
	AI = int
	AS = struct{}
	AP = *T
)

func (T) m1()   {}
func (*T) m1()  {} // ERROR "method T.m1 already declared at"
func (A) m1()   {} // ERROR "method T.m1 already declared at"
func (A) m2()   {}
func (*AA) m3() {}

var _ interface {
	m1()
	m2()
} = T{}

var _ interface{ m3() } = &T{}

type P *int
type I interface{}
type U unsafe.Pointer

func (AI) n()             {} // ERROR "cannot define new methods on non-local type AI"
func (AS) n()             {} // ERROR "invalid receiver type AS"
func (*AP) n()            {} // ERROR "invalid receiver type \*AP"
func (P) n()              {} // ERROR "invalid receiver type P \(pointer or interface type\)"
func (I) n()              {} // ERROR "invalid receiver type I \(pointer or interface type\)"
func (U) n()              {} // ERROR "invalid receiver type U \(unsafe.Pointer\)"
func (unsafe.Pointer) n() {} // ERROR "cannot define new methods on non-local type unsafe.Pointer"
func (*[]int) n()         {} // ERROR "invalid receiver type \*\[\]int"
func (**T) n()            {} // ERROR "invalid receiver type \*\*T"
