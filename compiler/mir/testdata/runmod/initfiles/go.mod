module example.com/initfiles

go 1.26
