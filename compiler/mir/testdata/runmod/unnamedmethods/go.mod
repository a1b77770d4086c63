module example.com/unnamedmethods

go 1.26
