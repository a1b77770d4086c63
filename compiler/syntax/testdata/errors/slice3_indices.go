package p
var x = a[1:2:]
var y = a[::3]
var z = a[]
