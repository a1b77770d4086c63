package main

// Comma-ok forms whose ok result goes to a variable of interface type, at package level and in
// functions: type assertions, map indexing and channel receives.

var c = b
var d = a

var a, b any = any(nil).(bool)

func main() {
	println(c == false, d == false)
	m := map[string]int{"k": 1}
	var v, ok any = m["k"]
	println(v.(int), ok.(bool))
	v, ok = m["x"]
	println(v.(int), ok.(bool))
	ch := make(chan int, 1)
	ch <- 5
	var r, rok interface{} = <-ch
	println(r.(int), rok.(bool))
	var x any = "s"
	var s, sok any = x.(string)
	println(s.(string), sok.(bool))
}
