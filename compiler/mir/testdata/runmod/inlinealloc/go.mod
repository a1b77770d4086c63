module inlinealloc

go 1.26
