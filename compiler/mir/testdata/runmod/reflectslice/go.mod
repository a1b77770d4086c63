module example.com/reflectslice

go 1.26
