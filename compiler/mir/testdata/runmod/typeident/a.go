// Types declared inside functions of two files, at the same offset in each file: two types.
package main

import "example.com/typeident/p"

func fa() any { type T [1]byte; return T{} }

func main() {
	println("local types of two files:", fa() == fb(), fa() == fa())
	m := map[any]int{fa(): 1, fb(): 2}
	println(len(m))
	_, ok := p.Unexported().(struct{ a int })
	println("unexported fields:", ok, p.Unexported() == any(struct{ a int }{1}))
	_, ok = p.Exported().(struct{ A int })
	println("exported fields:", ok, p.Exported() == any(struct{ A int }{1}))
	_, ok = p.Iface().(*interface{ m() })
	println("unexported methods:", ok)
}
