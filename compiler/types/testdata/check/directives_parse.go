package p

// Directives that no declaration takes (gc's parser reports them): those with code before
// them on the line, and flag directives followed by a statement, a group or nothing. Others
// (linkname, unknown names) are ignored there.

var x int //go:noinline // ERROR "misplaced compiler directive"

//go:noinline // ERROR "misplaced compiler directive"
type (
	T int
)

func f() {
	//go:nosplit // ERROR "misplaced compiler directive"
	_ = x
	//go:embed a.txt // ERROR "misplaced go:embed directive"
	x++
	//go:unknown
	x--
	//go:noinline // ERROR "misplaced compiler directive"
}

func g() {} //go:noinline // ERROR "misplaced compiler directive"

//go:build linux // ERROR "misplaced compiler directive"
