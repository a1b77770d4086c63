module example.com/testmod

go 1.22
