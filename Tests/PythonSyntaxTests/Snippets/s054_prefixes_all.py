a = Rb'x' bR'x' rB'x' BR'x'
b = Fr'{a}' fR'{a}' RF'{a}' rf'{a}\n'
c = U'x'
d = .5j + 1.e5 + 1_000j + 0b_1 + 0x_a + 0o_7 + 1E+0_5
e = -0x10 + -1.5 + ~0
f = '\N{EM DASH}' f'\N{EM DASH}{x}'
g = f"{x!r:^10}" f"{'a' + 'b'}"
h = f"""{
    x
}"""
