module rog.example/binarytrees

go 1.18
