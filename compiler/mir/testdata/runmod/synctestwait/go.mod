module example.com/synctestwait

go 1.26
