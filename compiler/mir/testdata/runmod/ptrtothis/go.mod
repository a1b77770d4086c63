module example.com/ptrtothis

go 1.26
