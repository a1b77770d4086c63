module ht
go 1.26
