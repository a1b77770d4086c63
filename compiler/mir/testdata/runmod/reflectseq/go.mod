module rs
go 1.26
