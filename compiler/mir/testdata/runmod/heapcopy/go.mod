module heapcopy
go 1.26
