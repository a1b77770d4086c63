module example.com/reflectmethods

go 1.26
