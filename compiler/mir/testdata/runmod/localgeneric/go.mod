module example.com/localgeneric
go 1.26
