// lisp is a small Scheme-like interpreter: a reader, lexical environments, closures with
// proper tail calls, integers and lists. It runs a built-in program (naive Fibonacci, Takeuchi's
// function, and two list sorts written in Lisp) and prints what the program prints: a test of
// interface dispatch, small allocations, maps and deep recursion.
//
// Lisp's print writes through a buffered os.Stdout (flushed at exit); numbers are read and
// printed with strconv, lists are printed with a strings.Builder.
package main

import (
	"bufio"
	"os"
)

// out buffers what the Lisp program prints.
var out = bufio.NewWriter(os.Stdout)

// size scales the Lisp program's work (it is bound to the Lisp variable size). The bench
// harness rewrites this line to the quick value for short runs.
const size = 30 // bench:size quick=15

// program is the Lisp code run by main.
const program = `
(define (fib n)
  (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))

(define (tak x y z)
  (if (not (< y x)) z
      (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))

; A linear congruential generator kept in a closure.
(define (make-random seed)
  (lambda ()
    (set! seed (remainder (+ (* seed 1103515245) 12345) 2147483648))
    (quotient seed 65536)))

(define (random-list n next)
  (let loop ((i 0) (acc '()))
    (if (= i n) acc (loop (+ i 1) (cons (remainder (next) 10000) acc)))))

(define (filter keep? lst)
  (cond ((null? lst) '())
        ((keep? (car lst)) (cons (car lst) (filter keep? (cdr lst))))
        (else (filter keep? (cdr lst)))))

(define (append a b)
  (if (null? a) b (cons (car a) (append (cdr a) b))))

(define (quicksort lst)
  (if (null? lst) '()
      (let ((p (car lst)) (rest (cdr lst)))
        (append (quicksort (filter (lambda (x) (< x p)) rest))
                (cons p (quicksort (filter (lambda (x) (not (< x p))) rest)))))))

(define (merge a b)
  (cond ((null? a) b)
        ((null? b) a)
        ((< (car b) (car a)) (cons (car b) (merge a (cdr b))))
        (else (cons (car a) (merge (cdr a) b)))))

(define (take lst n)
  (if (= n 0) '() (cons (car lst) (take (cdr lst) (- n 1)))))

(define (drop lst n)
  (if (= n 0) lst (drop (cdr lst) (- n 1))))

(define (mergesort lst)
  (let ((n (length lst)))
    (if (< n 2) lst
        (let ((half (quotient n 2)))
          (merge (mergesort (take lst half)) (mergesort (drop lst half)))))))

(define (length lst)
  (let loop ((lst lst) (n 0))
    (if (null? lst) n (loop (cdr lst) (+ n 1)))))

(define (fold f acc lst)
  (if (null? lst) acc (fold f (f acc (car lst)) (cdr lst))))

(define (map f lst)
  (if (null? lst) '() (cons (f (car lst)) (map f (cdr lst)))))

(define (sorted? lst)
  (or (null? lst) (null? (cdr lst))
      (and (not (< (cadr lst) (car lst))) (sorted? (cdr lst)))))

(define (checksum lst)
  (fold (lambda (acc x) (remainder (+ (* acc 31) x) 1000000007)) 0 lst))

(print 'fib size '= (fib size))
(print 'tak (- size 7) (- size 13) (- size 19) '= (tak (- size 7) (- size 13) (- size 19)))

(define numbers (random-list (* size 200) (make-random 42)))
(define by-quicksort (quicksort numbers))
(define by-mergesort (mergesort numbers))
(print 'sorted (length numbers) 'numbers (sorted? by-quicksort) (sorted? by-mergesort)
       (equal? by-quicksort by-mergesort))
(print 'checksum (checksum by-quicksort) 'first (take by-quicksort 5))

(define squares (map (lambda (x) (* x x)) (take by-mergesort 10)))
(print 'squares squares 'sum (fold + 0 squares))
`

func main() {
	defer out.Flush()
	in := newInterpreter()
	in.global.define(intern("size"), number(size))
	r := reader{src: program}
	for {
		form, ok := r.read()
		if !ok {
			break
		}
		in.eval(form, in.global)
	}
}
