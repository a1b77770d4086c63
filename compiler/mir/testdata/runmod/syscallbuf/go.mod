module cr
go 1.26
