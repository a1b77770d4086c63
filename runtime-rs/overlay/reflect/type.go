// Package reflect implements run-time reflection over rog's type descriptors
// (runtime-rs/ABI.md §6, read through internal/abi). Calling functions and methods through
// reflection (Value.Call, MakeFunc) and making new types at run time (StructOf, FuncOf, ...)
// need compiler and runtime support that does not exist yet: they panic with "not supported
// yet" (runtime-rs/overlay/README.md lists what is missing).
package reflect

import (
	"internal/abi"
	"iter"
	"strconv"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// A Kind represents the specific kind of type that a Type represents.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name of the Pointer kind.
const Ptr = Pointer

// String returns the name of k.
func (k Kind) String() string {
	if uint(k) <= uint(UnsafePointer) {
		return abi.Kind(k).String()
	}
	return "kind" + strconv.Itoa(int(k))
}

// ChanDir represents a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir = 1 << iota
	SendDir
	BothDir = RecvDir | SendDir
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + strconv.Itoa(int(d))
}

// Type is the representation of a Go type.
type Type interface {
	Align() int
	FieldAlign() int
	Method(int) Method
	MethodByName(string) (Method, bool)
	NumMethod() int
	Name() string
	PkgPath() string
	Size() uintptr
	String() string
	Kind() Kind
	Implements(u Type) bool
	AssignableTo(u Type) bool
	ConvertibleTo(u Type) bool
	Comparable() bool
	Bits() int
	ChanDir() ChanDir
	IsVariadic() bool
	Elem() Type
	Field(i int) StructField
	FieldByIndex(index []int) StructField
	FieldByName(name string) (StructField, bool)
	FieldByNameFunc(match func(string) bool) (StructField, bool)
	In(i int) Type
	Key() Type
	Len() int
	NumField() int
	NumIn() int
	NumOut() int
	Out(i int) Type
	OverflowComplex(x complex128) bool
	OverflowFloat(x float64) bool
	OverflowInt(x int64) bool
	OverflowUint(x uint64) bool
	CanSeq() bool
	CanSeq2() bool
	Fields() iter.Seq[StructField]
	Methods() iter.Seq[Method]
	Ins() iter.Seq[Type]
	Outs() iter.Seq[Type]
	common() *abi.Type
	uncommon() *abi.UncommonType
}

// rtype is the common implementation of Type: a descriptor viewed as a Go type.
type rtype struct {
	t abi.Type
}

func toRType(t *abi.Type) *rtype { return (*rtype)(unsafe.Pointer(t)) }

func toType(t *abi.Type) Type {
	if t == nil {
		return nil
	}
	return toRType(t)
}

func (t *rtype) common() *abi.Type           { return &t.t }
func (t *rtype) uncommon() *abi.UncommonType { return t.t.Uncommon() }
func (t *rtype) Align() int                  { return t.t.Align() }
func (t *rtype) FieldAlign() int             { return t.t.FieldAlign() }
func (t *rtype) Name() string                { return t.t.Name() }
func (t *rtype) PkgPath() string             { return t.t.PkgPath() }
func (t *rtype) Size() uintptr               { return t.t.Size() }
func (t *rtype) String() string              { return t.t.String() }
func (t *rtype) Kind() Kind                  { return Kind(t.t.Kind()) }
func (t *rtype) Comparable() bool            { return t.t.Equal != nil }

func (t *rtype) panicKind(method string, want ...Kind) {
	for _, k := range want {
		if t.Kind() == k {
			return
		}
	}
	panic("reflect: " + method + " of non-" + want[0].String() + " type " + t.String())
}

func (t *rtype) Bits() int {
	k := t.Kind()
	if k < Int || k > Complex128 {
		panic("reflect: Bits of non-arithmetic Type " + t.String())
	}
	return int(t.t.Size_) * 8
}

func (t *rtype) ChanDir() ChanDir {
	t.panicKind("ChanDir", Chan)
	return ChanDir(t.t.ChanDir())
}

func (t *rtype) IsVariadic() bool {
	t.panicKind("IsVariadic", Func)
	return t.t.FuncType().IsVariadic()
}

func (t *rtype) Elem() Type {
	e := t.t.Elem()
	if e == nil {
		panic("reflect: Elem of invalid type " + t.String())
	}
	return toType(e)
}

func (t *rtype) Key() Type {
	t.panicKind("Key", Map)
	return toType(t.t.Key())
}

func (t *rtype) Len() int {
	t.panicKind("Len", Array)
	return t.t.Len()
}

func (t *rtype) NumField() int {
	t.panicKind("NumField", Struct)
	return len(t.t.StructType().Fields())
}

func (t *rtype) In(i int) Type {
	t.panicKind("In", Func)
	return toType(t.t.FuncType().In(i))
}

func (t *rtype) NumIn() int {
	t.panicKind("NumIn", Func)
	return t.t.FuncType().NumIn()
}

func (t *rtype) NumOut() int {
	t.panicKind("NumOut", Func)
	return t.t.FuncType().NumOut()
}

func (t *rtype) Out(i int) Type {
	t.panicKind("Out", Func)
	return toType(t.t.FuncType().Out(i))
}

func (t *rtype) CanSeq() bool {
	switch t.Kind() {
	case Int8, Int16, Int32, Int64, Int, Uint8, Uint16, Uint32, Uint64, Uint, Uintptr, Array, Slice, Chan, String, Map:
		return true
	case Func:
		return canRangeFunc(&t.t, 1)
	case Pointer:
		return t.Elem().Kind() == Array
	}
	return false
}

func (t *rtype) CanSeq2() bool {
	switch t.Kind() {
	case Array, Slice, String, Map:
		return true
	case Func:
		return canRangeFunc(&t.t, 2)
	case Pointer:
		return t.Elem().Kind() == Array
	}
	return false
}

// canRangeFunc reports whether t is func(yield func(K[, V]) bool) with n yield parameters.
func canRangeFunc(t *abi.Type, n int) bool {
	f := t.FuncType()
	if f.NumIn() != 1 || f.NumOut() != 0 {
		return false
	}
	y := f.In(0)
	if y.Kind() != abi.Func {
		return false
	}
	yf := y.FuncType()
	return yf.NumIn() == n && yf.NumOut() == 1 && yf.Out(0).Kind() == abi.Bool
}

func (t *rtype) OverflowComplex(x complex128) bool {
	k := t.Kind()
	switch k {
	case Complex64:
		return overflowFloat32(real(x)) || overflowFloat32(imag(x))
	case Complex128:
		return false
	}
	panic("reflect: OverflowComplex of non-complex type " + t.String())
}

func (t *rtype) OverflowFloat(x float64) bool {
	switch t.Kind() {
	case Float32:
		return overflowFloat32(x)
	case Float64:
		return false
	}
	panic("reflect: OverflowFloat of non-float type " + t.String())
}

func (t *rtype) OverflowInt(x int64) bool {
	switch t.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		bits := t.Size() * 8
		trunc := (x << (64 - bits)) >> (64 - bits)
		return x != trunc
	}
	panic("reflect: OverflowInt of non-int type " + t.String())
}

func (t *rtype) OverflowUint(x uint64) bool {
	switch t.Kind() {
	case Uint, Uintptr, Uint8, Uint16, Uint32, Uint64:
		bits := t.Size() * 8
		trunc := (x << (64 - bits)) >> (64 - bits)
		return x != trunc
	}
	panic("reflect: OverflowUint of non-uint type " + t.String())
}

func overflowFloat32(x float64) bool {
	if x < 0 {
		x = -x
	}
	const maxFloat32 = 0x1p127 * (1 + (1 - 0x1p-23))
	return maxFloat32 < x && x <= 1.7976931348623157e308
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return abi.Implements(&t.t, u.common().InterfaceType())
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	return abi.AssignableTo(&t.t, u.common())
}

func (t *rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return convertOp(u.common(), &t.t) != nil
}

// Method represents a single method.
type Method struct {
	Name    string
	PkgPath string
	Type    Type  // method type
	Func    Value // func with receiver as first argument
	Index   int   // index for Type.Method
}

// IsExported reports whether the method is exported.
func (m Method) IsExported() bool { return m.PkgPath == "" }

func (t *rtype) NumMethod() int {
	if t.Kind() == Interface {
		return t.t.NumMethod()
	}
	return len(t.t.Uncommon().ExportedMethods())
}

func (t *rtype) Method(i int) Method {
	if t.Kind() == Interface {
		m := t.t.InterfaceType().Methods()[i]
		name, pkg := splitMethodName(m.Name)
		return Method{Name: name, PkgPath: pkg, Type: toType(m.Typ), Index: i}
	}
	ms := t.t.Uncommon().ExportedMethods()
	if uint(i) >= uint(len(ms)) {
		panic("reflect: Method index out of range")
	}
	// Func takes the receiver first (method.go).
	ft := methodFuncType(&t.t, ms[i].Mtyp)
	fn := Value{typ_: ft, ptr: methodFuncOf(&t.t, i), flag: flagDirect}
	return Method{Name: ms[i].Name, Type: toType(ft), Func: fn, Index: i}
}

func (t *rtype) MethodByName(name string) (Method, bool) {
	if t.Kind() == Interface {
		for i, m := range t.t.InterfaceType().Methods() {
			if n, _ := splitMethodName(m.Name); n == name {
				return t.Method(i), true
			}
		}
		return Method{}, false
	}
	for i, m := range t.t.Uncommon().ExportedMethods() {
		if m.Name == name {
			return t.Method(i), true
		}
	}
	return Method{}, false
}

// splitMethodName splits an unexported method's "pkgpath.name" spelling.
func splitMethodName(s string) (name, pkg string) {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[i+1:], s[:i]
		}
	}
	return s, ""
}

// A StructField describes a single field in a struct.
type StructField struct {
	Name      string
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool { return f.PkgPath == "" }

//go:linkname rogFieldIndex rog_fieldindex
func rogFieldIndex(i int) *int

// fieldIndex returns []int{i}; as with gc, its storage is shared and read-only.
func fieldIndex(i int) []int {
	if p := rogFieldIndex(i); p != nil {
		return unsafe.Slice(p, 1)
	}
	return []int{i}
}

func (t *rtype) Field(i int) StructField {
	t.panicKind("Field", Struct)
	st := t.t.StructType()
	fs := st.Fields()
	if uint(i) >= uint(len(fs)) {
		panic("reflect: Field index out of bounds")
	}
	f := fs[i]
	sf := StructField{
		Name:      f.Name,
		Type:      toType(f.Typ),
		Offset:    f.Offset,
		Index:     fieldIndex(i),
		Anonymous: f.Embedded != 0,
	}
	if st.Tags_ != nil {
		sf.Tag = StructTag(unsafe.Slice(st.Tags_, st.NFields)[i])
	}
	if !isExported(f.Name) {
		sf.PkgPath = st.PkgPath
	}
	return sf
}

func isExported(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}

func (t *rtype) FieldByIndex(index []int) StructField {
	var f StructField
	var ft Type = t
	for i, x := range index {
		if i > 0 {
			if ft.Kind() == Pointer && ft.Elem().Kind() == Struct {
				ft = ft.Elem()
			}
		}
		f = ft.Field(x)
		ft = f.Type
	}
	if len(index) > 1 {
		f.Index = append([]int(nil), index...)
	}
	return f
}

func (t *rtype) FieldByName(name string) (StructField, bool) {
	return t.FieldByNameFunc(func(s string) bool { return s == name })
}

// FieldByNameFunc searches the fields breadth first through embedded structs; a name found
// twice at the shallowest depth is ambiguous and not found, as the spec's selector rule says.
// A struct embedded twice at one depth counts twice: its fields annihilate (gc's algorithm).
func (t *rtype) FieldByNameFunc(match func(string) bool) (result StructField, ok bool) {
	t.panicKind("FieldByNameFunc", Struct)
	type scan struct {
		typ   *rtype
		index []int
	}
	next := []scan{{t, nil}}
	var nextCount map[*rtype]int
	visited := map[*rtype]bool{}
	for len(next) > 0 {
		current := next
		next = nil
		count := nextCount
		nextCount = nil
		for _, s := range current {
			if visited[s.typ] {
				continue
			}
			visited[s.typ] = true
			for i, n := 0, s.typ.NumField(); i < n; i++ {
				f := s.typ.Field(i)
				if match(f.Name) {
					if count[s.typ] > 1 || ok {
						return StructField{}, false // found twice at this depth
					}
					result = f
					result.Index = append(append([]int(nil), s.index...), i)
					ok = true
					continue
				}
				ft := f.Type
				if ok || !f.Anonymous {
					continue
				}
				if ft.Kind() == Pointer {
					ft = ft.Elem()
				}
				if ft.Kind() != Struct {
					continue
				}
				st := toRType(ft.common())
				if nextCount[st] > 0 {
					nextCount[st] = 2
					continue
				}
				if nextCount == nil {
					nextCount = map[*rtype]int{}
				}
				nextCount[st] = 1
				if count[s.typ] > 1 {
					nextCount[st] = 2
				}
				next = append(next, scan{st, append(append([]int(nil), s.index...), i)})
			}
		}
		if ok {
			break
		}
	}
	return result, ok
}

// A StructTag is the tag string in a struct field.
type StructTag string

// Get returns the value associated with key in the tag string.
func (tag StructTag) Get(key string) string {
	v, _ := tag.Lookup(key)
	return v
}

// Lookup returns the value associated with key in the tag string and whether it was there.
func (tag StructTag) Lookup(key string) (value string, ok bool) {
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		if tag == "" {
			break
		}
		i = 0
		for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
			i++
		}
		if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
			break
		}
		name := string(tag[:i])
		tag = tag[i+1:]
		i = 1
		for i < len(tag) && tag[i] != '"' {
			if tag[i] == '\\' {
				i++
			}
			i++
		}
		if i >= len(tag) {
			break
		}
		qvalue := string(tag[:i+1])
		tag = tag[i+1:]
		if key == name {
			value, err := strconv.Unquote(qvalue)
			if err != nil {
				break
			}
			return value, true
		}
	}
	return "", false
}

// TypeOf returns the dynamic type of i, nil for a nil interface.
func TypeOf(i any) Type { return toType(abi.TypeOf(i)) }

// TypeFor returns the Type of T.
func TypeFor[T any]() Type { return toType(abi.TypeFor[T]()) }

// ptrTypes caches the pointer types PointerTo made.
var ptrTypes sync.Map // *abi.Type -> *abi.Type

// PointerTo returns the pointer type with element t. A defined type's descriptor links to the
// compiler's *T (with its methods); for another type, the typelinks table has the compiler's
// *T when the program has one; else this makes a new descriptor.
func PointerTo(t Type) Type {
	et := t.common()
	if u := et.Uncommon_; u != nil && u.PtrToThis != nil {
		return toType(u.PtrToThis)
	}
	if p, ok := ptrTypes.Load(et); ok {
		return toType(p.(*abi.Type))
	}
	s := "*" + et.Str
	if pt := lookupType(s, func(t *abi.Type) bool {
		return t.Kind() == abi.Pointer && t.Elem() == et
	}); pt != nil {
		p, _ := ptrTypes.LoadOrStore(et, pt)
		return toType(p.(*abi.Type))
	}
	proto := abi.TypeOf((*byte)(nil))
	pt := &abi.PtrType{Type: *proto, Elem: et}
	pt.Str = s
	pt.Hash = fnv1a(pt.Str)
	pt.TFlag = abi.TFlagDirectIface | abi.TFlagRegularMemory | abi.TFlagRuntime
	pt.Uncommon_ = nil
	p, _ := ptrTypes.LoadOrStore(et, &pt.Type)
	return toType(p.(*abi.Type))
}

// PtrTo is the old name of PointerTo.
func PtrTo(t Type) Type { return PointerTo(t) }

// runtimeType gives a descriptor made at run time from a prototype its type string and hash,
// the RUNTIME flag and no methods.
func runtimeType(t *abi.Type, str string) {
	t.Str = str
	t.Hash = fnv1a(str)
	t.TFlag = t.TFlag&^abi.TFlagNamed | abi.TFlagRuntime
	t.Uncommon_ = nil
}

func fnv1a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func notSupported(what string) {
	panic("reflect: not supported yet: " + what)
}

// sliceTypes caches the slice types SliceOf returned.
var sliceTypes sync.Map // *abi.Type -> *abi.Type

// SliceOf returns the slice type with element t: the compiler's []T when the program has one
// (typelinks.go), else a descriptor made once per element type.
func SliceOf(t Type) Type {
	et := t.common()
	if s, ok := sliceTypes.Load(et); ok {
		return toType(s.(*abi.Type))
	}
	str := "[]" + et.Str
	st := lookupType(str, func(t *abi.Type) bool {
		return t.Kind() == abi.Slice && t.Elem() == et
	})
	if st == nil {
		proto := abi.TypeOf([]byte(nil))
		made := &abi.SliceType{Type: *proto, Elem: et}
		runtimeType(&made.Type, str)
		st = &made.Type
	}
	s, _ := sliceTypes.LoadOrStore(et, st)
	return toType(s.(*abi.Type))
}

// mapTypes, chanTypes, arrayTypes and funcTypes cache the types MapOf, ChanOf, ArrayOf and
// FuncOf returned (*abi.Type values).
var mapTypes, chanTypes, arrayTypes, funcTypes sync.Map

type mapKey struct{ key, elem *abi.Type }

type chanKey struct {
	elem *abi.Type
	dir  ChanDir
}

type arrayKey struct {
	elem *abi.Type
	n    uintptr
}

// MapOf returns the map type with the given key and element: like SliceOf, the compiler's
// when the program has it.
func MapOf(key, elem Type) Type {
	kt, et := key.common(), elem.common()
	if kt.Equal == nil {
		panic("reflect.MapOf: invalid key type " + kt.Str)
	}
	k := mapKey{kt, et}
	if m, ok := mapTypes.Load(k); ok {
		return toType(m.(*abi.Type))
	}
	s := "map[" + kt.Str + "]" + et.Str
	mt := lookupType(s, func(t *abi.Type) bool {
		return t.Kind() == abi.Map && t.Key() == kt && t.Elem() == et
	})
	if mt == nil {
		proto := abi.TypeOf(map[unsafe.Pointer]unsafe.Pointer(nil))
		made := &abi.MapType{Type: *proto, Key: kt, Elem: et}
		runtimeType(&made.Type, s)
		mt = &made.Type
	}
	m, _ := mapTypes.LoadOrStore(k, mt)
	return toType(m.(*abi.Type))
}

// ChanOf returns the channel type with the given direction and element.
func ChanOf(dir ChanDir, t Type) Type {
	et := t.common()
	var s string
	switch dir {
	default:
		panic("reflect.ChanOf: invalid dir")
	case SendDir:
		s = "chan<- " + et.Str
	case RecvDir:
		s = "<-chan " + et.Str
	case BothDir:
		if et.Str[0] == '<' {
			// "<-" binds to the leftmost chan: chan (<-chan T).
			s = "chan (" + et.Str + ")"
		} else {
			s = "chan " + et.Str
		}
	}
	if et.Size_ >= 1<<16 {
		panic("reflect.ChanOf: element size too large")
	}
	k := chanKey{et, dir}
	if c, ok := chanTypes.Load(k); ok {
		return toType(c.(*abi.Type))
	}
	ct := lookupType(s, func(t *abi.Type) bool {
		return t.Kind() == abi.Chan && t.Elem() == et && t.ChanDir() == abi.ChanDir(dir)
	})
	if ct == nil {
		proto := abi.TypeOf((chan unsafe.Pointer)(nil))
		made := &abi.ChanType{Type: *proto, Elem: et, Dir: abi.ChanDir(dir)}
		runtimeType(&made.Type, s)
		ct = &made.Type
	}
	c, _ := chanTypes.LoadOrStore(k, ct)
	return toType(c.(*abi.Type))
}

// ArrayOf returns the array type with the given length and element.
func ArrayOf(length int, elem Type) Type {
	et := elem.common()
	if length < 0 {
		panic("reflect: negative length passed to ArrayOf")
	}
	n := uintptr(length)
	if et.Size_ > 0 && n > ^uintptr(0)/et.Size_ {
		panic("reflect.ArrayOf: array size would exceed virtual address space")
	}
	k := arrayKey{et, n}
	if a, ok := arrayTypes.Load(k); ok {
		return toType(a.(*abi.Type))
	}
	str := "[" + strconv.Itoa(length) + "]" + et.Str
	if t := lookupType(str, func(t *abi.Type) bool {
		return t.Kind() == abi.Array && t.Elem() == et && uintptr(t.Len()) == n
	}); t != nil {
		a, _ := arrayTypes.LoadOrStore(k, t)
		return toType(a.(*abi.Type))
	}
	// The equality function: raw memory for regular element types, else the generic one.
	var proto *abi.Type
	if et.TFlag&abi.TFlagRegularMemory != 0 {
		proto = abi.TypeOf([1]uintptr{})
	} else {
		proto = abi.TypeOf([1]string{})
	}
	at := &abi.ArrayType{Type: *proto, Elem: et, Slice: SliceOf(elem).common(), Len: n}
	at.Str = str
	at.Hash = fnv1a(at.Str)
	at.Size_ = et.Size_ * n
	at.Align_, at.FieldAlign_ = et.Align_, et.FieldAlign_
	at.Kind_ = abi.Array
	at.TFlag = et.TFlag&abi.TFlagRegularMemory | abi.TFlagRuntime
	if n == 1 {
		// [1]*T is pointer-shaped, as the compiler's (ABI.md §6).
		at.TFlag |= et.TFlag & abi.TFlagDirectIface
	}
	if et.Equal == nil {
		at.Equal = nil
	}
	at.Uncommon_ = nil
	at.PtrBytes, at.GCData = 0, nil
	if et.PtrBytes > 0 && n > 0 {
		// The element's pointer bitmap, once per element.
		at.PtrBytes = (n-1)*et.Size_ + et.PtrBytes
		words := at.PtrBytes / 8
		bits := make([]byte, (words+7)/8)
		for i := uintptr(0); i < n; i++ {
			addPointerBits(bits, i*et.Size_, et)
		}
		at.GCData = &bits[0]
	}
	a, _ := arrayTypes.LoadOrStore(k, &at.Type)
	return toType(a.(*abi.Type))
}

// funcKey identifies a signature in funcTypes: its type string and its parameter and result
// descriptors.
type funcKey struct {
	str   string
	types string // the descriptors' addresses
}

// FuncOf returns the function type with the given parameters and results: the compiler's
// when the program has it (typelinks.go), else a descriptor made once per signature. A func
// type made here borrows the go:rcall and go:rstub (ABI.md §6) of a compiled func type of the
// same call shape (funcShape) when the program has one; without them, Value.Call and
// MakeFunc of the type report "not supported yet".
func FuncOf(in, out []Type, variadic bool) Type {
	if variadic && (len(in) == 0 || in[len(in)-1].Kind() != Slice) {
		panic("reflect.FuncOf: last arg of variadic func must be slice")
	}
	if len(in) >= 1<<15 || len(out) >= 1<<15 {
		panic("reflect.FuncOf: too many arguments")
	}
	params := make([]*abi.Type, 0, len(in)+len(out))
	repr := []byte("func(")
	var key []byte
	for i, t := range in {
		pt := t.common()
		params = append(params, pt)
		if i > 0 {
			repr = append(repr, ", "...)
		}
		if variadic && i == len(in)-1 {
			repr = append(repr, "..."...)
			repr = append(repr, pt.Elem().Str...)
		} else {
			repr = append(repr, pt.Str...)
		}
	}
	repr = append(repr, ')')
	if len(out) == 1 {
		repr = append(repr, ' ')
	} else if len(out) > 1 {
		repr = append(repr, " ("...)
	}
	for i, t := range out {
		pt := t.common()
		params = append(params, pt)
		if i > 0 {
			repr = append(repr, ", "...)
		}
		repr = append(repr, pt.Str...)
	}
	if len(out) > 1 {
		repr = append(repr, ')')
	}
	for _, pt := range params {
		key = strconv.AppendUint(key, uint64(uintptr(unsafe.Pointer(pt))), 16)
		key = append(key, ' ')
	}
	counts := uint16(len(out))
	if variadic {
		counts |= 1 << 15
	}
	k := funcKey{string(repr), string(key)}
	if f, ok := funcTypes.Load(k); ok {
		return toType(f.(*abi.Type))
	}
	ft := lookupType(k.str, func(t *abi.Type) bool {
		f := t.FuncType()
		if t.Kind() != abi.Func || f.InCount != uint16(len(in)) || f.OutCount != counts {
			return false
		}
		if len(params) == 0 {
			return true
		}
		for i, p := range unsafe.Slice(f.Params, len(params)) {
			if p != params[i] {
				return false
			}
		}
		return true
	})
	if ft == nil {
		proto := abi.TypeOf((func())(nil))
		made := &abi.FuncType{Type: *proto, InCount: uint16(len(in)), OutCount: counts}
		runtimeType(&made.Type, k.str)
		if len(params) > 0 {
			made.Params = &params[0]
		}
		loadTypelinks()
		if same := typelinks.byShape[funcShape(params[:len(in)], params[len(in):])]; same != nil {
			made.Call, made.Stub = same.Call, same.Stub
		} else {
			made.Call, made.Stub = nil, nil
		}
		ft = &made.Type
	}
	f, _ := funcTypes.LoadOrStore(k, ft)
	return toType(f.(*abi.Type))
}

// structTypes caches the types StructOf made, by type string and field types.
var structTypes sync.Map

// StructOf returns the struct type with the given fields: the compiler's when the program has
// it (typelinks.go), else one laid out as the compiler lays out structs (gc's rules, the
// padding byte after a zero-size last field included), with the methods of embedded fields
// promoted within gc's limits (method.go).
func StructOf(fields []StructField) Type {
	var (
		repr     = []byte("struct {")
		key      []byte
		pkgpath  string
		offset   uintptr
		align    uint8 = 1
		regular        = true
		equal          = true
		ptrBytes uintptr
		lastZero bool
		hasTag   bool
		seen     = map[string]bool{}
		methods  []abi.Method // promoted from embedded fields
		direct   bool         // one pointer-shaped field with methods: the struct is pointer-shaped
		fs       = make([]abi.StructField, len(fields))
		tags     = make([]string, len(fields))
	)
	for i, f := range fields {
		if f.Name == "" {
			panic("reflect.StructOf: field " + strconv.Itoa(i) + " has no name")
		}
		if !isValidFieldName(f.Name) {
			panic("reflect.StructOf: field " + strconv.Itoa(i) + " has invalid name")
		}
		if f.Type == nil {
			panic("reflect.StructOf: field " + strconv.Itoa(i) + " has no type")
		}
		if f.Anonymous && f.PkgPath != "" {
			panic("reflect.StructOf: field \"" + f.Name + "\" is anonymous but has PkgPath set")
		}
		// As gc: a field without PkgPath is exported; its name is checked at best effort.
		if c := f.Name[0]; f.PkgPath == "" && ('a' <= c && c <= 'z' || c == '_') {
			panic("reflect.StructOf: field \"" + f.Name + "\" is unexported but missing PkgPath")
		}
		if f.PkgPath != "" {
			if pkgpath == "" {
				pkgpath = f.PkgPath
			} else if pkgpath != f.PkgPath {
				panic("reflect.Struct: fields with different PkgPath " + pkgpath + " and " + f.PkgPath)
			}
		}
		if seen[f.Name] {
			panic("reflect.StructOf: duplicate field " + f.Name)
		}
		seen[f.Name] = true
		ft := f.Type.common()
		if f.Anonymous {
			if ft.Kind() == abi.Pointer {
				// Embedded ** and *interface{} are illegal.
				if k := ft.Elem().Kind(); k == abi.Pointer || k == abi.Interface {
					panic("reflect.StructOf: illegal embedded field type " + ft.Str)
				}
			}
			ms, d := embeddedMethods(i, len(fields), ft)
			methods = append(methods, ms...)
			direct = direct || d
		}
		a := ft.Align_
		if a > align {
			align = a
		}
		off := (offset + uintptr(a) - 1) &^ (uintptr(a) - 1)
		if off < offset || off+ft.Size_ < off {
			panic("reflect.StructOf: struct size would exceed virtual address space")
		}
		if off != offset {
			regular = false // padding
		}
		if ft.PtrBytes > 0 {
			ptrBytes = off + ft.PtrBytes
		}
		if ft.TFlag&abi.TFlagRegularMemory == 0 || f.Name == "_" {
			regular = false
		}
		if ft.Equal == nil {
			equal = false
		}
		fs[i] = abi.StructField{Name: f.Name, Typ: ft, Offset: off}
		if f.Anonymous {
			fs[i].Embedded = 1
		}
		offset = off + ft.Size_
		lastZero = ft.Size_ == 0

		if f.Anonymous {
			repr = append(repr, " "+ft.Str...)
		} else {
			repr = append(repr, " "+f.Name+" "+ft.Str...)
		}
		if f.Tag != "" {
			hasTag = true
			tags[i] = string(f.Tag)
			repr = append(repr, " "+strconv.Quote(string(f.Tag))...)
		}
		if i < len(fields)-1 {
			repr = append(repr, ';')
		}
		key = strconv.AppendUint(key, uint64(uintptr(unsafe.Pointer(ft))), 16)
		key = append(key, ' ')
	}
	if offset > 0 && lastZero {
		if offset == ^uintptr(0) {
			panic("reflect.StructOf: struct size would exceed virtual address space")
		}
		offset++ // the padding byte after a zero-size last field
		regular = false
	}
	size := (offset + uintptr(align) - 1) &^ (uintptr(align) - 1)
	if size < offset {
		panic("reflect.StructOf: struct size would exceed virtual address space")
	}
	if size != offset {
		regular = false
	}
	if len(fields) == 0 {
		repr = []byte("struct {}")
	} else {
		repr = append(repr, " }"...)
	}
	k := string(repr) + "\x00" + string(key) + pkgpath
	if t, ok := structTypes.Load(k); ok {
		return toType(t.(*abi.Type))
	}
	if t := lookupType(string(repr), func(t *abi.Type) bool {
		return t.Kind() == abi.Struct && sameFields(t.StructType(), pkgpath, fs, tags)
	}); t != nil {
		st, _ := structTypes.LoadOrStore(k, t)
		return toType(st.(*abi.Type))
	}

	// The header: the equality function comes from a prototype of the same kind of struct.
	var proto *abi.Type
	switch {
	case !equal:
		proto = abi.TypeOf(struct{ f func() }{})
	case regular:
		proto = abi.TypeOf(struct{ x uintptr }{})
	default:
		proto = abi.TypeOf(struct{ s string }{})
	}
	st := &abi.StructType{Type: *proto, PkgPath: pkgpath, NFields: uintptr(len(fs))}
	st.Size_ = size
	st.Align_, st.FieldAlign_ = align, align
	st.Kind_ = abi.Struct
	st.Str = string(repr)
	st.Hash = fnv1a(st.Str)
	st.TFlag = abi.TFlagRuntime
	if regular && equal {
		st.TFlag |= abi.TFlagRegularMemory
	}
	if len(fs) == 1 {
		// struct{ p *T } is pointer-shaped, as the compiler's (ABI.md §6).
		st.TFlag |= fs[0].Typ.TFlag & abi.TFlagDirectIface
	}
	st.Uncommon_ = nil
	if ms := promotedMethods(methods); len(ms) > 0 {
		x := sortMethods(ms)
		st.Uncommon_ = &abi.UncommonType{Methods_: &ms[0], Mcount: uint32(len(ms)), Xcount: uint32(x)}
	}
	if direct {
		// The struct of one pointer-shaped field with methods is pointer-shaped (as the
		// compiler's and gc's), so that the field's methods get the value as receiver.
		st.TFlag |= abi.TFlagDirectIface
	}
	if len(fs) > 0 {
		st.Fields_ = &fs[0]
	}
	if hasTag {
		st.Tags_ = &tags[0]
	}
	st.PtrBytes, st.GCData = 0, nil
	if ptrBytes > 0 {
		st.PtrBytes = (ptrBytes + 7) &^ 7
		bits := make([]byte, (st.PtrBytes/8+7)/8)
		for _, f := range fs {
			addPointerBits(bits, f.Offset, f.Typ)
		}
		st.GCData = &bits[0]
	}
	t, _ := structTypes.LoadOrStore(k, &st.Type)
	return toType(t.(*abi.Type))
}

// sameFields reports whether struct type st has the fields fs with tags tags, and package
// path pkgpath.
func sameFields(st *abi.StructType, pkgpath string, fs []abi.StructField, tags []string) bool {
	have := st.Fields()
	if len(have) != len(fs) || st.PkgPath != pkgpath {
		return false
	}
	for i, f := range have {
		g := fs[i]
		if f.Name != g.Name || f.Typ != g.Typ || f.Offset != g.Offset || f.Embedded != g.Embedded {
			return false
		}
		tag := ""
		if st.Tags_ != nil {
			tag = unsafe.Slice(st.Tags_, len(have))[i]
		}
		if tag != tags[i] {
			return false
		}
	}
	return true
}

// addPointerBits sets in the pointer bitmap bits the words of a t at byte offset off that hold
// pointers.
func addPointerBits(bits []byte, off uintptr, t *abi.Type) {
	for w := uintptr(0); w < t.PtrBytes/8; w++ {
		if *(*byte)(unsafe.Add(unsafe.Pointer(t.GCData), w/8))&(1<<(w%8)) != 0 {
			b := off/8 + w
			bits[b/8] |= 1 << (b % 8)
		}
	}
}

// isValidFieldName reports whether name is a Go identifier.
func isValidFieldName(name string) bool {
	for i, c := range name {
		if i == 0 && !(c == '_' || unicode.IsLetter(c)) {
			return false
		}
		if !(c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c)) {
			return false
		}
	}
	return len(name) > 0
}

// VisibleFields returns all the visible fields in t, which must be a struct type, in the
// order and with the rules of gc's reflect.VisibleFields.
func VisibleFields(t Type) []StructField {
	if t == nil || t.Kind() != Struct {
		panic("reflect.VisibleFields of non-struct type")
	}
	var out []StructField
	var walk func(t Type, index []int, seen map[Type]bool)
	names := map[string]int{} // name -> depth of the visible field
	// seen holds the struct types on the path being walked, against embedding cycles: a type
	// embedded twice along different paths is walked twice, and the depth rule below decides.
	walk = func(t Type, index []int, seen map[Type]bool) {
		if seen[t] {
			return
		}
		seen[t] = true
		defer delete(seen, t)
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			f.Index = append(append([]int(nil), index...), i)
			out = append(out, f)
			if f.Anonymous {
				ft := f.Type
				if ft.Kind() == Pointer {
					ft = ft.Elem()
				}
				if ft.Kind() == Struct {
					walk(ft, f.Index, seen)
				}
			}
		}
	}
	walk(t, nil, map[Type]bool{})
	// A name that occurs more than once at its shallowest depth is hidden.
	for _, f := range out {
		d := len(f.Index)
		if old, ok := names[f.Name]; !ok || d < old {
			names[f.Name] = d
		}
	}
	var vis []StructField
	for _, f := range out {
		n := 0
		for _, g := range out {
			if g.Name == f.Name && len(g.Index) == names[f.Name] {
				n++
			}
		}
		if len(f.Index) == names[f.Name] && n == 1 {
			vis = append(vis, f)
		}
	}
	return vis
}
