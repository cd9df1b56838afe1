print(int.bit_length("x"))
