module example.com/timergc

go 1.26
