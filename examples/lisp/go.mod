module rog.example/lisp

go 1.18
