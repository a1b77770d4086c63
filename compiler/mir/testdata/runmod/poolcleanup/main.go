// sync.Pool's cleanup runs at every collection: an object put in a pool survives one
// collection (in the victim cache) and is gone after the second, so Get calls New.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

var made int

var pool = sync.Pool{New: func() any { made++; return new(int) }}

func main() {
	x := new(int)
	*x = 42
	pool.Put(x)
	fmt.Println("no collection:", *pool.Get().(*int), "made", made)

	pool.Put(x)
	runtime.GC()
	fmt.Println("one collection:", *pool.Get().(*int), "made", made)

	pool.Put(x)
	runtime.GC()
	runtime.GC()
	fmt.Println("two collections:", *pool.Get().(*int), "made", made)
}
