module rog.example/pipeline

go 1.18
