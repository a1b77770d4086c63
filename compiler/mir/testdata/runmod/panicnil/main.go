package main

import (
	"errors"
	"fmt"
	"runtime"
)

func main() {
	defer func() {
		r := recover()
		_, isPN := r.(*runtime.PanicNilError)
		var re runtime.Error
		fmt.Println(isPN, errors.As(r.(error), &re), r)
		fmt.Printf("%T\n", r)
	}()
	var e error
	panic(e)
}
