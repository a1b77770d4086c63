// Types declared inside functions of two files, at the same offset in each file: two types.
package main

func fb() any { type T [1]byte; return T{} }
