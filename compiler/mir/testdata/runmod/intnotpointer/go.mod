module intnotpointer

go 1.26
