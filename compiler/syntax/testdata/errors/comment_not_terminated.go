package p
/* unterminated
