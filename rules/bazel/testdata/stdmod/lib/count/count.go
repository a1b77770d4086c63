// Package count counts runes with the standard library's unicode/utf8 and sync/atomic.
package count

import (
	"errors"
	"sync/atomic"
	"unicode/utf8"
)

// ErrEmpty is returned for an empty string.
var ErrEmpty = errors.New("count: empty string")

var calls atomic.Int64

// Runes returns the number of runes in s.
func Runes(s string) (int, error) {
	calls.Add(1)
	if s == "" {
		return 0, ErrEmpty
	}
	return utf8.RuneCountInString(s), nil
}

// Calls reports how many times Runes ran.
func Calls() int64 { return calls.Load() }
