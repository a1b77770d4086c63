// Type identity, method sets and assignability over descriptors, shared by reflect and
// internal/reflectlite.

package abi

// SameType reports whether two descriptors describe the same type. One type normally has one
// descriptor, but the Rust runtime keeps copies of a few (ABI.md §6), which match by kind,
// hash and type string; the type string tells distinct types apart.
func SameType(a, b *Type) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil {
		return false
	}
	return a.Kind_ == b.Kind_ && a.Hash == b.Hash && a.Str == b.Str
}

// Implements reports whether type t has every method of interface type it.
func Implements(t *Type, it *InterfaceType) bool {
	want := it.Methods()
	if len(want) == 0 {
		return true
	}
	if t.Kind_ == Interface {
		have := t.InterfaceType().Methods()
		i := 0
		for _, m := range have {
			if m.Name == want[i].Name && SameType(m.Typ, want[i].Typ) {
				if i++; i == len(want) {
					return true
				}
			}
		}
		return false
	}
	have := t.Uncommon().Methods()
	i := 0
	for _, m := range have {
		if m.Name == want[i].Name && SameType(m.Mtyp, want[i].Typ) {
			if i++; i == len(want) {
				return true
			}
		}
	}
	return false
}

// AssignableTo reports whether a value of type v may be assigned to a variable of type t
// (the Go spec's assignability, for values that are not untyped constants).
func AssignableTo(v, t *Type) bool {
	if SameType(v, t) {
		return true
	}
	if t.Kind_ == Interface {
		return Implements(v, t.InterfaceType())
	}
	if v.HasName() && t.HasName() || v.Kind_ != t.Kind_ {
		return false
	}
	// A bidirectional channel may be assigned to a directional one with the same element.
	if v.Kind_ == Chan && v.ChanDir() == BothDir && SameType(v.Elem(), t.Elem()) {
		return true
	}
	return IdenticalUnderlying(v, t)
}

// IdenticalUnderlying reports whether the underlying types of v and t are identical.
func IdenticalUnderlying(v, t *Type) bool { return identicalUnderlying(v, t, SameType) }

// IdenticalUnderlyingIgnoringTags is IdenticalUnderlying with struct tags ignored at every
// depth (the Go spec's rule for conversions): element types are identical when they are the
// same type or unnamed types of one structure.
func IdenticalUnderlyingIgnoringTags(v, t *Type) bool {
	return identicalUnderlying(v, t, identicalIgnoringTags)
}

func identicalIgnoringTags(v, t *Type) bool {
	return SameType(v, t) || !v.HasName() && !t.HasName() && IdenticalUnderlyingIgnoringTags(v, t)
}

// identicalUnderlying compares the underlying types of v and t, their element types with same.
func identicalUnderlying(v, t *Type, same func(a, b *Type) bool) bool {
	if v.Kind_ != t.Kind_ {
		return false
	}
	switch v.Kind_ {
	case Pointer, Slice:
		return same(v.Elem(), t.Elem())
	case Array:
		return v.Len() == t.Len() && same(v.Elem(), t.Elem())
	case Chan:
		return v.ChanDir() == t.ChanDir() && same(v.Elem(), t.Elem())
	case Map:
		return same(v.Key(), t.Key()) && same(v.Elem(), t.Elem())
	case Func:
		vf, tf := v.FuncType(), t.FuncType()
		if vf.InCount != tf.InCount || vf.OutCount != tf.OutCount {
			return false
		}
		vp := append(vf.InSlice(), vf.OutSlice()...)
		tp := append(tf.InSlice(), tf.OutSlice()...)
		for i := range vp {
			if !same(vp[i], tp[i]) {
				return false
			}
		}
		return true
	case Interface:
		vi, ti := v.InterfaceType(), t.InterfaceType()
		vm, tm := vi.Methods(), ti.Methods()
		if len(vm) != len(tm) {
			return false
		}
		for i := range vm {
			if vm[i].Name != tm[i].Name || !same(vm[i].Typ, tm[i].Typ) {
				return false
			}
		}
		return true
	case Struct:
		vs, ts := v.StructType(), t.StructType()
		vf, tf := vs.Fields(), ts.Fields()
		if len(vf) != len(tf) {
			return false
		}
		for i := range vf {
			if vf[i].Name != tf[i].Name || vf[i].Embedded != tf[i].Embedded ||
				!same(vf[i].Typ, tf[i].Typ) {
				return false
			}
			if !isExportedName(vf[i].Name) && vs.PkgPath != ts.PkgPath {
				return false
			}
		}
		return true
	}
	// Basic kinds: the underlying type is the predeclared type of that kind.
	return true
}

// isExportedName reports whether a field name starts with an upper-case ASCII letter.
// TODO(overlay): non-ASCII upper-case letters (the checker decides exportedness; descriptors
// could carry it).
func isExportedName(name string) bool {
	return len(name) > 0 && name[0] >= 'A' && name[0] <= 'Z'
}
