// Method expressions: Type.Method(i).Func, a func value taking the receiver first, and its
// type. The func value's code is the method table's Tfn, the method itself, which takes the
// receiver as its first parameter (ABI.md §2), so it is the code the compiler gives the method
// expression T.M and Go code can call it as a func(T, ...) value. Its type is made here (gc's
// Method makes it with FuncOf too); such a type has no go:rcall of its own, so Value.Call
// calls the method through its receiver-less signature's, as a method value (call.go).

package reflect

import (
	"internal/abi"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// methodFunc is the closure object of a Method.Func value.
type methodFunc struct {
	code  unsafe.Pointer // the method's Tfn
	recv  *abi.Type      // the receiver type, whose method set holds the method
	index int            // the method's index in recv's exported methods
}

type methodKey struct {
	t     *abi.Type
	index int
}

var (
	methodFuncs     sync.Map // methodKey -> *methodFunc
	methodFuncObjs  sync.Map // unsafe.Pointer (a *methodFunc) -> *methodFunc
	methodFuncTypes sync.Map // mapKey{receiver, method type} -> *abi.Type
)

// methodFuncOf returns the closure object of t's i'th exported method as a func value whose
// first parameter is the receiver: one per method, as gc's Method.Func always has the same
// code and context.
func methodFuncOf(t *abi.Type, i int) unsafe.Pointer {
	k := methodKey{t, i}
	if f, ok := methodFuncs.Load(k); ok {
		return unsafe.Pointer(f.(*methodFunc))
	}
	m := t.Uncommon().ExportedMethods()[i]
	mf := &methodFunc{code: m.Tfn, recv: t, index: i}
	// Known to callMethodFunc before anyone can call it.
	methodFuncObjs.Store(unsafe.Pointer(mf), mf)
	f, loaded := methodFuncs.LoadOrStore(k, mf)
	if loaded {
		methodFuncObjs.Delete(unsafe.Pointer(mf))
	}
	return unsafe.Pointer(f.(*methodFunc))
}

// methodFuncType returns the type of a method expression: the method type mtyp with the
// receiver type recv as its first parameter. FuncOf finds the compiler's descriptor when the
// program has the type, so `Method(i).Type == TypeOf(T.M)` holds, as with gc.
func methodFuncType(recv, mtyp *abi.Type) *abi.Type {
	k := mapKey{recv, mtyp}
	if t, ok := methodFuncTypes.Load(k); ok {
		return t.(*abi.Type)
	}
	mt := mtyp.FuncType()
	in := []Type{toType(recv)}
	for _, p := range mt.InSlice() {
		in = append(in, toType(p))
	}
	var out []Type
	for _, p := range mt.OutSlice() {
		out = append(out, toType(p))
	}
	t, _ := methodFuncTypes.LoadOrStore(k, FuncOf(in, out, mt.IsVariadic()).common())
	return t.(*abi.Type)
}

// callMethodFunc calls the method expression whose closure object is fv, if fv is one that
// Method made: as the method value of its first argument.
func callMethodFunc(op string, ftyp *abi.Type, fv unsafe.Pointer, in []Value) ([]Value, bool) {
	f, ok := methodFuncObjs.Load(fv)
	if !ok {
		return nil, false
	}
	mf := f.(*methodFunc)
	in = checkArgs(op, toRType(ftyp), in)
	recv := in[0].assignTo("reflect.Value."+op, mf.recv)
	m := mf.recv.Uncommon().ExportedMethods()[mf.index]
	mv := Value{typ_: m.Mtyp, ptr: unsafe.Pointer(&methodValue{recv: recv, index: mf.index}), flag: flagMethod}
	// checkArgs made the variadic arguments a slice.
	if ftyp.FuncType().IsVariadic() {
		op = "CallSlice"
	} else {
		op = "Call"
	}
	return mv.call(op, in[1:]), true
}

// embeddedMethods returns the methods a struct type StructOf makes gets from its embedded field
// i (of n fields) of type ft, with gc's limits and panics: an interface's methods are stubs
// that panic when called; another type's methods are its own code, which gets the struct's
// interface data word as receiver, right when the field is the first one: the struct's box
// starts with the field, and a struct of one pointer-shaped field is pointer-shaped itself
// (StructOf marks it so). gc allows them only there: first field, and for a pointer-shaped
// type the only one. direct reports that last case.
func embeddedMethods(i, n int, ft *abi.Type) (ms []abi.Method, direct bool) {
	if ft.Kind() == abi.Interface {
		it := ft.InterfaceType()
		stub := unsafe.Pointer(abi.FuncPCABIInternal(embeddedIfaceMethStub))
		for _, m := range it.Methods() {
			checkMethodPkg(m.Name, ft)
			ms = append(ms, abi.Method{Name: m.Name, Mtyp: m.Typ, Ifn: stub, Tfn: stub})
		}
		return ms, false
	}
	u := ft.Uncommon()
	if u == nil {
		return nil, false
	}
	if i > 0 && u.Mcount > 0 {
		panic("reflect: embedded type with methods not implemented if type is not first field")
	}
	if n > 1 && ft.Kind() == abi.Pointer && u.Mcount > 0 {
		panic("reflect: embedded type with methods not implemented if there is more than one field")
	}
	if n > 1 && ft.Kind() != abi.Pointer && gcDirectIface(ft) {
		// gc's test, even for a type without methods.
		panic("reflect: embedded type with methods not implemented for non-pointer type")
	}
	for _, m := range u.Methods() {
		checkMethodPkg(m.Name, ft)
		ms = append(ms, m)
	}
	return ms, ft.IsDirectIface()
}

// gcDirectIface reports whether gc stores t in an interface's data word: pointer-shaped kinds,
// and structs and arrays of one such value (which rog's compiler boxes).
func gcDirectIface(t *abi.Type) bool {
	switch t.Kind() {
	case abi.Pointer, abi.UnsafePointer, abi.Map, abi.Chan, abi.Func:
		return true
	case abi.Array:
		at := (*abi.ArrayType)(unsafe.Pointer(t))
		return at.Len == 1 && gcDirectIface(at.Elem)
	case abi.Struct:
		st := (*abi.StructType)(unsafe.Pointer(t))
		return st.NFields == 1 && gcDirectIface(st.Fields_.Typ)
	}
	return false
}

// checkMethodPkg panics, as gc's StructOf, on an unexported method of another package than
// the embedded type t's (promoted into t from an embedded field of that package).
func checkMethodPkg(name string, t *abi.Type) {
	_, pkg := splitMethodName(name)
	if pkg == "" {
		return
	}
	var tpkg string
	if t.Kind() == abi.Pointer {
		t = t.Elem()
	}
	if u := t.Uncommon(); u != nil {
		tpkg = u.PkgPath
	} else if t.Kind() == abi.Interface {
		tpkg = t.InterfaceType().PkgPath
	}
	if pkg != tpkg {
		panic("reflect: embedded interface with unexported method(s) not implemented")
	}
}

// embeddedIfaceMethStub is the code of the methods a struct type made by StructOf gets from an
// embedded interface, as gc's.
func embeddedIfaceMethStub() {
	panic("reflect: StructOf does not support methods of embedded interfaces")
}

// sortMethods sorts a method table as the compiler does (ABI.md §6): exported methods first
// (their name starts with an upper-case letter), then by name, then by package path. It
// returns the number of exported methods.
func sortMethods(ms []abi.Method) int {
	key := func(m *abi.Method) (bool, string, string) {
		name, pkg := splitMethodName(m.Name)
		r, _ := utf8.DecodeRuneInString(name)
		return unicode.IsUpper(r), name, pkg
	}
	less := func(a, b *abi.Method) bool {
		ax, an, ap := key(a)
		bx, bn, bp := key(b)
		if ax != bx {
			return ax
		}
		if an != bn {
			return an < bn
		}
		return ap < bp
	}
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && less(&ms[j], &ms[j-1]); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	x := 0
	for i := range ms {
		if e, _, _ := key(&ms[i]); e {
			x++
		}
	}
	return x
}

// promotedMethods drops the methods whose name two embedded fields promote (an ambiguous
// selector, which promotes neither).
func promotedMethods(ms []abi.Method) []abi.Method {
	n := map[string]int{}
	for _, m := range ms {
		n[m.Name]++
	}
	out := ms[:0:0]
	for _, m := range ms {
		if n[m.Name] == 1 {
			out = append(out, m)
		}
	}
	return out
}
