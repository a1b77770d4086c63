// The typelinks table (ABI.md §6, "Typelinks"): every module lists the descriptors of the
// unnamed composite types the compiler emitted for it, and the linker puts the lists together.
// SliceOf, ArrayOf, ChanOf, MapOf, FuncOf, StructOf and PointerTo look there first, so that
// they return the compiler's descriptor when the program has one (SliceOf(TypeOf(T(0))) ==
// TypeOf([]T(nil))), as gc's reflect does with its typelinks; they make a descriptor of their
// own only for a type the program does not have.

package reflect

import (
	"internal/abi"
	"strconv"
	"sync"
	"unsafe"
)

// typelinkTable returns the table: the address of its first entry and the number of
// entries. Entries may repeat and may be nil.
//
//go:linkname typelinkTable rog_typelinktable
func typelinkTable() (unsafe.Pointer, int)

var typelinks struct {
	once sync.Once
	// byString indexes the table by type string. A string may name several types (local
	// types of the same name in different functions), each listed once.
	byString map[string][]*abi.Type
	// byShape indexes the compiled func types by call shape (funcShape), for the go:rcall and
	// go:rstub of the func types FuncOf makes.
	byShape map[string]*abi.FuncType
}

// loadTypelinks builds the indexes, once.
func loadTypelinks() {
	typelinks.once.Do(func() {
		p, n := typelinkTable()
		byString := map[string][]*abi.Type{}
		byShape := map[string]*abi.FuncType{}
		for _, t := range unsafe.Slice((**abi.Type)(p), n) {
			if t == nil {
				continue
			}
			list := byString[t.Str]
			dup := false
			for _, u := range list {
				if u == t {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			byString[t.Str] = append(list, t)
			if t.Kind() == abi.Func {
				if ft := t.FuncType(); ft.Call != nil && ft.Stub != nil {
					s := funcShape(ft.InSlice(), ft.OutSlice())
					if _, ok := byShape[s]; !ok {
						byShape[s] = ft
					}
				}
			}
		}
		typelinks.byString, typelinks.byShape = byString, byShape
	})
}

// lookupType returns the compiler's descriptor with type string s for which match holds, nil
// if the program has none.
func lookupType(s string, match func(t *abi.Type) bool) *abi.Type {
	loadTypelinks()
	for _, t := range typelinks.byString[s] {
		if match(t) {
			return t
		}
	}
	return nil
}

// funcShape spells how a function with parameters in and results out is called: the machine
// types its go:rcall and go:rstub (ABI.md §6) load and store, as the compiler derives them from
// the Go types (compiler/mir/lower/gotypes.ts mirType). Two signatures of one shape have the
// same trampolines, whatever their Go types.
func funcShape(in, out []*abi.Type) string {
	b := []byte{'('}
	for _, t := range in {
		b = appendShape(b, t)
		b = append(b, ',')
	}
	b = append(b, ")("...)
	for _, t := range out {
		b = appendShape(b, t)
		b = append(b, ',')
	}
	return string(append(b, ')'))
}

func appendShape(b []byte, t *abi.Type) []byte {
	switch t.Kind() {
	case abi.Bool:
		return append(b, 'b')
	case abi.Int8, abi.Uint8:
		return append(b, "i8"...)
	case abi.Int16, abi.Uint16:
		return append(b, "i16"...)
	case abi.Int32, abi.Uint32:
		return append(b, "i32"...)
	case abi.Int, abi.Int64, abi.Uint, abi.Uint64, abi.Uintptr:
		return append(b, "i64"...)
	case abi.Float32:
		return append(b, "f32"...)
	case abi.Float64:
		return append(b, "f64"...)
	case abi.Complex64:
		return append(b, "c64"...)
	case abi.Complex128:
		return append(b, "c128"...)
	case abi.String:
		return append(b, 's')
	case abi.Slice:
		return append(b, 'S')
	case abi.Interface:
		return append(b, 'I')
	case abi.Pointer, abi.Map, abi.Chan, abi.Func, abi.UnsafePointer:
		return append(b, 'p')
	case abi.Array:
		b = append(b, '[')
		b = strconv.AppendUint(b, uint64(t.Len()), 10)
		b = append(b, ']')
		return appendShape(b, t.Elem())
	case abi.Struct:
		b = append(b, '{')
		for _, f := range t.StructType().Fields() {
			b = appendShape(b, f.Typ)
			b = append(b, ';')
		}
		return append(b, '}')
	}
	panic("reflect: funcShape of kind " + Kind(t.Kind()).String())
}
