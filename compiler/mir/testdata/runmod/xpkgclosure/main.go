// A closure built by code inlined from another package stays in the caller's frame when its
// code (in that package) keeps its context to itself: the exporting package's escape summary
// carries the code's context tag.
package main

import (
	"fmt"
	"testing"

	"xpkgclosure/lib"
)

func main() {
	l := &lib.Logger{}
	fmt.Println(l.Do("%d", 1, 2))
	fmt.Println(testing.AllocsPerRun(100, func() { l.Do("%s", "x") }))
}
