module consttparam

go 1.26
