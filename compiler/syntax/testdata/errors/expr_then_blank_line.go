package p

func main() {
	x := 1
	x = x +

}
