package main

var B = where()

var C = func() string { return where() }()
