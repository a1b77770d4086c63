module example.com/intrinsicdefer

go 1.26
