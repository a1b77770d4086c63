// runtime.Caller in a package variable initialiser names the initialiser's own file, as gc
// does, though pkg.init runs the initialisers of every file.
package main

import (
	"fmt"
	"path"
	"runtime"
)

func where() string {
	_, file, line, _ := runtime.Caller(1)
	return fmt.Sprintf("%s:%d", path.Base(file), line)
}

var A = where()

func main() {
	fmt.Println(A, B, C)
}
