module rog.example/nbody

go 1.18
