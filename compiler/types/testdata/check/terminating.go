package p

// Terminating statements: only the predeclared panic ends a function.

func f1() int {
	panic(1)
}

func f2() int {
	var panic = func(int) {}
	panic(2)
} // ERROR "missing return"

func f3() int {
	{
		panic := func(any) {}
		panic(3)
	}
} // ERROR "missing return"

func f4() (x int) {
	(panic)(4)
}
