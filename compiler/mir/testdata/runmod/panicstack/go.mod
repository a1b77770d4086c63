module example.com/panicstack

go 1.26
