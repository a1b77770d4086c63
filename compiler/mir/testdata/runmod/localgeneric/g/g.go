package g

import "fmt"

func Name[T any](v T) string { return fmt.Sprintf("%T %v", v, v) }

func Box[T any](v T) any { return v }
