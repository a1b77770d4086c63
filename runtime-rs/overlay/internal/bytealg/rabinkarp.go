// Rabin-Karp substring search, shared by strings and bytes for patterns longer than MaxLen.

package bytealg

// HashStr returns the rolling hash of sep and the factor that removes its first byte.
func HashStr[T string | []byte](sep T) (uint32, uint32) {
	var h uint32
	for i := 0; i < len(sep); i++ {
		h = h*PrimeRK + uint32(sep[i])
	}
	return h, pow(len(sep))
}

// HashStrRev is HashStr over sep reversed.
func HashStrRev[T string | []byte](sep T) (uint32, uint32) {
	var h uint32
	for i := len(sep) - 1; i >= 0; i-- {
		h = h*PrimeRK + uint32(sep[i])
	}
	return h, pow(len(sep))
}

// pow returns PrimeRK to the n, modulo 2³².
func pow(n int) uint32 {
	r, b := uint32(1), uint32(PrimeRK)
	for ; n > 0; n >>= 1 {
		if n&1 != 0 {
			r *= b
		}
		b *= b
	}
	return r
}

// IndexRabinKarp returns the index of the first sep in s, or -1.
func IndexRabinKarp[T string | []byte](s, sep T) int {
	n := len(sep)
	if n > len(s) {
		return -1
	}
	want, drop := HashStr(sep)
	var h uint32
	for i := 0; i < n; i++ {
		h = h*PrimeRK + uint32(s[i])
	}
	for i := 0; ; i++ {
		if h == want && string(s[i:i+n]) == string(sep) {
			return i
		}
		if i+n >= len(s) {
			return -1
		}
		h = h*PrimeRK + uint32(s[i+n]) - drop*uint32(s[i])
	}
}

// LastIndexRabinKarp returns the index of the last sep in s, or -1.
func LastIndexRabinKarp[T string | []byte](s, sep T) int {
	n := len(sep)
	if n > len(s) {
		return -1
	}
	want, drop := HashStrRev(sep)
	last := len(s) - n
	var h uint32
	for i := len(s) - 1; i >= last; i-- {
		h = h*PrimeRK + uint32(s[i])
	}
	for i := last; ; i-- {
		if h == want && string(s[i:i+n]) == string(sep) {
			return i
		}
		if i == 0 {
			return -1
		}
		h = h*PrimeRK + uint32(s[i-1]) - drop*uint32(s[i+n-1])
	}
}
