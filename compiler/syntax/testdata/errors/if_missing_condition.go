package p
func f() {
	if {
	}
	if ; {
	}
	if x;
	{
	}
}
