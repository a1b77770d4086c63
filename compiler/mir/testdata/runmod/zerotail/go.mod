module example.com/zerotail

go 1.26
