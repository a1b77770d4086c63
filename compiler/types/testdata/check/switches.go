package p

// Switch tags and cases (spec "Expression switches"): slices, maps and functions may be
// switched on, but only nil cases compare with them.

func switches(m, m1 map[int]int, a []int, f func(), ar [2]func(), s string, x int) {
	switch m {
	case nil:
	case m1: // ERROR "invalid case m1 in switch on m \(map can only be compared to nil\)"
	}
	switch a {
	case nil:
	}
	switch f {
	case f: // ERROR "invalid case f in switch on f \(func can only be compared to nil\)"
	}
	switch ar { // ERROR "cannot switch on ar \(variable of type \[2\]func\(\)\) \(\[2\]func\(\) is not comparable\)"
	}
	switch s {
	case x: // ERROR "invalid case x in switch on s \(mismatched types int and string\)"
	}
}
