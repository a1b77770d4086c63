// Copyright 2012 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// The hooks GOROOT's reflect tests read, in place of GOROOT's export_test.go
// (rules/src/overlay.ts, reflect's tests): the same identifiers, provided over rog's
// descriptors and runtime as far as rog has what they expose. Those that expose gc internals
// rog does not have panic with "not supported", so the tests using them fail and say why.

package reflect

import (
	"internal/abi"
	"slices"
	"unsafe"
)

// MakeRO returns a copy of v with the read-only flag set.
func MakeRO(v Value) Value {
	v.flag |= flagStickyRO
	return v
}

// IsRO reports whether v's read-only flag is set.
func IsRO(v Value) bool {
	return v.flag&flagStickyRO != 0
}

// CallGC makes Value.Call collect garbage between storing the arguments and calling.
var CallGC = &callGC

// FuncLayout is gc's frame layout for a reflect call (a register-ABI frame with spill slots,
// the results after the arguments). rog has no such frame: a call goes through the
// signature's rcall with one frame of arguments and one of results (ABI.md §6).
func FuncLayout(t Type, rcvr Type) (frametype Type, argSize, retOffset uintptr, stack, gc, inReg, outReg []byte, ptrs bool) {
	panic("reflect.FuncLayout: not supported: gc's reflect call frame; rog calls through go:rcall (ABI.md §6)")
}

// SetArgRegs sets the number of argument registers gc's reflect calls use. rog's calls go
// through compiled rcall functions whose registers LLVM chooses: there is nothing to set.
func SetArgRegs(ints, floats int, floatSize uintptr) (oldInts, oldFloats int, oldFloatSize uintptr) {
	panic("reflect.SetArgRegs: not supported: gc's register ABI settings; rog calls through go:rcall (ABI.md §6)")
}

// TypeLinks lists the type strings of the typelinks table (typelinks.go), sorted as gc's
// per-module tables are; a string that names several types (local types) is listed once.
func TypeLinks() []string {
	loadTypelinks()
	r := make([]string, 0, len(typelinks.byString))
	for s := range typelinks.byString {
		r = append(r, s)
	}
	slices.Sort(r)
	return r
}

// GCBits returns the pointer mask the collector uses for the heap object x points into, one
// byte (0 or 1) per word from x to the end of what it scans.
func GCBits(x any) []byte {
	e := (*abi.EmptyInterface)(unsafe.Pointer(&x))
	if e.Type.Kind() != abi.Pointer {
		panic("reflect.GCBits: want a pointer to the value whose mask is being queried")
	}
	var typ *abi.Type
	base, size := heapObject(e.Data, &typ)
	if base == nil {
		return []byte{} // not in the heap (a zero-size value): nothing is scanned
	}
	from := uintptr(e.Data) - uintptr(base)
	if from >= size {
		return []byte{}
	}
	mask := make([]byte, (size-from)/ptrSize)
	if typ == nil || typ.PtrBytes == 0 {
		return mask
	}
	// The object is scanned as an array of typ (runtime-rs/src/gc/mark.rs).
	bits := unsafe.Slice(typ.GCData, (typ.PtrBytes/ptrSize+7)/8)
	for i := range mask {
		w := (from/ptrSize + uintptr(i)) % (typ.Size() / ptrSize)
		if w < typ.PtrBytes/ptrSize {
			mask[i] = bits[w/8] >> (w % 8) & 1
		}
	}
	return mask
}

const ptrSize = unsafe.Sizeof(uintptr(0))

// heapObject returns the start of the payload of the heap object holding p and the bytes of it
// the collector scans, and stores the type they are scanned as (an array of it) at typ: nil
// for a pointer-free object. base is nil when p is not in the heap.
//
//go:linkname heapObject rog_heapobject
func heapObject(p unsafe.Pointer, typ **abi.Type) (base unsafe.Pointer, size uintptr)

type EmbedWithUnexpMeth struct{}

func (EmbedWithUnexpMeth) f() {}

type pinUnexpMeth interface {
	f()
}

var pinUnexpMethI = pinUnexpMeth(EmbedWithUnexpMeth{})

type OtherPkgFields struct {
	OtherExported   int
	otherUnexported int
}

// IsExported reports whether t's name is exported, as gc's compiler marks it: a pointer type
// without a name by its element's name.
func IsExported(t Type) bool {
	if t.Name() == "" && t.Kind() == Pointer {
		t = t.Elem()
	}
	return isExported(t.Name())
}

// ResolveReflectName registers a name gc's reflect makes at run time, so that offsets to it
// resolve (the runtime's reflectOffs, under a lock). rog's descriptors hold pointers, never
// offsets: there is nothing to register.
func ResolveReflectName(s string) {}

type Buffer struct {
	buf []byte
}

// MethodValueCallCodePtr is what Value.Pointer returns for every method value (gc's one
// trampoline for all of them; rog calls a method value's func through its signature's
// go:rstub).
var MethodValueCallCodePtr = methodValueCallCodePtr

var InternalIsZero = isZero

// IsRegularMemory reports whether t's == and hashing may compare its bytes.
func IsRegularMemory(t Type) bool {
	return t.common().TFlag&abi.TFlagRegularMemory != 0
}
