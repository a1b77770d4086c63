// reflect's Value.Seq and Seq2 over range functions call them with a MakeFunc yield, and stop
// them when the loop breaks.
package main

import (
	"fmt"
	"reflect"
)

func count(yield func(int) bool) {
	for i := 0; i < 5; i++ {
		if !yield(i * i) {
			fmt.Println("count stopped at", i)
			return
		}
	}
}

func pairs(yield func(string, int) bool) {
	for i, s := range []string{"a", "b", "c"} {
		if !yield(s, i) {
			return
		}
	}
}

func main() {
	for v := range reflect.ValueOf(count).Seq() {
		fmt.Println(v.Int(), v.Type())
		if v.Int() > 3 {
			break
		}
	}
	for k, v := range reflect.ValueOf(pairs).Seq2() {
		fmt.Println(k.String(), v.Int())
	}
}
