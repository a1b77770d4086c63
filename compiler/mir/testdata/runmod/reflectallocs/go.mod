module reflectallocs
go 1.26
