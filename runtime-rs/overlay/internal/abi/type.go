// Package abi is rog's view of its type descriptors and interface words (runtime-rs/ABI.md §6).
// It replaces GOROOT's internal/abi, which describes gc's layout: runtime, reflect,
// internal/reflectlite and internal/sync read descriptors through these types. The layouts
// here must match runtime-rs/src/types.rs field for field.
package abi

import "unsafe"

// Kind is a type's kind, numbered as reflect.Kind.
type Kind uint8

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

var kindNames = [...]string{
	Invalid:       "invalid",
	Bool:          "bool",
	Int:           "int",
	Int8:          "int8",
	Int16:         "int16",
	Int32:         "int32",
	Int64:         "int64",
	Uint:          "uint",
	Uint8:         "uint8",
	Uint16:        "uint16",
	Uint32:        "uint32",
	Uint64:        "uint64",
	Uintptr:       "uintptr",
	Float32:       "float32",
	Float64:       "float64",
	Complex64:     "complex64",
	Complex128:    "complex128",
	Array:         "array",
	Chan:          "chan",
	Func:          "func",
	Interface:     "interface",
	Map:           "map",
	Pointer:       "ptr",
	Slice:         "slice",
	String:        "string",
	Struct:        "struct",
	UnsafePointer: "unsafe.Pointer",
}

// String names the kind as reflect.Kind.String does.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return kindNames[0]
}

// TFlag holds a descriptor's flag bits.
type TFlag uint8

const (
	// TFlagNamed marks a defined (named) type.
	TFlagNamed TFlag = 1
	// TFlagRegularMemory marks types whose == and hash may work on the raw bytes.
	TFlagRegularMemory TFlag = 2
	// TFlagDirectIface marks pointer-shaped types: an interface's data word is the value.
	TFlagDirectIface TFlag = 4
	// TFlagRuntime marks descriptors made at run time (reflect's SliceOf, PointerTo): another
	// descriptor, the compiler's, may denote the same type.
	TFlagRuntime TFlag = 8
)

// Type is the header every descriptor starts with (64 bytes).
type Type struct {
	Size_       uintptr
	PtrBytes    uintptr // length of the prefix that can hold pointers
	Hash        uint32  // FNV-1a of Str
	TFlag       TFlag
	Align_      uint8
	FieldAlign_ uint8
	Kind_       Kind
	// Equal is the C function `bool (ptr a, ptr b, ptr type)` comparing two values, nil when
	// the type is not comparable. Go code cannot call it directly: use the runtime's
	// rog_typeequal instead.
	Equal     unsafe.Pointer
	GCData    *byte  // pointer bitmap, one bit per word of the PtrBytes prefix
	Str       string // the type string, as reflect.Type.String
	Uncommon_ *UncommonType
}

// UncommonType holds a type's package path and methods.
type UncommonType struct {
	PkgPath  string
	Methods_ *Method // Mcount methods, the Xcount exported ones first, each part sorted by name
	Mcount   uint32
	Xcount   uint32
	// PtrToThis is the descriptor of *T for a defined type T, nil otherwise.
	PtrToThis *Type
}

// Method is one method of a method set. An unexported method's Name is "pkgpath.name".
type Method struct {
	Name string
	Mtyp *Type          // signature without receiver (a Func descriptor)
	Ifn  unsafe.Pointer // code called through interfaces (receiver: the data word)
	Tfn  unsafe.Pointer // the method itself
}

// PtrType describes *Elem.
type PtrType struct {
	Type
	Elem *Type
}

// SliceType describes []Elem.
type SliceType struct {
	Type
	Elem *Type
}

// ArrayType describes [Len]Elem.
type ArrayType struct {
	Type
	Elem  *Type
	Slice *Type // []Elem, or nil
	Len   uintptr
}

// ChanDir is a channel type's direction.
type ChanDir int

const (
	RecvDir ChanDir = 1
	SendDir ChanDir = 2
	BothDir         = RecvDir | SendDir
)

// ChanType describes chan Elem.
type ChanType struct {
	Type
	Elem *Type
	Dir  ChanDir
}

// MapType describes map[Key]Elem.
type MapType struct {
	Type
	Key  *Type
	Elem *Type
}

// FuncType describes a function signature.
type FuncType struct {
	Type
	InCount  uint16
	OutCount uint16 // bit 15: the last parameter is variadic
	_        uint32
	Params   **Type // InCount parameter types, then the result types
	// Call is `go:rcall.<signature>` (ABI.md §6), reflect's way to call such a function;
	// nil in the runtime's own descriptors.
	Call unsafe.Pointer
	// Stub is `go:rstub.<signature>` (ABI.md §6), the code of the functions reflect makes.
	Stub unsafe.Pointer
}

// Imethod is one method of an interface type; Name is spelled as Method.Name.
type Imethod struct {
	Name string
	Typ  *Type
}

// InterfaceType describes an interface.
type InterfaceType struct {
	Type
	PkgPath  string
	Methods_ *Imethod // sorted as UncommonType.Methods_
	NMethods uintptr
}

// StructField is one field of a struct type. Blank fields are named "_".
type StructField struct {
	Name     string
	Typ      *Type
	Offset   uintptr
	Embedded uintptr // 1 for an embedded field
}

// StructType describes a struct.
type StructType struct {
	Type
	PkgPath string
	Fields_ *StructField
	NFields uintptr
	Tags_   *string // NFields tags, or nil when no field has one
}

// ITab is an interface table: Fun holds the code of Type's methods in Inter's method order.
type ITab struct {
	Inter *InterfaceType
	Type  *Type
	Hash  uint32
	_     uint32
	Fun   [1]uintptr // really Inter.NMethods entries
}

// EmptyInterface is the layout of an `any`.
type EmptyInterface struct {
	Type *Type
	Data unsafe.Pointer
}

// NonEmptyInterface is the layout of an interface with methods.
type NonEmptyInterface struct {
	ITab *ITab
	Data unsafe.Pointer
}
