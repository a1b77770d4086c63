package p
func f[]() {}
func g[P any, Q]() {}
