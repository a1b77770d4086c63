module example.com/finalizers

go 1.26
