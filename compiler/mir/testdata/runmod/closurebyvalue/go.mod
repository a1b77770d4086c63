module closurebyvalue

go 1.26
