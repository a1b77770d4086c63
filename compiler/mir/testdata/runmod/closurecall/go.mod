module example.com/closurecall

go 1.26
