// reflect's Type.Method(i).Func and .Type: a func taking the receiver first, callable with
// Call and CallSlice, as a Go func value (Interface), and with the code pointer of the method
// expression; Value.Pointer of funcs and method values; method order (exported first, `Φ`
// counts as upper case); calls of an interface's unexported methods panic; PointerTo of a
// struct type whose pointer has methods; StructOf with embedded fields that have methods.
package main

import (
	"fmt"
	"reflect"
	"time"
)

type Point struct{ x, y int }

func (p Point) Dist(scale int) int { return scale * (p.x*p.x + p.y*p.y) }
func (p Point) NoArgs()            {}
func (p Point) Sum(ps ...Point) int {
	t := p.x + p.y
	for _, q := range ps {
		t += q.x + q.y
	}
	return t
}
func (p *Point) Scale(k int) (int, int) { p.x *= k; p.y *= k; return p.x, p.y }

// Direct is pointer-shaped under gc.
type Direct struct{ p *int }

func (d Direct) Get() int { return *d.p }

type inner struct{ x int }

func (i *inner) M() int { return i.x }

type Outer struct {
	y int
	inner
}

type Order int

func (Order) ΦExported() int { return 1 }
func (Order) nonexported()   {}
func (Order) Zed()           {}

type hidden interface {
	W()
	w()
}

type timp int

func (timp) W() {}
func (timp) w() {}

type holder struct{ H hidden }

type XM struct{ _ bool }

func (*XM) String() string { return "XM" }

type Getter interface{ Get() int }

type Setter interface{ Set(int) }

type ValGet int

func (v ValGet) Get() int { return int(v) }

type PtrGet int

func (p *PtrGet) Get() int  { return int(*p) }
func (p *PtrGet) Set(v int) { *p = PtrGet(v) }

type Named interface{ Name() string }

// SP is pointer-shaped under gc.
type SP struct{ p *int }

func (s *SP) Set(v int) { *s.p = v }

type nm string

func (n nm) Name() string { return string(n) }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panics:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func main() {
	p := Point{3, 4}
	t := reflect.TypeOf(p)
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		fmt.Println(i, m.Name, m.Type, m.Func.Type() == m.Type, m.Func.Kind())
	}
	m, _ := t.MethodByName("Dist")
	fmt.Println(m.Func.Call([]reflect.Value{reflect.ValueOf(p), reflect.ValueOf(10)})[0].Int())
	fmt.Println(m.Type.NumIn(), m.Type.In(0), m.Type.NumOut(), m.Type.IsVariadic())
	f := m.Func.Interface().(func(Point, int) int)
	fmt.Println(f(Point{1, 1}, 7))
	fmt.Println(m.Func.Pointer() == reflect.ValueOf(Point.Dist).Pointer())

	m, _ = t.MethodByName("Sum")
	fmt.Println(m.Type, m.Type.IsVariadic())
	args := []reflect.Value{reflect.ValueOf(p), reflect.ValueOf(Point{1, 2}), reflect.ValueOf(Point{10, 20})}
	fmt.Println(m.Func.Call(args)[0].Int())
	fmt.Println(m.Func.CallSlice([]reflect.Value{reflect.ValueOf(p), reflect.ValueOf([]Point{{5, 5}})})[0].Int())
	// A variadic method value made a func.
	mv := reflect.ValueOf(p).MethodByName("Sum")
	fmt.Println(reflect.ValueOf(mv.Interface()).Call(args[1:])[0].Int(), mv.Interface().(func(...Point) int)(Point{1, 1}))
	fmt.Println(len(t.Method(1).Func.Call([]reflect.Value{reflect.ValueOf(p)})))

	pt := reflect.TypeOf(&p)
	fmt.Println(pt.NumMethod())
	m, _ = pt.MethodByName("Scale")
	fmt.Println(m.Type)
	out := m.Func.Call([]reflect.Value{reflect.ValueOf(&p), reflect.ValueOf(2)})
	fmt.Println(out[0].Int(), out[1].Int(), p)
	m, _ = pt.MethodByName("Dist")
	fmt.Println(m.Type, m.Func.Call([]reflect.Value{reflect.ValueOf(&p), reflect.ValueOf(1)})[0].Int())
	fmt.Println(m.Func.Pointer() == reflect.ValueOf((*Point).Dist).Pointer())
	try("wrong receiver", func() { m.Func.Call([]reflect.Value{reflect.ValueOf(p), reflect.ValueOf(1)}) })
	try("too few", func() { m.Func.Call([]reflect.Value{reflect.ValueOf(&p)}) })

	x := 42
	dm, _ := reflect.TypeOf(Direct{&x}).MethodByName("Get")
	fmt.Println(dm.Func.Call([]reflect.Value{reflect.ValueOf(Direct{&x})})[0].Int())
	dm, _ = reflect.TypeOf(&Direct{&x}).MethodByName("Get")
	fmt.Println(dm.Func.Call([]reflect.Value{reflect.ValueOf(&Direct{&x})})[0].Int())

	ot := reflect.TypeOf((*Outer)(nil))
	om := ot.Method(0)
	fmt.Println(ot.NumMethod(), om.Name, om.Type, om.Func.Pointer() == reflect.ValueOf((*Outer).M).Pointer())
	fmt.Println(om.Func.Call([]reflect.Value{reflect.ValueOf(&Outer{1, inner{5}})})[0].Int())

	// Func values and method values: Pointer is the code pointer.
	fn := func() {}
	fmt.Println(reflect.ValueOf(fn).Pointer() == **(**uintptr)(reflect.ValueOf(&fn).UnsafePointer()))
	fmt.Println(reflect.ValueOf(p).Method(0).Pointer() == reflect.ValueOf(Point{}).Method(1).Pointer())

	// Exported methods first, also those whose name starts with a non-ASCII upper-case letter.
	o := reflect.TypeOf(Order(0))
	for i := 0; i < o.NumMethod(); i++ {
		fmt.Println("Order", i, o.Method(i).Name, o.Method(i).Type)
	}
	om2, ok := o.MethodByName("ΦExported")
	fmt.Println(om2.Name, ok, reflect.ValueOf(Order(0)).Method(0).Type().NumOut())

	// An interface's unexported methods are in its method set, but cannot be called.
	hv := reflect.ValueOf(holder{timp(0)}).Field(0)
	fmt.Println(hv.NumMethod(), hv.Type().Method(0).Name, hv.Type().Method(1).Name, hv.Type().Method(1).PkgPath)
	try("call W", func() { hv.Method(0).Call(nil) })
	try("call w", func() { hv.Method(1).Call(nil) })

	// *struct{ XM } has XM's pointer methods.
	var y struct{ XM }
	yp := reflect.New(reflect.TypeOf(y)).Interface()
	s, ok := yp.(fmt.Stringer)
	fmt.Println(ok, reflect.TypeOf(yp), reflect.TypeOf(yp).NumMethod())
	if ok {
		fmt.Println(s.String())
	}

	// StructOf: methods of an embedded first field.
	st := reflect.StructOf([]reflect.StructField{{Name: "ValGet", Type: reflect.TypeOf(ValGet(0)), Anonymous: true}})
	sv := reflect.New(st).Elem()
	sv.Field(0).Set(reflect.ValueOf(ValGet(42)))
	g, ok := sv.Interface().(Getter)
	fmt.Println(st, st.NumMethod(), ok, g.Get(), sv.MethodByName("Get").Call(nil)[0].Int())
	fmt.Println(st.Method(0).Type, st.Method(0).Func.Call([]reflect.Value{sv})[0].Int())

	pg := PtrGet(7)
	pst := reflect.StructOf([]reflect.StructField{{Name: "PtrGet", Type: reflect.TypeOf(&pg), Anonymous: true}})
	psv := reflect.New(pst).Elem()
	psv.Field(0).Set(reflect.ValueOf(&pg))
	fmt.Println(pst, pst.NumMethod(), pst.Method(0).Name, pst.Method(1).Name)
	psv.Interface().(Setter).Set(9)
	fmt.Println(pg, psv.Interface().(Getter).Get(), psv.MethodByName("Get").Call(nil)[0].Int())
	// It is pointer-shaped: in interfaces, as map keys, through ValueOf.
	e := psv.Interface()
	km := map[any]int{e: 1}
	fmt.Println(km[psv.Interface()], e == psv.Interface(), reflect.ValueOf(e).Field(0).Interface() == &pg)
	_, ok = reflect.New(pst).Elem().Interface().(Getter)
	fmt.Println(ok)
	try("nil embedded pointer", func() { reflect.New(pst).Elem().Interface().(Setter).Set(1) })

	// A value without pointer methods: no Getter.
	vst := reflect.StructOf([]reflect.StructField{{Name: "PtrGet", Type: reflect.TypeOf(pg), Anonymous: true}})
	_, ok = reflect.New(vst).Elem().Interface().(Getter)
	fmt.Println(vst.NumMethod(), ok)

	tt := reflect.StructOf([]reflect.StructField{{Name: "Time", Type: reflect.TypeOf(time.Time{}), Anonymous: true}})
	_, ok = tt.MethodByName("After")
	fmt.Println(ok)

	// An embedded interface's methods panic when called.
	it := reflect.StructOf([]reflect.StructField{{Name: "Named", Type: reflect.TypeOf((*Named)(nil)).Elem(), Anonymous: true}})
	iv := reflect.New(it).Elem()
	iv.Field(0).Set(reflect.ValueOf(nm("x")))
	n, ok := iv.Interface().(Named)
	fmt.Println(it.NumMethod(), ok)
	try("embedded interface", func() { n.Name() })

	// gc's limits.
	dummy := reflect.StructField{Name: "Dummy", Type: reflect.TypeOf(0)}
	try("not first", func() {
		reflect.StructOf([]reflect.StructField{dummy, {Name: "ValGet", Type: reflect.TypeOf(ValGet(0)), Anonymous: true}})
	})
	try("pointer and more", func() {
		reflect.StructOf([]reflect.StructField{{Name: "PtrGet", Type: reflect.TypeOf(&pg), Anonymous: true}, dummy})
	})
	try("value and more", func() {
		reflect.StructOf([]reflect.StructField{{Name: "ValGet", Type: reflect.TypeOf(ValGet(0)), Anonymous: true}, dummy})
	})
	try("pointer-shaped value and more", func() {
		reflect.StructOf([]reflect.StructField{{Name: "SP", Type: reflect.TypeOf(SP{}), Anonymous: true}, dummy})
	})
	try("pointer to pointer", func() {
		reflect.StructOf([]reflect.StructField{{Name: "P", Type: reflect.TypeOf((**int)(nil)), Anonymous: true}})
	})
}
