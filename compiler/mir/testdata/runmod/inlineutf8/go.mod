module example.com/inlineutf8

go 1.26
