module example.com/makefunc

go 1.26
