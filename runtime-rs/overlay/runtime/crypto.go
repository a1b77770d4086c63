// The hooks the crypto packages pull from the runtime by linkname (GOROOT's runtime1.go,
// fipsbypass.go, dit.go, panic.go and mgc.go). gc keeps the FIPS 140 service indicator and
// the enforcement bypass in each goroutine's g; rog keeps them in tables keyed by the
// goroutine's identity (rog_getg), holding only the goroutines whose value is not zero.

package runtime

import "unsafe"

var (
	gvalsLock      mutex
	fipsIndicators = map[uintptr]uint8{}
	fipsBypassed   = map[uintptr]bool{}
)

// gval reads the running goroutine's entry of m.
func gval[V comparable](m map[uintptr]V) V {
	g := rogGetg()
	gvalsLock.lock()
	v := m[g]
	gvalsLock.unlock()
	return v
}

// setGval sets the running goroutine's entry of m, dropping it when v is the zero value.
func setGval[V comparable](m map[uintptr]V, v V) {
	var zero V
	g := rogGetg()
	gvalsLock.lock()
	if v == zero {
		delete(m, g)
	} else {
		m[g] = v
	}
	gvalsLock.unlock()
}

//go:linkname fips_getIndicator crypto/internal/fips140.getIndicator
func fips_getIndicator() uint8 { return gval(fipsIndicators) }

//go:linkname fips_setIndicator crypto/internal/fips140.setIndicator
func fips_setIndicator(indicator uint8) { setGval(fipsIndicators, indicator) }

//go:linkname fips140_setBypass crypto/fips140.setBypass
func fips140_setBypass() { setGval(fipsBypassed, true) }

//go:linkname fips140_unsetBypass crypto/fips140.unsetBypass
func fips140_unsetBypass() { setGval(fipsBypassed, false) }

//go:linkname fips140_isBypassed crypto/fips140.isBypassed
func fips140_isBypassed() bool { return gval(fipsBypassed) }

// Data-independent timing is an arm64 mode; on amd64 internal/runtime/sys.EnableDIT reports
// false and does nothing, as these do.

//go:linkname dit_setEnabled crypto/subtle.setDITEnabled
func dit_setEnabled() bool { return false }

//go:linkname dit_setDisabled crypto/subtle.setDITDisabled
func dit_setDisabled() {}

//go:linkname rand_fatal crypto/rand.fatal
func rand_fatal(s string) { fatal(s) }

//go:linkname sysrand_fatal crypto/internal/sysrand.fatal
func sysrand_fatal(s string) { fatal(s) }

//go:linkname fips_fatal crypto/internal/fips140.fatal
func fips_fatal(s string) { fatal(s) }

// boringCaches are the caches of BoringCrypto builds (GOEXPERIMENT=boringcrypto), which gc
// clears at each collection; rog builds never use BoringCrypto, so none registers.
var boringCaches []unsafe.Pointer

//go:linkname boring_registerCache crypto/internal/boring/bcache.registerCache
func boring_registerCache(p unsafe.Pointer) { boringCaches = append(boringCaches, p) }

// crypto/internal/boring/sig's functions are markers that gc's assembly gives empty bodies (a
// linker looks for their code sequences); here too they do nothing.

//go:linkname sig_BoringCrypto crypto/internal/boring/sig.BoringCrypto
func sig_BoringCrypto() {}

//go:linkname sig_FIPSOnly crypto/internal/boring/sig.FIPSOnly
func sig_FIPSOnly() {}

//go:linkname sig_StandardCrypto crypto/internal/boring/sig.StandardCrypto
func sig_StandardCrypto() {}
