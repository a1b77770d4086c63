// nbody integrates a star and four planets under Newtonian gravity with a fixed time step and
// prints the system's total energy before and after: a test of floating-point arithmetic on
// small structs.
//
// The planetary system is made up (circular orbits at chosen radii) rather than taken from an
// ephemeris. Units: astronomical units, years, and masses in which G·M(star) = 4π².
//
// It imports nothing and prints with println, so that a young compiler can build it.
package main

// size is the number of time steps. The bench harness rewrites this line to the quick value for
// short runs.
const size = 20000000 // bench:size quick=1000000

const (
	pi       = 3.141592653589793
	starMass = 4 * pi * pi
	dt       = 0.01
)

type body struct {
	x, y, z    float64
	vx, vy, vz float64
	mass       float64
}

// pairs is the number of distinct pairs of bodies.
const pairs = 10

// system holds the bodies and, per pair, the last inverse distance, which seeds the next
// step's inverse square root.
type system struct {
	bodies  [5]body
	invDist [pairs]float64
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
	for i := 0; i < 200; i++ {
		next := (r + x/r) / 2
		if next >= r {
			break
		}
		r = next
	}
	return r
}

// planet places a body of the given mass (a fraction of the star's) at distance r along the
// direction (dx, dy, dz), moving on a circular orbit in the x-y plane.
func planet(r, dx, dy, dz, fraction float64) body {
	speed := sqrt(starMass / r)
	return body{
		x: r * dx, y: r * dy, z: r * dz,
		vx: -dy * speed, vy: dx * speed, vz: 0,
		mass: fraction * starMass,
	}
}

func newSystem() *system {
	s := &system{}
	s.bodies[0] = body{mass: starMass}
	s.bodies[1] = planet(5.2, 0.6, 0.8, 0.02, 9.5e-4)
	s.bodies[2] = planet(9.6, -0.8, 0.6, -0.03, 2.9e-4)
	s.bodies[3] = planet(19.2, 0.28, -0.96, 0.01, 4.4e-5)
	s.bodies[4] = planet(30.1, -0.96, -0.28, 0.02, 5.1e-5)

	// Give the star the momentum that makes the system's total zero, so it does not drift.
	var px, py, pz float64
	for i := 1; i < len(s.bodies); i++ {
		b := &s.bodies[i]
		px += b.vx * b.mass
		py += b.vy * b.mass
		pz += b.vz * b.mass
	}
	s.bodies[0].vx = -px / starMass
	s.bodies[0].vy = -py / starMass
	s.bodies[0].vz = -pz / starMass

	k := 0
	for i := 0; i < len(s.bodies); i++ {
		for j := i + 1; j < len(s.bodies); j++ {
			a, b := &s.bodies[i], &s.bodies[j]
			dx, dy, dz := a.x-b.x, a.y-b.y, a.z-b.z
			s.invDist[k] = 1 / sqrt(dx*dx+dy*dy+dz*dz)
			k++
		}
	}
	return s
}

// advance moves the system one time step forward. Each pair's inverse distance comes from
// three Newton steps for 1/sqrt(d²) started at the previous step's value: the bodies move
// little in one step, so this reaches full precision with multiplications only.
func (s *system) advance() {
	k := 0
	for i := 0; i < len(s.bodies); i++ {
		a := &s.bodies[i]
		for j := i + 1; j < len(s.bodies); j++ {
			b := &s.bodies[j]
			dx, dy, dz := a.x-b.x, a.y-b.y, a.z-b.z
			d2 := dx*dx + dy*dy + dz*dz
			inv := s.invDist[k]
			inv = inv * (1.5 - 0.5*d2*inv*inv)
			inv = inv * (1.5 - 0.5*d2*inv*inv)
			inv = inv * (1.5 - 0.5*d2*inv*inv)
			s.invDist[k] = inv
			k++

			mag := dt * inv * inv * inv
			ma, mb := a.mass*mag, b.mass*mag
			a.vx -= dx * mb
			a.vy -= dy * mb
			a.vz -= dz * mb
			b.vx += dx * ma
			b.vy += dy * ma
			b.vz += dz * ma
		}
	}
	for i := range s.bodies {
		b := &s.bodies[i]
		b.x += dt * b.vx
		b.y += dt * b.vy
		b.z += dt * b.vz
	}
}

// energy is the total kinetic plus potential energy.
func (s *system) energy() float64 {
	e := 0.0
	for i := range s.bodies {
		a := &s.bodies[i]
		e += 0.5 * a.mass * (a.vx*a.vx + a.vy*a.vy + a.vz*a.vz)
		for j := i + 1; j < len(s.bodies); j++ {
			b := &s.bodies[j]
			dx, dy, dz := a.x-b.x, a.y-b.y, a.z-b.z
			e -= a.mass * b.mass / sqrt(dx*dx+dy*dy+dz*dz)
		}
	}
	return e
}

// scaled returns e·scale rounded to an integer: printing integers keeps the text independent of
// how a runtime formats floats.
func scaled(e, scale float64) int64 {
	if e < 0 {
		return -int64(-e*scale + 0.5)
	}
	return int64(e*scale + 0.5)
}

func main() {
	s := newSystem()
	println("energy*1e9 before", scaled(s.energy(), 1e9))
	for step := 0; step < size; step++ {
		s.advance()
	}
	println("energy*1e9 after", size, "steps", scaled(s.energy(), 1e9))
	println("star at x*1e6", scaled(s.bodies[0].x, 1e6), "y*1e6", scaled(s.bodies[0].y, 1e6))
}
