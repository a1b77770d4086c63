// Package calc is the package rog test's own tests test.
package calc

// Add returns a+b.
func Add(a, b int) int { return a + b }

// Sub returns a-b, wrongly, so one test fails.
func Sub(a, b int) int { return a + b }
