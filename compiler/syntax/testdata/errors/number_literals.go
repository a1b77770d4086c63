package p
var x = 08
var y = 0x
var z = 1__0
var w = 0b102
