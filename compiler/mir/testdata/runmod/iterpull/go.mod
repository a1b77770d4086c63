module it
go 1.26
