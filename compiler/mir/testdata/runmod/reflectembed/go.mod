module example.com/reflectembed

go 1.26
