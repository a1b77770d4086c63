// Calls: Value.Call and method values. Every Func descriptor carries the compiler's
// `go:rcall.<signature>` trampoline (ABI.md §6, "Reflect calls"): it takes the arguments from a
// frame laid out as a struct of the parameters, calls the code, and stores the results in a
// second frame, so calling needs no assembly and no knowledge of how LLVM passes arguments.

package reflect

import (
	"internal/abi"
	"runtime"
	"unsafe"
)

// methodValue is what a method value's ptr points at: the receiver and the method.
type methodValue struct {
	recv  Value // the receiver as Method was given it (an interface value for interfaces)
	index int   // the method's index, as Method's argument
}

// callGC makes calls collect garbage around the call, for testing (export_test.go's CallGC).
var callGC bool

// rcallFunc is the Go type of a go:rcall trampoline.
type rcallFunc func(code, ctx, recv, args, results unsafe.Pointer)

// Method returns a function value for v's i'th method: calling it calls the method with v
// as receiver. The value can be called (Call, CallSlice) but not turned back into a Go func
// (Interface), which would need code made at run time.
func (v Value) Method(i int) Value {
	if v.typ_ == nil {
		panic(&ValueError{"reflect.Value.Method", Invalid})
	}
	if v.flag&flagMethod != 0 || uint(i) >= uint(v.NumMethod()) {
		panic("reflect: Method index out of range")
	}
	if v.kind() == Interface && v.IsNil() {
		panic("reflect: Method on nil interface value")
	}
	var mtyp *abi.Type
	if v.kind() == Interface {
		mtyp = v.typ_.InterfaceType().Methods()[i].Typ
	} else {
		mtyp = v.typ_.Uncommon().ExportedMethods()[i].Mtyp
	}
	fl := v.flag&flagRO | flagMethod
	return Value{typ_: mtyp, ptr: unsafe.Pointer(&methodValue{recv: v, index: i}), flag: fl}
}

// MethodByName returns a function value for v's method of that name, the zero Value if none.
func (v Value) MethodByName(name string) Value {
	if v.typ_ == nil {
		panic(&ValueError{"reflect.Value.MethodByName", Invalid})
	}
	if v.flag&flagMethod != 0 {
		panic("reflect: MethodByName of method value")
	}
	m, ok := toRType(v.typ_).MethodByName(name)
	if !ok {
		return Value{}
	}
	return v.Method(m.Index)
}

// Call calls the function v with the input arguments in. As in Go, Call panics if v's Kind
// is not Func or the arguments do not fit; a variadic function gets its extra arguments as a
// slice.
func (v Value) Call(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.Call")
	v.mustBeExported("reflect.Value.Call")
	return v.call("Call", in)
}

// CallSlice calls the variadic function v with in's last element as the variadic slice.
func (v Value) CallSlice(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.CallSlice")
	v.mustBeExported("reflect.Value.CallSlice")
	return v.call("CallSlice", in)
}

func (v Value) call(op string, in []Value) []Value {
	ft := v.typ_.FuncType()
	if v.flag&flagMethod != 0 {
		// An interface's method set includes its unexported methods; calling one panics.
		mv := (*methodValue)(v.ptr)
		if r := mv.recv; r.kind() == Interface {
			if _, pkg := splitMethodName(r.typ_.InterfaceType().Methods()[mv.index].Name); pkg != "" {
				panic("reflect: " + op + " of unexported method")
			}
		}
	}
	code, ctx, recv := v.target()
	if code == nil {
		panic("reflect: call of nil function")
	}
	// A function MakeFunc made of a type with no go:stub (below) is called through its handler.
	var made *makeFuncImpl
	if ft.Call == nil {
		if out, ok := callMethodFunc(op, v.typ_, ctx, in); ok {
			return out
		}
		if ctx == nil || code != noStubCode() {
			notSupported("calling a function of type " + v.typ_.String() + noTrampoline(v.typ_))
		}
		made = (*makeFuncImpl)(ctx)
	}
	in = checkArgs(op, toRType(v.typ_), in)

	// The argument frame: a struct of the parameters.
	offs, size := frameLayout(ft.InSlice())
	args := newFrame(size)
	for i, x := range in {
		t := ft.In(i)
		x = x.assignTo("reflect.Value."+op, t)
		typedmemmove(t, unsafe.Add(args, offs[i]), x.mem())
	}

	// The result frame: the one result, or a struct of them.
	routs, rsize := frameLayout(ft.OutSlice())
	results := newFrame(rsize)

	// For testing (TestCallArgLive, TestCallMethodJump): the frames must keep what they hold.
	if callGC {
		runtime.GC()
	}
	if made != nil {
		made.handler(args, results)
	} else {
		trampoline := ft.Call
		fv := unsafe.Pointer(&trampoline) // a func value is a pointer to {code, ...}
		(*(*rcallFunc)(unsafe.Pointer(&fv)))(code, ctx, recv, args, results)
	}
	if callGC {
		runtime.GC()
	}
	return unpackResults(ft, results, routs)
}

// unpackResults copies the results out of a result frame.
func unpackResults(ft *abi.FuncType, results unsafe.Pointer, routs []uintptr) []Value {
	nout := ft.NumOut()

	out := make([]Value, nout)
	for i := 0; i < nout; i++ {
		t := ft.Out(i)
		p := unsafe_New(t)
		typedmemmove(t, p, unsafe.Add(results, routs[i]))
		out[i] = Value{typ_: t, ptr: p}
	}
	return out
}

// target is what calling v runs: the code, its closure context, and the receiver word a
// method's code takes first (nil for plain functions).
func (v Value) target() (code, ctx, recv unsafe.Pointer) {
	if v.flag&flagMethod == 0 {
		fv := v.word()
		if fv == nil {
			return nil, nil, nil
		}
		return *(*unsafe.Pointer)(fv), fv, nil
	}
	mv := (*methodValue)(v.ptr)
	r := mv.recv
	if r.kind() == Interface {
		// The itab's entry, called with the interface's data word, as a method call through
		// the interface would.
		if r.typ_.NumMethod() == 0 {
			panic("reflect: Method on an empty interface")
		}
		iv := (*abi.NonEmptyInterface)(r.ptr)
		if iv.ITab == nil {
			panic("reflect: Method on nil interface value")
		}
		fun := unsafe.Slice(&iv.ITab.Fun[0], mv.index+1)
		return unsafe.Pointer(fun[mv.index]), nil, iv.Data
	}
	m := r.typ_.Uncommon().ExportedMethods()[mv.index]
	// Ifn takes the receiver as an interface's data word: the value itself for pointer-shaped
	// types, else a pointer to a copy of it.
	var word unsafe.Pointer
	if r.typ_.IsDirectIface() {
		word = r.word()
	} else {
		word = unsafe_New(r.typ_)
		typedmemmove(r.typ_, word, r.ptr)
	}
	return m.Ifn, nil, word
}

// methodValueCall stands for gc's one trampoline of all method values: Value.Pointer of any
// method value is its code pointer, as under gc.
func methodValueCall() { panic("reflect: methodValueCall called") }

func methodValueCallCodePtr() uintptr { return abi.FuncPCABIInternal(methodValueCall) }

// checkArgs checks the number of arguments as gc's reflect does, and packs a variadic call's
// extra arguments into a slice.
func checkArgs(op string, t *rtype, in []Value) []Value {
	n := t.NumIn()
	variadic := t.IsVariadic()
	if op == "CallSlice" {
		if !variadic {
			panic("reflect: CallSlice of non-variadic function")
		}
		if len(in) < n {
			panic("reflect: CallSlice with too few input arguments")
		}
		if len(in) > n {
			panic("reflect: CallSlice with too many input arguments")
		}
		checkArgTypes(op, t, in, n)
		return in
	}
	if variadic {
		n--
	}
	if len(in) < n {
		panic("reflect: Call with too few input arguments")
	}
	if !variadic && len(in) > n {
		panic("reflect: Call with too many input arguments")
	}
	for _, x := range in {
		if x.Kind() == Invalid {
			panic("reflect: " + op + " using zero Value argument")
		}
	}
	checkArgTypes(op, t, in, n)
	if !variadic {
		return in
	}
	st := t.In(n)
	et := st.Elem()
	extra := len(in) - n
	s := MakeSlice(st, extra, extra)
	for i := 0; i < extra; i++ {
		x := in[n+i]
		if xt := x.Type(); !xt.AssignableTo(et) {
			panic("reflect: cannot use " + xt.String() + " as type " + et.String() + " in " + op)
		}
		s.Index(i).Set(x)
	}
	return append(in[:n:n], s)
}

// checkArgTypes checks that the first n arguments fit t's parameters, as gc's reflect does.
func checkArgTypes(op string, t *rtype, in []Value, n int) {
	for i := 0; i < n; i++ {
		if in[i].Kind() == Invalid {
			panic("reflect: " + op + " using zero Value argument")
		}
		if xt, targ := in[i].Type(), t.In(i); !xt.AssignableTo(targ) {
			panic("reflect: " + op + " using " + xt.String() + " as type " + targ.String())
		}
	}
}

// frameLayout places values of types ts as the fields of a struct: their offsets, and the size.
func frameLayout(ts []*abi.Type) ([]uintptr, uintptr) {
	offs := make([]uintptr, len(ts))
	size := uintptr(0)
	for i, t := range ts {
		size = alignUp(size, uintptr(t.Align()))
		offs[i] = size
		size += t.Size()
	}
	return offs, size
}

// makeFuncImpl is the closure object of a function MakeFunc made: go:rstub's layout
// {code, handler} (ABI.md §6), then what the handler needs.
type makeFuncImpl struct {
	code    unsafe.Pointer
	handler func(args, results unsafe.Pointer)
}

// MakeFunc returns a new function of the given Type that wraps fn: calling it converts its
// arguments to Values, calls fn with them, and returns fn's results, which must match typ's.
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	if typ.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	t := typ.common()
	ft := t.FuncType()
	code := ft.Stub
	if code == nil {
		if t.TFlag&abi.TFlagRuntime == 0 {
			notSupported("MakeFunc of type " + t.String() + noTrampoline(t))
		}
		// A FuncOf type with no call shape in the program: Value.Call calls the handler
		// itself; compiled code calling the function reaches noStub.
		code = noStubCode()
	}
	ins := ft.InSlice()
	outs := ft.OutSlice()
	offs, _ := frameLayout(ins)
	routs, _ := frameLayout(outs)
	impl := &makeFuncImpl{code: code}
	impl.handler = func(args, results unsafe.Pointer) {
		if callGC {
			// For testing: the stub's frame must keep the arguments alive.
			runtime.GC()
		}
		in := make([]Value, len(ins))
		for i, it := range ins {
			p := unsafe_New(it)
			typedmemmove(it, p, unsafe.Add(args, offs[i]))
			in[i] = Value{typ_: it, ptr: p}
		}
		out := fn(in)
		if len(out) != len(outs) {
			panic("reflect: wrong return count from function created by MakeFunc")
		}
		for i, ot := range outs {
			v := out[i]
			if v.typ_ == nil {
				panic("reflect: function created by MakeFunc using " + funcName(fn) +
					" returned zero Value")
			}
			if v.flag&flagRO != 0 {
				panic("reflect: function created by MakeFunc using " + funcName(fn) +
					" returned value obtained from unexported field")
			}
			v = v.assignTo("reflect.MakeFunc", ot)
			typedmemmove(ot, unsafe.Add(results, routs[i]), v.mem())
		}
	}
	cell := new(unsafe.Pointer)
	*cell = unsafe.Pointer(impl)
	return Value{typ_: t, ptr: unsafe.Pointer(cell)}
}

// noTrampoline says why func type t has no go:rcall and go:rstub (ABI.md §6).
// noStub is the code of the functions MakeFunc makes of a FuncOf type whose call shape no
// compiled func type has: Value.Call calls them through their handler; compiled code cannot,
// as no stub receives its arguments.
func noStub() {
	notSupported("calling a function MakeFunc made of a FuncOf type from compiled code (no func " +
		"type of the program has its call shape)")
}

// noStubCode is noStub's code pointer.
func noStubCode() unsafe.Pointer {
	f := noStub
	return **(**unsafe.Pointer)(unsafe.Pointer(&f))
}

func noTrampoline(t *abi.Type) string {
	if t.TFlag&abi.TFlagRuntime != 0 {
		return " (made by FuncOf: no func type of the program has its call shape)"
	}
	return " (the runtime's own func type)"
}

// funcName names fn in MakeFunc's panics, as gc's reflect does.
func funcName(fn func([]Value) []Value) string {
	pc := **(**uintptr)(unsafe.Pointer(&fn))
	if f := runtime.FuncForPC(pc); f != nil {
		return f.Name()
	}
	return "unknown"
}

// makeMethodFunc turns a method value into an ordinary func value that calls the method.
func (v Value) makeMethodFunc() Value {
	mv := v
	mv.flag &^= flagRO
	// MakeFunc's function gets a variadic function's extra arguments as one slice.
	op := "Call"
	if v.typ_.FuncType().IsVariadic() {
		op = "CallSlice"
	}
	f := MakeFunc(toRType(v.typ_), func(in []Value) []Value { return mv.call(op, in) })
	f.flag |= v.flag & flagRO
	return f
}

// newFrame allocates a call frame of size bytes, scanned for pointers.
func newFrame(size uintptr) unsafe.Pointer {
	if size == 0 {
		return unsafe.Pointer(&zeroFrame)
	}
	words := make([]unsafe.Pointer, (size+7)/8)
	return unsafe.Pointer(&words[0])
}

func alignUp(x, a uintptr) uintptr { return (x + a - 1) &^ (a - 1) }

var zeroFrame [8]byte
