module example.com/staticbox

go 1.26
