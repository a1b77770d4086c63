module rog.example/qsort-bsearch

go 1.18
