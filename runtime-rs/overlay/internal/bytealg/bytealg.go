// Package bytealg holds the byte and string searches shared by strings, bytes and the rest of
// the standard library. GOROOT's version is assembly on amd64 with no selectable Go fallback;
// this one is plain Go, which LLVM vectorises where it can.
package bytealg

import _ "unsafe" // go:linkname

// MaxLen is the longest pattern Index and IndexString are used for by strings and bytes; 0
// sends every longer-than-one-byte search to Rabin-Karp, as on ports without assembly.
var MaxLen int

// MaxBruteForce is the length below which callers search with Index directly.
const MaxBruteForce = 0

// PrimeRK is the base of the Rabin-Karp rolling hash.
const PrimeRK = 16777619

// Cutover reports how many mismatches in the first n bytes make IndexString worth calling.
func Cutover(n int) int {
	return (n + 16) / 8
}

// Compare returns -1, 0 or +1 as a sorts before, equal to or after b.
func Compare(a, b []byte) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}

// CompareString is Compare for strings.
func CompareString(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}

// Equal reports whether a and b hold the same bytes.
func Equal(a, b []byte) bool {
	return string(a) == string(b)
}

// Count returns the number of bytes c in b.
func Count(b []byte, c byte) int {
	n := 0
	for _, x := range b {
		if x == c {
			n++
		}
	}
	return n
}

// CountString returns the number of bytes c in s.
func CountString(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

// IndexByte returns the index of the first c in b, or -1.
func IndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// IndexByteString returns the index of the first c in s, or -1.
func IndexByteString(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// LastIndexByte returns the index of the last c in s, or -1.
func LastIndexByte(s []byte, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// LastIndexByteString returns the index of the last c in s, or -1.
func LastIndexByteString(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Index returns the index of the first b in a, or -1.
func Index(a, b []byte) int {
	return IndexString(string(a), string(b))
}

// IndexString returns the index of the first b in a, or -1.
func IndexString(a, b string) int {
	n := len(b)
	if n == 0 {
		return 0
	}
	for i := 0; i+n <= len(a); i++ {
		if a[i] == b[0] && a[i:i+n] == b {
			return i
		}
	}
	return -1
}

// MakeNoZero returns a byte slice of length n whose capacity is what the allocation really
// gets (its size class), as gc's does. gc leaves the bytes uninitialised; rog's allocator hands
// out zeroed memory anyway.
func MakeNoZero(n int) []byte {
	return make([]byte, n, roundupsize(n, true))
}

//go:linkname roundupsize rog_roundupsize
func roundupsize(size int, noscan bool) int
