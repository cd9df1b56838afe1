if any((match := p).x for p in ps): pass
print(f"{(x:=10)}")
[(y := 1)]
{(z := 1)}
{a: (b := 1)}
f(x, y := 2)
while (line := read()) != "":
    pass
a[b := 1]
