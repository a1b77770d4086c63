// An inline section whose symbol list holds non-ASCII must keep its byte lengths right:
// main imports mid's section, which lists lib.Box's instance at mid's local type.
package main

import (
	"example.com/inlineutf8/mid"
	"fmt"
)

func main() {
	fmt.Printf("%+v\n", mid.N(3))
}
