module example.com/reflectnames

go 1.26
