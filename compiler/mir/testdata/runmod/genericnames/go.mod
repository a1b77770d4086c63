module gn
go 1.26
