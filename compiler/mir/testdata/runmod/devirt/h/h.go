// Package h returns its hash as an interface from a constructor that allocates (and so is
// exported for inlining), as crypto/sha256.New does.
package h

type Hash interface {
	Write(p []byte) (int, error)
	Sum(b []byte) []byte
	Reset()
}

type digest struct {
	s   uint64
	buf [64]byte
}

func New() Hash {
	d := new(digest)
	d.Reset()
	return d
}

func (d *digest) Reset() { d.s = 7 }
func (d *digest) Write(p []byte) (int, error) {
	for _, c := range p {
		d.s = d.s*31 + uint64(c)
	}
	return len(p), nil
}
func (d *digest) Sum(b []byte) []byte { return append(b, byte(d.s)) }

// Name is a Stringer of another type.
type Name string

func (n Name) String() string { return "name " + string(n) }
