package p
var s = "abc\q"
var r = 'ab'
var e = ''
