// Struct tags reach reflect (StructField.Tag) through the descriptors, so encoding/json honours
// names, omitempty and "-".
package main

import (
	"encoding/json"
	"fmt"
	"reflect"
)

type T struct {
	Foo  string `json:"bar"`
	N    int    `json:"n,omitempty"`
	Skip int    `json:"-"`
	Raw  int
}

// U's tags are not ASCII: their bytes reach reflect as written (UTF-8 once).
type U struct {
	V string `json:"色は匂へど"`
	W string `json:"Ελλάδα"`
}

func main() {
	b, err := json.Marshal(T{Foo: "foo", N: 0, Skip: 3, Raw: 4})
	fmt.Println(string(b), err)
	var t T
	fmt.Println(json.Unmarshal([]byte(`{"bar":"x","n":5,"Raw":6}`), &t), t)
	f, _ := reflect.TypeOf(t).FieldByName("N")
	fmt.Println(f.Tag, f.Tag.Get("json"), reflect.TypeOf(struct{ A int }{}).Field(0).Tag == "")
	b, err = json.Marshal(U{"いろは", "Loukanikos"})
	fmt.Println(string(b), err, len(reflect.TypeOf(U{}).Field(1).Tag))
}
