x = a or b and not c
y = -a + +b - ~c
z = a * b / c // d % e @ f ** g ** h
w = a << 1 >> 2 & 3 | 4 ^ 5
c = 1 < x <= 2 != y == z > w >= v is not None is q in r not in s
t = a if b else c
n = (m := 10)
s = x[1:2], x[::2], x[1:], x[:-1], x[a, b], x[1:2, ::3], x[()], x[...]
u = f(a, *b, c=d, **e)
v = f(x for x in y)
st = {1, 2, *rest}
dd = {"a": 1, **other, "b": 2}
e = {}
t1 = ()
t2 = 1,
t3 = (1,)
l = [1, 2, *more]
aw = not not x
ix = a.b.c(d)[e](f)
neg = -1
p = 2 ** -1
