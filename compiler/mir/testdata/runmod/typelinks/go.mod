module example.com/typelinks

go 1.26
