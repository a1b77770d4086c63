// A tagless switch is `switch true`: a case value of interface type is compared with true
// (test/switch.go, issue 3980).
package main

func main() {
	switch i := interface{}(true); {
	case i:
		println("true")
	case false:
		println("false")
	default:
		println("default")
	}
	var j any = 1
	switch {
	case j:
		println("j")
	default:
		println("not j")
	}
}
