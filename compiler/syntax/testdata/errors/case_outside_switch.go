package p
func f() {
	case 1:
}
func g() {
	default:
}
