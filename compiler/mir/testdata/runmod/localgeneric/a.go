// Types declared inside functions of two files, with the same name and offset, as type
// arguments of another package's generics: two instances, told apart through export data.
package main

import (
	"example.com/localgeneric/g"
	"fmt"
)

type T int

func fa() any {
	type T struct{ a int }
	fmt.Println(g.Name(T{1}))
	return g.Box(T{1})
}

func main() {
	x := fa()
	y := fb()
	fmt.Println(g.Name(T(3)), x == y, x, y)
}
