package p
var _ = func() {
	x := struct {
	}{
}
