module weakcrypto

go 1.26
