package p

// make sizes, new(expr) (Go 1.26), close and delete over type sets.

type T chan int
type M map[string]int

func sizes() {
	_ = make(T, -1)            // ERROR "index -1 \(constant of type int\) must not be negative"
	_ = make(T, uint64(1<<63)) // ERROR "index uint64\(1 << 63\) \(constant 9223372036854775808 of type uint64\) overflows int"
	const y = uint64(1 << 63)
	_ = make(M, y) // ERROR "index y \(constant 9223372036854775808 of type uint64\) overflows int"
}

func newExpr(x int) {
	p := new(123)
	var _ *int = p
	q := new(x > 0)
	var _ *bool = q
	_ = new(len)    // ERROR "len \(built-in\) must be called"
	_ = new(1 << 70) // ERROR "overflows int"
}

type C3 interface{ chan int | chan float32 }
type R interface{ chan int | <-chan int }
type M3 interface{ map[string]int | map[string]bool }
type M4 interface{ map[string]int | map[rune]int }

func closeAll[T C3, U R](ch T, r U) {
	close(ch)
	close(r) // ERROR "cannot close receive-only channel r"
}

func deleteAll[T M3, U M4](m T, n U) {
	delete(m, "a")
	delete(n, "a") // ERROR "maps of n \(variable of type U constrained by M4\) must have identical key types"
}

func add[T interface{ int | int64 | string }](a, b T) T { return a + b }
