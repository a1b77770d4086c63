package calc_test

import (
	"fmt"

	"example.com/testmod/calc"
)

func ExampleAdd() {
	fmt.Println(calc.Add(1, 2))
	// Output: 3
}
