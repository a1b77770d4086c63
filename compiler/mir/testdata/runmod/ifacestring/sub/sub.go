package sub

type Reader interface{ Read(p []byte) (int, error) }

// T is an interface literal with unexported methods, an embedded interface and methods
// declared out of order.
type T = interface {
	b()
	Reader
	a(int) string
	Close() error
}

type impl struct{}

func (impl) a(int) string               { return "" }
func (impl) b()                         {}
func (impl) Close() error               { return nil }
func (impl) Read(p []byte) (int, error) { return 0, nil }

func Make() []T { return []T{impl{}} }
