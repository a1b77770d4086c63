module example.com/appendmake

go 1.26
