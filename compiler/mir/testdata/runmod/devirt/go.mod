module dv
go 1.26
