//go:noinline // ERROR "misplaced compiler directive"

//go:build linux
package p

// Directives that the declaration below them cannot take (gc checks these only in a package
// free of other errors): a package clause takes only //go:build, a function every flag but
// //go:build, other declarations none; only a var takes //go:embed.

//go:noinline // ERROR "misplaced compiler directive"
var x int

//go:nosplit // ERROR "misplaced compiler directive"
const c = 1

type (
	//go:noinline // ERROR "misplaced compiler directive"
	T int
)

//go:embed a.txt // ERROR "misplaced go:embed directive"
type E int

//go:build linux // ERROR "misplaced compiler directive"
//go:noinline
//go:nosplit
func f() {
	//go:noinline // ERROR "misplaced compiler directive"
	var y int
	_ = y
}
