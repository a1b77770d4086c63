module deferstack
go 1.26
