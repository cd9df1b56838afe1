if a:
    if b:
        if c:
            pass
        else:
            pass
    elif d:
        pass
x = 1
for i in x:
    try:
        pass
    except E:
        continue
    finally:
        break
while x:
    with a:
        for y in z:
            pass
        else:
            pass
def f():
    class A:
        def g(self):
            return lambda: self
    return A
