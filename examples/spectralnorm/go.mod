module rog.example/spectralnorm

go 1.18
