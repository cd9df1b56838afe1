if (n := len(a)) > 10:
    print(f"List is too long ({n} elements, expected <= 10)")
while chunk := read():
    pass
print(x := 1)
[y := f(x), y**2]
def f(a=(b := 1)): pass
x = [*a, *b]
f(**{'a': 1})
a = b[1:2:3]
c = not a in b
d = a is not b
e = (yield_ for yield_ in x)
