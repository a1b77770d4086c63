// S.M for a type parameter S is, in each instance, the method of S's type argument: a value
// method, a pointer method, a promoted one, or the interface's own (test/typeparam/boundmethod.go).
package main

type Stringer interface{ String() string }

type T int

func (t T) String() string { return "T" }

type P struct{ n int }

func (p *P) String() string { return "P" }

type E struct{ T }

func apply[S Stringer](s S) string {
	f := S.String
	return f(s)
}

func main() {
	println(apply(T(2)), apply(&P{}), apply(E{}), apply[Stringer](T(3)))
}
