module structtags

go 1.26
