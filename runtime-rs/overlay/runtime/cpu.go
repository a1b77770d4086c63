// The assembly functions of internal/cpu (GOROOT's cpu_x86.s) and of the vendored
// golang.org/x/sys/cpu (cpu_gc_x86.s), written over rog_cpuid and rog_xgetbv.

package runtime

//go:linkname cpu_cpuid internal/cpu.cpuid
func cpu_cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32) {
	var r [4]uint32
	rogCpuid(eaxArg, ecxArg, &r)
	return r[0], r[1], r[2], r[3]
}

//go:linkname cpu_xgetbv internal/cpu.xgetbv
func cpu_xgetbv() (eax, edx uint32) {
	var r [2]uint32
	rogXgetbv(&r)
	return r[0], r[1]
}

//go:linkname xsyscpu_cpuid vendor/golang.org/x/sys/cpu.cpuid
func xsyscpu_cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32) {
	return cpu_cpuid(eaxArg, ecxArg)
}

//go:linkname xsyscpu_xgetbv vendor/golang.org/x/sys/cpu.xgetbv
func xsyscpu_xgetbv() (eax, edx uint32) { return cpu_xgetbv() }

// cpu_getGOAMD64level is the x86-64 level rog compiles for (rules/README.md: amd64.v1).
//
//go:linkname cpu_getGOAMD64level internal/cpu.getGOAMD64level
func cpu_getGOAMD64level() int32 { return 1 }
