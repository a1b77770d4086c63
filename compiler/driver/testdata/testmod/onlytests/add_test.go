// A directory of tests only: go test builds an empty package under them.
package onlytests_test

import (
	"testing"

	"example.com/testmod/calc"
)

func TestAddFromOutside(t *testing.T) {
	if calc.Add(2, 2) != 4 {
		t.Fatal("2+2 != 4")
	}
}
