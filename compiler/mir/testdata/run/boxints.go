package main

// Integers of every width converted to interfaces: small values share read-only boxes, others
// get their own; each must read back as the value converted, and boxes must not alias.

type myInt16 int16

func show(xs ...any) {
	for _, x := range xs {
		switch v := x.(type) {
		case int8:
			print("int8 ", v, " ")
		case uint8:
			print("uint8 ", v, " ")
		case int16:
			print("int16 ", v, " ")
		case uint16:
			print("uint16 ", v, " ")
		case int32:
			print("int32 ", v, " ")
		case uint32:
			print("uint32 ", v, " ")
		case int:
			print("int ", v, " ")
		case uint64:
			print("uint64 ", v, " ")
		case uintptr:
			print("uintptr ", v, " ")
		case myInt16:
			print("myInt16 ", v, " ")
		}
	}
	println()
}

var kept []any

func main() {
	for _, n := range []int64{0, 1, 127, 128, 255, 256, -1, -128, -129, 1 << 40, -1 << 40} {
		show(int8(n), uint8(n), int16(n), uint16(n), int32(n), uint32(n), int(n), uint64(n), uintptr(n), myInt16(n))
		kept = append(kept, int(n), uint8(n))
	}
	s := 0
	for i, k := range kept {
		if v, ok := k.(int); ok {
			s += v * i
		} else {
			s += int(k.(uint8))
		}
	}
	println(s)
	a, b := any(200), any(200)
	c := any(int16(200))
	println(a == b, a == c, a.(int)+1)
}
