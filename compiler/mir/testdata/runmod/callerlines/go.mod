module example.com/callerlines

go 1.26
