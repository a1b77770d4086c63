package p

//line other.go:100
func f() {
	x := 1 +
}

/*line :7:3*/ var = 1

//line bad.go:0
//line bad.go:x
