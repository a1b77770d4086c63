module faultaddr

go 1.26
