// Packages the runtime serves by linkname: weak (one handle per object, so weak pointers made
// from the same pointer are equal) and crypto (the FIPS 140 hooks, crypto/subtle's constant-time
// helpers, which gc makes intrinsics, and crypto/rand).
package main

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"unique"
	"weak"
)

type T struct{ a int }

func main() {
	x := &T{1}
	w1, w2 := weak.Make(x), weak.Make(x)
	fmt.Println(w1 == w2, w1.Value() == x, weak.Make(&T{1}) == w1, weak.Make((*T)(nil)).Value())
	h1, h2 := unique.Make("hello"), unique.Make("hel"+"lo")
	fmt.Println(h1 == h2, h1.Value())

	fmt.Printf("%x\n", sha256.Sum256([]byte("abc")))
	fmt.Println(subtle.ConstantTimeCompare([]byte("abc"), []byte("abc")),
		subtle.ConstantTimeCompare([]byte("abc"), []byte("abd")),
		subtle.ConstantTimeByteEq(3, 3), subtle.ConstantTimeSelect(1, 7, 9),
		subtle.ConstantTimeSelect(0, 7, 9), subtle.ConstantTimeLessOrEq(2, 3))
	b := make([]byte, 16)
	n, err := rand.Read(b)
	fmt.Println(n, err, len(rand.Text()))
}
