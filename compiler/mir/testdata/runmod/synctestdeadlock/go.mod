module example.com/synctestdeadlock

go 1.26
