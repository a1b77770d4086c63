module example.com/bigzero

go 1.26
