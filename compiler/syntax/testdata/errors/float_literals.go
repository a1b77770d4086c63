package p
var x = 1.e
var y = 0x1.0
var z = 0b1.0
var w = 0o7e3
var v = 0x1e3p4i
