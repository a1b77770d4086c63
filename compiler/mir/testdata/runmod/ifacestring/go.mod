module example.com/ifacestring

go 1.26
