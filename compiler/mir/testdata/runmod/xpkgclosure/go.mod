module xpkgclosure

go 1.26
