// append past an int's range panics with gc's runtime error (test/fixedbugs/issue7550.go), and
// zero-sized elements grow without memory.
package main

func grow(a, b []struct{}) (err any) {
	defer func() { err = recover() }()
	_ = append(a, b...)
	return nil
}

func main() {
	n := int(^uint(0) >> 1)
	a := make([]struct{}, n)
	println(grow(a, a).(error).Error())
	println(grow(a[:n-1], a[:1]) == nil)
	var s []struct{}
	for i := 0; i < 1000; i++ {
		s = append(s, struct{}{})
	}
	println(len(s), cap(s) >= 1000)
}
