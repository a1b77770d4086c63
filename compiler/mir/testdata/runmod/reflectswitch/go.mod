module example.com/reflectswitch

go 1.26
