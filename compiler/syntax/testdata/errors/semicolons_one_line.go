package p;import"fmt";func main(){fmt.Println("x" 1)}
