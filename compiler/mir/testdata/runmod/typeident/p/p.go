// Package p declares types whose spelling matches main's: struct types with unexported fields
// are distinct types in two packages, exported ones are identical.
package p

func Unexported() any { return struct{ a int }{1} }

func Exported() any { return struct{ A int }{1} }

func Iface() any {
	var v interface{ m() } = impl{}
	return &v
}

type impl struct{}

func (impl) m() {}
