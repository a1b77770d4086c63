module example.com/bigargs

go 1.26
