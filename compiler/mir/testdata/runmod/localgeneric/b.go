// Types declared inside functions of two files, with the same name and offset, as type
// arguments of another package's generics: two instances, told apart through export data.
package main

import (
	"example.com/localgeneric/g"
	"fmt"
)

func fb() any {
	type T struct{ a int }
	fmt.Println(g.Name(T{1}))
	return g.Box(T{1})
}
