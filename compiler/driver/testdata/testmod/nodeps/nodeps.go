package nodeps

func One() int { return 1 }
