module rog.example/echo-rpc

go 1.18
