module sigt2
go 1.26
