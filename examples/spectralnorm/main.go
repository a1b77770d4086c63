// spectralnorm estimates the largest singular value of the infinite matrix
// A[i][j] = 1/((i+j)(i+j+1)/2 + i + 1), cut to n×n, by power iteration on AᵀA: a test of
// floating-point loops.
//
// It imports nothing and prints with println, so that a young compiler can build it.
package main

// size is n, the order of the matrix. The bench harness rewrites this line to the quick value
// for short runs.
const size = 5500 // bench:size quick=1000

// entry is A[i][j].
func entry(i, j int) float64 {
	return 1 / float64((i+j)*(i+j+1)/2+i+1)
}

// timesA sets out = A·v.
func timesA(v, out []float64) {
	for i := range out {
		sum := 0.0
		for j, x := range v {
			sum += entry(i, j) * x
		}
		out[i] = sum
	}
}

// timesAT sets out = Aᵀ·v.
func timesAT(v, out []float64) {
	for i := range out {
		sum := 0.0
		for j, x := range v {
			sum += entry(j, i) * x
		}
		out[i] = sum
	}
}

// timesATA sets out = AᵀA·v, using tmp as scratch.
func timesATA(v, out, tmp []float64) {
	timesA(v, tmp)
	timesAT(tmp, out)
}

// sqrt is Newton's method: the program avoids importing math.
func sqrt(x float64) float64 {
	if x <= 0 {
		return 0
	}
	r := x
	if r < 1 {
		r = 1
	}
	for i := 0; i < 100; i++ {
		next := (r + x/r) / 2
		if next >= r {
			break
		}
		r = next
	}
	return r
}

func main() {
	n := size
	u := make([]float64, n)
	v := make([]float64, n)
	tmp := make([]float64, n)
	for i := range u {
		u[i] = 1
	}

	for step := 0; step < 10; step++ {
		timesATA(u, v, tmp)
		timesATA(v, u, tmp)
	}

	// The norm is sqrt(vᵀ(AᵀA)v / vᵀv) with v the last iterate before u.
	var vBv, vv float64
	for i := range v {
		vBv += u[i] * v[i]
		vv += v[i] * v[i]
	}
	norm := sqrt(vBv / vv)

	// Print nine decimal places as an integer so that the text does not depend on how a
	// runtime formats floats.
	println("n", n, "norm*1e9", int64(norm*1e9+0.5))
}
