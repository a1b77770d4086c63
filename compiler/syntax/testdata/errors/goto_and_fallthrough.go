package p

func f() {
	goto L
	y := 2
L:
	_ = y
}

func g() {
	{
		goto M
	}
	{
	M:
	}
}

func h() {
	switch {
	case true:
		fallthrough
	}
	switch any(1).(type) {
	case int:
		fallthrough
	default:
	}
	fallthrough
}
