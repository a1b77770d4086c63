module closurenames

go 1.26
