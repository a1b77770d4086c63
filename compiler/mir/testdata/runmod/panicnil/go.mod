module example.com/panicnil

go 1.26
