// Package leaf is the bottom of the example's import chain: cmd/app -> lib/mid -> lib/leaf.
package leaf

// Answer returns the number the program reports.
func Answer() int {
	return 6 * 7
}

// Greeting returns the word the program greets with.
func Greeting() string {
	return "hello"
}
