module rog.example/fannkuch

go 1.18
