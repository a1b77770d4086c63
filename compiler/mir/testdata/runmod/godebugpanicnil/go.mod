module pn
go 1.26
