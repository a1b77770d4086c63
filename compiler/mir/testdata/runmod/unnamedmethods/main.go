// A struct literal type promotes the methods of its embedded fields: its descriptor has them,
// so converting through another interface, type assertions and reflect find them (io's
// TestMultiWriter hides bytes.Buffer's WriteString that way).
package main

import (
	"bytes"
	"crypto/sha1"
	"fmt"
	"io"
	"reflect"
	"strings"
)

type T struct{ n int }

func (t *T) Inc() { t.n++ }

func (t T) Get() int { return t.n }

func test(sink interface {
	io.Writer
	fmt.Stringer
}) {
	h := sha1.New()
	mw := io.MultiWriter(h, sink)
	n, err := io.Copy(mw, strings.NewReader("My input text."))
	fmt.Println(n, err, fmt.Sprintf("%x", h.Sum(nil)), sink.String())
	_, ok := any(sink).(io.StringWriter)
	fmt.Println("WriteString visible:", ok)
}

func main() {
	sink := new(bytes.Buffer)
	test(struct {
		io.Writer
		fmt.Stringer
	}{sink, sink})
	test(new(bytes.Buffer))

	v := struct{ *T }{&T{1}}
	var x any = v
	x.(interface{ Inc() }).Inc()
	fmt.Println(x.(interface{ Get() int }).Get())
	rt := reflect.TypeOf(v)
	for i := 0; i < rt.NumMethod(); i++ {
		fmt.Println(rt.Method(i).Name)
	}
	w := struct{ T }{T{5}}
	fmt.Println(reflect.TypeOf(w).NumMethod(), reflect.TypeOf(&w).NumMethod())
	_, isInc := any(w).(interface{ Inc() })
	_, ptrInc := any(&w).(interface{ Inc() })
	fmt.Println(isInc, ptrInc)
}
