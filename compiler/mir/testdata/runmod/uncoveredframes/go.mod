module lp
go 1.26
