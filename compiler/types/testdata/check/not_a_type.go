package p

// Values used as types: gc names an identifier's kind of object, or describes the operand.

var v int

func f() {}

const c = 1

type (
	_ = v   // ERROR "v \(package-level variable\) is not a type"
	_ = f   // ERROR "f \(function\) is not a type"
	_ = c   // ERROR "c \(constant\) is not a type"
	_ = len // ERROR "len \(built-in function\) is not a type"
	_ = nil // ERROR "nil \(untyped nil\) is not a type"
	_ = s.x // ERROR "s.x is not a type"
)

var s struct{ x int }

func g(p int) {
	var l int
	var _ l // ERROR "l \(local variable\) is not a type"
	var _ p // ERROR "p \(parameter\) is not a type"
}
