// Package reflect implements run-time reflection over rog's type descriptors
// (runtime-rs/ABI.md §6, read through internal/abi). Calling functions and methods through
// reflection (Value.Call, MakeFunc) and making new types at run time (StructOf, FuncOf, ...)
// need compiler and runtime support that does not exist yet: they panic with "not supported
// yet" (runtime-rs/overlay/README.md lists what is missing).
package reflect

import (
	"internal/abi"
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
	// TODO(overlay): Type should be the func type with the receiver first, and Func callable;
	// both need FuncOf and Value.Call.
	return Method{Name: ms[i].Name, Type: toType(ms[i].Mtyp), Index: i}
}

func (t *rtype) MethodByName(name string) (Method, bool) {
	for i, n := 0, t.NumMethod(); i < n; i++ {
		if m := t.Method(i); m.Name == name {
			return m, true
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
		Index:     []int{i},
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
func (t *rtype) FieldByNameFunc(match func(string) bool) (StructField, bool) {
	t.panicKind("FieldByNameFunc", Struct)
	type scan struct {
		typ   *rtype
		index []int
	}
	current := []scan{{t, nil}}
	visited := map[*rtype]bool{}
	for len(current) > 0 {
		var next []scan
		var found StructField
		count := 0
		for _, s := range current {
			if visited[s.typ] {
				continue
			}
			visited[s.typ] = true
			for i, n := 0, s.typ.NumField(); i < n; i++ {
				f := s.typ.Field(i)
				idx := append(append([]int(nil), s.index...), i)
				if match(f.Name) {
					count++
					if count == 1 {
						found = f
						found.Index = idx
					}
					continue
				}
				if f.Anonymous {
					ft := f.Type
					if ft.Kind() == Pointer {
						ft = ft.Elem()
					}
					if ft.Kind() == Struct {
						next = append(next, scan{toRType(ft.common()), idx})
					}
				}
			}
		}
		if count == 1 {
			return found, true
		}
		if count > 1 {
			return StructField{}, false
		}
		current = next
	}
	return StructField{}, false
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
var ptrTypes sync.Map // *abi.Type -> *abi.PtrType

// PointerTo returns the pointer type with element t. A defined type's descriptor links to the
// compiler's *T (with its methods); for other types this makes a new descriptor, which the
// runtime takes for the compiler's own *T where both meet (same kind and type string).
func PointerTo(t Type) Type {
	et := t.common()
	if u := et.Uncommon_; u != nil && u.PtrToThis != nil {
		return toType(u.PtrToThis)
	}
	if p, ok := ptrTypes.Load(et); ok {
		return toType(&p.(*abi.PtrType).Type)
	}
	proto := abi.TypeOf((*byte)(nil))
	pt := &abi.PtrType{Type: *proto, Elem: et}
	pt.Str = "*" + et.Str
	pt.Hash = fnv1a(pt.Str)
	pt.TFlag = abi.TFlagDirectIface | abi.TFlagRegularMemory | abi.TFlagRuntime
	pt.Uncommon_ = nil
	p, _ := ptrTypes.LoadOrStore(et, pt)
	return toType(&p.(*abi.PtrType).Type)
}

// PtrTo is the old name of PointerTo.
func PtrTo(t Type) Type { return PointerTo(t) }

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

// sliceTypes caches the slice types SliceOf made.
var sliceTypes sync.Map // *abi.Type -> *abi.SliceType

// SliceOf returns the slice type with element t. As with PointerTo, rog's descriptors do not
// link a type to its slice type, so this makes a new descriptor (one per element type); the
// runtime takes it for the compiler's own []T where both meet (same kind and type string).
func SliceOf(t Type) Type {
	et := t.common()
	if s, ok := sliceTypes.Load(et); ok {
		return toType(&s.(*abi.SliceType).Type)
	}
	proto := abi.TypeOf([]byte(nil))
	st := &abi.SliceType{Type: *proto, Elem: et}
	st.Str = "[]" + et.Str
	st.Hash = fnv1a(st.Str)
	st.TFlag = proto.TFlag | abi.TFlagRuntime
	st.Uncommon_ = nil
	s, _ := sliceTypes.LoadOrStore(et, st)
	return toType(&s.(*abi.SliceType).Type)
}

// MapOf returns the map type with the given key and element (not supported yet).
func MapOf(key, elem Type) Type { notSupported("MapOf"); return nil }

// ChanOf returns the channel type with the given direction and element (not supported yet).
func ChanOf(dir ChanDir, t Type) Type { notSupported("ChanOf"); return nil }

// ArrayOf returns the array type with the given length and element (not supported yet).
func ArrayOf(length int, elem Type) Type { notSupported("ArrayOf"); return nil }

// FuncOf returns the function type with the given signature (not supported yet).
func FuncOf(in, out []Type, variadic bool) Type { notSupported("FuncOf"); return nil }

// StructOf returns the struct type with the given fields (not supported yet).
func StructOf(fields []StructField) Type { notSupported("StructOf"); return nil }

// VisibleFields returns all the visible fields in t, which must be a struct type, in the
// order and with the rules of gc's reflect.VisibleFields.
func VisibleFields(t Type) []StructField {
	if t == nil || t.Kind() != Struct {
		panic("reflect.VisibleFields of non-struct type")
	}
	var out []StructField
	var walk func(t Type, index []int, seen map[Type]bool)
	names := map[string]int{} // name -> depth of the visible field
	walk = func(t Type, index []int, seen map[Type]bool) {
		if seen[t] {
			return
		}
		seen[t] = true
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
		} else if f.Anonymous && len(f.Index) == names[f.Name] && n == 1 {
			vis = append(vis, f)
		}
	}
	return vis
}
