package p
const c
var v
