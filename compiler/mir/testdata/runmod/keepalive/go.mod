module keepalive

go 1.26
