// Numbers carry no objects: a buffer whose slice a callee re-slices by an index it computed
// (strconv's `d.d = d.d[i:]`) stays in its frame, and float formatting allocates nothing, as
// with gc; a pointer stored in memory still keeps what it points to.
package main

import (
	"fmt"
	"runtime"
	"strconv"
	"testing"
)

type digits struct {
	d      []byte
	nd, dp int
}

//go:noinline
func count(b []byte) int { return len(b) / 2 }

//go:noinline
func trim(d *digits) {
	i := count(d.d)
	d.d = d.d[i:]
	d.nd = len(d.d)
}

func format(x uint64) int {
	var buf [32]byte
	d := digits{d: buf[:]}
	for i := range buf {
		buf[i] = byte('0' + (x+uint64(i))%10)
	}
	trim(&d)
	trim(&d)
	return int(d.d[0]-'0') + d.nd
}

type holder struct{ p *[64]byte }

var keep []*holder

//go:noinline
func save(h *holder) { keep = append(keep, h) }

var out []byte
var buf [64]byte

func main() {
	fmt.Println(format(7), testing.AllocsPerRun(100, func() { format(3) }))
	fmt.Println(testing.AllocsPerRun(100, func() { out = strconv.AppendFloat(buf[:0], 3.14159, 'g', -1, 64) }))
	fmt.Println(testing.AllocsPerRun(100, func() { _ = fmt.Sprintf("%g", float32(3.14159)) }))
	for i := 0; i < 3; i++ {
		var b [64]byte
		b[0] = byte('a' + i)
		save(&holder{p: &b})
	}
	runtime.GC()
	for _, h := range keep {
		fmt.Print(string(h.p[0]))
	}
	fmt.Println()
}
