package p

import "unsafe"

const (
	big   = 1 << 100
	small = big >> 98
	f     = 1.5
	s     = "héllo"
)

var (
	_ = small + 1
	_ int8 = 300      // ERROR "cannot use 300 \(untyped int constant\) as int8 value in variable declaration \(overflows\)"
	_ int  = f        // ERROR "truncated"
	_      = len(s)   // a constant
	_ [len(s)]int     // array length from a constant string
	_      = unsafe.Sizeof(struct {
		a bool
		b int64
	}{})
)

type T struct {
	x int
	T2
}

type T2 struct{ y string }

func (t *T) M() int { return t.x }

type I interface{ M() int }

func f1() (int, error) { return 0, nil }

func uses() {
	var t T
	_ = t.y
	_ = t.M()
	var i I = &t
	var j I = t // ERROR "T does not implement I \(method M has pointer receiver\)"
	_, _ = i, j
	x := 1 // ERROR "declared and not used: x"
	x = 2 // assignment is not a use
	y := 3 // ERROR "declared and not used: y"
	n, err := f1()
	_, _ = n, err
	var a [3]int
	_ = a[5] // ERROR "out of bounds"
	_ = "a" + 1 // ERROR "mismatched types|cannot convert"
	undefinedName() // ERROR "undefined: undefinedName"
}

func missing() int {
	for {
	}
}

func missing2(b bool) int {
	if b {
		return 1
	}
} // ERROR "missing return"

func labels() {
L:
	for i := 0; i < 3; i++ {
		continue L
	}
M: // ERROR "label M defined and not used"
	goto N
N:
}

// Map keys are compared whole: long strings that share a prefix are different keys.
var longKeys = map[string]int{
	"var a T[int]; type ( T[P any] struct { *N[P] }; N[P any] struct { *T[P] } ); func (N[P]) m() {}": 1,
	"var a T[int]; type ( T[P any] struct { *N[P] }; N[P any] struct { *T[P] } ); func (T[P]) m() {}": 2,
	"var a T[int]; type ( T[P any] struct { *N[P] }; N[P any] struct { *T[P] } ); func (T[P]) m() {}": 3, // ERROR "duplicate key"
}
