module example.com/poolcleanup

go 1.26
