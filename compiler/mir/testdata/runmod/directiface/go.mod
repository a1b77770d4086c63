module example.com/directiface

go 1.26
