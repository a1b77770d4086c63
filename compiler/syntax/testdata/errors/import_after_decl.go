package p
import "fmt"
func f() {}
import "os"
