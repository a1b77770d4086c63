module example.com/reflectof

go 1.26
