module example.com/structof

go 1.26
