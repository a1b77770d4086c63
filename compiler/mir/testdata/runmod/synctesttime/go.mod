module example.com/synctesttime

go 1.26
