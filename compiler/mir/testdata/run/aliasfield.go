// An embedded field named by an alias is a different field from the one its type's name gives:
// struct{ Int } (Int = int) is not struct{ int } (test/fixedbugs/issue50190.go).
package main

type Int = int
type Byte = byte

type A = struct{ int }
type B = struct{ Int }

func main() {
	var x, y any = A{}, B{}
	println(x == y, x == any(struct{ int }{}), y == any(struct{ Int }{}))
	{
		type C = int32
		x = struct{ C }{}
	}
	{
		type C = uint32
		y = struct{ C }{}
	}
	println(x == y)
	var b, u any = struct{ Byte }{}, struct{ uint8 }{}
	println(b == u, b == any(struct{ Byte }{}))
	_, ok := y.(struct{ Int })
	println(ok)
}
