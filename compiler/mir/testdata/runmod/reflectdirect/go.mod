module example.com/reflectdirect

go 1.26
